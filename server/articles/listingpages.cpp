// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/listingpages.h"

#include "server/servercontext.h"
#include "shared/articlekind.h"
#include "shared/articlepage.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/pagetemplate.h"
#include "shared/timestamp.h"

#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

namespace quire::server::ListingPages {

using shared::PageTemplate;
using shared::Result;

namespace {

// Published articles, newest first; `kind` empty for both kinds.
Result<QList<Teaser>> published(shared::Database &db, const QString &kind, int limit, int offset)
{
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT kind, slug, title, summary, published_at, updated_at FROM articles "
                                 "WHERE status = ? AND deleted = 0 AND slug <> '' "
                                 "AND (? = '' OR kind = ?) ORDER BY published_at DESC, id DESC "
                                 "LIMIT ? OFFSET ?"),
                  { shared::contentStatusName(shared::ContentStatus::Published), kind, kind, limit, offset });
    if (!q)
        return q.error();
    QList<Teaser> out;
    while (q->next()) {
        out.append({ q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                     q->value(4).toString(), q->value(5).toString() });
    }
    return out;
}

} // namespace

Result<QByteArray> teaserList(const QList<Teaser> &teasers, int headingLevel)
{
    static const Result<PageTemplate> item = PageTemplate::builtin(QStringLiteral("index-item"));
    static const Result<PageTemplate> date = PageTemplate::builtin(QStringLiteral("index-item-date"));
    if (!item)
        return item.error();
    if (!date)
        return date.error();
    QByteArray html = "<ul class=\"teasers\">\n";
    for (const Teaser &t : teasers) {
        // The date when there is one (saved items have none): never an empty <time>.
        const auto at = shared::Timestamp::parse(t.publishedAt);
        Result<QByteArray> meta = at
            ? date->render({ { "published_iso", t.publishedAt },
                             { "published_text", QLocale::c().toString(at->date(), QStringLiteral("d MMMM yyyy")) } })
            : Result<QByteArray>(QByteArray());
        if (!meta)
            return meta.error();
        const Result<QString> href = shared::ArticlePage::path(t.kind, t.slug);
        if (!href)
            return href.error();
        Result<QByteArray> li = item->render({ { "href", *href },
                                               { "title", t.title },
                                               { "summary", t.summary },
                                               { "level", QString::number(headingLevel) } },
                                             { { "meta_html", *meta } });
        if (!li)
            return li.error();
        html.append(*li);
    }
    html.append("</ul>\n");
    return html;
}

Result<PageCache::Page> indexPage(WorkerServices &services, const QString &heading, const QString &canonical,
                                  const QByteArray &sections, const QByteArray &pager)
{
    static const Result<PageTemplate> page = PageTemplate::builtin(QStringLiteral("index"));
    if (!page)
        return page.error();
    Result<QByteArray> html
        = page->render({ { "lang", QStringLiteral("en") },
                         { "site_name", services.context().siteName },
                         { "heading", heading },
                         { "page_title", PageTemplate::pageTitle(heading, services.context().siteName) },
                         { "canonical", services.context().publicBaseUrl + canonical } },
                       { { "sections", sections }, { "pager", pager } });
    if (!html)
        return html.error();
    PageCache::Page p;
    p.body = *html;
    return p;
}

QByteArray pager(const QString &path, int page, bool more)
{
    if (page <= 1 && !more)
        return {};
    const QByteArray base = PageTemplate::escape(path) + (path.contains(QLatin1Char('?')) ? "&amp;page=" : "?page=");
    QByteArray html = "<nav class=\"pager\" aria-label=\"Pages\">";
    if (page > 1)
        html.append("<a rel=\"prev\" href=\"")
            .append(base)
            .append(QByteArray::number(page - 1))
            .append("\">Newer</a> ");
    if (more)
        html.append("<a rel=\"next\" href=\"").append(base).append(QByteArray::number(page + 1)).append("\">Older</a>");
    html.append("</nav>\n");
    return html;
}

namespace {

QByteArray xml(const QString &text)
{
    return PageTemplate::escape(text); // the same five entities are right for XML
}

} // namespace

Result<PageCache::Page> home(WorkerServices &services)
{
    QByteArray sections;
    for (shared::ArticleKind kind : shared::articleKinds()) {
        Result<QList<Teaser>> latest = published(services.database(), shared::articleKindName(kind), 5, 0);
        if (!latest)
            return latest.error();
        Result<QByteArray> list = teaserList(*latest, 3); // under the section's h2
        if (!list)
            return list.error();
        sections.append("<section><h2><a href=\"").append(xml(shared::articleKindSitePath(kind))).append("\">");
        sections.append(xml(shared::articleKindSitePluralLabel(kind))).append("</a></h2>\n");
        sections.append(latest->isEmpty() ? QByteArray("<p>Nothing published yet.</p>\n") : *list)
            .append("</section>\n");
    }
    return indexPage(services, services.context().siteName, QStringLiteral("/"), sections, {});
}

