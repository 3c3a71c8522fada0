// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/workingcopy.h"

#include "shared/database.h"
#include "shared/jsonqt.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Result;
using shared::VoidResult;

WorkingCopy::WorkingCopy(shared::Database &db)
    : m_db(db)
{ }

QString WorkingCopy::selectList(const shared::SyncTable &table)
{
    return QStringLiteral("id, ") + table.columnNames().join(QLatin1String(", ")) + QStringLiteral(", rev");
}

// Writes a whole working-copy row: id, the table's columns, rev; and, for
// a searchable table, marks the row for the search index in the same write.
QString WorkingCopy::upsertSql(const shared::SyncTable &table)
{
    QStringList updates;
    for (const QString &c : table.columnNames())
        updates << QStringLiteral("%1 = excluded.%1").arg(c);
    const QString placeholders = QStringLiteral("?, ").repeated(table.columns.size() + 1) + QStringLiteral("?");
    if (table.isSearchable()) {
        return QStringLiteral("INSERT INTO %1 (%2, fts_dirty) VALUES (%3, 1) ON CONFLICT(id) DO UPDATE SET %4, "
                              "rev = excluded.rev, fts_dirty = 1")
            .arg(table.name, selectList(table), placeholders, updates.join(QLatin1String(", ")));
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT(id) DO UPDATE SET %4, rev = excluded.rev")
        .arg(table.name, selectList(table), placeholders, updates.join(QLatin1String(", ")));
}

Result<std::optional<nlohmann::json>> WorkingCopy::row(const shared::SyncTable &table, const QString &id)
{
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(selectList(table), table.name), { id });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<nlohmann::json>();
    nlohmann::json row = nlohmann::json::object();
    row["id"] = q->value(0).toString();
    int i = 1;
    for (const shared::SyncColumn &c : table.columns)
        row[c.name.toStdString()] = q->value(i++).toString();
    row["rev"] = q->value(i).toLongLong();
    return std::optional<nlohmann::json>(row);
}

VoidResult WorkingCopy::write(const shared::SyncTable &table, const nlohmann::json &row)
{
    QVariantList binds { QString::fromStdString(row.value("id", std::string())) };
    for (const QString &c : table.columnNames()) {
        const auto it = row.find(c.toStdString());
        binds << (it != row.end() && it->is_string() ? it->get<QString>() : QString());
    }
    binds << row.value("rev", qint64(0));
    if (VoidResult r = m_db.run(upsertSql(table), binds); !r)
        return r;
    return table.isSearchable() ? markSearchStale() : VoidResult::success();
}

VoidResult WorkingCopy::remove(const shared::SyncTable &table, const QString &id)
{
    if (table.isSearchable()) {
        if (VoidResult r = m_db.run(
                QStringLiteral("DELETE FROM %1_fts WHERE rowid = (SELECT rowid FROM %1 WHERE id = ?)").arg(table.name),
                { id });
            !r)
            return r;
    }
    return m_db.run(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table.name), { id });
}

VoidResult WorkingCopy::markSearchStale()
{
    return m_db.run(QStringLiteral("UPDATE replica_meta SET value = '1' WHERE key = 'fts_stale' AND value <> '1'"));
}

} // namespace quire::desktop
