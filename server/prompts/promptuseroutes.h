// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace quire::server {

class Router;

// Using prompts: POST <base>/:id/render (base = /api/v1/prompts), the usage
// history (GET <base>/:id/usage, GET /api/v1/users/me/usage) and POST
// <base>/:id/usage for clients that copy or run a prompt themselves.
namespace PromptUseRoutes {
void install(Router &router, const QString &base);
}

} // namespace quire::server
