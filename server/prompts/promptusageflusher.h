// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/serverconfig.h"
#include "shared/result.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <memory>

namespace quire::shared {
class Database;
}

namespace quire::server {

class ChangeFeed;

// Writes the programs' counted fetches (PromptFetchUsage) into the usage
// history every kMinIntervalMs, or less often while a flush takes long, and
// once more when the server stops, on a connection and a thread of its own
// at a lower CPU priority than the workers: with many prompts fetched,
// writing their usage rows costs more than answering the fetches, and must
// not delay them.
class PromptUsageFlusher final : public QObject
{
    Q_OBJECT
public:
    // The pause between flushes: at least kMinIntervalMs, and kBusyFactor
    // times as long as the last flush took (waiting for a core included),
    // up to kMaxIntervalMs. A flush that cannot keep up thus flushes less
    // often: the counts of the longer pause add up in memory (one entry per
    // key and version, however many fetches), so each flush's work is
    // bounded by the keys and versions fetched, and the thread's share of
    // the machine by 1 / kBusyFactor. A crash loses at most one pause.
    static constexpr int kMinIntervalMs = 10'000;
    static constexpr int kMaxIntervalMs = 60'000;
    static constexpr int kBusyFactor = 4;
    // How much of the database file the flush reads through a memory map
    // (as the workers do): with many rows to add to, a read() per page not
    // in SQLite's small cache was most of the flush's CPU time.
    static constexpr qint64 kMappedBytes = qint64(4) << 30;

    // The pause after a flush that took `tookMs`.
    static int nextIntervalMs(qint64 tookMs);

    PromptUsageFlusher(ServerConfig config, ChangeFeed *changes, QObject *parent = nullptr);
    ~PromptUsageFlusher() override; // flushes, then stops the thread

    shared::VoidResult start();

private:
    void flush(); // on m_thread

    ServerConfig m_config; // says which database to open
    ChangeFeed *m_changes;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread: its timer and the connection's work
    QTimer *m_timer = nullptr; // m_context's
    std::unique_ptr<shared::Database> m_db; // opened, used and closed on m_thread
};

} // namespace quire::server
