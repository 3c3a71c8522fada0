// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QtGlobal>

#include <mutex>
#include <optional>

namespace quire::server {

class BucketStore;

// Token buckets for the sign-in endpoints, shared by all worker threads, and
// the arithmetic of the failure back-off (kept in the database by
// PersistentLimits). Keys name what is limited ("login:ip:…"). A single
// server keeps the buckets in memory: they only slow attackers down, so a
// restart forgetting them costs no real user anything. Named instances keep
// them in a store over the shared database (setSharedStore), so N instances
// do not give an address N allowances.
class RateLimiter
{
public:
    struct Policy
    {
        double burst = 10; // requests allowed at once
        double perSecond = 1.0 / 6; // refill rate
    };
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };

    // `scale` multiplies every allowance and divides every delay (tests and
    // load tests raise it; 1 in production).
    explicit RateLimiter(double scale = 1.0);

    // From now on keeps the buckets in `store` (not owned, outliving this),
    // not in memory. Set before the workers start.
    void setSharedStore(BucketStore *store) { m_shared = store; }

    // Takes one token for `key`; nullopt when allowed, otherwise the seconds
    // to wait before asking again.
    std::optional<int> take(const QString &key, const Policy &policy, qint64 nowMs);
    // The same for a bucket kept elsewhere: refills `bucket` to `nowMs` and
    // takes a token from it if it has one. A missing bucket is `full()`.
    std::optional<int> takeFrom(Bucket &bucket, const Policy &policy, qint64 nowMs) const;
    Bucket full(const Policy &policy, qint64 nowMs) const;
    // When a bucket left alone is full again (and so need not be kept).
    qint64 fullAgainMs(const Bucket &bucket, const Policy &policy) const;

    // Failed sign-ins for one account from one address slow down that pair
    // only: 1 s after the third failure, doubling to 60 s. A success clears
    // it. An attacker elsewhere therefore cannot lock the real user out.
    // This is how long the pair waits after its `failures`-th failure (0: not at all).
    qint64 failureDelayMs(int failures) const;
    // Failures older than this are forgotten.
    static constexpr qint64 kForgetAfterMs = 3'600'000;

private:
    void prune(qint64 nowMs);

    double m_scale;
    std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    BucketStore *m_shared = nullptr;
    qint64 m_lastPruneMs = 0;
};

} // namespace quire::server
