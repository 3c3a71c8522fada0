// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/contentwriter.h"

#include "server/servercontext.h"
#include "server/sync/changefeed.h"
#include "server/sync/syncaccess.h"
#include "server/sync/syncpush.h"
#include "shared/database.h"
#include "shared/synctable.h"

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;
using namespace shared::SyncProtocol;

ContentWriter::ContentWriter(WorkerServices &services, const Principal &who)
    : m_services(services)
    , m_who(who)
{ }

Result<std::optional<StoredRow>> ContentWriter::load(const QString &table, const QString &id)
{
    const SyncAccess *access = SyncAccess::find(table);
    if (!access)
        return Error::make(shared::ErrorCode::UnknownTable, QStringLiteral("No such table."));
    SyncRows rows(m_services.database(), access->table());
    Result<std::optional<StoredRow>> row = rows.load(id);
    if (!row)
        return row.error();
    if (!*row || (*row)->deleted || !access->visible(m_who, access->scopeOf((*row)->values)))
        return std::optional<StoredRow>();
    return row;
}

Result<StoredRow> ContentWriter::upsert(const QString &table, const QString &id, const nlohmann::json &fields,
                                        std::optional<qint64> expectedRev)
{
    Mutation m;
    m.table = table;
    m.rowId = id;
    m.op = Operation::Upsert;
    m.fields = fields;
    if (VoidResult applied = apply(std::move(m), expectedRev); !applied)
        return applied.error();
    Result<std::optional<StoredRow>> after = load(table, id);
    if (!after)
        return after.error();
    if (!*after) // saved, but no longer visible to its writer (e.g. handed over)
        return Error::make(shared::ErrorCode::NotFound, QStringLiteral("The item is no longer visible to you."));
    return **after;
}

VoidResult ContentWriter::remove(const QString &table, const QString &id, std::optional<qint64> expectedRev)
{
    Mutation m;
    m.table = table;
    m.rowId = id;
    m.op = Operation::Delete;
    m.fields = nlohmann::json::object();
    return apply(std::move(m), expectedRev);
}

VoidResult ContentWriter::transaction(const std::function<VoidResult()> &work)
{
    if (m_inTransaction)
        return work();
    m_inTransaction = true;
    m_lastSeq = 0;
    VoidResult done = m_services.database().transaction(work);
    m_inTransaction = false;
    if (done)
        publish(m_lastSeq);
    m_lastSeq = 0;
    return done;
}

VoidResult ContentWriter::settle(const QString &table, const QString &id)
{
    return transaction([&]() -> VoidResult {
        SyncPush push(m_services.database(), m_who, m_services.context().epoch);
        qint64 lastSeq = 0;
        if (VoidResult settled = push.settle({ RowRef { table, id } }, lastSeq); !settled)
            return settled;
        m_lastSeq = qMax(m_lastSeq, lastSeq);
        return VoidResult::success();
    });
}

VoidResult ContentWriter::apply(Mutation m, std::optional<qint64> expectedRev)
{
    SyncPush push(m_services.database(), m_who, m_services.context().epoch);
    qint64 lastSeq = 0;
    Result<MutationResult> applied = m_inTransaction ? push.applyInTransaction(std::move(m), expectedRev, lastSeq)
                                                     : push.applyOne(std::move(m), expectedRev, lastSeq);
    if (!applied)
        return applied.error();
    if (m_inTransaction)
        m_lastSeq = qMax(m_lastSeq, lastSeq);
    else
        publish(lastSeq);
    return VoidResult::success();
}

void ContentWriter::publish(qint64 lastSeq)
{
    if (lastSeq > 0 && m_services.context().changes)
        m_services.context().changes->publish(lastSeq);
}

} // namespace quire::server
