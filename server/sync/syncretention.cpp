// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/syncretention.h"

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

SyncRetention::SyncRetention(QString databasePath, int days, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_days(days)
{ }

SyncRetention::~SyncRetention() = default;

VoidResult SyncRetention::start()
{
    auto db = shared::Database::openSqlite(m_databasePath);
    if (!db)
        return db.error();
    m_db = std::move(db.value());
    const auto run = [this] {
        const QDateTime cutoff = shared::Clock::instance().now().addDays(-m_days);
        if (VoidResult r = prune(*m_db, cutoff); !r)
            qCWarning(lcServerSync) << "pruning sync history failed:" << r.error().message;
    };
    run();
    auto *timer = new QTimer(this);
    timer->setInterval(3'600'000);
    connect(timer, &QTimer::timeout, this, run);
    timer->start();
    return VoidResult::success();
}

VoidResult SyncRetention::prune(shared::Database &db, const QDateTime &cutoff)
{
    const QString before = shared::Timestamp::format(cutoff);
    return db.transaction([&]() -> VoidResult {
        qint64 forgotten = 0;
        const auto raise = [&](const QString &sql) -> VoidResult {
            Result<QVariant> newest = db.scalar(sql, { before });
            if (!newest)
                return newest.error();
            forgotten = std::max(forgotten, newest->toLongLong());
            return VoidResult::success();
        };
        for (const SyncAccess *access : SyncAccess::all()) {
            const QString table = access->table().name;
            if (VoidResult r
                = raise(QStringLiteral("SELECT max(rev) FROM %1 WHERE deleted = 1 AND deleted_at < ?").arg(table));
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
        // Revisions are the articles' history, kept for as long as the row
        // exists; only those of rows forgotten entirely go.
        for (const SyncAccess *access : SyncAccess::all()) {
            const QString table = access->table().name;
            if (VoidResult r = db.run(QStringLiteral("DELETE FROM sync_revisions WHERE tbl = ? AND created_at < ? AND "
                                                     "row_id NOT IN (SELECT id FROM %1)")
                                          .arg(table),
                                      { table, before });
                !r)
                return r;
            if (VoidResult r = db.run(QStringLiteral("DELETE FROM revision_marks WHERE tbl = ? AND row_id NOT IN "
                                                     "(SELECT id FROM %1)")
                                          .arg(table),
                                      { table });
                !r)
                return r;
        }
        if (forgotten == 0)
            return VoidResult::success();
        qCInfo(lcServerSync) << "forgot sync history up to change" << forgotten;
        return db.run(QStringLiteral("UPDATE server_meta SET value = CAST(max(CAST(value AS INTEGER), ?) AS TEXT) "
                                     "WHERE key = 'retention_floor'"),
                      { forgotten });
    });
}

} // namespace quire::server
