// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "shared/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace quire::shared {
class Database;
}

namespace quire::server {

// The usage history's "fetched by a program", without a write per fetch:
// every worker counts each by-name fetch an API key makes, per key and
// prompt version, in memory (one short lock); `flush` adds the counts to
// one prompt_usage row per key, version and UTC day (use "fetched", source
// the key's name), so the table grows with keys × versions × days, not with
// flushes. Each row whose count grows takes a new change number, so the
// owner's replicas receive the new count like any other change. The server
// flushes every few seconds and when it stops (PromptUsageFlusher); fetches
// counted since the last flush are lost only if the process dies.
class PromptFetchUsage
{
public:
    // Rows written per transaction when flushing: bounds how long the
    // flush holds the write lock that the workers' writes wait for.
    static constexpr qsizetype kRowsPerTransaction = 1000;

    static PromptFetchUsage &instance();

    // One fetch by the key in `who` (a principal authenticated by an API key).
    void record(const Principal &who, const QString &promptId, const QString &versionId);

    // Adds what was counted since the last flush to the day's rows (the UTC
    // day of `now`), as the server on each key's owner's behalf,
    // kRowsPerTransaction to a transaction. A count its owner may not record
    // (the prompt gone, or out of the owner's reach) is dropped and the
    // others are written. When the database fails, what is not written yet
    // is kept for the next flush. `lastSeq` gets the last change's sequence
    // number (0: none).
    shared::VoidResult flush(shared::Database &db, qint64 &lastSeq);
    shared::VoidResult flush(shared::Database &db, const QDateTime &now, qint64 &lastSeq);

    // The id of the row counting `keyId`'s fetches of the version on the UTC
    // day of `at`: the same for every flush of that day, so a flush finds it
    // by its primary key.
    static QString dayRowId(const QString &keyId, const QString &promptId, const QString &versionId,
                            const QDateTime &at);

private:
    struct Tally
    {
        Principal who;
        QString promptId;
        QString versionId;
        qint64 count = 0;
        QString rowId; // dayRowId(), when flushing
    };

    static QString keyOf(const Principal &who, const QString &promptId, const QString &versionId);
    void putBack(const QList<Tally> &tallies);

    QMutex m_mutex;
    QHash<QString, Tally> m_tallies; // by key id and version id
};

} // namespace quire::server
