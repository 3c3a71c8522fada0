// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/answercache.h"

#include "shared/database.h"
#include "shared/logging.h"
#include "shared/sqldialect.h"

#include <QSqlError>
#include <QVariant>

namespace quire::server {

AnswerCache::AnswerCache(shared::Database &db, int maxEntries)
    : m_db(db)
    , m_maxEntries(maxEntries)
{ }

bool AnswerCache::readRow(std::optional<QSqlQuery> &query, const QString &sql, qint64 &first, qint64 *second)
{
    if (!query) {
        query.emplace(m_db.newQuery());
        if (!query->prepare(sql)) {
            qCWarning(lcDb) << "answer cache: cannot prepare" << sql << query->lastError().text();
            query.reset();
            return false;
        }
    }
    const bool ok = query->exec() && query->next();
    if (ok) {
        first = query->value(0).toLongLong();
        if (second)
            *second = query->value(1).toLongLong();
    }
    query->finish();
    return ok;
}

std::optional<qint64> AnswerCache::syncSeq()
{
    qint64 seq = 0;
    if (!readRow(m_seqQuery, QStringLiteral("SELECT seq FROM sync_state"), seq, nullptr))
        return std::nullopt;
    return seq;
}

std::optional<AnswerCache::Mark> AnswerCache::markFor(const QString &requestId)
{
    Mark mark;
    if (!readRow(m_changesQuery, m_db.dialect().ownChangesStatement(), mark.ownChanges, nullptr))
        return std::nullopt;
    if (!requestId.isEmpty() && requestId == m_versionRequest) {
        mark.othersCommits = m_versionOfRequest;
        return mark;
    }
    m_versionRequest.clear();
    if (!readRow(m_versionQuery, m_db.dialect().othersCommitsStatement(), mark.othersCommits, nullptr))
        return std::nullopt;
    m_versionRequest = requestId;
    m_versionOfRequest = mark.othersCommits;
    return mark;
}

HttpResponse AnswerCache::answer(const HttpRequest &request, const QString &key,
                                 const std::function<HttpResponse()> &compute, Depends on)
{
    if (m_maxEntries <= 0)
        return compute();
    // Read before computing: a write that lands meanwhile makes the stored
    // answer older than its version says, never newer, so it is refreshed.
    const std::optional<Mark> mark = markFor(request.requestId);
    if (!mark)
        return compute();
    const qint64 now = shared::Clock::instance().nowMs();
    const auto it = m_entries.find(key);
    const bool fresh = it != m_entries.end() && now - it->storedAtMs < kMaxAgeMs;
    // Nothing committed anywhere since the entry was checked: it holds,
    // whatever it depends on, without reading the sequence.
    if (fresh && it->mark == *mark)
        return kept(*it);
    std::optional<qint64> seq;
    if (on == Depends::SyncedData) {
        // The mark was read first: a commit between the two reads moves
        // the mark past the one stored, so the next request reads again.
        seq = syncSeq();
        if (!seq)
            return compute();
        if (fresh && it->seq == *seq) {
            it->mark = *mark; // synced data unchanged since: checked as of now
            return kept(*it);
        }
    }
    HttpResponse answer = compute();
    if (answer.status != 200 || !answer.headers.isEmpty())
        return answer;
    // Bounded without bookkeeping: when full, start over.
    if (m_entries.size() >= m_maxEntries && !m_entries.contains(key))
        m_entries.clear();
    m_entries.insert(key, Entry { seq.value_or(0), *mark, now, answer.body });
    return answer;
}

HttpResponse AnswerCache::kept(const Entry &entry)
{
    HttpResponse cached;
    cached.contentType = QByteArrayLiteral("application/json");
    cached.body = entry.body;
    return cached;
}

} // namespace quire::server
