// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/joblease.h"

#include "shared/database.h"
#include "shared/timestamp.h"

#include <QVariant>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

JobLease::JobLease(QString name, QString holder, qint64 ttlMs, bool sole)
    : m_name(std::move(name))
    , m_holder(std::move(holder))
    , m_ttlMs(ttlMs)
    , m_sole(sole)
{ }

Result<bool> JobLease::acquire(shared::Database &db, const QDateTime &now) const
{
    bool held = false;
    VoidResult done = db.transaction([&]() -> VoidResult {
        Result<bool> r = holdWithin(db, now);
        if (!r)
            return r.error();
        held = *r;
        return VoidResult::success();
    });
    if (!done)
        return done.error();
    return held;
}

Result<bool> JobLease::holdWithin(shared::Database &db, const QDateTime &now) const
{
    const QString at = shared::Timestamp::format(now);
    const QString until = shared::Timestamp::format(now.addMSecs(m_ttlMs));
    // Insert when nobody ever held it; otherwise update only when it is
    // ours or has expired. The row lock (PostgreSQL) or the write lock
    // (SQLite) orders two instances asking at once: the second sees the
    // first's unexpired lease and changes nothing. taken_at and generation
    // change only on a change of holder: they tell a takeover from a renewal.
    if (VoidResult r
        = db.run(QStringLiteral("INSERT INTO job_leases(name, holder, expires_at, taken_at, generation) "
                                "VALUES (?, ?, ?, ?, 1) ON CONFLICT(name) DO UPDATE SET "
                                "taken_at = CASE WHEN job_leases.holder = excluded.holder THEN job_leases.taken_at "
                                "ELSE excluded.taken_at END, "
                                "generation = CASE WHEN job_leases.holder = excluded.holder THEN job_leases.generation "
                                "ELSE job_leases.generation + 1 END, "
                                "holder = excluded.holder, expires_at = excluded.expires_at "
                                "WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= ? OR ? = 1"),
                 { m_name, m_holder, until, at, at, m_sole ? 1 : 0 });
        !r)
        return r.error();
    Result<QVariant> holder = db.scalar(
        QStringLiteral("SELECT holder FROM job_leases WHERE name = ? AND expires_at = ?"), { m_name, until });
    if (!holder)
        return holder.error();
    return holder->toString() == m_holder;
}

VoidResult JobLease::release(shared::Database &db) const
{
    return db.run(QStringLiteral("DELETE FROM job_leases WHERE name = ? AND holder = ?"), { m_name, m_holder });
}

Result<QString> JobLease::holderOf(shared::Database &db, const QString &name, const QDateTime &now)
{
    Result<QVariant> holder
        = db.scalar(QStringLiteral("SELECT holder FROM job_leases WHERE name = ? AND expires_at > ?"),
                    { name, shared::Timestamp::format(now) });
    if (!holder)
        return holder.error();
    return holder->toString();
}

} // namespace quire::server
