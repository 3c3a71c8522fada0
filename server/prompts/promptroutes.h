// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// The prompt library's REST API under /api/v1 (spec 003).
namespace PromptRoutes {
void install(Router &router);
}

} // namespace quire::server
