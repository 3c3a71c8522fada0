// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/syncrecords.h"

#include "shared/clock.h"
#include "shared/database.h"
#include "shared/timestamp.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Result;
using shared::VoidResult;

namespace {

nlohmann::json parse(const QVariant &text)
{
    if (text.isNull())
        return nlohmann::json();
    return nlohmann::json::parse(text.toString().toStdString(), nullptr, false);
}

QString now()
{
    return shared::Timestamp::format(shared::Clock::instance().now());
}

} // namespace

SyncRecords::SyncRecords(shared::Database &db)
    : m_db(db)
{ }

Result<QList<SyncRecords::StoredConflict>> SyncRecords::conflicts(bool includeResolved)
{
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT id, tbl, row_id, field, kind, base_value, server_value, "
                                   "client_value, kept, created_at, resolved_at, resolution FROM conflicts%1 "
                                   "ORDER BY created_at, id")
                        .arg(includeResolved ? QString() : QStringLiteral(" WHERE resolved_at IS NULL")));
    if (!q)
        return q.error();
    QList<StoredConflict> out;
    while (q->next()) {
        StoredConflict s;
        s.conflict.id = q->value(0).toString();
        s.conflict.table = q->value(1).toString();
        s.conflict.rowId = q->value(2).toString();
        s.conflict.field = q->value(3).toString();
        s.conflict.kind = q->value(4).toString();
        s.conflict.baseValue = parse(q->value(5));
        s.conflict.serverValue = parse(q->value(6));
        s.conflict.clientValue = parse(q->value(7));
        s.conflict.kept = q->value(8).toString();
        s.conflict.createdAt = q->value(9).toString();
        s.resolvedAt = q->value(10).toString();
        s.resolution = q->value(11).toString();
        out.append(std::move(s));
    }
    return out;
}

Result<std::optional<SyncRecords::StoredConflict>> SyncRecords::conflict(const QString &id)
{
    Result<QList<StoredConflict>> all = conflicts(true);
    if (!all)
        return all.error();
    for (const StoredConflict &c : std::as_const(*all)) {
        if (c.conflict.id == id)
            return std::optional<StoredConflict>(c);
    }
    return std::optional<StoredConflict>();
}

VoidResult SyncRecords::markResolved(const QString &id, const QString &resolution)
{
    return m_db.run(QStringLiteral("UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?"),
                    { now(), resolution, id });
}

Result<QList<SyncRecords::Rejection>> SyncRecords::rejections()
{
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT mutation_id, tbl, row_id, op, fields, code, message, created_at "
                                   "FROM rejected WHERE dismissed_at IS NULL ORDER BY mutation_id"));
    if (!q)
        return q.error();
    QList<Rejection> out;
    while (q->next()) {
        Rejection r;
        r.mutationId = q->value(0).toLongLong();
        r.table = q->value(1).toString();
        r.rowId = q->value(2).toString();
        r.op = q->value(3).toString();
        r.fields = parse(q->value(4));
        r.code = q->value(5).toString();
        r.message = q->value(6).toString();
        r.createdAt = q->value(7).toString();
        out.append(std::move(r));
    }
    return out;
}

VoidResult SyncRecords::dismissRejection(qint64 mutationId)
{
    return m_db.run(QStringLiteral("UPDATE rejected SET dismissed_at = ? WHERE mutation_id = ?"),
                    { now(), mutationId });
}

} // namespace quire::desktop
