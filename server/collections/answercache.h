// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "shared/clock.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// The answers of read-only API routes (lists, the dashboard), kept per
// worker thread while the synced data they were computed from is unchanged:
// each is stored with the change sequence it read (sync_state.seq, which
// every synced write moves, on every instance sharing the database), and a
// later request answers from it only while that number is the same and the
// answer is younger than kMaxAgeMs (names of authors and the like are not
// synced data). The key names the caller's view (see
// SyncAccess::answerScope), so nobody is shown what another may see.
class AnswerCache
{
public:
    // maxEntries 0 turns the cache off (every answer computed).
    AnswerCache(shared::Database &db, int maxEntries);

    // The cached answer for `key`, or `compute`'s (stored when it is a 200).
    HttpResponse answer(const QString &key, const std::function<HttpResponse()> &compute);

    static constexpr qint64 kMaxAgeMs = 10'000;

private:
    struct Entry
    {
        qint64 version = 0;
        qint64 storedAtMs = 0;
        QByteArray body;
    };

    shared::Database &m_db;
    int m_maxEntries;
    QHash<QString, Entry> m_entries;
};

} // namespace quire::server
