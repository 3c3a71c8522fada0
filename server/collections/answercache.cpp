// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/answercache.h"

#include "shared/database.h"
#include "shared/logging.h"

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
        query.emplace(m_db.handle());
        query->setForwardOnly(true);
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

std::optional<AnswerCache::Mark> AnswerCache::mark()
{
    // Two plain statements: the table-valued pragma_data_version() would
    // compile its pragma again on every run.
    Mark mark;
    if (!readRow(m_changesQuery, QStringLiteral("SELECT total_changes()"), mark.ownChanges, nullptr)
        || !readRow(m_versionQuery, QStringLiteral("PRAGMA data_version"), mark.othersCommits, nullptr))
        return std::nullopt;
    return mark;
}

HttpResponse AnswerCache::answer(const QString &key, const std::function<HttpResponse()> &compute, Depends on)
{
    if (m_maxEntries <= 0)
        return compute();
    // Read before computing: a write that lands meanwhile makes the stored
    // answer older than its version says, never newer, so it is refreshed.
    Entry now;
    if (on == Depends::SyncedData) {
        const std::optional<qint64> seq = syncSeq();
        if (!seq)
            return compute();
        now.seq = *seq;
    } else {
        const std::optional<Mark> mark = this->mark();
        if (!mark)
            return compute();
        now.mark = *mark;
    }
    now.storedAtMs = shared::Clock::instance().nowMs();
    if (const auto it = m_entries.constFind(key); it != m_entries.cend() && it->seq == now.seq && it->mark == now.mark
        && now.storedAtMs - it->storedAtMs < kMaxAgeMs) {
        HttpResponse cached;
        cached.contentType = QByteArrayLiteral("application/json");
        cached.body = it->body;
        return cached;
    }
    HttpResponse fresh = compute();
    if (fresh.status != 200 || !fresh.headers.isEmpty())
        return fresh;
    // Bounded without bookkeeping: when full, start over.
    if (m_entries.size() >= m_maxEntries && !m_entries.contains(key))
        m_entries.clear();
    now.body = fresh.body;
    m_entries.insert(key, std::move(now));
    return fresh;
}

} // namespace quire::server
