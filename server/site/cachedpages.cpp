// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/site/cachedpages.h"

#include "server/http/conditionalrequest.h"
#include "server/http/contentsecuritypolicy.h"
#include "server/http/httpmessage.h"

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
    const std::optional<PageCache::Page> hit = m_pages.find(request.path);
    if (!hit)
        return false;
    response = respond(*hit, request);
    return true;
}

HttpResponse CachedPages::respond(const PageCache::Page &page, const HttpRequest &request)
{
    HttpResponse r;
    r.status = page.status;
    // Set here, not by content type: a 304 has none, and a browser takes the
    // headers of a 304 over those it kept.
    r.headers.append(
        { QByteArrayLiteral("Content-Security-Policy"), QByteArrayLiteral(ContentSecurityPolicy::kSitePages) });
    if (page.status == 301) {
        r.headers.append({ QByteArrayLiteral("Location"), page.location });
        r.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("public, max-age=300") });
        return r;
    }
    r.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("public, max-age=0, must-revalidate") });
    if (!page.etag.isEmpty()) // pages made for one reader have none
        r.headers.append({ QByteArrayLiteral("ETag"), page.etag });
    // Cookie too: a signed-in reader gets a page of their own at the same
    // address, so no shared cache may hand them this one.
    r.headers.append({ QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding, Cookie") });
    if (!page.lastModified.isEmpty())
        r.headers.append({ QByteArrayLiteral("Last-Modified"), page.lastModified });
    if (!page.etag.isEmpty() && ConditionalRequest::isNotModified(request, page.etag, page.lastModified)) {
        r.status = 304;
        return r;
    }
    r.contentType = page.contentType;
    if (!page.gzipped.isEmpty() && ConditionalRequest::acceptsGzip(request.header("Accept-Encoding"))) {
        r.headers.append({ QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip") });
        r.body = page.gzipped;
    } else {
        r.body = page.body;
    }
    return r;
}

} // namespace quire::server
