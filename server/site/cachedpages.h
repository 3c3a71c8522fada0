// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/cachedanswers.h"

namespace quire::server {

class PageCache;

// The readers' page cache as the front door's CachedAnswers: a page already
// rendered is served to a simple GET/HEAD before routing, with the same
// answer its route gives. Thread-safe like the PageCache it reads.
class CachedPages final : public CachedAnswers
{
public:
    explicit CachedPages(const PageCache &pages);

    quint64 generation() const override;
    bool answer(const HttpRequest &request, HttpResponse &response) const override;

private:
    const PageCache &m_pages;
};

} // namespace quire::server
