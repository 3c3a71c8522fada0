// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/sqldialect.h"

#include "shared/synctable.h"

#include <QRegularExpression>

namespace quire::shared {

namespace {

// SQLite 3.40 as Debian 12 ships it: FTS5, JSON1, row values, upserts.
class SqliteDialect final : public SqlDialect
{
public:
    QString rowKey(const QString &alias) const override
    {
        return alias.isEmpty() ? QStringLiteral("rowid") : alias + QStringLiteral(".rowid");
    }

    QString fullTextCondition(const SyncTable &table, const QString &alias) const override
    {
        return QStringLiteral("%1 IN (%2)").arg(rowKey(alias), fullTextMatches(table));
    }

    QString fullTextMatches(const SyncTable &table) const override
    {
        return QStringLiteral("SELECT rowid FROM %1_fts WHERE %1_fts MATCH ?").arg(table.name);
    }

    QString withoutIndex(const QString &column) const override { return QLatin1Char('+') + column; }

    QString keyInList(const QString &alias) const override
    {
        return QStringLiteral("%1 IN (SELECT value FROM json_each(?))").arg(rowKey(alias));
    }

    QString fullTextHasWord(const SyncTable &table, const QString &alias, const QString &word) const override
    {
        // A quoted FTS5 string is one phrase: the word, never query syntax.
        return QStringLiteral("%1 IN (SELECT rowid FROM %2_fts WHERE %2_fts MATCH '\"' || %3 || '\"')")
            .arg(rowKey(alias), table.name, word);
    }

    RankedSearch rankedSearch(const SyncTable &table, const QString &alias, const QHash<QString, double> &weights,
                              int words) const override
    {
        const QString fts = table.name + QStringLiteral("_fts");
        // bm25() takes one weight per indexed column, in the index's order.
        QStringList weightList;
        for (const QString &c : table.searchedColumns())
            weightList << QString::number(weights.value(c, 1.0), 'f', 2);
        return { QStringLiteral("%1 JOIN %2 %3 ON %4 = %1.rowid").arg(fts, table.name, alias, rowKey(alias)),
                 QStringLiteral("%1 MATCH ?").arg(fts),
                 QStringLiteral("bm25(%1, %2)").arg(fts, weightList.join(QLatin1String(", "))),
                 QStringLiteral("snippet(%1, -1, ?, ?, '…', %2)").arg(fts).arg(words) };
    }

    QString fullTextQuery(const QString &words) const override
    {
        static const QRegularExpression space(QStringLiteral("\\s+"));
        QStringList terms;
        for (QString w : words.split(space, Qt::SkipEmptyParts)) {
            w.replace(QLatin1Char('"'), QLatin1String("\"\""));
            terms << QLatin1Char('"') + w + QStringLiteral("\"*");
        }
        return terms.join(QLatin1Char(' '));
    }

    QString listHasItem(const SyncTable &table, const SyncColumn &column, const QString &alias) const override
    {
        // The unary + keeps the planner walking the sort's index and testing
        // membership, rather than sorting every row that has the item.
        return QStringLiteral("+%1 IN (SELECT row_id FROM %2 WHERE item = lower(?))")
            .arg(rowKey(alias), listItemsTable(table, column));
    }

    QString sortExpression(const SyncColumn &column, const QString &alias) const override
    {
        const QString name = alias.isEmpty() ? column.name : alias + QLatin1Char('.') + column.name;
        return column.type == ColumnType::Text && !column.caseSensitive ? caseless(name) : name;
    }

    QString caseless(const QString &expression) const override
    {
        return expression + QStringLiteral(" COLLATE NOCASE");
    }

    QString containsText(const QString &haystack, const QString &needle) const override
    {
        return QStringLiteral("instr(%1, %2) > 0").arg(haystack, needle);
    }

    QString upsert(const QString &table, const QStringList &columns, const QStringList &key) const override
    {
        QStringList updates;
        for (const QString &c : columns) {
            if (!key.contains(c))
                updates << QStringLiteral("%1 = excluded.%1").arg(c);
        }
        return insert(table, columns, key,
                      updates.isEmpty() ? QStringLiteral("NOTHING")
                                        : QStringLiteral("UPDATE SET ") + updates.join(QLatin1String(", ")));
    }

    QString insertIfAbsent(const QString &table, const QStringList &columns, const QStringList &key) const override
    {
        return insert(table, columns, key, QStringLiteral("NOTHING"));
    }

    QString integerType() const override { return QStringLiteral("INTEGER"); }
    QString realType() const override { return QStringLiteral("REAL"); }
    QString blobType() const override { return QStringLiteral("BLOB"); }
    QString autoIncrementKey() const override { return QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"); }
    QString tableOptions(bool withoutRowid) const override
    {
        return withoutRowid ? QStringLiteral(" STRICT, WITHOUT ROWID") : QStringLiteral(" STRICT");
    }
    QString randomHex16() const override { return QStringLiteral("lower(hex(randomblob(16)))"); }
    QString nowText() const override { return QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"); }
    QString dropTrigger(const QString &name, const QString &) const override
    {
        return QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(name);
    }
    QString rowKeyType() const override { return QStringLiteral("INTEGER"); }
    QString distinct(const QString &a, const QString &b) const override
    {
        return QStringLiteral("%1 IS NOT %2").arg(a, b);
    }

    QString ownChangesStatement() const override { return QStringLiteral("SELECT total_changes()"); }

    // A plain pragma statement: the table-valued pragma_data_version() would
    // compile its pragma again on every run.
    QString othersCommitsStatement() const override { return QStringLiteral("PRAGMA data_version"); }
    QString beginSnapshot() const override { return QStringLiteral("BEGIN"); }
    QString takeChangeNumbers() const override
    {
        return QStringLiteral("UPDATE sync_state SET seq = seq + ? WHERE id = 1 RETURNING seq");
    }

private:
    static QString insert(const QString &table, const QStringList &columns, const QStringList &key,
                          const QString &onConflict)
    {
        QStringList marks;
        marks.fill(QStringLiteral("?"), columns.size());
        return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO %5")
            .arg(table, columns.join(QLatin1String(", ")), marks.join(QLatin1String(", ")),
                 key.join(QLatin1String(", ")), onConflict);
    }
};

} // namespace

QString SqlDialect::listItemsTable(const SyncTable &table, const SyncColumn &column) const
{
    return QStringLiteral("%1_%2_items").arg(table.name, column.name);
}

QString SqlDialect::sortValue(const SyncColumn &column, const QString &placeholder) const
{
    return column.type == ColumnType::Text && !column.caseSensitive ? caseless(placeholder) : placeholder;
}

const SqlDialect &SqlDialect::sqlite()
{
    static const SqliteDialect dialect;
    return dialect;
}

} // namespace quire::shared
