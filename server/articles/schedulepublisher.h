// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace quire::shared {
class Database;
}

namespace quire::server {

class ChangeFeed;

// Publishes scheduled articles when their publish_at comes, on the server,
// whether or not any desktop is online. Each one is an ordinary synced
// change (new rev, revision, live notice), so replicas learn of it by pull.
// One without an address waits until it has one.
class SchedulePublisher final : public QObject
{
    Q_OBJECT
public:
    SchedulePublisher(QString databasePath, ChangeFeed *changes, QObject *parent = nullptr);
    ~SchedulePublisher() override;

    shared::VoidResult start(int intervalMs = 1000);

    // Publishes everything due at `now`; how many were published.
    static shared::Result<int> publishDue(shared::Database &db, const QDateTime &now, qint64 &lastSeq);

private:
    QString m_databasePath;
    ChangeFeed *m_changes;
    std::unique_ptr<shared::Database> m_db;
};

} // namespace quire::server
