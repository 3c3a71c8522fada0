// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/syncpush.h"

#include "server/serverlogging.h"
#include "server/sync/fieldmerger.h"
#include "server/sync/restorepoint.h"
#include "server/sync/syncaccess.h"
#include "server/sync/syncrows.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;
using namespace shared::SyncProtocol;

namespace {

MutationResult rejected(qint64 id, Error reason)
{
    return MutationResult { .id = id, .outcome = Outcome::Rejected, .reason = std::move(reason), .conflicts = {} };
}

} // namespace

SyncPush::SyncPush(shared::Database &db, const Principal &who, QString epoch)
    : m_db(db)
    , m_who(who)
    , m_epoch(std::move(epoch))
    , m_now(shared::Timestamp::format(shared::Clock::instance().now()))
{ }

Result<PushResponse> SyncPush::run(const PushRequest &request, qint64 &lastSeq)
{
    PushResponse response;
    lastSeq = 0;
    VoidResult done = m_db.transaction([&]() -> VoidResult {
        Result<QSqlQuery> client = m_db.exec(
            QStringLiteral("SELECT epoch, last_applied FROM sync_clients WHERE user_id = ? AND client_id = ?"),
            { m_who.userId, request.clientId });
        if (!client)
            return client.error();
        qint64 lastApplied = request.acked;
        bool known = false;
        if (client->next() && client->value(0).toString() == m_epoch) {
            lastApplied = client->value(1).toLongLong();
            known = true;
        }
        if (!known) {
            // A replica new to this history (first push, or the server was
            // restored from a backup): its numbering starts after what it has
            // acknowledged, and answers from another history are void.
            if (VoidResult r = m_db.run(QStringLiteral("DELETE FROM sync_results WHERE user_id = ? AND client_id = ?"),
                                        { m_who.userId, request.clientId });
                !r)
                return r;
        } else if (VoidResult r
                   = m_db.run(QStringLiteral("DELETE FROM sync_results WHERE user_id = ? AND client_id = ? "
                                             "AND mutation_id <= ?"),
                              { m_who.userId, request.clientId, request.acked });
                   !r) {
            return r;
        }
        for (const Mutation &m : request.mutations) {
            if (m.id <= lastApplied) {
                Result<QVariant> stored
                    = m_db.scalar(QStringLiteral("SELECT result FROM sync_results WHERE user_id = ? "
                                                 "AND client_id = ? AND mutation_id = ?"),
                                  { m_who.userId, request.clientId, m.id });
                if (!stored)
                    return stored.error();
                if (stored->isNull()) {
                    // Acknowledged earlier, so the client holds its answer already.
                    qCWarning(lcServerSync) << "mutation" << m.id << "of an acknowledged range sent again";
                    MutationResult again;
                    again.id = m.id;
                    response.results.append(again);
                    continue;
                }
                Result<MutationResult> parsed
                    = MutationResult::fromJson(nlohmann::json::parse(stored->toString().toStdString()));
                if (!parsed)
                    return parsed.error();
                response.results.append(*parsed);
                continue;
            }
            if (m.id != lastApplied + 1)
                break; // a gap: nothing after it may apply before the missing ones
            if (VoidResult r = m_db.run(QStringLiteral("SAVEPOINT mutation")); !r)
                return r;
            qint64 seqBefore = lastSeq;
            Result<MutationResult> result = apply(m, request.clientId, lastSeq);
            if (!result)
                return result.error();
            if (result->outcome == Outcome::Rejected) {
                // Undo whatever a refused mutation may have written.
                lastSeq = seqBefore;
                if (VoidResult r = m_db.run(QStringLiteral("ROLLBACK TO mutation")); !r)
                    return r;
            }
            if (VoidResult r = m_db.run(QStringLiteral("RELEASE mutation")); !r)
                return r;
            if (VoidResult r = m_db.run(
                    QStringLiteral("INSERT INTO sync_results(user_id, client_id, mutation_id, result) "
                                   "VALUES (?, ?, ?, ?)"),
                    { m_who.userId, request.clientId, m.id, QString::fromUtf8(shared::toJsonBytes(result->toJson())) });
                !r)
                return r;
            lastApplied = m.id;
            response.results.append(*result);
        }
        response.expected = lastApplied + 1;
        if (!known && request.mutations.isEmpty())
            return VoidResult::success(); // nothing to number yet
        return m_db.run(
            QStringLiteral("INSERT INTO sync_clients(user_id, client_id, epoch, last_applied, last_seen_at) "
                           "VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_id, client_id) DO UPDATE SET "
                           "epoch = excluded.epoch, last_applied = excluded.last_applied, "
                           "last_seen_at = excluded.last_seen_at"),
            { m_who.userId, request.clientId, m_epoch, lastApplied, m_now });
    });
    if (!done) {
        lastSeq = 0;
        return done.error();
    }
    return response;
}

