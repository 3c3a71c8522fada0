// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "shared/result.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace quire::shared {
class Database;
}

namespace quire::server {

class ChangeFeed;

// The usage history's "fetched by a program", without a write per fetch:
// every worker counts each by-name fetch an API key makes, per key and
// prompt version, in memory (one short lock); `flush` turns the counts into
// one prompt_usage row per key and version (use "fetched", source the key's
// name, count the fetches, created when flushed) through the synced write
// path, so the owner's replicas receive them like any other use. The server
// flushes every kFlushIntervalMs and when it stops (PromptUsageFlusher);
// fetches counted since the last flush are lost only if the process dies.
class PromptFetchUsage
{
public:
    static constexpr int kFlushIntervalMs = 10'000;

    static PromptFetchUsage &instance();

    // One fetch by the key in `who` (a principal authenticated by an API key).
    void record(const Principal &who, const QString &promptId, const QString &versionId);

    // Writes what was counted since the last flush as prompt_usage rows, as
    // each key's owner; a row its owner may not write is dropped (logged).
    // `lastSeq` gets the last change's sequence number (0: none).
    shared::VoidResult flush(shared::Database &db, const QString &epoch, qint64 &lastSeq);

private:
    struct Tally
    {
        Principal who;
        QString promptId;
        QString versionId;
        qint64 count = 0;
    };

    QMutex m_mutex;
    QHash<QString, Tally> m_tallies; // by key id and version id
};

} // namespace quire::server
