// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/workingcopy.h"
#include "shared/result.h"
#include "shared/syncprotocol.h"
#include "shared/synctable.h"

#include <QList>
#include <QSet>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

class Replica;

// The replica's side of sync, all in SQLite: the working copy of each row
// (what the user edits), the last server copy of it, the outbox of local
// changes, conflicts and refused mutations. Every method that changes more
// than one of these does so in one transaction, so a crash at any point
// leaves a replica that syncs on as if nothing happened.
class SyncStore
{
public:
    explicit SyncStore(Replica &replica);

    struct Status
    {
        qint64 pending = 0; // local changes the server has not answered yet
        qint64 conflicts = 0; // unresolved
        qint64 rejected = 0; // refused and not dismissed
        QString cursor;
        QString lastSyncAt;
        bool resyncing = false;
    };
    shared::Result<Status> status();

    // --- local edits (the caller holds a transaction) ---
    shared::Result<std::optional<nlohmann::json>> workingRow(const shared::SyncTable &table, const QString &id);
    shared::VoidResult writeWorkingRow(const shared::SyncTable &table, const nlohmann::json &row);
    shared::VoidResult removeWorkingRow(const shared::SyncTable &table, const QString &id);
    // Queues one change; merges it into the newest queued change of the same
    // row when that one has not been sent yet.
    shared::VoidResult enqueue(const shared::SyncTable &table, const QString &rowId, shared::SyncProtocol::Operation op,
                               const nlohmann::json &fields, const nlohmann::json &base);

    // --- push ---
    // The next batch: pending mutations in order, at most 500 or about 1 MiB.
    shared::Result<shared::SyncProtocol::PushRequest> nextBatch(const QString &clientId);
    // Records the answers (one transaction): refused ones move to the
    // rejected list, conflicts are stored, answered ones wait for the pull.
    shared::VoidResult applyPushResponse(const shared::SyncProtocol::PushResponse &response);

    // --- pull ---
    enum class PageResult { Applied, NeedsConfirmation };
    // Applies one page and its cursor in one transaction. A page that would
    // remove more than half of a replica of ten or more rows is not applied
    // unless `allowMassRemoval`; `removing` then says how many.
    shared::Result<PageResult> applyPullPage(const shared::SyncProtocol::PullResponse &page, bool allowMassRemoval,
                                             qint64 &removing, qint64 &total);
    // The server asked for a full resync: server copies will be replaced;
    // the outbox is left exactly as it is.
    shared::VoidResult beginResync();
    shared::Result<QString> cursor();

    shared::VoidResult setLastSync(const QString &at);
    // The row's working copy made anew from its server copy and the changes
    // still outstanding (public for tests and repair).
    shared::VoidResult rebuild(const shared::SyncTable &table, const QString &id);

private:
    shared::Result<qint64> metaInt(const QString &key);
    shared::VoidResult setMetaValue(const QString &key, const QString &value);
    // Drops answered mutations whose effect the cursor now covers (unless
    // not `dropAnswered`), and rebuilds their rows and the `touched` ones.
    shared::VoidResult settle(QSet<QPair<QString, QString>> &touched, const QSet<QPair<QString, QString>> &written,
                              bool dropAnswered = true);
    shared::Result<qint64> cursorSeq();

    Replica &m_replica;
    shared::Database &m_db;
    WorkingCopy m_working;
};

} // namespace quire::desktop