Result<MutationResult> SyncPush::applyOne(Mutation m, std::optional<qint64> expectedRev, qint64 &lastSeq)
{
    MutationResult result;
    VoidResult done = m_db.transaction([&]() -> VoidResult {
        Result<MutationResult> applied = applyInTransaction(m, expectedRev, lastSeq);
        if (!applied)
            return applied.error();
        result = *applied;
        return VoidResult::success();
    });
    if (!done) {
        lastSeq = 0;
        return done.error();
    }
    return result;
}

Result<MutationResult> SyncPush::applyInTransaction(Mutation m, std::optional<qint64> expectedRev, qint64 &lastSeq)
{
    lastSeq = 0;
    const SyncAccess *access = SyncAccess::find(m.table);
    if (!access)
        return Error::make(shared::ErrorCode::UnknownTable, QStringLiteral("No such table."));
    SyncRows rows(m_db, access->table());
    Result<std::optional<StoredRow>> current = rows.load(m.rowId);
    if (!current)
        return current.error();
    const qint64 currentRev = *current ? (*current)->rev : 0;
    if (expectedRev && *expectedRev != currentRev)
        return Error::make(shared::ErrorCode::RevMismatch,
                           QStringLiteral("The item changed since revision %1; it is now at %2. Load it again "
                                          "and repeat your change.")
                               .arg(*expectedRev)
                               .arg(currentRev));
    // The caller saw the current row: its change applies over it as is.
    m.baseEpoch = m_epoch;
    m.baseRev = currentRev;
    Result<MutationResult> applied = apply(m, apiClientId(), lastSeq);
    if (!applied)
        return applied.error();
    if (applied->outcome == Outcome::Rejected)
        return applied->reason.value_or(Error::make(shared::ErrorCode::Rejected, QStringLiteral("Refused.")));
    return *applied;
}

Result<MutationResult> SyncPush::apply(const Mutation &m, const QString &clientId, qint64 &lastSeq)
{
    const SyncAccess *access = SyncAccess::find(m.table);
    if (!access)
        return rejected(m.id,
                        Error::make(shared::ErrorCode::UnknownTable,
                                    QStringLiteral("There is no synced table called %1.").arg(m.table)));
    SyncRows rows(m_db, access->table());
    Result<std::optional<StoredRow>> current = rows.load(m.rowId);
    if (!current)
        return current.error();
    Mutation judged = m;
    bool baseIsCurrent = false;
    bool sameHistory = m.baseEpoch == m_epoch;
    if (!sameHistory && m.baseRev > 0 && !m.baseEpoch.isEmpty()) {
        Result<std::optional<RestorePoint>> point = restorePoint();
        if (!point)
            return point.error();
        if (*point && (*point)->fromEpoch == m.baseEpoch) {
            // Up to the restore point the two histories are one.
            sameHistory = m.baseRev <= (*point)->seq;
            if (!sameHistory && *current) {
                // The base is a version this server lost (made after the
                // backup): the edit is judged against the row as it was at
                // the restore point, which the lost version grew from.
                if ((*current)->rev <= (*point)->seq) {
                    judged.base = (*current)->values;
                    baseIsCurrent = true;
                } else {
                    Result<nlohmann::json> ancestor = valuesAt(m.table, m.rowId, (*point)->seq);
                    if (!ancestor)
                        return ancestor.error();
                    judged.base = *ancestor;
                }
            }
        }
    }
    if (*current && sameHistory && m.baseRev > 0) {
        if (m.baseRev == (*current)->rev) {
            baseIsCurrent = true;
        } else if (m.baseRev < (*current)->rev) {
            Result<bool> own = onlyOwnChangesSince(m.table, m.rowId, m.baseRev, clientId);
            if (!own)
                return own.error();
            baseIsCurrent = *own;
        }
    }
    if (m.op == Operation::Delete)
        return remove(judged, *access, rows, *current, baseIsCurrent, clientId, lastSeq);
    return upsert(judged, *access, rows, *current, baseIsCurrent, clientId, lastSeq);
}

