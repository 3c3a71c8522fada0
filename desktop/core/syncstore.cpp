// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/syncstore.h"

#include "desktop/core/corelogging.h"
#include "desktop/core/pulledrowwriter.h"
#include "desktop/core/replica.h"
#include "desktop/core/restoreoffers.h"
#include "desktop/core/workingcopy.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/protocol.h"
#include "shared/timestamp.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <string>
#include <vector>

namespace quire::desktop {

using shared::Result;
using shared::VoidResult;
using namespace shared::SyncProtocol;

namespace {

QString dump(const nlohmann::json &j)
{
    return QString::fromUtf8(shared::toJsonBytes(j));
}

nlohmann::json parse(const QVariant &text)
{
    if (text.isNull())
        return nlohmann::json();
    // Our own column, but it must not throw on what a damaged file holds.
    return nlohmann::json::parse(text.toString().toStdString(), nullptr, false);
}

QString now()
{
    return shared::Timestamp::format(shared::Clock::instance().now());
}

} // namespace

SyncStore::SyncStore(Replica &replica)
    : m_replica(replica)
    , m_db(replica.database())
    , m_working(replica.database())
{ }

Result<qint64> SyncStore::metaInt(const QString &key)
{
    Result<QString> v = m_replica.meta(key);
    if (!v)
        return v.error();
    return v->toLongLong();
}

VoidResult SyncStore::setMetaValue(const QString &key, const QString &value)
{
    return m_replica.setMeta(key, value);
}

Result<QString> SyncStore::cursor()
{
    return m_replica.meta(QStringLiteral("cursor"));
}

Result<qint64> SyncStore::cursorSeq()
{
    Result<QString> c = cursor();
    if (!c)
        return c.error();
    const std::optional<Cursor> parsed = Cursor::parse(*c);
    return parsed ? parsed->seq : 0;
}

Result<SyncStore::Status> SyncStore::status()
{
    Status s;
    const auto count = [this](const QString &sql, qint64 &out) -> VoidResult {
        Result<QVariant> v = m_db.scalar(sql);
        if (!v)
            return v.error();
        out = v->toLongLong();
        return VoidResult::success();
    };
    if (VoidResult r = count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"), s.pending); !r)
        return r.error();
    if (VoidResult r = count(QStringLiteral("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL"), s.conflicts);
        !r)
        return r.error();
    if (VoidResult r = count(QStringLiteral("SELECT count(*) FROM rejected WHERE dismissed_at IS NULL"), s.rejected);
        !r)
        return r.error();
    Result<QString> c = cursor();
    Result<QString> last = m_replica.meta(QStringLiteral("last_sync_at"));
    Result<QString> resync = m_replica.meta(QStringLiteral("resyncing"));
    if (!c || !last || !resync)
        return (!c ? c : !last ? last : resync).error();
    s.cursor = *c;
    s.lastSyncAt = *last;
    s.resyncing = *resync == QLatin1String("1");
    return s;
}

Result<std::optional<nlohmann::json>> SyncStore::workingRow(const shared::SyncTable &table, const QString &id)
{
    return m_working.row(table, id);
}

VoidResult SyncStore::writeWorkingRow(const shared::SyncTable &table, const nlohmann::json &row)
{
    return m_working.write(table, row);
}

VoidResult SyncStore::removeWorkingRow(const shared::SyncTable &table, const QString &id)
{
    return m_working.remove(table, id);
}

VoidResult SyncStore::enqueue(const shared::SyncTable &table, const QString &rowId, Operation op,
                              const nlohmann::json &fields, const nlohmann::json &base)
{
    Result<QSqlQuery> server = m_db.exec(
        QStringLiteral("SELECT rev, data IS NULL FROM server_rows WHERE tbl = ? AND id = ?"), { table.name, rowId });
    if (!server)
        return server.error();
    const bool hasServerCopy = server->next();
    const qint64 baseRev = hasServerCopy ? server->value(0).toLongLong() : 0;
    if (hasServerCopy && server->value(1).toBool()) {
        // The first local change of a row: keep the server's version apart
        // now, while the working copy still equals it.
        Result<std::optional<nlohmann::json>> working = workingRow(table, rowId);
        if (!working)
            return working.error();
        if (*working) {
            if (VoidResult r = m_db.run(QStringLiteral("UPDATE server_rows SET data = ? WHERE tbl = ? AND id = ?"),
                                        { dump(**working), table.name, rowId });
                !r)
                return r;
        }
    }
    Result<QString> c = cursor();
    if (!c)
        return c.error();
    const std::optional<Cursor> parsed = Cursor::parse(*c);
    const QString epoch = parsed ? parsed->epoch : QString();
    Result<qint64> inFlight = metaInt(QStringLiteral("inflight_max"));
    if (!inFlight)
        return inFlight.error();

    if (op == Operation::Upsert) {
        // Typing makes many small edits; while the newest change of this row
        // is still unsent, fold into it. Its base stays the older one, which
        // is what the server must compare against.
        Result<QSqlQuery> last
            = m_db.exec(QStringLiteral("SELECT mutation_id, op, fields, base FROM outbox WHERE tbl = ? "
                                       "AND row_id = ? ORDER BY mutation_id DESC LIMIT 1"),
                        { table.name, rowId });
        if (!last)
            return last.error();
        if (last->next() && last->value(0).toLongLong() > *inFlight
            && last->value(1).toString() == QLatin1String("upsert")) {
            Result<QVariant> state
                = m_db.scalar(QStringLiteral("SELECT state FROM outbox WHERE mutation_id = ?"), { last->value(0) });
            if (!state)
                return state.error();
            if (state->toString() == QLatin1String("pending")) {
                nlohmann::json mergedFields = parse(last->value(2));
                nlohmann::json mergedBase = parse(last->value(3));
                for (auto it = fields.begin(); it != fields.end(); ++it) {
                    if (!mergedBase.contains(it.key()) && base.contains(it.key()))
                        mergedBase[it.key()] = base[it.key()];
                    mergedFields[it.key()] = *it;
                }
                return m_db.run(QStringLiteral("UPDATE outbox SET fields = ?, base = ? WHERE mutation_id = ?"),
                                { dump(mergedFields), dump(mergedBase), last->value(0) });
            }
        }
    }
    return m_db.run(
        QStringLiteral("INSERT INTO outbox(tbl, row_id, op, fields, base_rev, base, base_epoch, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        { table.name, rowId, operationName(op), dump(fields), baseRev, dump(base), epoch, now() });
}

Result<PushRequest> SyncStore::nextBatch(const QString &clientId)
{
    PushRequest request;
    request.clientId = clientId;
    request.schemaVersion = shared::Protocol::kSchemaVersion;
    Result<qint64> acked = metaInt(QStringLiteral("acked"));
    if (!acked)
        return acked.error();
    request.acked = *acked;
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT mutation_id, tbl, row_id, op, fields, base_rev, base, base_epoch "
                                   "FROM outbox WHERE state = 'pending' ORDER BY mutation_id LIMIT %1")
                        .arg(kMaxBatchMutations));
    if (!q)
        return q.error();
    qsizetype bytes = 0;
    while (q->next()) {
        Mutation m;
        m.id = q->value(0).toLongLong();
        m.table = q->value(1).toString();
        m.rowId = q->value(2).toString();
        m.op = operationFromName(q->value(3).toString()).value_or(Operation::Upsert);
        m.fields = parse(q->value(4));
        m.baseRev = q->value(5).toLongLong();
        m.base = parse(q->value(6));
        m.baseEpoch = q->value(7).toString();
        const qsizetype size = q->value(4).toString().size() + q->value(6).toString().size() + 200;
        // One oversized mutation still goes, alone.
        if (!request.mutations.isEmpty() && bytes + size > kMaxBatchBytes)
            break;
        bytes += size;
        request.mutations.append(std::move(m));
    }
    if (!request.mutations.isEmpty()) {
        if (VoidResult r = setMetaValue(QStringLiteral("inflight_max"), QString::number(request.mutations.last().id));
            !r)
            return r.error();
    }
    return request;
}

VoidResult SyncStore::applyPushResponse(const PushResponse &response)
{
    return m_db.transaction([&]() -> VoidResult {
        Result<qint64> acked = metaInt(QStringLiteral("acked"));
        if (!acked)
            return acked.error();
        qint64 newAcked = *acked;
        QSet<QPair<QString, QString>> touched;
        for (const MutationResult &r : response.results) {
            Result<QSqlQuery> entry = m_db.exec(QStringLiteral("SELECT tbl, row_id, op, fields, state FROM outbox "
                                                               "WHERE mutation_id = ?"),
                                                { r.id });
            if (!entry)
                return entry.error();
            if (!entry->next() || entry->value(4).toString() != QLatin1String("pending"))
                continue; // answered before
            const QString table = entry->value(0).toString();
            const QString rowId = entry->value(1).toString();
            touched.insert({ table, rowId });
            if (r.outcome == Outcome::Rejected) {
                const shared::Error reason
                    = r.reason.value_or(shared::Error::make(shared::ErrorCode::Rejected, QString()));
                if (VoidResult v = m_db.run(
                        QStringLiteral("INSERT OR REPLACE INTO rejected(mutation_id, tbl, row_id, op, "
                                       "fields, code, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                        { r.id, table, rowId, entry->value(2), entry->value(3), reason.code, reason.message, now() });
                    !v)
                    return v;
                if (VoidResult v = m_db.run(QStringLiteral("DELETE FROM outbox WHERE mutation_id = ?"), { r.id }); !v)
                    return v;
                qCInfo(lcSync) << "mutation" << r.id << "refused:" << reason.code;
            } else {
                if (VoidResult v = m_db.run(QStringLiteral("UPDATE outbox SET state = 'done', result_rev = ? "
                                                           "WHERE mutation_id = ?"),
                                            { r.rev, r.id });
                    !v)
                    return v;
            }
            for (const Conflict &c : r.conflicts) {
                const auto text = [](const nlohmann::json &v) { return v.is_null() ? QVariant() : QVariant(dump(v)); };
                if (VoidResult v
                    = m_db.run(QStringLiteral("INSERT OR IGNORE INTO conflicts(id, tbl, row_id, field, kind, "
                                              "base_value, server_value, client_value, kept, created_at) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                               { c.id, c.table, c.rowId, c.field, c.kind, text(c.baseValue), text(c.serverValue),
                                 text(c.clientValue), c.kept, c.createdAt });
                    !v)
                    return v;
            }
            newAcked = std::max(newAcked, r.id);
        }
        if (VoidResult v = setMetaValue(QStringLiteral("acked"), QString::number(newAcked)); !v)
            return v;
        if (VoidResult v = setMetaValue(QStringLiteral("inflight_max"), QStringLiteral("0")); !v)
            return v;
        // Not settled against the cursor here: after a restore the answers'
        // revisions belong to a history the cursor does not, until a pull.
        return settle(touched, {}, false);
    });
}

VoidResult SyncStore::settle(QSet<QPair<QString, QString>> &touched, const QSet<QPair<QString, QString>> &written,
                             bool dropAnswered)
{
    Result<qint64> seq = dropAnswered ? cursorSeq() : Result<qint64>(qint64(-1));
    if (!seq)
        return seq.error();
    Result<QSqlQuery> done
        = m_db.exec(QStringLiteral("SELECT mutation_id, tbl, row_id FROM outbox WHERE state = 'done' "
                                   "AND result_rev <= ?"),
                    { *seq });
    if (!done)
        return done.error();
    bool any = false;
    while (done->next()) {
        any = true;
        const QPair<QString, QString> row { done->value(1).toString(), done->value(2).toString() };
        if (!written.contains(row))
            touched.insert(row); // e.g. a refused overlap: the working copy goes back to the server's
    }
    if (any) {
        if (VoidResult r
            = m_db.run(QStringLiteral("DELETE FROM outbox WHERE state = 'done' AND result_rev <= ?"), { *seq });
            !r)
            return r;
    }
    for (const auto &[table, id] : std::as_const(touched)) {
        const shared::SyncTable *t = shared::SyncSchema::find(table);
        if (!t)
            continue;
        if (VoidResult r = rebuild(*t, id); !r)
            return r;
    }
    return VoidResult::success();
}

VoidResult SyncStore::rebuild(const shared::SyncTable &table, const QString &id)
{
    Result<QSqlQuery> server = m_db.exec(
        QStringLiteral("SELECT rev, deleted, data FROM server_rows WHERE tbl = ? AND id = ?"), { table.name, id });
    if (!server)
        return server.error();
    nlohmann::json row;
    bool exists = false;
    qint64 rev = 0;
    if (server->next() && !server->value(2).isNull()) {
        rev = server->value(0).toLongLong();
        exists = server->value(1).toInt() == 0;
        row = parse(server->value(2));
    } else if (server->isValid()) {
        // No local change was ever made to it: the working row is the copy.
        rev = server->value(0).toLongLong();
        exists = server->value(1).toInt() == 0;
        Result<std::optional<nlohmann::json>> current = workingRow(table, id);
        if (!current)
            return current.error();
        if (*current)
            row = **current;
    } else {
        // Created here and not pulled back yet: the working copy holds the
        // local-only values (owner, times), and re-applying the queued
        // changes over it is harmless because they set whole values.
        Result<std::optional<nlohmann::json>> current = workingRow(table, id);
        if (!current)
            return current.error();
        if (*current)
            row = **current;
    }
    Result<QSqlQuery> queued = m_db.exec(QStringLiteral("SELECT op, fields FROM outbox WHERE tbl = ? AND row_id = ? "
                                                        "ORDER BY mutation_id"),
                                         { table.name, id });
    if (!queued)
        return queued.error();
    while (queued->next()) {
        if (queued->value(0).toString() == QLatin1String("delete")) {
            exists = false;
            continue;
        }
        if (!row.is_object())
            row = table.withDefaults(nlohmann::json::object());
        const nlohmann::json fields = parse(queued->value(1));
        for (auto it = fields.begin(); it != fields.end(); ++it)
            row[it.key()] = *it;
        exists = true;
    }
    if (!exists || !row.is_object())
        return removeWorkingRow(table, id);
    row["id"] = id;
    row["rev"] = rev;
    return writeWorkingRow(table, row);
}

Result<SyncStore::PageResult> SyncStore::applyPullPage(const PullResponse &page, bool allowMassRemoval,
                                                       qint64 &removing, qint64 &total)
{
    PageResult outcome = PageResult::Applied;
    VoidResult done = m_db.transaction([&]() -> VoidResult {
        Result<QString> resyncing = m_replica.meta(QStringLiteral("resyncing"));
        Result<qint64> generation = metaInt(QStringLiteral("resync_generation"));
        Result<QString> fromEpoch = m_replica.meta(QStringLiteral("resync_from_epoch"));
        if (!resyncing || !generation || !fromEpoch)
            return (!resyncing ? resyncing.error() : !generation ? generation.error() : fromEpoch.error());
        const bool finishingResync = *resyncing == QLatin1String("1") && !page.hasMore;

        // Rows with local changes still outstanding after this page: their
        // server copy may change, but their working copy is rebuilt, never
        // simply replaced or dropped. Answered changes this page covers
        // (result_rev up to its cursor) are settled by it, so their rows
        // take the fast path like any other.
        const std::optional<Cursor> pageCursor = Cursor::parse(page.cursor);
        const qint64 pageSeq = pageCursor ? pageCursor->seq : 0;
        // A full pull from another history than the replica's: the server was restored.
        const bool epochChanged = *resyncing == QLatin1String("1") && !fromEpoch->isEmpty() && pageCursor
            && pageCursor->epoch != *fromEpoch;
        QSet<QPair<QString, QString>> queued;
        {
            Result<QSqlQuery> q = m_db.exec(QStringLiteral("SELECT DISTINCT tbl, row_id FROM outbox "
                                                           "WHERE state = 'pending' OR result_rev > ?"),
                                            { pageSeq });
            if (!q)
                return q.error();
            while (q->next())
                queued.insert({ q->value(0).toString(), q->value(1).toString() });
        }

        // Then what this replica held is offered back before the server's rows replace it.
        qint64 staleOffered = 0;
        if (epochChanged) {
            Result<qint64> kept
                = RestoreOffers(m_replica, m_working, *fromEpoch, *generation).offerPage(page, finishingResync, queued);
            if (!kept)
                return kept.error();
            staleOffered = *kept;
        }

        // Count what this page would take away before doing any of it.
        removing = 0;
        total = 0;
        for (const Change &c : page.changes) {
            if (c.kind != Change::Kind::Upsert && !queued.contains({ c.table, c.id }))
                ++removing;
        }
        if (finishingResync) {
            Result<QVariant> stale = m_db.scalar(QStringLiteral("SELECT count(*) FROM server_rows WHERE generation < ? "
                                                                "AND deleted = 0"),
                                                 { *generation });
            if (!stale)
                return stale.error();
            removing += stale->toLongLong() - staleOffered;
        }
        // The replica's size only matters when something goes: counting it
        // reads every row, which a page without removals (every page of a
        // first pull, every sync with nothing new) must not pay for.
        if (!allowMassRemoval && removing > 0) {
            for (const shared::SyncTable &t : shared::SyncSchema::tables()) {
                Result<QVariant> n = m_db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(t.name));
                if (!n)
                    return n.error();
                total += n->toLongLong();
            }
        }
        if (!allowMassRemoval && total >= 10 && removing * 2 > total) {
            outcome = PageResult::NeedsConfirmation;
            return VoidResult::success(); // nothing written; the transaction ends empty
        }

        QSet<QPair<QString, QString>> touched;
        QSet<QPair<QString, QString>> written; // working copy set straight from the server's row
        PulledRowWriter rows(m_db.handle());
        for (const Change &c : page.changes) {
            const shared::SyncTable *table = shared::SyncSchema::find(c.table);
            if (!table) {
                qCWarning(lcSync) << "pull brought a row of unknown table" << c.table;
                continue;
            }
            const bool hasQueued = queued.contains({ c.table, c.id });
            switch (c.kind) {
            case Change::Kind::Upsert: {
                // Without local changes the working copy is the server copy, so
                // the copy is not written twice.
                if (VoidResult r = rows.writeServerRow(c, hasQueued, *generation); !r)
                    return r;
                if (hasQueued) {
                    touched.insert({ c.table, c.id });
                    break;
                }
                if (VoidResult r = rows.writeWorkingRow(*table, c); !r)
                    return r;
                written.insert({ c.table, c.id });
                break;
            }
            case Change::Kind::Delete:
            case Change::Kind::LeftScope:
                if (hasQueued) {
                    // Keep the last values as the base of the local changes;
                    // pushing them settles whether the row comes back.
                    if (VoidResult r = m_db.run(QStringLiteral("UPDATE server_rows SET deleted = 1, rev = ? "
                                                               "WHERE tbl = ? AND id = ?"),
                                                { c.rev, c.table, c.id });
                        !r)
                        return r;
                    touched.insert({ c.table, c.id });
                } else {
                    if (VoidResult r = m_db.run(QStringLiteral("DELETE FROM server_rows WHERE tbl = ? AND id = ?"),
                                                { c.table, c.id });
                        !r)
                        return r;
                    if (VoidResult r = removeWorkingRow(*table, c.id); !r)
                        return r;
                    written.insert({ c.table, c.id });
                }
                break;
            }
        }
        if (finishingResync) {
            // What the full pull did not bring is no longer ours to see.
            Result<QSqlQuery> stale
                = m_db.exec(QStringLiteral("SELECT tbl, id FROM server_rows WHERE generation < ?"), { *generation });
            if (!stale)
                return stale.error();
            QList<QPair<QString, QString>> rows;
            while (stale->next())
                rows.append({ stale->value(0).toString(), stale->value(1).toString() });
            for (const auto &row : std::as_const(rows)) {
                const QString sql = queued.contains(row)
                    ? QStringLiteral("UPDATE server_rows SET deleted = 1 WHERE tbl = ? AND id = ?")
                    : QStringLiteral("DELETE FROM server_rows WHERE tbl = ? AND id = ?");
                if (VoidResult r = m_db.run(sql, { row.first, row.second }); !r)
                    return r;
                touched.insert(row);
            }
            if (VoidResult r = setMetaValue(QStringLiteral("resyncing"), QStringLiteral("0")); !r)
                return r;
        }
        if (VoidResult r = setMetaValue(QStringLiteral("cursor"), page.cursor); !r)
            return r;
        if (!written.isEmpty()) {
            if (VoidResult r = m_working.markSearchStale(); !r)
                return r;
        }
        return settle(touched, written);
    });
    if (!done)
        return done.error();
    return outcome;
}

VoidResult SyncStore::beginResync()
{
    return m_db.transaction([&]() -> VoidResult {
        Result<qint64> generation = metaInt(QStringLiteral("resync_generation"));
        Result<Status> now = status();
        if (!generation || !now)
            return !generation ? generation.error() : now.error();
        if (VoidResult r
            = setMetaValue(QStringLiteral("resync_from_epoch"), RestoreOffers::historyOf(now->cursor, now->resyncing));
            !r)
            return r;
        if (VoidResult r = setMetaValue(QStringLiteral("resync_generation"), QString::number(*generation + 1)); !r)
            return r;
        if (VoidResult r = setMetaValue(QStringLiteral("resyncing"), QStringLiteral("1")); !r)
            return r;
        return setMetaValue(QStringLiteral("cursor"), QString());
    });
}

VoidResult SyncStore::setLastSync(const QString &at)
{
    return setMetaValue(QStringLiteral("last_sync_at"), at);
}

} // namespace quire::desktop
