// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/cachedanswers.h"
#include "server/site/pagecache.h"

namespace quire::server {

// The readers' page cache as the front door's CachedAnswers: a page already
// rendered is served to a simple GET/HEAD before routing, with the same
// answer its route gives. Thread-safe like the PageCache it reads.
class CachedPages final : public CachedAnswers
{
public:
    explicit CachedPages(const PageCache &pages);

    quint64 generation() const override;
    bool answer(const HttpRequest &request, HttpResponse &response) const override;

    // A page from the cache as this request wants it: 304 when the client
    // holds it already, gzip when it takes gzip. The pages' routes answer
    // with it too, so a hit here and a route give the same answer.
    static HttpResponse respond(const PageCache::Page &page, const HttpRequest &request);

private:
    const PageCache &m_pages;
};

} // namespace quire::server