Result<std::optional<RestorePoint>> SyncPush::restorePoint()
{
    if (!m_restorePoint) {
        Result<std::optional<RestorePoint>> loaded = RestorePoint::load(m_db);
        if (!loaded)
            return loaded.error();
        m_restorePoint = *loaded;
    }
    return *m_restorePoint;
}

Result<nlohmann::json> SyncPush::valuesAt(const QString &table, const QString &rowId, qint64 seq)
{
    // The newest kept revision at or before `seq`; none known: an empty
    // base, so every field both sides changed is settled as a conflict.
    Result<QVariant> data = m_db.scalar(QStringLiteral("SELECT data FROM sync_revisions WHERE tbl = ? AND row_id = ? "
                                                       "AND rev <= ? ORDER BY rev DESC LIMIT 1"),
                                        { table, rowId, seq });
    if (!data)
        return data.error();
    if (data->isNull())
        return nlohmann::json::object();
    nlohmann::json values = nlohmann::json::parse(data->toString().toStdString(), nullptr, false);
    return values.is_object() ? values : nlohmann::json::object();
}

Result<MutationResult> SyncPush::upsert(const Mutation &m, const SyncAccess &access, SyncRows &rows,
                                        const std::optional<StoredRow> &current, bool baseIsCurrent,
                                        const QString &clientId, qint64 &lastSeq)
{
    const shared::SyncTable &table = access.table();
    const bool creating = !current;
    shared::FieldErrors errors;
    table.validateFields(m.fields, creating, errors);
    if (!errors.isEmpty())
        return rejected(m.id, errors.toError());

    MutationResult result;
    result.id = m.id;
    StoredRow after;
    bool changed = true;
    bool nothingNew = false; // the version sent equals its base in every field
    if (creating) {
        after.values = table.withDefaults(m.fields);
        after.values["id"] = m.rowId;
        after.values["owner_id"] = m_who.userId;
        after.values["created_at"] = m_now;
    } else {
        // A version that holds nothing new against its base changes nothing,
        // whatever happened to the row since (a replica offering back an old
        // copy after a restore must neither revert a newer row nor bring a
        // deleted one back).
        nothingNew = true;
        for (auto it = m.fields.begin(); it != m.fields.end() && nothingNew; ++it) {
            const auto b = m.base.find(it.key());
            nothingNew = b != m.base.end() && *b == *it;
        }
        FieldMerger::Outcome merged = nothingNew
            ? FieldMerger::Outcome { current->values, false, false, {} }
            : FieldMerger::merge(table, current->values, m.fields, m.base, baseIsCurrent);
        after.values = merged.row;
        result.conflicts = merged.conflicts;
        if (merged.merged)
            result.outcome = Outcome::Merged;
        changed = merged.changed;
    }
    // Access first: a change to a row the caller may not edit is refused
    // even when it would change nothing, so the answer never depends on
    // whether the sent values match the row. A row brought back keeps its
    // owner, so the owner's rights apply.
    if (VoidResult allowed = access.checkWrite(
            m_who, creating ? std::optional<nlohmann::json>() : std::optional(current->values), after.values);
        !allowed)
        return rejected(m.id, allowed.error());
    if (VoidResult allowed = access.checkWriteWith(
            m_db, m_who, creating ? std::optional<nlohmann::json>() : std::optional(current->values), after.values);
        !allowed) {
        if (allowed.error().code.startsWith(QLatin1String("database_")))
            return allowed.error();
        return rejected(m.id, allowed.error());
    }
    if (!creating) {
        if (!changed && (!current->deleted || nothingNew)) {
            if (!result.conflicts.isEmpty())
                result.outcome = Outcome::Conflicted;
            result.rev = current->rev;
            if (VoidResult r = storeConflicts(result.conflicts, m.rowId, clientId, m.id); !r)
                return r.error();
            return result;
        }
        if (current->deleted) {
            // An edit against a delete: the edit wins and the row comes back.
            shared::SyncProtocol::Conflict c;
            c.table = table.name;
            c.field = QStringLiteral("*");
            c.kind = QStringLiteral("edit_vs_delete");
            c.clientValue = m.fields;
            c.kept = QStringLiteral("client");
            result.conflicts.append(c);
        }
    }
    const std::optional<nlohmann::json> before = creating ? std::nullopt : std::optional(current->values);
    VoidResult prepared = access.beforeWrite(m_db, m.rowId, before, after.values, m_now);
    if (!prepared && SyncAccess::isSlugTaken(prepared.error()) && clientId != apiClientId()
        && !SyncAccess::suggestedSlug(prepared.error()).isEmpty()) {
        // A clash must never cost a replica's content: the row takes the
        // free address the server found, in this same transaction, and the
        // author is told by a record naming both (and may change it).
        shared::SyncProtocol::Conflict c;
        c.table = table.name;
        const std::string slugColumn = access.slugColumn().toStdString();
        c.field = access.slugColumn();
        c.kind = QStringLiteral("slug_changed");
        c.clientValue = after.values.value(slugColumn, std::string());
        c.serverValue = SyncAccess::suggestedSlug(prepared.error());
        c.kept = QStringLiteral("server");
        after.values[slugColumn] = c.serverValue;
        result.conflicts.append(c);
        prepared = access.beforeWrite(m_db, m.rowId, before, after.values, m_now);
    }
    if (!prepared) {
        if (prepared.error().code.startsWith(QLatin1String("database_")))
            return prepared.error();
        return rejected(m.id, prepared.error());
    }
    if (VoidResult derived = applyDerived(access, after.values); !derived)
        return derived.error();
    Result<qint64> seq = nextSequence(m_db);
    if (!seq)
        return seq.error();
    after.rev = *seq;
    after.values["updated_at"] = m_now;
    if (VoidResult r = rows.write(after, {}); !r)
        return r.error();
    if (VoidResult r = recordChange(access, current, after, clientId); !r)
        return r.error();
    if (VoidResult r = storeConflicts(result.conflicts, m.rowId, clientId, m.id); !r)
        return r.error();
    if (!result.conflicts.isEmpty())
        result.outcome = Outcome::Conflicted;
    result.rev = after.rev;
    lastSeq = after.rev;
    if (VoidResult settled = settleDependents(access, m.rowId, before, after.values, lastSeq); !settled)
        return settled.error();
    return result;
}

