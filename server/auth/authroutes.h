// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// /api/v1/auth: register, login, refresh, logout, logout-all.
namespace AuthRoutes {
void install(Router &router);
}

} // namespace quire::server
