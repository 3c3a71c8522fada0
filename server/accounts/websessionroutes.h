// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace quire::server {

class Router;

// /session: readers sign in and out in the browser. An HttpOnly, Secure,
// SameSite=Lax `__Host-` cookie carries the session; state-changing requests
// need its CSRF token. The bearer API never accepts this cookie.
namespace WebSessionRoutes {
void install(Router &router);

// `next` if it is a path of this site, else "/": never a redirect elsewhere
// (after signing in, and on the readers' pages that send people back).
QString safeNext(const QString &next);
} // namespace WebSessionRoutes

} // namespace quire::server