Result<MutationResult> SyncPush::remove(const Mutation &m, const SyncAccess &access, SyncRows &rows,
                                        const std::optional<StoredRow> &current, bool baseIsCurrent,
                                        const QString &clientId, qint64 &lastSeq)
{
    MutationResult result;
    result.id = m.id;
    if (!current || current->deleted) {
        result.rev = current ? current->rev : 0;
        return result; // already gone: deleting twice is the same as once
    }
    if (VoidResult allowed = access.checkWrite(m_who, current->values, nlohmann::json()); !allowed)
        return rejected(m.id, allowed.error());
    nlohmann::json gone;
    if (VoidResult allowed = access.checkWriteWith(m_db, m_who, current->values, gone); !allowed) {
        if (allowed.error().code.startsWith(QLatin1String("database_")))
            return allowed.error();
        return rejected(m.id, allowed.error());
    }
    if (!baseIsCurrent) {
        // Someone edited the row since this client saw it: the edit wins over
        // the delete, and the refused delete is recorded.
        shared::SyncProtocol::Conflict c;
        c.table = access.table().name;
        c.field = QStringLiteral("*");
        c.kind = QStringLiteral("delete_vs_edit");
        c.serverValue = current->values;
        c.kept = QStringLiteral("server");
        result.conflicts.append(c);
        result.outcome = Outcome::Conflicted;
        result.rev = current->rev;
        if (VoidResult r = storeConflicts(result.conflicts, m.rowId, clientId, m.id); !r)
            return r.error();
        return result;
    }
    Result<qint64> seq = nextSequence(m_db);
    if (!seq)
        return seq.error();
    StoredRow after = *current;
    after.rev = *seq;
    after.deleted = true;
    if (VoidResult r = rows.write(after, m_now); !r)
        return r.error();
    if (VoidResult r = recordChange(access, current, after, clientId); !r)
        return r.error();
    result.rev = after.rev;
    lastSeq = after.rev;
    if (VoidResult settled = settleDependents(access, m.rowId, current->values, nlohmann::json(), lastSeq); !settled)
        return settled.error();
    if (VoidResult cascaded = removeWith(access, current->values, lastSeq); !cascaded)
        return cascaded.error();
    return result;
}

