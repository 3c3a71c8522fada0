// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/schedulepublisher.h"

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

namespace quire::server {

using shared::Result;
using shared::VoidResult;

SchedulePublisher::SchedulePublisher(QString databasePath, ChangeFeed *changes, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_changes(changes)
{ }

SchedulePublisher::~SchedulePublisher() = default;

VoidResult SchedulePublisher::start(int intervalMs)
{
    auto db = shared::Database::openSqlite(m_databasePath);
    if (!db)
        return db.error();
    m_db = std::move(db.value());
    auto *timer = new QTimer(this);
    timer->setInterval(intervalMs);
    connect(timer, &QTimer::timeout, this, [this] {
        qint64 lastSeq = 0;
        Result<int> published = publishDue(*m_db, shared::Clock::instance().now(), lastSeq);
        if (!published) {
            qCWarning(lcServerSync) << "scheduled publishing failed:" << published.error().message;
            return;
        }
        if (*published > 0) {
            qCInfo(lcServerSync) << "published" << *published << "scheduled article(s)";
            if (m_changes)
                m_changes->publish(lastSeq);
        }
    });
    timer->start();
    return VoidResult::success();
}

Result<int> SchedulePublisher::publishDue(shared::Database &db, const QDateTime &now, qint64 &lastSeq)
{
    const QString at = shared::Timestamp::format(now);
    int count = 0;
    VoidResult done = db.transaction([&]() -> VoidResult {
        // One without an address (scheduled before addresses were required)
        // waits, still scheduled, until it has one: published, readers
        // would get nothing.
        Result<QSqlQuery> due = db.exec(QStringLiteral("SELECT id, body FROM articles WHERE status = ? AND deleted = 0 "
                                                       "AND publish_at <> '' AND publish_at <= ? AND slug <> '' "
                                                       "ORDER BY publish_at"),
                                        { shared::contentStatusName(shared::ContentStatus::Scheduled), at });
        if (!due)
            return due.error();
        QList<QPair<QString, QString>> rows;
        while (due->next())
            rows.append({ due->value(0).toString(), due->value(1).toString() });
        for (const auto &[id, body] : std::as_const(rows)) {
            Result<qint64> seq = nextSequence(db);
            if (!seq)
                return seq.error();
            if (VoidResult r
                = db.run(QStringLiteral("UPDATE articles SET status = ?, published_at = ?, updated_at = ?, "
                                        "rev = ? WHERE id = ?"),
                         { shared::contentStatusName(shared::ContentStatus::Published), at, at, *seq, id });
                !r)
                return r;
            // The revision names the server as its author, so no replica's
            // later edit counts it as its own.
            const nlohmann::json data { { "body", body.toStdString() } };
            if (VoidResult r
                = db.run(QStringLiteral("INSERT INTO sync_revisions(tbl, row_id, rev, data, created_at, user_id, "
                                        "client_id) VALUES ('articles', ?, ?, ?, ?, '', 'scheduler')"),
                         { id, *seq, QString::fromStdString(data.dump()), at });
                !r)
                return r;
            lastSeq = *seq;
            ++count;
        }
        return VoidResult::success();
    });
    if (!done)
        return done.error();
    return count;
}

} // namespace quire::server
