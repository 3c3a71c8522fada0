// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/schedulepublisher.h"

#include "server/metrics/jobmetrics.h"
#include "server/serverdatabase.h"
#include "server/serverlogging.h"
#include "server/sync/changefeed.h"
#include "server/sync/syncrows.h"
#include "shared/clock.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/timestamp.h"

#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

#include <limits>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

namespace {

// Runs work in one write transaction and hands back what it answered.
template<typename T, typename Work> Result<T> inOneTransaction(shared::Database &db, const Work &work)
{
    T value {};
    VoidResult done = db.transaction([&]() -> VoidResult {
        Result<T> answer = work();
        if (!answer)
            return answer.error();
        value = *answer;
        return VoidResult::success();
    });
    if (!done)
        return done.error();
    return value;
}

} // namespace

SchedulePublisher::SchedulePublisher(ServerConfig config, ChangeFeed *changes, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_lease(kLeaseName, m_config.instanceName, kLeaseMs, !m_config.instanceNamed)
    , m_changes(changes)
{ }

SchedulePublisher::~SchedulePublisher()
{
    if (!m_db)
        return;
    if (VoidResult r = m_lease.release(*m_db); !r)
        qCWarning(lcServerSync) << "cannot give up the scheduled publishing lease:" << r.error().message;
}

VoidResult SchedulePublisher::start(int intervalMs)
{
    auto db = ServerDatabase::open(m_config);
    if (!db)
        return db.error();
    m_db = std::move(db.value());
    auto *timer = new QTimer(this);
    timer->setInterval(intervalMs);
    connect(timer, &QTimer::timeout, this, [this] {
        // Batch after batch while full ones come: each its own transaction
        // that renews the lease, so a long backlog neither holds the write
        // lock for long nor outlives a lease that was not renewed.
        static JobMetrics metrics("scheduled_publishing");
        for (;;) {
            qint64 lastSeq = 0;
            Result<std::optional<int>> published
                = runOnce(*m_db, m_lease, shared::Clock::instance().now(), kBatch, lastSeq);
            if (!published) {
                metrics.failed();
                qCWarning(lcServerSync) << "scheduled publishing failed:" << published.error().message;
                return;
            }
            if (published->has_value()) // nullopt: another instance holds the lease
                metrics.succeeded(std::uint64_t(**published));
            if (published->value_or(0) == 0)
                return;
            qCInfo(lcServerSync) << m_lease.holder() << "published" << **published << "scheduled article(s)";
            if (m_changes)
                m_changes->publish(lastSeq);
            if (**published < kBatch)
                return;
        }
    });
    timer->start();
    return VoidResult::success();
}

Result<std::optional<int>> SchedulePublisher::runOnce(shared::Database &db, const JobLease &lease, const QDateTime &now,
                                                      int limit, qint64 &lastSeq)
{
    return inOneTransaction<std::optional<int>>(db, [&]() -> Result<std::optional<int>> {
        Result<bool> held = lease.holdWithin(db, now);
        if (!held)
            return held.error();
        if (!*held)
            return std::optional<int>();
        Result<int> published = publishDueWithin(db, now, limit, lastSeq);
        if (!published)
            return published.error();
        return std::optional<int>(*published);
    });
}

Result<int> SchedulePublisher::publishDue(shared::Database &db, const QDateTime &now, qint64 &lastSeq)
{
    return inOneTransaction<int>(db,
                                 [&] { return publishDueWithin(db, now, std::numeric_limits<int>::max(), lastSeq); });
}

Result<int> SchedulePublisher::publishDueWithin(shared::Database &db, const QDateTime &now, int limit, qint64 &lastSeq)
{
    const QString at = shared::Timestamp::format(now);
    const QString scheduled = shared::contentStatusName(shared::ContentStatus::Scheduled);
    // One without an address (scheduled before addresses were required)
    // waits, still scheduled, until it has one: published, readers
    // would get nothing.
    Result<QSqlQuery> due = db.exec(QStringLiteral("SELECT id, body FROM articles WHERE status = ? AND deleted = 0 "
                                                   "AND publish_at <> '' AND publish_at <= ? AND slug <> '' "
                                                   "ORDER BY publish_at LIMIT ?"),
                                    { scheduled, at, limit });
    if (!due)
        return due.error();
    QList<QPair<QString, QString>> rows;
    while (due->next())
        rows.append({ due->value(0).toString(), due->value(1).toString() });
    return publishClaimed(db, rows, now, lastSeq);
}

Result<int> SchedulePublisher::publishClaimed(shared::Database &db, const QList<QPair<QString, QString>> &rows,
                                              const QDateTime &now, qint64 &lastSeq)
{
    const QString at = shared::Timestamp::format(now);
    const QString scheduled = shared::contentStatusName(shared::ContentStatus::Scheduled);
    int count = 0;
    for (const auto &[id, body] : rows) {
        // The claim: only while it is still scheduled. Another instance
        // that published it first (its row lock makes us wait for its
        // commit on PostgreSQL) leaves nothing to update, so we skip it.
        Result<QSqlQuery> claim
            = db.exec(QStringLiteral("UPDATE articles SET status = ?, published_at = ?, updated_at = ? "
                                     "WHERE id = ? AND status = ? AND deleted = 0"),
                      { shared::contentStatusName(shared::ContentStatus::Published), at, at, id, scheduled });
        if (!claim)
            return claim.error();
        if (claim->numRowsAffected() != 1)
            continue;
        Result<qint64> seq = nextSequence(db);
        if (!seq)
            return seq.error();
        if (VoidResult r = db.run(QStringLiteral("UPDATE articles SET rev = ? WHERE id = ?"), { *seq, id }); !r)
            return r.error();
        // The revision names the server as its author, so no replica's
        // later edit counts it as its own.
        const nlohmann::json data { { "body", body.toStdString() } };
        if (VoidResult r
            = db.run(QStringLiteral("INSERT INTO sync_revisions(tbl, row_id, rev, data, created_at, user_id, "
                                    "client_id) VALUES ('articles', ?, ?, ?, ?, '', 'scheduler')"),
                     { id, *seq, QString::fromStdString(data.dump()), at });
            !r)
            return r.error();
        lastSeq = *seq;
        ++count;
    }
    return count;
}

} // namespace quire::server
