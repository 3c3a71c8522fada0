// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/core/articlequery.h"

#include "desktop/core/searchindexer.h"
#include "shared/database.h"
#include "shared/synctable.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Result;
using shared::VoidResult;

QString ArticleQuery::matchExpression(const QString &text)
{
    static const QRegularExpression words(QStringLiteral("[\\p{L}\\p{N}_]+"));
    QStringList terms;
    for (auto it = words.globalMatch(text); it.hasNext();)
        terms << QLatin1Char('"') + it.next().captured(0) + QStringLiteral("\"*");
    return terms.join(QLatin1Char(' '));
}

Result<QStringList> ArticleQuery::knownTags(shared::Database &db, const QString &kind)
{
    Result<QSqlQuery> q = db.exec(QStringLiteral("SELECT min(t.value) FROM articles g, json_each(g.tags) t WHERE "
                                                 "(? = '' OR g.kind = ?) GROUP BY lower(t.value) "
                                                 "ORDER BY count(*) DESC, lower(t.value) LIMIT 200"),
                                  { kind, kind });
    if (!q)
        return q.error();
    QStringList tags;
    while (q->next())
        tags << q->value(0).toString();
    return tags;
}

Result<QList<ArticleSummary>> ArticleQuery::run(shared::Database &db) const
{
    const QString match = matchExpression(text);
    QVariantList binds;
    QString sql;
    if (!match.isEmpty()) {
        if (VoidResult r = SearchIndexer::catchUp(db); !r)
            return r.error();
        sql = QStringLiteral(
            "SELECT g.id, g.title, g.kind, g.status, g.slug, g.updated_at, "
            "snippet(articles_fts, -1, '[', ']', '…', 8) FROM articles_fts JOIN articles g ON g.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ?");
        binds << match;
    } else {
        sql = QStringLiteral("SELECT g.id, g.title, g.kind, g.status, g.slug, g.updated_at, '' FROM articles g WHERE 1");
    }
    if (!kind.isEmpty()) {
        sql += QStringLiteral(" AND g.kind = ?");
        binds << kind;
    }
    if (!status.isEmpty()) {
        sql += QStringLiteral(" AND g.status = ?");
        binds << status;
    }
    if (!category.isEmpty()) {
        sql += QStringLiteral(" AND EXISTS (WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT c.id FROM categories c "
                              "JOIN tree t ON c.parent_id = t.id) SELECT 1 FROM json_each(g.categories) e JOIN tree "
                              "ON tree.id = e.value)");
        binds << category;
    }
    if (!tag.isEmpty()) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM json_each(g.tags) t WHERE lower(t.value) = lower(?))");
        binds << tag.trimmed();
    }
    if (!ownerId.isEmpty()) {
        sql += QStringLiteral(" AND g.owner_id = ?");
        binds << ownerId;
    }
    switch (sort) {
    case Sort::Relevance:
        sql += match.isEmpty() ? QStringLiteral(" ORDER BY g.updated_at DESC") : QStringLiteral(" ORDER BY rank");
        break;
    case Sort::Title:
        sql += QStringLiteral(" ORDER BY g.title COLLATE NOCASE, g.id");
        break;
    case Sort::Updated:
        sql += QStringLiteral(" ORDER BY g.updated_at DESC, g.id");
        break;
    }
    sql += QStringLiteral(" LIMIT %1").arg(limit);
    Result<QSqlQuery> q = db.exec(sql, binds);
    if (!q)
        return q.error();
    QList<ArticleSummary> out;
    while (q->next()) {
        out.append({ q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                     q->value(4).toString(), q->value(5).toString(), q->value(6).toString() });
    }
    return out;
}

} // namespace quire::desktop
