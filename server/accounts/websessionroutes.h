// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// /session: readers sign in and out in the browser. An HttpOnly, Secure,
// SameSite=Lax `__Host-` cookie carries the session; state-changing requests
// need its CSRF token. The bearer API never accepts this cookie.
namespace WebSessionRoutes {
void install(Router &router);
}

} // namespace quire::server
