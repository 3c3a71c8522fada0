// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "server/sync/restorepoint.h"
#include "server/sync/syncaccess.h"
#include "shared/result.h"
#include "shared/syncprotocol.h"

#include <QList>
#include <QSet>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

class SyncAccess;
class SyncRows;
struct StoredRow;

// Applies one push batch for one user's replica, in one transaction with a
// savepoint per mutation. Mutations are taken strictly in their numbering;
// each result is stored until the client acknowledges it, so a batch sent
// again is answered the same and applies nothing twice.
class SyncPush
{
public:
    SyncPush(shared::Database &db, const Principal &who, QString epoch);

    // The answer to the batch. `lastSeq` is the sequence number of the
    // last change it made (0 when it changed nothing), for live notices.
    shared::Result<shared::SyncProtocol::PushResponse> run(const shared::SyncProtocol::PushRequest &request,
                                                           qint64 &lastSeq);

    // One change made through the REST API rather than by a replica:
    // applied at once in its own transaction, against the current row. With
    // `expectedRev` the row must still be at that revision (else the error
    // "rev_mismatch"). A refused change writes nothing.
    shared::Result<shared::SyncProtocol::MutationResult> applyOne(shared::SyncProtocol::Mutation m,
                                                                  std::optional<qint64> expectedRev, qint64 &lastSeq);
    // The same inside a transaction the caller holds (several REST changes
    // that apply together or not at all); a refused change is an error, and
    // the caller rolls the whole transaction back.
    shared::Result<shared::SyncProtocol::MutationResult>
    applyInTransaction(shared::SyncProtocol::Mutation m, std::optional<qint64> expectedRev, qint64 &lastSeq);

    // Recomputes the derived values of the rows in `queue` and of what
    // depends on them, skipping those in `visited` ("table/id"), in the
    // caller's transaction: also when the server changed what they derive
    // from outside any synced table (a platform's stored credential).
    shared::VoidResult settle(QList<RowRef> queue, qint64 &lastSeq, QSet<QString> visited = {});

    // The replica id under which REST API changes are recorded.
    static QString apiClientId() { return QStringLiteral("api"); }
    // The one under which the server records derived values it recomputed.
    static QString derivedClientId() { return QStringLiteral("server"); }

private:
    // The result of one mutation; an Error only for failures that are not
    // the client's (the whole batch is then rolled back and may be retried).
    shared::Result<shared::SyncProtocol::MutationResult> apply(const shared::SyncProtocol::Mutation &m,
                                                               const QString &clientId, qint64 &lastSeq);
    shared::Result<shared::SyncProtocol::MutationResult>
    upsert(const shared::SyncProtocol::Mutation &m, const SyncAccess &access, SyncRows &rows,
           const std::optional<StoredRow> &current, bool baseIsCurrent, const QString &clientId, qint64 &lastSeq);
    shared::Result<shared::SyncProtocol::MutationResult>
    remove(const shared::SyncProtocol::Mutation &m, const SyncAccess &access, SyncRows &rows,
           const std::optional<StoredRow> &current, bool baseIsCurrent, const QString &clientId, qint64 &lastSeq);
    // Sets the derived values of `row` (SyncAccess::derivedValues).
    shared::VoidResult applyDerived(const SyncAccess &access, nlohmann::json &row);
    // Recomputes the derived values of every row the stored change of
    // `rowId` (from `before` to `after`, null when deleted) reaches through
    // SyncAccess::dependents, writing those that change as server changes.
    shared::VoidResult settleDependents(const SyncAccess &access, const QString &rowId,
                                        const std::optional<nlohmann::json> &before, const nlohmann::json &after,
                                        qint64 &lastSeq);
    // Deletes, as the server's changes, the live rows SyncAccess::removedWith
    // names for the deleted `row`, and theirs in turn.
    shared::VoidResult removeWith(const SyncAccess &access, const nlohmann::json &row, qint64 &lastSeq);
    // Whether every change to the row after `baseRev` came from this client.
    shared::Result<bool> onlyOwnChangesSince(const QString &table, const QString &rowId, qint64 baseRev,
                                             const QString &clientId);
    shared::VoidResult recordChange(const SyncAccess &access, const std::optional<StoredRow> &before,
                                    const StoredRow &after, const QString &clientId);
    shared::VoidResult storeConflicts(QList<shared::SyncProtocol::Conflict> &conflicts, const QString &rowId,
                                      const QString &clientId, qint64 mutationId);

    // This database's restore point, read once and only when a mutation
    // comes from another history.
    shared::Result<std::optional<RestorePoint>> restorePoint();
    // A row's values as of change `seq` (its newest kept revision up to it).
    shared::Result<nlohmann::json> valuesAt(const QString &table, const QString &rowId, qint64 seq);

    shared::Database &m_db;
    const Principal &m_who;
    QString m_epoch;
    QString m_now;
    std::optional<std::optional<RestorePoint>> m_restorePoint;
};

} // namespace quire::server
