// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// /api/v1/users/me: one's own profile, preferences and password.
namespace UserRoutes {
void install(Router &router);
}

} // namespace quire::server
