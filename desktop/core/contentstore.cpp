// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"

#include "desktop/core/replica.h"
#include "desktop/core/tr.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Error;
using shared::Result;
using shared::VoidResult;
using shared::SyncProtocol::Operation;

namespace {

Error notFound(const QString &id)
{
    return Error::make(shared::ErrorCode::NotFound, Tr::tr("There is no item with the id %1 in this replica.").arg(id));
}

} // namespace

ContentStore::ContentStore(Replica &replica, SyncStore &sync, QObject *parent)
    : QObject(parent)
    , m_replica(replica)
    , m_sync(sync)
{ }

const shared::SyncTable &ContentStore::articles()
{
    return *shared::SyncSchema::find(QStringLiteral("articles"));
}

Result<QString> ContentStore::create(const shared::SyncTable &table, const nlohmann::json &fields,
                                     const QString &ownerId)
{
    shared::FieldErrors errors;
    table.validateFields(fields, true, errors);
    if (!errors.isEmpty())
        return errors.toError();
    const QString id = shared::Uuid::createV7();
    const QString at = shared::Timestamp::format(shared::Clock::instance().now());
    VoidResult done = inTransaction([&]() -> VoidResult {
        nlohmann::json row = table.withDefaults(fields);
        row["id"] = id;
        row["owner_id"] = ownerId;
        row["created_at"] = at;
        row["updated_at"] = at;
        row["rev"] = 0;
        if (VoidResult r = m_sync.writeWorkingRow(table, row); !r)
            return r;
        return m_sync.enqueue(table, id, Operation::Upsert, table.withDefaults(fields), nlohmann::json::object());
    });
    if (!done)
        return done.error();
    announce(table.name, id);
    return id;
}

VoidResult ContentStore::update(const shared::SyncTable &table, const QString &id, const nlohmann::json &fields)
{
    shared::FieldErrors errors;
    table.validateFields(fields, false, errors);
    if (!errors.isEmpty())
        return errors.toError();
    bool queued = false;
    VoidResult done = inTransaction([&]() -> VoidResult {
        Result<nlohmann::json> current = existing(table, id);
        if (!current)
            return current.error();
        nlohmann::json row = *current;
        nlohmann::json changedFields = nlohmann::json::object();
        nlohmann::json base = nlohmann::json::object();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (row.value(it.key(), nlohmann::json()) == *it)
                continue;
            base[it.key()] = row.value(it.key(), nlohmann::json());
            changedFields[it.key()] = *it;
            row[it.key()] = *it;
        }
        if (changedFields.empty())
            return VoidResult::success();
        // updated_at here is the local clock, for display only; the server
        // sets its own when the change arrives.
        row["updated_at"] = shared::Timestamp::format(shared::Clock::instance().now());
        // Queue first: the outbox keeps the server's version apart before
        // the working copy changes.
        if (VoidResult r = m_sync.enqueue(table, id, Operation::Upsert, changedFields, base); !r)
            return r;
        queued = true;
        return m_sync.writeWorkingRow(table, row);
    });
    if (!done)
        return done;
    if (queued)
        announce(table.name, id);
    return VoidResult::success();
}

VoidResult ContentStore::remove(const shared::SyncTable &table, const QString &id)
{
    VoidResult done = inTransaction([&]() -> VoidResult {
        if (Result<nlohmann::json> current = existing(table, id); !current)
            return current.error();
        if (VoidResult r
            = m_sync.enqueue(table, id, Operation::Delete, nlohmann::json::object(), nlohmann::json::object());
            !r)
            return r;
        return m_sync.removeWorkingRow(table, id);
    });
    if (!done)
        return done;
    announce(table.name, id);
    return VoidResult::success();
}

VoidResult ContentStore::together(const std::function<VoidResult()> &work)
{
    if (m_together)
        return work();
    m_together = true;
    m_pending.clear();
    VoidResult done = m_replica.database().transaction(work);
    m_together = false;
    const QList<std::pair<QString, QString>> pending = std::exchange(m_pending, {});
    if (!done)
        return done;
    for (const auto &[table, id] : pending)
        Q_EMIT changed(table, id);
    return VoidResult::success();
}

VoidResult ContentStore::inTransaction(const std::function<VoidResult()> &work)
{
    return m_together ? work() : m_replica.database().transaction(work);
}

void ContentStore::announce(const QString &table, const QString &id)
{
    if (m_together)
        m_pending.append({ table, id });
    else
        Q_EMIT changed(table, id);
}

Result<nlohmann::json> ContentStore::existing(const shared::SyncTable &table, const QString &id)
{
    Result<std::optional<nlohmann::json>> current = m_sync.workingRow(table, id);
    if (!current)
        return current.error();
    if (!*current)
        return notFound(id);
    return **current;
}

Result<std::optional<nlohmann::json>> ContentStore::get(const shared::SyncTable &table, const QString &id)
{
    return m_sync.workingRow(table, id);
}

QString ContentStore::label(const QString &table, const QString &id, const nlohmann::json &fields)
{
    const shared::SyncTable *t = shared::SyncSchema::find(table);
    if (!t)
        return id;
    nlohmann::json row = fields.is_object() ? fields : nlohmann::json::object();
    if (Result<std::optional<nlohmann::json>> stored = get(*t, id); stored && *stored) {
        for (auto it = (*stored)->begin(); it != (*stored)->end(); ++it) {
            if (!row.contains(it.key()))
                row[it.key()] = *it;
        }
    }
    const auto text = [&](const QString &column) {
        const auto it = row.find(column.toStdString());
        return it != row.end() && it->is_string() ? it->get<QString>().trimmed() : QString();
    };
    if (!t->labelColumn.isEmpty() && !text(t->labelColumn).isEmpty())
        return text(t->labelColumn);
    for (const shared::SyncColumn &c : t->columns) {
        if (c.type == shared::ColumnType::Id && !c.references.isEmpty() && !text(c.name).isEmpty()
            && c.references != table)
            return label(c.references, text(c.name));
    }
    return Tr::tr("%1 %2").arg(t->singularLabel(), id.left(8));
}

Result<QList<nlohmann::json>> ContentStore::list(const shared::SyncTable &table, const QStringList &columns)
{
    const QStringList wanted = columns.isEmpty() ? table.columnNames() : columns;
    for (const QString &c : wanted) {
        if (!table.column(c))
            return Error::make(shared::ErrorCode::UnknownColumn, Tr::tr("%1 has no field %2.").arg(table.name, c));
    }
    Result<QSqlQuery> q
        = m_replica.database().exec(QStringLiteral("SELECT id, rev, %1 FROM %2 ORDER BY updated_at DESC, id")
                                        .arg(wanted.join(QLatin1String(", ")), table.name));
    if (!q)
        return q.error();
    QList<nlohmann::json> rows;
    while (q->next()) {
        nlohmann::json row = nlohmann::json::object();
        row["id"] = q->value(0).toString();
        row["rev"] = q->value(1).toLongLong();
        for (int i = 0; i < wanted.size(); ++i)
            row[wanted[i].toStdString()] = q->value(i + 2).toString();
        rows.append(std::move(row));
    }
    return rows;
}

} // namespace quire::desktop