VoidResult SyncPush::removeWith(const SyncAccess &access, const nlohmann::json &row, qint64 &lastSeq)
{
    Result<QList<RowRef>> refs = access.removedWith(m_db, row);
    if (!refs)
        return refs.error();
    for (const RowRef &ref : std::as_const(*refs)) {
        const SyncAccess *child = SyncAccess::find(ref.table);
        if (!child)
            return Error::make(shared::ErrorCode::UnknownTable,
                               QStringLiteral("A delete names the unknown table %1.").arg(ref.table));
        SyncRows rows(m_db, child->table());
        Result<std::optional<StoredRow>> loaded = rows.load(ref.id);
        if (!loaded)
            return loaded.error();
        if (!*loaded || (*loaded)->deleted)
            continue;
        Result<qint64> seq = nextSequence(m_db);
        if (!seq)
            return seq.error();
        StoredRow gone = **loaded;
        gone.rev = *seq;
        gone.deleted = true;
        if (VoidResult r = rows.write(gone, m_now); !r)
            return r;
        if (VoidResult r = recordChange(*child, *loaded, gone, derivedClientId()); !r)
            return r;
        lastSeq = gone.rev;
        if (VoidResult r = settleDependents(*child, ref.id, (*loaded)->values, nlohmann::json(), lastSeq); !r)
            return r;
        if (VoidResult r = removeWith(*child, (*loaded)->values, lastSeq); !r)
            return r;
    }
    return VoidResult::success();
}

VoidResult SyncPush::applyDerived(const SyncAccess &access, nlohmann::json &row)
{
    Result<nlohmann::json> derived = access.derivedValues(m_db, row);
    if (!derived)
        return derived.error();
    for (auto it = derived->begin(); it != derived->end(); ++it)
        row[it.key()] = *it;
    return VoidResult::success();
}

VoidResult SyncPush::settleDependents(const SyncAccess &access, const QString &rowId,
                                      const std::optional<nlohmann::json> &before, const nlohmann::json &after,
                                      qint64 &lastSeq)
{
    Result<QList<RowRef>> first = access.dependents(m_db, before, after);
    if (!first)
        return first.error();
    return settle(*first, lastSeq, { access.table().name + QLatin1Char('/') + rowId });
}

