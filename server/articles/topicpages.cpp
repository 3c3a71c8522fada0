// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/topicpages.h"

#include "server/articles/listingpages.h"
#include "server/servercontext.h"
#include "shared/articlepage.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/htmlescape.h"
#include "shared/sqldialect.h"
#include "shared/synctable.h"

#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

namespace quire::server::TopicPages {

using ListingPages::kPageSize;
using ListingPages::Teaser;
namespace HtmlEscape = shared::HtmlEscape;
using shared::Result;

namespace {

constexpr char kTeaserColumns[] = "g.kind, g.slug, g.title, g.summary, g.published_at, g.updated_at";

Result<QList<Teaser>> teasers(QSqlQuery &q)
{
    QList<Teaser> out;
    while (q.next()) {
        out.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toString(), q.value(5).toString() });
    }
    return out;
}

// The page from the articles found (one more than a page, to know if more
// follow) and what goes above them.
Result<PageCache::Page> listPage(WorkerServices &services, QList<Teaser> items, int page, const QString &heading,
                                 const QString &path, const QByteArray &intro)
{
    const bool more = items.size() > kPageSize;
    if (more)
        items.removeLast();
    if (items.isEmpty() && page > 1) {
        PageCache::Page missing;
        missing.status = 404;
        return missing;
    }
    Result<QByteArray> list = ListingPages::teaserList(items, 2);
    if (!list)
        return list.error();
    const QByteArray sections = intro + (items.isEmpty() ? QByteArray("<p>Nothing published here yet.</p>\n") : *list);
    return ListingPages::indexPage(services, heading,
                                   path + (page > 1 ? QStringLiteral("?page=%1").arg(page) : QString()), sections,
                                   ListingPages::pager(path, page, more));
}

QByteArray categoryLinks(const QList<QPair<QString, QString>> &categories, const char *label)
{
    if (categories.isEmpty())
        return {};
    QByteArray html = QByteArray("<nav class=\"taxonomy\" aria-label=\"") + label + "\"><ul>";
    for (const auto &[name, slug] : categories)
        html
            += "<li><a href=\"/categories/" + HtmlEscape::escape(slug) + "\">" + HtmlEscape::escape(name) + "</a></li>";
    return html + "</ul></nav>\n";
}

} // namespace

Result<PageCache::Page> category(WorkerServices &services, const QString &slug, int page)
{
    shared::Database &db = services.database();
    Result<QSqlQuery> c = db.exec(
        QStringLiteral("SELECT id, name, description, parent_id FROM categories WHERE slug = ? AND deleted = 0"),
        { slug });
    if (!c)
        return c.error();
    if (!c->next()) {
        PageCache::Page missing;
        missing.status = 404;
        return missing;
    }
    const QString id = c->value(0).toString();
    const QString name = c->value(1).toString();
    const QString description = c->value(2).toString();
    const QString parentId = c->value(3).toString();

    QList<QPair<QString, QString>> up;
    QList<QPair<QString, QString>> down;
    const shared::SqlDialect &sql = db.dialect();
    Result<QSqlQuery> rel = db.exec(QStringLiteral("SELECT name, slug, id = ? FROM categories WHERE deleted = 0 AND "
                                                   "(id = ? OR parent_id = ?) ORDER BY %1")
                                        .arg(sql.caseless(QStringLiteral("name"))),
                                    { parentId, parentId, id });
    if (!rel)
        return rel.error();
    while (rel->next())
        (rel->value(2).toBool() ? up : down).append({ rel->value(0).toString(), rel->value(1).toString() });

    // The category and everything nested in it; an article's categories
    // as the declared schema keeps them, one item each (`value` as written).
    const shared::SyncTable &articles = *shared::SyncSchema::find(QStringLiteral("articles"));
    Result<QSqlQuery> q = db.exec(
        QStringLiteral("WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT c.id FROM categories c JOIN tree t ON "
                       "c.parent_id = t.id WHERE c.deleted = 0) SELECT %1 FROM articles g WHERE g.status = ? "
                       "AND g.deleted = 0 AND g.slug <> '' AND EXISTS (SELECT 1 FROM %2 e "
                       "JOIN tree ON tree.id = e.value WHERE e.row_id = %3) "
                       "ORDER BY g.published_at DESC, g.id DESC LIMIT ? OFFSET ?")
            .arg(QLatin1String(kTeaserColumns),
                 sql.listItemsTable(articles, *articles.column(QStringLiteral("categories"))),
                 sql.rowKey(QStringLiteral("g"))),
        { id, shared::contentStatusName(shared::ContentStatus::Published), kPageSize + 1, (page - 1) * kPageSize });
    if (!q)
        return q.error();
    Result<QList<Teaser>> items = teasers(*q);
    if (!items)
        return items.error();
    QByteArray intro;
    if (!description.isEmpty())
        intro += "<p class=\"summary\">" + HtmlEscape::escape(description) + "</p>\n";
    intro += categoryLinks(up, "Parent category");
    intro += categoryLinks(down, "Sub-categories");
    return listPage(services, *items, page, name, QStringLiteral("/categories/") + slug, intro);
}

Result<PageCache::Page> tag(WorkerServices &services, const QString &tag, int page)
{
    const QString wanted = shared::ArticlePage::tagSlug(tag);
    shared::Database &db = services.database();
    const shared::SyncTable &articles = *shared::SyncSchema::find(QStringLiteral("articles"));
    Result<QSqlQuery> q = db.exec(
        QStringLiteral("SELECT %1 FROM articles g WHERE g.status = ? AND g.deleted = 0 AND g.slug <> '' AND %2 "
                       "ORDER BY g.published_at DESC, g.id DESC LIMIT ? OFFSET ?")
            .arg(QLatin1String(kTeaserColumns),
                 db.dialect().listHasItem(articles, *articles.column(QStringLiteral("tags")), QStringLiteral("g"))),
        { shared::contentStatusName(shared::ContentStatus::Published), wanted, kPageSize + 1, (page - 1) * kPageSize });
    if (!q)
        return q.error();
    Result<QList<Teaser>> items = teasers(*q);
    if (!items)
        return items.error();
    if (items->isEmpty()) {
        // A tag exists only while something published carries it.
        PageCache::Page missing;
        missing.status = 404;
        return missing;
    }
    return listPage(services, *items, page, QStringLiteral("#") + tag,
                    QStringLiteral("/tags/") + QString::fromLatin1(QUrl::toPercentEncoding(wanted)), {});
}

} // namespace quire::server::TopicPages
