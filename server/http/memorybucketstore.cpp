// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/memorybucketstore.h"

#include <algorithm>
#include <cmath>

namespace quire::server {

namespace {

double refilled(double tokens, qint64 sinceMs, const BucketStore::Limit &limit)
{
    return std::min(limit.capacity, tokens + double(std::max<qint64>(0, sinceMs)) / 1000.0 * limit.perSecond);
}

} // namespace

MemoryBucketStore::MemoryBucketStore(qsizetype maxBuckets)
    : m_maxPerShard(std::max<qsizetype>(4, maxBuckets / kShards))
{ }

BucketStore::Decision MemoryBucketStore::take(const QByteArray &key, double cost, const Limit &limit, qint64 nowMs)
{
    Shard &shard = m_shards[qHash(key) % kShards];
    std::lock_guard lock(shard.mutex);
    auto it = shard.buckets.find(key);
    if (it == shard.buckets.end()) {
        if (shard.buckets.size() >= m_maxPerShard)
            evict(shard, nowMs);
        it = shard.buckets.insert(key, Bucket { limit.capacity, nowMs, limit });
    }
    Bucket &b = *it;
    b.limit = limit;
    b.tokens = refilled(b.tokens, nowMs - b.updatedMs, limit);
    b.updatedMs = std::max(b.updatedMs, nowMs);
    Decision d;
    if (b.tokens >= cost) {
        b.tokens -= cost;
        d.remaining = b.tokens;
        return d;
    }
    d.allowed = false;
    d.remaining = b.tokens;
    d.retryAfterMs = limit.perSecond > 0 ? qint64(std::ceil((cost - b.tokens) / limit.perSecond * 1000.0)) : -1;
    return d;
}

qsizetype MemoryBucketStore::size() const
{
    qsizetype n = 0;
    for (const Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        n += shard.buckets.size();
    }
    return n;
}

void MemoryBucketStore::evict(Shard &shard, qint64 nowMs) const
{
    for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
        if (refilled(it->tokens, nowMs - it->updatedMs, it->limit) >= it->limit.capacity)
            it = shard.buckets.erase(it);
        else
            ++it;
    }
    // Still full (many clients busy at once): forgetting a bucket only gives
    // its client a fresh budget, which is better than unbounded memory.
    const qsizetype target = m_maxPerShard - m_maxPerShard / 4;
    for (auto it = shard.buckets.begin(); it != shard.buckets.end() && shard.buckets.size() > target;)
        it = shard.buckets.erase(it);
}

} // namespace quire::server
