// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/answercache.h"

#include "shared/database.h"

#include <QVariant>

namespace quire::server {

AnswerCache::AnswerCache(shared::Database &db, int maxEntries)
    : m_db(db)
    , m_maxEntries(maxEntries)
{ }

HttpResponse AnswerCache::answer(const QString &key, const std::function<HttpResponse()> &compute)
{
    if (m_maxEntries <= 0)
        return compute();
    // Read before computing: a write that lands meanwhile makes the stored
    // answer older than its number says, never newer, so it is refreshed.
    shared::Result<QVariant> seq = m_db.scalar(QStringLiteral("SELECT seq FROM sync_state"));
    if (!seq)
        return compute();
    const qint64 version = seq->toLongLong();
    const qint64 now = shared::Clock::instance().nowMs();
    if (const auto it = m_entries.constFind(key);
        it != m_entries.cend() && it->version == version && now - it->storedAtMs < kMaxAgeMs) {
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
    m_entries.insert(key, Entry { version, now, fresh.body });
    return fresh;
}

} // namespace quire::server
