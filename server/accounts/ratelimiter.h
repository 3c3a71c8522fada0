// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <mutex>
#include <optional>

namespace quire::server {

// Token buckets and failure back-off for the sign-in endpoints, shared by
// all worker threads. Keys name what is limited ("login:ip:…"). This state
// lives in memory: it only slows attackers down, so a restart forgetting it
// costs no real user anything. What protects real users (known addresses,
// per-account allowances) is in the database, see PersistentLimits.
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
    std::optional<int> failureDelay(const QString &pairKey, qint64 nowMs);
    void recordFailure(const QString &pairKey, qint64 nowMs);
    void recordSuccess(const QString &pairKey);

private:
    struct Failures
    {
        int count = 0;
        qint64 blockedUntilMs = 0;
        qint64 lastMs = 0;
    };
    void prune(qint64 nowMs);

    double m_scale;
    std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    QHash<QString, Failures> m_failures;
    qint64 m_lastPruneMs = 0;
};

} // namespace quire::server
