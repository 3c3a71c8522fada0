// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/syncprotocol.h"
#include "shared/synctable.h"

#include <QPair>
#include <QSet>
#include <QString>

#include <nlohmann/json.hpp>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

class Replica;
class WorkingCopy;

// After the server was restored from a backup, offers back what this
// replica held that the restored server may lack: the replica's version of
// a row (rows the server no longer has, versions newer than its own) goes
// into the outbox as an ordinary change whose base is the replica's old
// server copy, from the old history. The server knows where its history
// branched and applies only what is newer, merging or recording a conflict
// where it changed the row since. Runs inside the caller's transaction,
// before the pulled rows replace the old server copies.
class RestoreOffers
{
public:
    // `fromEpoch`: the history the replica's server copies belong to;
    // `generation`: the resync's generation (copies below it are old).
    RestoreOffers(Replica &replica, WorkingCopy &working, QString fromEpoch, qint64 generation);

    // What a resync starting at `cursor` records as the history of the
    // server copies, so the full pull can tell a restored server (another
    // epoch) from a mere resync. A resync that restarts holds copies of both
    // histories: it offers nothing (empty).
    static QString historyOf(const QString &cursor, bool alreadyResyncing);

    // Queues the replica's version of one row if it may be newer than
    // `serverRow` (the restored server's; null: the server did not send
    // it). Only rows of this account, or with local changes, are offered.
    // Returns whether one was queued.
    shared::Result<bool> offer(const shared::SyncTable &table, const QString &id, const nlohmann::json *serverRow);
    // Offers the rows of one page of the full pull and, with `lastPage`, the
    // old copies the pull did not bring. Offered rows join `queued`; returns
    // how many of them the pull did not bring (they are kept, not removed).
    shared::Result<qint64> offerPage(const shared::SyncProtocol::PullResponse &page, bool lastPage,
                                     QSet<QPair<QString, QString>> &queued);

private:
    Replica &m_replica;
    shared::Database &m_db;
    WorkingCopy &m_working;
    QString m_fromEpoch;
    qint64 m_generation;
    QString m_accountId; // the replica's account: its rows are offered
};

} // namespace quire::desktop
