// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/siteroutes.h"

#include "server/accounts/sessioncookie.h"
#include "server/articles/accountheader.h"
#include "server/articles/listingpages.h"
#include "server/articles/readerpages.h"
#include "server/articles/sitesearch.h"
#include "server/articles/topicpages.h"
#include "server/http/router.h"
#include "server/http/wireformat.h"
#include "server/servercontext.h"
#include "server/site/cachedpages.h"
#include "server/site/pagecache.h"
#include "shared/articlekind.h"
#include "shared/articlepage.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/pagetemplate.h"
#include "shared/synctable.h"
#include "shared/timestamp.h"

#include <QFile>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace quire::server::SiteRoutes {

using shared::PageTemplate;

namespace {

// The name and slug of each live category in `ids`, in the article's order.
shared::Result<QList<shared::ArticleView::Category>> categoryLinks(shared::Database &db, const QStringList &ids)
{
    QList<shared::ArticleView::Category> links;
    if (ids.isEmpty())
        return links;
    QStringList marks;
    marks.fill(QStringLiteral("?"), ids.size());
    QVariantList binds;
    for (const QString &id : ids)
        binds << id;
    shared::Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT id, name, slug FROM categories WHERE deleted = 0 AND id IN (%1)")
                      .arg(marks.join(QLatin1String(", "))),
                  binds);
    if (!q)
        return q.error();
    QHash<QString, shared::ArticleView::Category> found;
    while (q->next())
        found.insert(q->value(0).toString(), { q->value(1).toString(), q->value(2).toString() });
    for (const QString &id : ids) {
        if (found.contains(id))
            links.append(found.value(id));
    }
    return links;
}

shared::Result<PageCache::Page> messagePage(int status, const QString &heading, const QString &message,
                                            const ServerContext &context)
{
    static const shared::Result<PageTemplate> page = PageTemplate::builtin(QStringLiteral("message"));
    if (!page)
        return page.error();
    shared::Result<QByteArray> html = page->render({ { "lang", QStringLiteral("en") },
                                                     { "site_name", context.siteName },
                                                     { "heading", heading },
                                                     { "message", message } });
    if (!html)
        return html.error();
    PageCache::Page p;
    p.status = status;
    p.body = *html;
    return p;
}

// The readers' 404: the site's layout, a search box and a way home, for an
// article, listing or address the site does not have.
shared::Result<PageCache::Page> notFoundPage(const ServerContext &context)
{
    static const shared::Result<PageTemplate> page = PageTemplate::builtin(QStringLiteral("not-found"));
    if (!page)
        return page.error();
    shared::Result<QByteArray> html
        = page->render({ { "lang", QStringLiteral("en") }, { "site_name", context.siteName } });
    if (!html)
        return html.error();
    PageCache::Page p;
    p.status = 404;
    p.body = *html;
    return p;
}

// `reader`: the signed-in reader the page is made for (with the save
// button's state), or none for the page everyone shares from the cache.
shared::Result<PageCache::Page> articlePage(WorkerServices &services, const QString &kind, const QString &slug,
                                            const std::optional<std::pair<Principal, QString>> &reader = std::nullopt)
{
    const ServerContext &context = services.context();
    shared::Database &db = services.database();
    shared::Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT g.id, g.title, g.body, g.summary, g.status, g.published_at, g.updated_at, "
                                 "g.deleted, u.name, g.tags, g.cover, g.seo_title, g.seo_description, g.categories "
                                 "FROM articles g LEFT JOIN users u ON u.id = g.owner_id "
                                 "WHERE g.kind = ? AND g.slug = ? ORDER BY g.deleted, g.rev DESC LIMIT 1"),
                  { kind, slug });
    if (!q)
        return q.error();
    if (q->next()) {
        const bool live = q->value(7).toInt() == 0
            && q->value(4).toString() == shared::contentStatusName(shared::ContentStatus::Published);
        if (live) {
            const shared::Result<QString> here = shared::ArticlePage::path(kind, slug);
            if (!here)
                return here.error();
            shared::ArticleView view;
            view.kind = kind;
            view.slug = slug;
            view.title = q->value(1).toString();
            view.body = q->value(2).toString();
            view.summary = q->value(3).toString();
            view.authorName = q->value(8).toString();
            view.publishedAt = shared::Timestamp::parse(q->value(5).toString()).value_or(QDateTime());
            view.updatedAt = shared::Timestamp::parse(q->value(6).toString()).value_or(QDateTime());
            view.tags = shared::listItems(q->value(9).toString());
            view.coverUrl = q->value(10).toString();
            view.seoTitle = q->value(11).toString();
            view.seoDescription = q->value(12).toString();
            shared::Result<QList<shared::ArticleView::Category>> categories
                = categoryLinks(db, shared::listItems(q->value(13).toString()));
            if (!categories)
                return categories.error();
            view.categories = *categories;
            const QByteArray actions
                = ReaderPages::saveButton(services, reader ? &reader->first : nullptr,
                                          reader ? reader->second : QString(), q->value(0).toString(), *here);
            shared::Result<QByteArray> html = shared::ArticlePage::render(
                view, { context.siteName, context.publicBaseUrl, QStringLiteral("en"), actions });
            if (!html)
                return html.error();
            PageCache::Page p;
            p.body = *html;
            p.lastModified = WireFormat::httpDate(view.updatedAt);
            return p;
        }
        if (!q->value(5).toString().isEmpty()) {
            return messagePage(410, QStringLiteral("This page was withdrawn"),
                               QStringLiteral("It was published here once and is no longer available."), context);
        }
    } else {
        // An old address of a live article: send readers (and search engines) on.
        shared::Result<QSqlQuery> moved
            = db.exec(QStringLiteral("SELECT g.kind, g.slug FROM slug_history h JOIN articles g "
                                     "ON g.id = h.article_id WHERE h.kind = ? AND h.slug = ? "
                                     "AND g.deleted = 0 AND g.status = ? AND g.slug <> ''"),
                      { kind, slug, shared::contentStatusName(shared::ContentStatus::Published) });
        if (!moved)
            return moved.error();
        if (moved->next()) {
            const shared::Result<QString> to
                = shared::ArticlePage::path(moved->value(0).toString(), moved->value(1).toString());
            if (!to)
                return to.error();
            PageCache::Page p;
            p.status = 301;
            p.location = to->toUtf8();
            return p;
        }
    }
    return notFoundPage(context);
}

