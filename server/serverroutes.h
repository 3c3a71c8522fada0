// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// The whole route table of quire-server in one place, so that the server
// and the tools that exercise its routes (the JSON-routes fuzzer) serve
// exactly the same routes.
namespace ServerRoutes {
void installAll(Router &router);
} // namespace ServerRoutes

} // namespace quire::server
