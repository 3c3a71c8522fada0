// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace quire::server {

class Router;

// A prompt's versions and labels under <base>/:id (base = /api/v1/prompts):
// GET versions (newest first, paged), versions/:number, diff?from=&to=;
// POST versions/:number/restore; GET labels; PUT, DELETE labels/:name;
// POST labels/:name/approve.
namespace PromptVersionRoutes {
void install(Router &router, const QString &base);
}

} // namespace quire::server
