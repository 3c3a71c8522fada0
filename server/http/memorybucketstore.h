// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/bucketstore.h"

#include <QHash>

#include <array>
#include <mutex>

namespace quire::server {

// Token buckets in this process's memory, shared by every worker thread.
// Keys are spread over independently locked shards, so threads rarely wait
// for each other, and each shard holds at most a bounded number of buckets:
// a full bucket is the same as none, so idle ones are dropped first.
class MemoryBucketStore final : public BucketStore
{
public:
    // `maxBuckets` bounds the memory (about 100 bytes a bucket).
    explicit MemoryBucketStore(qsizetype maxBuckets = 200'000);

    Decision take(const QByteArray &key, double cost, const Limit &limit, qint64 nowMs) override;

    // Buckets held now (for tests).
    qsizetype size() const;

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
        Limit limit;
    };
    struct Shard
    {
        mutable std::mutex mutex;
        QHash<QByteArray, Bucket> buckets;
    };
    static constexpr int kShards = 32;

    // Makes room in a full shard: drops buckets that have refilled, then,
    // if that is not enough, any until a quarter is free.
    void evict(Shard &shard, qint64 nowMs) const;

    qsizetype m_maxPerShard;
    std::array<Shard, kShards> m_shards;
};

} // namespace quire::server
