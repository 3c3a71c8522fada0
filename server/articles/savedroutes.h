// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// A user's saved items (bookmarks of published articles):
// GET/POST /api/v1/saved, DELETE /api/v1/saved/:article_id.
namespace SavedRoutes {
void install(Router &router);
}

} // namespace quire::server