VoidResult SyncPush::settle(QList<RowRef> queue, qint64 &lastSeq, QSet<QString> visited)
{
    while (!queue.isEmpty()) {
        const RowRef ref = queue.takeFirst();
        const QString key = ref.table + QLatin1Char('/') + ref.id;
        if (visited.contains(key))
            continue;
        visited.insert(key);
        const SyncAccess *dependent = SyncAccess::find(ref.table);
        if (!dependent)
            return Error::make(shared::ErrorCode::UnknownTable,
                               QStringLiteral("Derived values name the unknown table %1.").arg(ref.table));
        SyncRows rows(m_db, dependent->table());
        Result<std::optional<StoredRow>> loaded = rows.load(ref.id);
        if (!loaded)
            return loaded.error();
        if (!*loaded || (*loaded)->deleted)
            continue; // a tombstone keeps the values it was deleted with
        StoredRow next = **loaded;
        if (VoidResult r = applyDerived(*dependent, next.values); !r)
            return r;
        if (next.values == (*loaded)->values)
            continue;
        // The server's change: updated_at stays, since nobody edited the row.
        Result<qint64> seq = nextSequence(m_db);
        if (!seq)
            return seq.error();
        next.rev = *seq;
        if (VoidResult r = rows.write(next, {}); !r)
            return r;
        if (VoidResult r = recordChange(*dependent, *loaded, next, derivedClientId()); !r)
            return r;
        lastSeq = next.rev;
        Result<QList<RowRef>> more = dependent->dependents(m_db, (*loaded)->values, next.values);
        if (!more)
            return more.error();
        queue += *more;
    }
    return VoidResult::success();
}

Result<bool> SyncPush::onlyOwnChangesSince(const QString &table, const QString &rowId, qint64 baseRev,
                                           const QString &clientId)
{
    // Each revision names the replica that made it; a gap in the kept
    // revisions (pruned) counts as someone else's change.
    Result<QSqlQuery> q = m_db.exec(QStringLiteral("SELECT rev, client_id = ? AND user_id = ? FROM sync_revisions "
                                                   "WHERE tbl = ? AND row_id = ? AND rev >= ? ORDER BY rev"),
                                    { clientId, m_who.userId, table, rowId, baseRev });
    if (!q)
        return q.error();
    bool sawBase = false;
    while (q->next()) {
        if (q->value(0).toLongLong() == baseRev) {
            sawBase = true;
            continue;
        }
        if (!q->value(1).toBool())
            return false;
    }
    return sawBase;
}

VoidResult SyncPush::recordChange(const SyncAccess &access, const std::optional<StoredRow> &before,
                                  const StoredRow &after, const QString &clientId)
{
    const shared::SyncTable &table = access.table();
    const QString rowId = QString::fromStdString(after.values.value("id", std::string()));
    if (VoidResult r
        = m_db.run(QStringLiteral("INSERT INTO sync_revisions(tbl, row_id, rev, data, created_at, user_id, "
                                  "client_id) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                   { table.name, rowId, after.rev, QString::fromUtf8(shared::toJsonBytes(after.values)), m_now,
                     m_who.userId, clientId });
        !r)
        return r;
    if (!before || before->deleted || after.deleted)
        return VoidResult::success(); // tombstones tell everyone who saw the row
    const QString reason = access.exitReason(before->values, after.values);
    if (reason.isEmpty())
        return VoidResult::success();
    return m_db.run(QStringLiteral("INSERT INTO sync_scope_exits(seq, tbl, row_id, prev_scope, reason, at) "
                                   "VALUES (?, ?, ?, ?, ?, ?)"),
                    { after.rev, table.name, rowId,
                      QString::fromUtf8(shared::toJsonBytes(access.scopeOf(before->values))), reason, m_now });
}

VoidResult SyncPush::storeConflicts(QList<Conflict> &conflicts, const QString &rowId, const QString &clientId,
                                    qint64 mutationId)
{
    const auto text = [](const nlohmann::json &v) {
        return v.is_null() ? QVariant() : QVariant(QString::fromUtf8(shared::toJsonBytes(v)));
    };
    for (Conflict &c : conflicts) {
        c.id = shared::Uuid::createV7();
        c.rowId = rowId;
        c.createdAt = m_now;
        if (VoidResult r
            = m_db.run(QStringLiteral("INSERT INTO sync_conflicts(id, tbl, row_id, field, kind, base_value, "
                                      "server_value, client_value, user_id, client_id, mutation_id, "
                                      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       { c.id, c.table, rowId, c.field, c.kind, text(c.baseValue), text(c.serverValue),
                         text(c.clientValue), m_who.userId, clientId, mutationId, m_now });
            !r)
            return r;
    }
    return VoidResult::success();
}

} // namespace quire::server
