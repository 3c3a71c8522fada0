// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/site/pagecache.h"
#include "shared/result.h"

#include <QString>

namespace quire::server {

class WorkerServices;

// The readers' pages that list articles: the home page, the index of each
// kind (paged), the Atom feed, sitemap.xml and robots.txt. Each returns a
// page for the cache; lists are built from an item template per article,
// so every value is escaped by the template.
namespace ListingPages {

shared::Result<PageCache::Page> home(WorkerServices &services);
shared::Result<PageCache::Page> index(WorkerServices &services, const QString &kind, int page);
shared::Result<PageCache::Page> feed(WorkerServices &services);
shared::Result<PageCache::Page> sitemap(WorkerServices &services);
PageCache::Page robots(WorkerServices &services);

inline constexpr int kPageSize = 20;

} // namespace ListingPages
} // namespace quire::server
