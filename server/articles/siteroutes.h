// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class PageCache;
class Router;
struct HttpRequest;
struct HttpResponse;

// The readers' site, rendered on the server: article pages
// (/guides/<slug>, /case-studies/<slug>) and the shared stylesheet. Pages
// come from the in-memory PageCache with ETag/304, Last-Modified and gzip.
namespace SiteRoutes {
void install(Router &router);

// The answer for an anonymous GET or HEAD of `request.path` if that page is
// in `cache` (the same answer its route gives), for the front door's fast
// path (CachedPages); false when it is not there.
bool fromCache(const HttpRequest &request, const PageCache &cache, HttpResponse &response);
} // namespace SiteRoutes

} // namespace quire::server
