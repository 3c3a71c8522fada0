// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/joblease.h"
#include "server/serverconfig.h"
#include "shared/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>

#include <memory>
#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

class ChangeFeed;

// Publishes scheduled articles when their publish_at comes, on the server,
// whether or not any desktop is online. Each one is an ordinary synced
// change (new rev, revision, live notice), so replicas learn of it by pull.
// One without an address waits until it has one.
//
// Of several instances on one database, only the holder of the
// "schedule-publisher" JobLease publishes, renewing the lease in the same
// transaction; and each article is claimed by a conditional update in the
// transaction that publishes it, so it is published exactly once even when
// a lease holder that was presumed dead wakes up.
class SchedulePublisher final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kLeaseMs = 10'000;
    static constexpr int kBatch = 200; // articles per transaction
    static inline const QString kLeaseName = QStringLiteral("schedule-publisher");

    SchedulePublisher(ServerConfig config, ChangeFeed *changes, QObject *parent = nullptr);
    ~SchedulePublisher() override; // gives the lease up

    shared::VoidResult start(int intervalMs = 1000);

    // One run at `now` on `db`: publishes up to `limit` articles that are
    // due if this instance holds (or can take) the lease, in one
    // transaction with the renewal; nullopt when another instance holds it,
    // else how many were published.
    static shared::Result<std::optional<int>> runOnce(shared::Database &db, const JobLease &lease, const QDateTime &now,
                                                      int limit, qint64 &lastSeq);

    // Publishes everything due at `now`, without a lease; how many were published.
    static shared::Result<int> publishDue(shared::Database &db, const QDateTime &now, qint64 &lastSeq);

    // Publishes those of `rows` (id, body), read as due earlier, that are
    // still scheduled, inside the caller's transaction: the claim that makes
    // a list read by two instances at once publish each article once.
    static shared::Result<int> publishClaimed(shared::Database &db, const QList<QPair<QString, QString>> &rows,
                                              const QDateTime &now, qint64 &lastSeq);

private:
    // publishDue inside the caller's transaction.
    static shared::Result<int> publishDueWithin(shared::Database &db, const QDateTime &now, int limit, qint64 &lastSeq);

    ServerConfig m_config; // says which database to open
    JobLease m_lease;
    ChangeFeed *m_changes;
    std::unique_ptr<shared::Database> m_db;
};

} // namespace quire::server
