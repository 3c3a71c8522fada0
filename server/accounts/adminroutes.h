// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// /api/v1/admin: users, invites and the audit log. Every route needs an
// admin permission, declared in the route table.
namespace AdminRoutes {
void install(Router &router);
}

} // namespace quire::server
