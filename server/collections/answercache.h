// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "shared/clock.h"

#include <QByteArray>
#include <QHash>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// The answers of read-only API routes (lists, the dashboard, the admin user
// list), kept per worker thread while the data they were computed from is
// unchanged: each is stored with the version of that data it read, and a
// later request answers from it only while that version is the same and the
// answer is younger than kMaxAgeMs (names of authors and the like are not
// synced data). Synced data's version is sync_state.seq, which every synced
// write moves, on every instance sharing the database; any data's is the
// database's Mark. The key names the caller's view (see
// SyncAccess::answerScope), so nobody is shown what another may see.
class AnswerCache
{
public:
    // A number pair that moves whenever anything in the database changes:
    // rows this connection changed (SqlDialect::ownChangesStatement), and commits of every
    // other connection, in this process or another (SqlDialect::othersCommitsStatement).
    // Whatever was read from the database while it stays the same is still
    // what the database holds.
    struct Mark
    {
        qint64 ownChanges = -1;
        qint64 othersCommits = -1;
        bool operator==(const Mark &) const = default;
    };
    // What an answer was computed from, so what makes it stale.
    enum class Depends {
        SyncedData, // synced rows only: kept while sync_state.seq stays
        AnyData, // any table (users, sessions): kept while the Mark stays
    };

    // maxEntries 0 turns the cache off (every answer computed).
    AnswerCache(shared::Database &db, int maxEntries);

    // The cached answer for `key`, or `compute`'s (stored when it is a 200),
    // for `request` (whose Mark may have been read already, see markFor).
    HttpResponse answer(const HttpRequest &request, const QString &key, const std::function<HttpResponse()> &compute,
                        Depends on = Depends::SyncedData);
    // The database's Mark for the request `requestId`; nullopt when it
    // cannot be read (keep nothing then). Works when the cache is off too:
    // others keep things against it. Other connections' commits are read
    // once per request (each read starts a read transaction, whose lock the
    // workers' connections share), so the sign-in check and the kept answer
    // see the database at one moment, the request's; this connection's own
    // writes are counted afresh on every call. An empty id reads afresh.
    std::optional<Mark> markFor(const QString &requestId);

    static constexpr qint64 kMaxAgeMs = 10'000;

private:
    struct Entry
    {
        qint64 seq = 0;
        Mark mark;
        qint64 storedAtMs = 0;
        QByteArray body;
    };
    // The first row of a statement prepared once on this connection, or
    // false; the statement is finished at once, so no read transaction stays
    // open between requests.
    bool readRow(std::optional<QSqlQuery> &query, const QString &sql, qint64 &first, qint64 *second);
    std::optional<qint64> syncSeq();
    static HttpResponse kept(const Entry &entry);

    shared::Database &m_db;
    int m_maxEntries;
    QHash<QString, Entry> m_entries;
    // Read on every request: prepared once, not parsed each time.
    std::optional<QSqlQuery> m_seqQuery;
    std::optional<QSqlQuery> m_changesQuery;
    std::optional<QSqlQuery> m_versionQuery;
    // Other connections' commits as read for one request.
    QString m_versionRequest;
    qint64 m_versionOfRequest = -1;
};

} // namespace quire::server
