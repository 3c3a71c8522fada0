// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// /api/v1/sync/push and /api/v1/sync/pull: the replicas' way in and out.
namespace SyncRoutes {
void install(Router &router);
}

} // namespace quire::server
