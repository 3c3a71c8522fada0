// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QDateTime>
#include <QString>

namespace quire::shared {
class Database;
}

namespace quire::server {

// A named lease on one periodic job, kept in the database (job_leases) so
// that of several instances on one database exactly one runs the job at a
// time: the holder renews it on every run; when it stops renewing (stopped,
// SIGKILLed, cut off) the lease expires and the next instance to ask takes
// it over. Times come from shared::Clock, so tests can move them.
class JobLease
{
public:
    // `name` names the job ("schedule-publisher"), `holder` the instance
    // (ServerConfig::instanceName); a lease not renewed for `ttlMs` is free.
    // `sole`: this process is the only one on the database (an unnamed
    // server holds its data directory alone), so a lease left by an earlier
    // process (a crash, or a clean stop's release that never ran) is ours
    // to take at once rather than after it expires.
    JobLease(QString name, QString holder, qint64 ttlMs, bool sole = false);

    const QString &name() const { return m_name; }
    const QString &holder() const { return m_holder; }

    // Takes the lease, or renews it when we hold it, at `now`: true when we
    // hold it until now + ttl, false when another instance holds an
    // unexpired one. One conditional upsert: two instances asking at once
    // cannot both win. In a transaction of its own.
    shared::Result<bool> acquire(shared::Database &db, const QDateTime &now) const;
    // The same inside the caller's transaction, so that the job's work
    // commits together with the renewal or not at all: an instance whose
    // lease was taken over meanwhile changes nothing.
    shared::Result<bool> holdWithin(shared::Database &db, const QDateTime &now) const;

    // Gives the lease up at once (a clean stop), so another instance need
    // not wait for it to expire. Only ours: a lease taken over meanwhile
    // stays with its new holder.
    shared::VoidResult release(shared::Database &db) const;

    // Who holds the lease `name` at `now`, empty when nobody does.
    static shared::Result<QString> holderOf(shared::Database &db, const QString &name, const QDateTime &now);

private:
    QString m_name;
    QString m_holder;
    qint64 m_ttlMs;
    bool m_sole = false;
};

} // namespace quire::server
