// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// /api/v1/guides and /api/v1/case-studies: list (paged, filtered,
// searched), get, create, update, delete, publish and unpublish, within the
// role matrix (the same rules as a synced change).
namespace ArticleRoutes {
void install(Router &router);
}

} // namespace quire::server
