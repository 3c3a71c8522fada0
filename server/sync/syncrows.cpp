// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/syncrows.h"

#include "server/sync/jsontext.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/sqldialect.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

SyncRows::SyncRows(shared::Database &db, const shared::SyncTable &table)
    : m_db(db)
    , m_table(table)
{
    for (const shared::SyncColumn &c : m_table.columns)
        m_keys.push_back(",\"" + c.name.toStdString() + "\":"); // declared names: nothing to escape
}

QString SyncRows::selectList() const
{
    return QStringLiteral("id, ") + m_table.columnNames().join(QLatin1String(", ")) + QStringLiteral(", rev, deleted");
}

StoredRow SyncRows::read(const QSqlQuery &query) const
{
    StoredRow row;
    row.values = nlohmann::json::object();
    row.values["id"] = query.value(0).toString();
    int i = 1;
    for (const shared::SyncColumn &c : m_table.columns)
        row.values[c.name.toStdString()] = query.value(i++).toString();
    row.rev = query.value(i++).toLongLong();
    row.deleted = query.value(i).toInt() != 0;
    return row;
}

void SyncRows::appendJson(const QSqlQuery &query, std::string &out) const
{
    out += "{\"id\":";
    JsonText::appendString(out, query.value(0).toString());
    int i = 1;
    for (const std::string &key : m_keys) {
        out += key;
        JsonText::appendString(out, query.value(i++).toString());
    }
    out += ",\"rev\":";
    out += std::to_string(query.value(i).toLongLong());
    out += '}';
}

shared::Result<std::optional<StoredRow>> SyncRows::load(const QString &id)
{
    shared::Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(selectList(), m_table.name), { id });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StoredRow>();
    return std::optional<StoredRow>(read(*q));
}

shared::VoidResult SyncRows::write(const StoredRow &row, const QString &deletedAt)
{
    const QStringList columns = m_table.columnNames();
    QStringList updates;
    QVariantList binds;
    binds << QString::fromStdString(row.values.value("id", std::string()));
    for (const QString &c : columns) {
        updates << QStringLiteral("%1 = excluded.%1").arg(c);
        const auto it = row.values.find(c.toStdString());
        binds << (it != row.values.end() && it->is_string() ? it->get<QString>() : QString());
    }
    binds << row.rev << (row.deleted ? 1 : 0) << (row.deleted ? QVariant(deletedAt) : QVariant());
    const QString placeholders = QStringLiteral("?, ").repeated(columns.size() + 3) + QStringLiteral("?");
    const QString sql
        = QStringLiteral("INSERT INTO %1 (id, %2, rev, deleted, deleted_at) VALUES (%3) "
                         "ON CONFLICT(id) DO UPDATE SET %4, rev = excluded.rev, "
                         "deleted = excluded.deleted, deleted_at = excluded.deleted_at")
              .arg(m_table.name, columns.join(QLatin1String(", ")), placeholders, updates.join(QLatin1String(", ")));
    return m_db.run(sql, binds);
}

shared::Result<qint64> nextSequence(shared::Database &db)
{
    shared::Result<QVariant> seq = db.scalar(db.dialect().takeChangeNumbers(), { 1 });
    if (!seq)
        return seq.error();
    return seq->toLongLong();
}

} // namespace quire::server