Result<PageCache::Page> index(WorkerServices &services, const QString &kind, int page)
{
    const std::optional<shared::ArticleKind> known = shared::articleKindFromName(kind);
    if (!known)
        return shared::Error::make(shared::ErrorCode::UnknownKind,
                                   QStringLiteral("There is no article kind %1.").arg(kind));
    const QString path = shared::articleKindSitePath(*known);
    Result<QList<Teaser>> items = published(services.database(), kind, kPageSize + 1, (page - 1) * kPageSize);
    if (!items)
        return items.error();
    const bool more = items->size() > kPageSize;
    if (more)
        items->removeLast();
    if (items->isEmpty() && page > 1) {
        PageCache::Page missing;
        missing.status = 404;
        return missing;
    }
    Result<QByteArray> list = teaserList(*items, 2);
    if (!list)
        return list.error();
    const QByteArray sections = items->isEmpty() ? QByteArray("<p>Nothing published yet.</p>\n") : *list;
    return indexPage(services, shared::articleKindSitePluralLabel(*known),
                     path + (page > 1 ? QStringLiteral("?page=%1").arg(page) : QString()), sections,
                     pager(path, page, more));
}

Result<PageCache::Page> feed(WorkerServices &services)
{
    Result<QList<Teaser>> items = published(services.database(), QString(), 20, 0);
    if (!items)
        return items.error();
    const QString base = services.context().publicBaseUrl;
    QByteArray out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    out.append("<title>").append(xml(services.context().siteName)).append("</title>\n");
    out.append("<id>").append(xml(base + QStringLiteral("/"))).append("</id>\n");
    out.append("<link rel=\"self\" href=\"").append(xml(base + QStringLiteral("/feed.xml"))).append("\"/>\n");
    out.append("<link href=\"").append(xml(base + QStringLiteral("/"))).append("\"/>\n");
    const QString updated = items->isEmpty() ? QStringLiteral("1970-01-01T00:00:00.000Z") : items->first().updatedAt;
    out.append("<updated>").append(xml(updated)).append("</updated>\n");
    for (const Teaser &t : std::as_const(*items)) {
        const Result<QString> path = shared::ArticlePage::path(t.kind, t.slug);
        if (!path)
            return path.error();
        const QString url = base + *path;
        out.append("<entry>\n<title>").append(xml(t.title)).append("</title>\n");
        out.append("<link href=\"").append(xml(url)).append("\"/>\n<id>").append(xml(url)).append("</id>\n");
        out.append("<published>").append(xml(t.publishedAt)).append("</published>\n");
        out.append("<updated>").append(xml(t.updatedAt)).append("</updated>\n");
        out.append("<author><name>").append(xml(services.context().siteName)).append("</name></author>\n");
        out.append("<summary>").append(xml(t.summary)).append("</summary>\n</entry>\n");
    }
    out.append("</feed>\n");
    PageCache::Page p;
    p.body = out;
    p.contentType = QByteArrayLiteral("application/atom+xml; charset=utf-8");
    return p;
}

Result<PageCache::Page> sitemap(WorkerServices &services)
{
    Result<QList<Teaser>> items = published(services.database(), QString(), 50'000, 0);
    if (!items)
        return items.error();
    const QString base = services.context().publicBaseUrl;
    QByteArray out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                     "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    QStringList listings { QStringLiteral("/") };
    for (shared::ArticleKind kind : shared::articleKinds())
        listings << shared::articleKindSitePath(kind);
    for (const QString &path : std::as_const(listings))
        out.append("<url><loc>").append(xml(base + path)).append("</loc></url>\n");
    for (const Teaser &t : std::as_const(*items)) {
        const Result<QString> path = shared::ArticlePage::path(t.kind, t.slug);
        if (!path)
            return path.error();
        out.append("<url><loc>").append(xml(base + *path)).append("</loc><lastmod>");
        out.append(xml(t.updatedAt.left(10))).append("</lastmod></url>\n");
    }
    out.append("</urlset>\n");
    PageCache::Page p;
    p.body = out;
    p.contentType = QByteArrayLiteral("application/xml; charset=utf-8");
    return p;
}

PageCache::Page robots(WorkerServices &services)
{
    PageCache::Page p;
    p.body = "User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: " + services.context().publicBaseUrl.toUtf8()
        + "/sitemap.xml\n";
    p.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    return p;
}

} // namespace quire::server::ListingPages
