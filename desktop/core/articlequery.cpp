// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/articlequery.h"

#include "shared/database.h"
#include "shared/synctable.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

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

VoidResult ArticleQuery::catchUp(shared::Database &db)
{
    qint64 from = 0;
    Result<bool> done = catchUpSome(db, -1, from);
    return done ? VoidResult::success() : VoidResult(done.error());
}

namespace {

// One step of indexing `table`'s marked rows (all of them when maxRows < 0);
// true when the pass over the table ended.
Result<bool> indexMarked(shared::Database &db, const shared::SyncTable &table, int maxRows, qint64 &fromRowid)
{
    // The next marked rows after the last step's, by rowid (the primary
    // key), so each step reads only its own rows, not the table again.
    qint64 upTo = std::numeric_limits<qint64>::max();
    if (maxRows >= 0) {
        Result<QVariant> last = db.scalar(QStringLiteral("SELECT max(rowid) FROM (SELECT rowid FROM %1 WHERE rowid > ? "
                                                         "AND fts_dirty = 1 ORDER BY rowid LIMIT ?)")
                                              .arg(table.name),
                                          { fromRowid, maxRows });
        if (!last)
            return last.error();
        upTo = last->isNull() ? fromRowid : last->toLongLong();
    }
    const QString some = QStringLiteral("SELECT rowid FROM %1 WHERE rowid > %2 AND rowid <= %3 AND fts_dirty = 1")
                             .arg(table.name)
                             .arg(maxRows >= 0 ? fromRowid : 0)
                             .arg(upTo);
    const bool passEnded = maxRows < 0 || upTo == fromRowid;
    fromRowid = passEnded ? 0 : upTo;
    const QString columns = table.searchedColumns().join(QLatin1String(", "));
    if (VoidResult v = db.run(QStringLiteral("DELETE FROM %1_fts WHERE rowid IN (%2)").arg(table.name, some)); !v)
        return v.error();
    if (VoidResult v
        = db.run(QStringLiteral("INSERT INTO %1_fts(rowid, %2) SELECT rowid, %2 FROM %1 WHERE rowid IN (%3)")
                     .arg(table.name, columns, some));
        !v)
        return v.error();
    if (VoidResult v = db.run(QStringLiteral("UPDATE %1 SET fts_dirty = 0 WHERE rowid IN (%2)").arg(table.name, some));
        !v)
        return v.error();
    return passEnded;
}

} // namespace

// Every searchable declared table, one after the other: a step works on the
// first table with marked rows, so `fromRowid` always belongs to it.
Result<bool> ArticleQuery::catchUpSome(shared::Database &db, int maxRows, qint64 &fromRowid)
{
    Result<QVariant> stale = db.scalar(QStringLiteral("SELECT value FROM replica_meta WHERE key = 'fts_stale'"));
    if (!stale)
        return stale.error();
    if (stale->toString() != QLatin1String("1"))
        return true;
    bool finished = false;
    VoidResult r = db.transaction([&]() -> VoidResult {
        bool anyLeft = false;
        bool stepped = false;
        for (const shared::SyncTable &table : shared::SyncSchema::tables()) {
            if (!table.isSearchable())
                continue;
            Result<QVariant> marked
                = db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE fts_dirty = 1)").arg(table.name));
            if (!marked)
                return marked.error();
            if (!marked->toBool())
                continue;
            if (stepped) {
                anyLeft = true;
                break;
            }
            Result<bool> passEnded = indexMarked(db, table, maxRows, fromRowid);
            if (!passEnded)
                return passEnded.error();
            stepped = true;
            if (!*passEnded) {
                anyLeft = true; // more steps follow; the last one checks the whole table
                break;
            }
            Result<QVariant> left
                = db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE fts_dirty = 1)").arg(table.name));
            if (!left)
                return left.error();
            anyLeft = anyLeft || left->toBool();
        }
        finished = !anyLeft;
        if (!finished)
            return VoidResult::success();
        return db.run(QStringLiteral("UPDATE replica_meta SET value = '0' WHERE key = 'fts_stale'"));
    });
    if (!r)
        return r.error();
    return finished;
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
        if (VoidResult r = catchUp(db); !r)
            return r.error();
        sql = QStringLiteral("SELECT g.id, g.title, g.kind, g.status, g.slug, g.updated_at, "
                             "snippet(articles_fts, -1, '[', ']', '…', 8) FROM articles_fts JOIN articles g ON g.rowid "
                             "= articles_fts.rowid "
                             "WHERE articles_fts MATCH ?");
        binds << match;
    } else {
        sql = QStringLiteral(
            "SELECT g.id, g.title, g.kind, g.status, g.slug, g.updated_at, '' FROM articles g WHERE 1");
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
