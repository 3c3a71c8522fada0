// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/replycache.h"

namespace quire::server {

QByteArray ReplyCache::key(std::string_view target, bool gzip, std::string_view ifNoneMatch,
                           std::string_view ifModifiedSince)
{
    QByteArray key;
    key.reserve(qsizetype(target.size() + ifNoneMatch.size() + ifModifiedSince.size() + 4));
    key.append(target.data(), qsizetype(target.size()))
        .append(gzip ? "\ng\n" : "\ni\n")
        .append(ifNoneMatch.data(), qsizetype(ifNoneMatch.size()))
        .append('\n')
        .append(ifModifiedSince.data(), qsizetype(ifModifiedSince.size()));
    return key;
}

const ReplyCache::Reply *ReplyCache::find(const QByteArray &key, quint64 generation)
{
    if (generation != m_generation) {
        m_replies.clear();
        m_generation = generation;
        return nullptr;
    }
    const auto it = m_replies.constFind(key);
    return it == m_replies.constEnd() ? nullptr : &*it;
}

void ReplyCache::insert(const QByteArray &key, quint64 generation, Reply reply)
{
    if (generation != m_generation) {
        m_replies.clear();
        m_generation = generation;
    }
    if (m_replies.size() >= kMaxEntries)
        m_replies.clear();
    m_replies.insert(key, std::move(reply));
}

} // namespace quire::server
