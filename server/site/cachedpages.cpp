// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/site/cachedpages.h"

#include "server/articles/siteroutes.h"
#include "server/site/pagecache.h"

namespace quire::server {

CachedPages::CachedPages(const PageCache &pages)
    : m_pages(pages)
{ }

quint64 CachedPages::generation() const
{
    return m_pages.generation();
}

bool CachedPages::answer(const HttpRequest &request, HttpResponse &response) const
{
    return SiteRoutes::fromCache(request, m_pages, response);
}

} // namespace quire::server
