// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/syncretention.h"

#include "server/metrics/jobmetrics.h"
#include "server/serverdatabase.h"
#include "server/serverlogging.h"
#include "server/sync/syncaccess.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/timestamp.h"

#include <QTimer>
#include <QVariant>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

SyncRetention::SyncRetention(ServerConfig config, int days, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_lease(kLeaseName, m_config.instanceName, kLeaseMs, !m_config.instanceNamed)
    , m_days(days)
{ }

SyncRetention::~SyncRetention()
{
    if (!m_db)
        return;
    if (VoidResult r = m_lease.release(*m_db); !r)
        qCWarning(lcServerSync) << "cannot give up the sync retention lease:" << r.error().message;
}

VoidResult SyncRetention::start()
{
    auto db = ServerDatabase::open(m_config);
    if (!db)
        return db.error();
    m_db = std::move(db.value());
    const auto run = [this] {
        const QDateTime now = shared::Clock::instance().now();
        static JobMetrics metrics("sync_retention");
        if (Result<bool> r = runOnce(*m_db, m_lease, now, now.addDays(-m_days)); !r) {
            metrics.failed();
            qCWarning(lcServerSync) << "pruning sync history failed:" << r.error().message;
        } else {
            metrics.succeeded();
        }
    };
    run();
    auto *timer = new QTimer(this);
    timer->setInterval(kIntervalMs);
    connect(timer, &QTimer::timeout, this, run);
    timer->start();
    return VoidResult::success();
}

Result<bool> SyncRetention::runOnce(shared::Database &db, const JobLease &lease, const QDateTime &now,
                                    const QDateTime &cutoff)
{
    bool held = false;
    VoidResult done = db.transaction([&]() -> VoidResult {
        Result<bool> ours = lease.holdWithin(db, now);
        if (!ours)
            return ours.error();
        held = *ours;
        return held ? pruneWithin(db, cutoff) : VoidResult::success();
    });
    if (!done)
        return done.error();
    return held;
}

VoidResult SyncRetention::prune(shared::Database &db, const QDateTime &cutoff)
{
    return db.transaction([&]() -> VoidResult { return pruneWithin(db, cutoff); });
}

VoidResult SyncRetention::pruneWithin(shared::Database &db, const QDateTime &cutoff)
{
    const QString before = shared::Timestamp::format(cutoff);
    qint64 forgotten = 0;
    const auto raise = [&](const QString &sql) -> VoidResult {
        Result<QVariant> newest = db.scalar(sql, { before });
        if (!newest)
            return newest.error();
        forgotten = std::max(forgotten, newest->toLongLong());
        return VoidResult::success();
    };
    // The synced tables are read through their tombstone index, so
    // pruning, which also runs at start, costs what it forgets, not the
    // rows kept. (sync_scope_exits holds only the retention window's
    // scope changes, which this very pruning keeps small.)
    for (const SyncAccess *access : SyncAccess::all()) {
        const QString table = access->table().name;
        // "rev + 0": max(rev) alone would walk the rev index from the
        // top through every live row when no tombstone is old enough.
        if (VoidResult r
            = raise(QStringLiteral("SELECT max(rev + 0) FROM %1 WHERE deleted = 1 AND deleted_at < ?").arg(table));
            !r)
            return r;
        // Revisions are the articles' history, kept for as long as the
        // row exists; only those of rows forgotten now go with them.
        const QString forgottenRows
            = QStringLiteral("(SELECT id FROM %1 WHERE deleted = 1 AND deleted_at < ?)").arg(table);
        if (VoidResult r
            = db.run(QStringLiteral("DELETE FROM sync_revisions WHERE tbl = ? AND row_id IN %1").arg(forgottenRows),
                     { table, before });
            !r)
            return r;
        if (VoidResult r
            = db.run(QStringLiteral("DELETE FROM revision_marks WHERE tbl = ? AND row_id IN %1").arg(forgottenRows),
                     { table, before });
            !r)
            return r;
        if (VoidResult r
            = db.run(QStringLiteral("DELETE FROM %1 WHERE deleted = 1 AND deleted_at < ?").arg(table), { before });
            !r)
            return r;
    }
    if (VoidResult r = raise(QStringLiteral("SELECT max(seq) FROM sync_scope_exits WHERE at < ?")); !r)
        return r;
    if (VoidResult r = db.run(QStringLiteral("DELETE FROM sync_scope_exits WHERE at < ?"), { before }); !r)
        return r;
    if (forgotten == 0)
        return VoidResult::success();
    qCInfo(lcServerSync) << "forgot sync history up to change" << forgotten;
    // Only ever raised; written without SQLite's two-argument max(), which
    // PostgreSQL spells GREATEST.
    return db.run(QStringLiteral("UPDATE server_meta SET value = CAST(? AS TEXT) "
                                 "WHERE key = 'retention_floor' AND CAST(value AS BIGINT) < ?"),
                  { forgotten, forgotten });
}

} // namespace quire::server
