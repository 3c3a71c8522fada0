// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/joblease.h"
#include "server/serverconfig.h"
#include "shared/result.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace quire::shared {
class Database;
}

namespace quire::server {

// Forgets sync history older than the retention: tombstones, scope exits
// and old revisions. Raises the retention floor to the newest change it
// forgot, so a replica whose cursor is older must resync in full instead of
// silently missing a deletion. Of several instances on one database, the
// holder of the "sync-retention" JobLease prunes; the others find it held.
class SyncRetention final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kIntervalMs = 3'600'000;
    // Longer than the interval: the holder renews it on every run.
    static constexpr qint64 kLeaseMs = 2 * kIntervalMs;
    static inline const QString kLeaseName = QStringLiteral("sync-retention");

    SyncRetention(ServerConfig config, int days, QObject *parent = nullptr);
    ~SyncRetention() override; // gives the lease up

    // Prunes now and then every hour.
    shared::VoidResult start();

    // Prunes at `now` if this instance holds (or can take) the lease, in one
    // transaction with the renewal; false when another instance holds it.
    static shared::Result<bool> runOnce(shared::Database &db, const JobLease &lease, const QDateTime &now,
                                        const QDateTime &cutoff);
    static shared::VoidResult prune(shared::Database &db, const QDateTime &cutoff);

private:
    static shared::VoidResult pruneWithin(shared::Database &db, const QDateTime &cutoff);

    ServerConfig m_config; // says which database to open
    JobLease m_lease;
    int m_days;
    std::unique_ptr<shared::Database> m_db;
};

} // namespace quire::server
