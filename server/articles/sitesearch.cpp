// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/sitesearch.h"

#include "server/servercontext.h"
#include "shared/articlepage.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/pagetemplate.h"
#include "shared/sqldialect.h"
#include "shared/synctable.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

using shared::PageTemplate;
using shared::Result;

namespace {

// Marks FTS5 puts around matches; control characters cannot come from text
// a person typed into an article, so they survive escaping unambiguously.
const QString kOpen = QStringLiteral("\x02");
const QString kClose = QStringLiteral("\x03");

// The words of `text` (letters, digits, underscores; at most 12), so that
// punctuation a reader types is never query syntax.
QString searchWords(const QString &text)
{
    static const QRegularExpression words(QStringLiteral("[\\p{L}\\p{N}_]+"));
    QStringList terms;
    for (auto it = words.globalMatch(text); it.hasNext();)
        terms << it.next().captured(0);
    return terms.mid(0, 12).join(QLatin1Char(' '));
}

} // namespace

Result<QList<SiteSearch::Hit>> SiteSearch::run(shared::Database &db, const QString &query, int limit)
{
    const shared::SqlDialect &sql = db.dialect();
    const QString match = sql.fullTextQuery(searchWords(query));
    if (match.isEmpty())
        return QList<Hit>();
    // A word in the title counts most, then in the summary, then the body.
    const shared::SqlDialect::RankedSearch search
        = sql.rankedSearch(*shared::SyncSchema::find(QStringLiteral("articles")), QStringLiteral("g"),
                           { { QStringLiteral("title"), 5.0 }, { QStringLiteral("summary"), 2.0 } }, 16);
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT g.kind, g.slug, g.title, %1 FROM %2 WHERE %3 AND g.status = ? AND "
                                 "g.deleted = 0 AND g.slug <> '' ORDER BY %4 LIMIT ?")
                      .arg(search.snippet, search.from, search.condition, search.rank),
                  { kOpen, kClose, match, shared::contentStatusName(shared::ContentStatus::Published), limit });
    if (!q)
        return q.error();
    QList<Hit> hits;
    while (q->next()) {
        QString snippet = QString::fromUtf8(PageTemplate::escape(q->value(3).toString()));
        snippet.replace(kOpen, QStringLiteral("<mark>")).replace(kClose, QStringLiteral("</mark>"));
        hits.append({ q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), snippet });
    }
    return hits;
}

Result<QByteArray> SiteSearch::page(WorkerServices &services, const QString &query)
{
    static const Result<PageTemplate> page = PageTemplate::builtin(QStringLiteral("search"));
    if (!page)
        return page.error();
    Result<QList<Hit>> hits = run(services.database(), query);
    if (!hits)
        return hits.error();
    QByteArray results;
    if (!query.trimmed().isEmpty()) {
        if (hits->isEmpty()) {
            results = "<p>Nothing found.</p>\n";
        } else {
            results = "<ol class=\"results\">\n";
            for (const Hit &h : std::as_const(*hits)) {
                const Result<QString> path = shared::ArticlePage::path(h.kind, h.slug);
                if (!path)
                    return path.error();
                results.append("<li><h2><a href=\"").append(PageTemplate::escape(*path)).append("\">");
                results.append(PageTemplate::escape(h.title)).append("</a></h2>\n<p>");
                results.append(h.snippetHtml.toUtf8()).append("</p></li>\n");
            }
            results.append("</ol>\n");
        }
    }
    return page->render(
        { { "lang", QStringLiteral("en") },
          { "site_name", services.context().siteName },
          { "heading",
            query.trimmed().isEmpty() ? QStringLiteral("Search") : QStringLiteral("Search: %1").arg(query.trimmed()) },
          { "query", query } },
        { { "results", results } });
}

} // namespace quire::server
