// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/sitesearch.h"

#include "server/servercontext.h"
#include "shared/articlepage.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/markdownrenderer.h"
#include "shared/pagetemplate.h"
#include "shared/sqldialect.h"
#include "shared/synctable.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <vector>

namespace quire::server {

using shared::PageTemplate;
using shared::Result;

namespace {

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

// How many words a snippet shows, and how many of them come before the first match.
constexpr int kSnippetWords = 24;
constexpr int kSnippetLead = 4;

// What lies between two words (punctuation, spaces, line breaks) escaped,
// with each run of white space one space: a snippet is one line of text.
QString gap(const QString &between)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return QString::fromUtf8(PageTemplate::escape(QString(between).replace(space, QStringLiteral(" "))));
}

// A few words of `text` around the first of the `terms` (matched as the
// index does: a word starting with a term, ignoring case), escaped, each
// matching word in <mark>; the start of the text when no word matches.
QString excerpt(const QString &text, const QStringList &terms)
{
    static const QRegularExpression wordPattern(QStringLiteral("[\\p{L}\\p{N}_]+"));
    struct Word
    {
        qsizetype start;
        qsizetype end;
        bool match;
    };
    std::vector<Word> words;
    qsizetype first = -1;
    for (auto it = wordPattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString w = m.captured(0);
        const bool match = std::any_of(terms.cbegin(), terms.cend(),
                                       [&w](const QString &t) { return w.startsWith(t, Qt::CaseInsensitive); });
        if (match && first < 0)
            first = qsizetype(words.size());
        words.push_back({ m.capturedStart(), m.capturedEnd(), match });
    }
    if (words.empty())
        return {};
    const qsizetype from = std::max<qsizetype>(0, first - kSnippetLead);
    const qsizetype to = std::min<qsizetype>(qsizetype(words.size()), from + kSnippetWords);
    QString html = from > 0 ? QStringLiteral("…") : QString();
    qsizetype pos = words[size_t(from)].start;
    for (qsizetype i = from; i < to; ++i) {
        const Word &w = words[size_t(i)];
        html += gap(text.mid(pos, w.start - pos));
        const QString word = QString::fromUtf8(PageTemplate::escape(text.mid(w.start, w.end - w.start)));
        html += w.match ? QStringLiteral("<mark>") + word + QStringLiteral("</mark>") : word;
        pos = w.end;
    }
    if (to < qsizetype(words.size()))
        html += QStringLiteral(" …");
    else
        html += gap(text.mid(pos).trimmed());
    return html;
}

} // namespace

Result<QList<SiteSearch::Hit>> SiteSearch::run(shared::Database &db, const QString &query, int limit)
{
    const shared::SqlDialect &sql = db.dialect();
    const QString words = searchWords(query);
    const QString match = sql.fullTextQuery(words);
    if (match.isEmpty())
        return QList<Hit>();
    const QStringList terms = words.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // A word in the title counts most, then in the summary, then the body.
    const shared::SqlDialect::RankedSearch search
        = sql.rankedSearch(*shared::SyncSchema::find(QStringLiteral("articles")), QStringLiteral("g"),
                           { { QStringLiteral("title"), 5.0 }, { QStringLiteral("summary"), 2.0 } }, 16);
    QVariantList binds { match, shared::contentStatusName(shared::ContentStatus::Published) };
    if (search.rankTakesQuery)
        binds << match;
    binds << limit;
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT g.kind, g.slug, g.title, g.body, g.summary FROM %1 WHERE %2 AND g.status = ? "
                                 "AND g.deleted = 0 AND g.slug <> '' ORDER BY %3 LIMIT ?")
                      .arg(search.from, search.condition, search.rank),
                  binds);
    if (!q)
        return q.error();
    QList<Hit> hits;
    while (q->next()) {
        // The index holds Markdown; the snippet is made from the text a reader
        // sees (no `##`, `1.`, `**`), from the summary when the body has no match.
        const QString body = shared::MarkdownRenderer::toPlainText(q->value(3).toString());
        const QString summary = q->value(4).toString();
        QString html = excerpt(body, terms);
        if (!html.contains(QLatin1String("<mark>")) && !summary.isEmpty())
            html = excerpt(summary, terms);
        hits.append({ q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), html });
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