Router::Handler article(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) -> HttpResponse {
        const QString slug = request.params.value(QStringLiteral("slug"));
        // A signed-in reader gets the page made for them (their save
        // button), never the shared cached one, and no cache keeps it.
        if (!request.cookie(kSessionCookie).isEmpty() && shared::isSlug(slug)) {
            if (const auto reader = ReaderPages::reader(request, services)) {
                shared::Result<PageCache::Page> page = articlePage(services, kind, slug, reader);
                if (!page)
                    return HttpResponse::internalError(page.error());
                return AccountHeader::respond(services, request, reader->first.userId, reader->second, *page);
            }
        }
        PageCache *cache = services.context().pages;
        if (cache) {
            if (const std::optional<PageCache::Page> hit = cache->find(request.path))
                return CachedPages::respond(*hit, request);
        }
        const quint64 readAt = cache ? cache->generation() : 0;
        shared::Result<PageCache::Page> page
            = shared::isSlug(slug) ? articlePage(services, kind, slug) : notFoundPage(services.context());
        if (!page)
            return HttpResponse::internalError(page.error());
        return CachedPages::respond(cache ? cache->insert(request.path, *page, readAt) : *page, request);
    };
}

// A listing from the cache, made by `make` on a miss.
// A signed-in reader (a valid session cookie) gets it made for them, with
// their account in the header, never from or into the cache.
template<typename Make>
HttpResponse cached(HttpRequest &request, WorkerServices &services, const QString &key, Make make)
{
    const std::optional<std::pair<Principal, QString>> reader
        = request.cookie(kSessionCookie).isEmpty() ? std::nullopt : ReaderPages::reader(request, services);
    PageCache *cache = reader ? nullptr : services.context().pages;
    if (cache) {
        if (const std::optional<PageCache::Page> hit = cache->find(key))
            return CachedPages::respond(*hit, request);
    }
    const quint64 readAt = cache ? cache->generation() : 0;
    shared::Result<PageCache::Page> page = make();
    if (!page)
        return HttpResponse::internalError(page.error());
    if (page->status == 404 && page->body.isEmpty()) {
        page = notFoundPage(services.context());
        if (!page)
            return HttpResponse::internalError(page.error());
    }
    if (reader)
        return AccountHeader::respond(services, request, reader->first.userId, reader->second, *page);
    return CachedPages::respond(cache ? cache->insert(key, *page, readAt) : *page, request);
}

// The ?page= of a listing: 1 when absent, -1 when it is no page number.
int pageNumber(const HttpRequest &request)
{
    if (!request.query.hasQueryItem(QStringLiteral("page")))
        return 1;
    bool ok = false;
    const int page = request.query.queryItemValue(QStringLiteral("page")).toInt(&ok);
    return ok && page >= 1 && page <= 100'000 ? page : -1;
}

