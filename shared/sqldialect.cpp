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
    QString fullTextCondition(const SyncTable &table, const QString &alias) const override
    {
        return QStringLiteral("%1.rowid IN (SELECT rowid FROM %2_fts WHERE %2_fts MATCH ?)").arg(alias, table.name);
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
        return QStringLiteral("+%1.rowid IN (SELECT row_id FROM %2_%3_items WHERE item = lower(?))")
            .arg(alias, table.name, column.name);
    }

    QString sortExpression(const SyncColumn &column, const QString &alias) const override
    {
        const QString name = alias.isEmpty() ? column.name : alias + QLatin1Char('.') + column.name;
        return column.type == ColumnType::Text ? name + QStringLiteral(" COLLATE NOCASE") : name;
    }

    QString upsert(const QString &table, const QStringList &columns, const QStringList &key) const override
    {
        QStringList updates;
        for (const QString &c : columns) {
            if (!key.contains(c))
                updates << QStringLiteral("%1 = excluded.%1").arg(c);
        }
        QStringList marks;
        marks.fill(QStringLiteral("?"), columns.size());
        return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO %5")
            .arg(table, columns.join(QLatin1String(", ")), marks.join(QLatin1String(", ")),
                 key.join(QLatin1String(", ")),
                 updates.isEmpty() ? QStringLiteral("NOTHING")
                                   : QStringLiteral("UPDATE SET ") + updates.join(QLatin1String(", ")));
    }
};

} // namespace

const SqlDialect &SqlDialect::sqlite()
{
    static const SqliteDialect dialect;
    return dialect;
}

} // namespace quire::shared
