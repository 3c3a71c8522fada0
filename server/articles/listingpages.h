// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/site/pagecache.h"
#include "shared/result.h"

#include <QList>
#include <QString>

namespace quire::server {

class WorkerServices;

// The readers' pages that list articles: the home page, the index of each
// kind (paged), the Atom feed, sitemap.xml and robots.txt. Each returns a
// page for the cache; lists are built from an item template per article,
// so every value is escaped by the template.
namespace ListingPages {

// A published article as lists show it.
struct Teaser
{
    QString kind;
    QString slug;
    QString title;
    QString summary;
    QString publishedAt;
    QString updatedAt;
};

shared::Result<PageCache::Page> home(WorkerServices &services);
shared::Result<PageCache::Page> index(WorkerServices &services, const QString &kind, int page);
shared::Result<PageCache::Page> feed(WorkerServices &services);
shared::Result<PageCache::Page> sitemap(WorkerServices &services);
PageCache::Page robots(WorkerServices &services);

inline constexpr int kPageSize = 20;

// Parts other listing pages (categories, tags) build from.
// `headingLevel`: the level of each teaser's heading, one below the
// heading the list is under (2 right under the page's h1).
shared::Result<QByteArray> teaserList(const QList<Teaser> &teasers, int headingLevel);
shared::Result<PageCache::Page> indexPage(WorkerServices &services, const QString &heading, const QString &canonical,
                                          const QByteArray &sections, const QByteArray &pager);
// Newer/older links for page `page` of `path`; empty when there is one page.
QByteArray pager(const QString &path, int page, bool more);

} // namespace ListingPages
} // namespace quire::server
