// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// GET /api/v1/dashboard/data: articles by status, recent activity and the
// caller's drafts, over what the caller may see.
namespace DashboardRoutes {
void install(Router &router);
}

} // namespace quire::server