Router::Handler listing(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) -> HttpResponse {
        const int page = pageNumber(request);
        const QString key = request.path + QStringLiteral("?page=%1").arg(page);
        return cached(request, services, key, [&]() -> shared::Result<PageCache::Page> {
            if (page < 1) {
                PageCache::Page missing;
                missing.status = 404;
                return missing;
            }
            return ListingPages::index(services, kind, page);
        });
    };
}

// A category's or tag's pages, cached like the indexes.
Router::Handler topic(bool isCategory)
{
    return [isCategory](HttpRequest &request, WorkerServices &services) -> HttpResponse {
        const int page = pageNumber(request);
        const QString name = QUrl::fromPercentEncoding(
            request.params.value(isCategory ? QStringLiteral("slug") : QStringLiteral("tag")).toUtf8());
        const QString key = request.path + QStringLiteral("?page=%1").arg(page);
        return cached(request, services, key, [&]() -> shared::Result<PageCache::Page> {
            if (page < 1 || name.trimmed().isEmpty() || name.size() > shared::kMaxListItemLength) {
                PageCache::Page missing;
                missing.status = 404;
                return missing;
            }
            return isCategory ? TopicPages::category(services, name, page) : TopicPages::tag(services, name, page);
        });
    };
}

HttpResponse stylesheet(HttpRequest &, WorkerServices &)
{
    static const QByteArray css = [] {
        QFile file(QStringLiteral(":/quire/site/site.css"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    HttpResponse r;
    r.contentType = QByteArrayLiteral("text/css; charset=utf-8");
    r.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("public, max-age=3600") });
    r.body = css;
    return r;
}

} // namespace

void install(Router &router)
{
    for (shared::ArticleKind kind : shared::articleKinds()) {
        router.add(QStringLiteral("GET"), shared::articleKindSitePath(kind) + QStringLiteral("/:slug"),
                   article(shared::articleKindName(kind)));
    }
    router.add(QStringLiteral("GET"), QStringLiteral("/assets/site.css"), stylesheet);
    // Any other address a browser asks for is a page the site does not have.
    router.setPageNotFound([](HttpRequest &request, WorkerServices &services) {
        // A browser asks for HTML and gets the site's page; a script or an
        // API client keeps the JSON answer every other unknown path gets.
        if (!request.header("Accept").contains("text/html"))
            return HttpResponse::nothingAt(request.path);
        shared::Result<PageCache::Page> page = notFoundPage(services.context());
        if (!page)
            return HttpResponse::internalError(page.error());
        return CachedPages::respond(*page, request);
    });
    // Not cached: every query is different, and a cache keyed by what
    // strangers type would only be churned.
    router.add(QStringLiteral("GET"), QStringLiteral("/search"), [](HttpRequest &request, WorkerServices &services) {
        const QString query = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).left(200);
        shared::Result<QByteArray> html = SiteSearch::page(services, query);
        if (!html)
            return HttpResponse::internalError(html.error());
        if (!request.cookie(kSessionCookie).isEmpty()) {
            if (const auto reader = ReaderPages::reader(request, services)) {
                PageCache::Page page;
                page.body = *html;
                return AccountHeader::respond(services, request, reader->first.userId, reader->second, page);
            }
        }
        HttpResponse r;
        r.contentType = QByteArrayLiteral("text/html; charset=utf-8");
        r.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache") });
        r.headers.append({ QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding, Cookie") });
        r.body = *html;
        return r;
    });
    for (shared::ArticleKind kind : shared::articleKinds())
        router.add(QStringLiteral("GET"), shared::articleKindSitePath(kind), listing(shared::articleKindName(kind)));
    router.add(QStringLiteral("GET"), QStringLiteral("/categories/:slug"), topic(true));
    router.add(QStringLiteral("GET"), QStringLiteral("/tags/:tag"), topic(false));
    router.add(QStringLiteral("GET"), QStringLiteral("/"), [](HttpRequest &request, WorkerServices &services) {
        return cached(request, services, QStringLiteral("/"), [&] { return ListingPages::home(services); });
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/feed.xml"), [](HttpRequest &request, WorkerServices &services) {
        return cached(request, services, QStringLiteral("/feed.xml"), [&] { return ListingPages::feed(services); });
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/sitemap.xml"),
               [](HttpRequest &request, WorkerServices &services) {
                   return cached(request, services, QStringLiteral("/sitemap.xml"),
                                 [&] { return ListingPages::sitemap(services); });
               });
    router.add(QStringLiteral("GET"), QStringLiteral("/robots.txt"),
               [](HttpRequest &request, WorkerServices &services) {
                   return cached(request, services, QStringLiteral("/robots.txt"),
                                 [&]() -> shared::Result<PageCache::Page> { return ListingPages::robots(services); });
               });
}

} // namespace quire::server::SiteRoutes
