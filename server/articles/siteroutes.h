// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// The readers' site, rendered on the server: article pages
// (/guides/<slug>, /case-studies/<slug>) and the shared stylesheet. Pages
// come from the in-memory PageCache with ETag/304, Last-Modified and gzip.
namespace SiteRoutes {
void install(Router &router);
} // namespace SiteRoutes

} // namespace quire::server
