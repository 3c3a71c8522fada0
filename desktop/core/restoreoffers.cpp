// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/restoreoffers.h"

#include "desktop/core/corelogging.h"
#include "desktop/core/replica.h"
#include "desktop/core/workingcopy.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/syncprotocol.h"
#include "shared/timestamp.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Result;
using shared::VoidResult;

namespace {

nlohmann::json writable(const shared::SyncTable &table, const nlohmann::json &row)
{
    nlohmann::json out = nlohmann::json::object();
    for (const QString &c : table.writableColumns()) {
        const std::string key = c.toStdString();
        if (const auto it = row.find(key); it != row.end())
            out[key] = *it;
    }
    return out;
}

} // namespace

RestoreOffers::RestoreOffers(Replica &replica, WorkingCopy &working, QString fromEpoch, qint64 generation)
    : m_replica(replica)
    , m_db(replica.database())
    , m_working(working)
    , m_fromEpoch(std::move(fromEpoch))
    , m_generation(generation)
{ }

QString RestoreOffers::historyOf(const QString &cursor, bool alreadyResyncing)
{
    const std::optional<shared::SyncProtocol::Cursor> parsed = shared::SyncProtocol::Cursor::parse(cursor);
    return alreadyResyncing || !parsed ? QString() : parsed->epoch;
}

Result<bool> RestoreOffers::offer(const shared::SyncTable &table, const QString &id, const nlohmann::json *serverRow)
{
    Result<QSqlQuery> copy = m_db.exec(QStringLiteral("SELECT rev, data FROM server_rows WHERE tbl = ? AND id = ? "
                                                      "AND generation < ?"),
                                       { table.name, id, m_generation });
    if (!copy)
        return copy.error();
    if (!copy->next())
        return false; // not a copy from the old history (new to this replica, or already replaced)
    const qint64 oldRev = copy->value(0).toLongLong();
    const QVariant oldData = copy->value(1);
    Result<std::optional<nlohmann::json>> working = m_working.row(table, id);
    if (!working)
        return working.error();
    if (!*working)
        return false; // deleted here; a queued delete says so itself
    // Most rows of a full pull end here, after two lookups.
    const nlohmann::json mine = writable(table, **working);
    if (serverRow && writable(table, *serverRow) == mine)
        return false; // the server has it as it is here
    Result<QSqlQuery> queued
        = m_db.exec(QStringLiteral("SELECT count(*), coalesce(sum(op = 'delete'), 0) FROM outbox WHERE tbl = ? "
                                   "AND row_id = ?"),
                    { table.name, id });
    if (!queued)
        return queued.error();
    queued->next();
    const bool hasChanges = queued->value(0).toLongLong() > 0;
    if (queued->value(1).toLongLong() > 0)
        return false;
    // Offered by an earlier try of this page (one the user was asked to
    // confirm): it is queued already.
    Result<QVariant> offered = m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE tbl = ? AND row_id = ? "
                                                          "AND state = 'pending' AND base_epoch = ? AND base_rev = ?"),
                                           { table.name, id, m_fromEpoch, oldRev });
    if (!offered)
        return offered.error();
    if (offered->toLongLong() > 0)
        return true;
    const nlohmann::json old = oldData.isNull()
        ? mine
        : writable(table, nlohmann::json::parse(oldData.toString().toStdString(), nullptr, false));
    const bool owned = QString::fromStdString((*working)->value("owner_id", std::string())) == m_accountId;
    if (!owned && !hasChanges)
        return false; // another account's row: its owner's replicas offer it
    // Answered changes of the row are part of `mine` now; the ones not
    // sent yet stay queued before the offer.
    if (VoidResult r = m_db.run(QStringLiteral("DELETE FROM outbox WHERE tbl = ? AND row_id = ? AND state = 'done'"),
                                { table.name, id });
        !r)
        return r.error();
    if (oldData.isNull()) {
        // The server copy was the working row; keep it apart now.
        if (VoidResult r = m_db.run(QStringLiteral("UPDATE server_rows SET data = ? WHERE tbl = ? AND id = ?"),
                                    { QString::fromUtf8(shared::toJsonBytes(**working)), table.name, id });
            !r)
            return r.error();
    }
    qCInfo(lcSync) << "offering back" << table.name << id << "after a server restore";
    if (VoidResult r
        = m_db.run(QStringLiteral("INSERT INTO outbox(tbl, row_id, op, fields, base_rev, base, base_epoch, created_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                   { table.name, id, shared::SyncProtocol::operationName(shared::SyncProtocol::Operation::Upsert),
                     QString::fromUtf8(shared::toJsonBytes(mine)), oldRev, QString::fromUtf8(shared::toJsonBytes(old)),
                     m_fromEpoch, shared::Timestamp::format(shared::Clock::instance().now()) });
        !r)
        return r.error();
    return true;
}

Result<qint64> RestoreOffers::offerPage(const shared::SyncProtocol::PullResponse &page, bool lastPage,
                                        QSet<QPair<QString, QString>> &queued)
{
    Result<QString> account = m_replica.meta(QStringLiteral("user_id"));
    if (!account)
        return account.error();
    m_accountId = *account;
    const auto offerRow = [&](const QString &tbl, const QString &id, const nlohmann::json *row) -> Result<bool> {
        const shared::SyncTable *table = shared::SyncSchema::find(tbl);
        Result<bool> offered = table ? offer(*table, id, row) : Result<bool>(false);
        if (offered && *offered)
            queued.insert({ tbl, id });
        return offered;
    };
    for (const shared::SyncProtocol::Change &c : page.changes) {
        if (c.kind != shared::SyncProtocol::Change::Kind::Upsert)
            continue;
        if (Result<bool> r = offerRow(c.table, c.id, &c.row); !r)
            return r.error();
    }
    qint64 kept = 0;
    if (!lastPage)
        return kept;
    Result<QSqlQuery> stale = m_db.exec(
        QStringLiteral("SELECT tbl, id FROM server_rows WHERE generation < ? AND deleted = 0"), { m_generation });
    if (!stale)
        return stale.error();
    QList<QPair<QString, QString>> rows;
    while (stale->next())
        rows.append({ stale->value(0).toString(), stale->value(1).toString() });
    for (const auto &[tbl, id] : std::as_const(rows)) {
        Result<bool> r = offerRow(tbl, id, nullptr);
        if (!r)
            return r.error();
        kept += *r ? 1 : 0;
    }
    return kept;
}

} // namespace quire::desktop
