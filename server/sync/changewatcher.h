// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/serverconfig.h"
#include "shared/result.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace quire::shared {
class Database;
}

namespace quire::server {

class ChangeFeed;

// Brings other instances' changes into this one: when several instances
// share a database, a change committed by another leaves this one's page
// cache full and its live sockets asleep. The watcher reads the database's
// change counter (sync_state.seq) every interval and, when it moved past
// what this process itself published, publishes it on the ChangeFeed as if
// a worker here had committed it: pages are emptied, live replicas are
// told. One indexed read a second, on either backend; on PostgreSQL it also
// LISTENs for the notice every transaction that takes change numbers sends
// (SqlDialect::takeChangeNumbers) and reads at once, the timer then only a
// fallback. Run only by named instances (a lone server hears all its
// changes itself).
class ChangeWatcher final : public QObject
{
    Q_OBJECT
public:
    ChangeWatcher(ServerConfig config, ChangeFeed *changes, QObject *parent = nullptr);
    ~ChangeWatcher() override;

    shared::VoidResult start(int intervalMs = 1000);
    // One look at the counter; true when it found others' changes.
    shared::Result<bool> poll();
    // PostgreSQL: how many listening connections were opened, the first
    // included (a test's view of a lost one being replaced).
    int listens() const { return m_listens; }

private:
    // Opens a new listening connection, replacing the one there was.
    shared::VoidResult listen();

    ServerConfig m_config; // says which database to open
    ChangeFeed *m_changes;
    std::unique_ptr<shared::Database> m_db;
    // PostgreSQL: a connection that only LISTENs. Its driver reads the
    // notices when its socket wakes; a query of ours on it could read them
    // first and leave them unannounced until the next.
    std::unique_ptr<shared::Database> m_listener;
    // The newest change this process knows of: its own (from the feed, on
    // any worker's thread) or one it read.
    std::atomic<qint64> m_seen { 0 };
    int m_listens = 0;
};

} // namespace quire::server
