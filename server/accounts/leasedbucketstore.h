// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/bucketstore.h"
#include "shared/result.h"

#include <QHash>

#include <array>
#include <atomic>
#include <functional>
#include <mutex>

namespace quire::shared {
class Database;
}

namespace quire::server {

// Token buckets shared by every instance on one database, without a write
// per request: the bucket lives in `rate_buckets`, and an instance leases a
// slice of its tokens (one conditional UPDATE or INSERT in a short
// transaction), spends it in memory, and gives back what is left when the
// slice expires or the store is destroyed. Leased tokens leave the row, so
// what all instances spend together is at most what the rows handed out; a
// slice dying with its instance comes back through the bucket's refill. The
// one overshoot: a row refills while slices are out, so a burst may exceed a
// bucket's capacity by the slices held (at most one per instance and key,
// each usable for `leaseMs` only). `nowMs` is the shared wall clock
// (shared::Clock), which every instance must agree on.
class LeasedBucketStore final : public BucketStore
{
public:
    // The calling thread's connection to the shared database (Qt ties a
    // connection to its thread); nullptr when it cannot be opened.
    using Connection = std::function<shared::Database *()>;

    struct Settings
    {
        double sliceFraction = 0.1; // of a bucket's capacity, at least `cost`
        qint64 leaseMs = 5'000; // how long a slice may be spent
    };

    // The calling thread's own connection to the SQLite database `path`,
    // for a Connection: opened on first use, closed when the thread ends,
    // apart from the worker's own (which may be inside a request's
    // transaction). Commits without waiting for the disk (synchronous =
    // NORMAL): a bucket lost to a power cut costs nothing, a wait on every
    // lease would (README, "Several instances").
    static shared::Database *threadConnection(const QString &location);

    explicit LeasedBucketStore(Connection connection);
    LeasedBucketStore(Connection connection, Settings settings);
    ~LeasedBucketStore() override; // gives back every slice's unspent tokens

    Decision take(const QByteArray &key, double cost, const Limit &limit, qint64 nowMs) override;

    // Gives back the unspent tokens of every slice now (as a clean stop does).
    void returnAll();
    // Leases taken from the database so far (tests and the benchmark).
    qint64 leases() const { return m_leases.load(); }

private:
    struct Slice
    {
        double tokens = 0; // leased, not yet spent
        qint64 expiresMs = 0;
        qint64 refusedUntilMs = 0; // the row had too few tokens until then
        Limit limit;
    };
    struct Shard
    {
        std::mutex mutex;
        QHash<QByteArray, Slice> slices;
    };
    struct Lease
    {
        double granted = 0;
        double available = 0; // in the row before the grant
    };
    static constexpr int kShards = 32;

    // Takes up to `want` tokens (none unless at least `cost`) from the row
    // of `key`, after putting `giveBack` unspent tokens into it.
    shared::Result<Lease> lease(const QByteArray &key, double cost, double want, double giveBack, const Limit &limit,
                                qint64 nowMs);
    shared::VoidResult giveBack(shared::Database &db, const QByteArray &key, double tokens, const Limit &limit);
    shared::Result<QString> keyed(shared::Database &db, const QByteArray &key);
    // Gives back the slices that expired at least a lease ago, at most once a lease.
    void sweep(qint64 nowMs);

    Connection m_connection;
    Settings m_settings;
    std::array<Shard, kShards> m_shards;
    std::mutex m_keyMutex;
    QByteArray m_hmacKey;
    std::atomic<qint64> m_leases { 0 };
    std::atomic<qint64> m_nextSweepMs { 0 };
    std::atomic<qint64> m_nextPurgeMs { 0 };
};

} // namespace quire::server
