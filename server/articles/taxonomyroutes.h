// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// Categories (admin-managed, nestable: /api/v1/categories) and tags
// (free text on articles: /api/v1/tags with how often each is used).
namespace TaxonomyRoutes {
void install(Router &router);
}

} // namespace quire::server
