// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/ratelimiter.h"

#include "server/http/bucketstore.h"

#include <cmath>

namespace quire::server {

namespace {
constexpr qint64 kPruneEveryMs = 60'000;
constexpr int kFreeFailures = 3;
constexpr qint64 kMaxDelayMs = 60'000;
} // namespace

RateLimiter::RateLimiter(double scale)
    : m_scale(std::max(scale, 0.001))
{ }

std::optional<int> RateLimiter::take(const QString &key, const Policy &policy, qint64 nowMs)
{
    if (m_shared) {
        const BucketStore::Decision d
            = m_shared->take(key.toUtf8(), 1.0, { policy.burst * m_scale, policy.perSecond * m_scale }, nowMs);
        if (d.allowed)
            return std::nullopt;
        return std::max(1, int((d.retryAfterMs + 999) / 1000));
    }
    std::lock_guard lock(m_mutex);
    prune(nowMs);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, full(policy, nowMs));
    return takeFrom(*it, policy, nowMs);
}

RateLimiter::Bucket RateLimiter::full(const Policy &policy, qint64 nowMs) const
{
    return Bucket { policy.burst * m_scale, nowMs };
}

std::optional<int> RateLimiter::takeFrom(Bucket &b, const Policy &policy, qint64 nowMs) const
{
    const double burst = policy.burst * m_scale;
    const double rate = policy.perSecond * m_scale;
    b.tokens = std::min(burst, b.tokens + double(std::max<qint64>(0, nowMs - b.updatedMs)) / 1000.0 * rate);
    b.updatedMs = nowMs;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return std::nullopt;
    }
    return std::max(1, int(std::ceil((1.0 - b.tokens) / rate)));
}

qint64 RateLimiter::fullAgainMs(const Bucket &b, const Policy &policy) const
{
    const double missing = std::max(0.0, policy.burst * m_scale - b.tokens);
    return b.updatedMs + qint64(std::ceil(missing / (policy.perSecond * m_scale) * 1000.0));
}

qint64 RateLimiter::failureDelayMs(int failures) const
{
    if (failures < kFreeFailures)
        return 0;
    const qint64 delay = std::min<qint64>(kMaxDelayMs, 1000LL << std::min(failures - kFreeFailures, 16));
    return qint64(double(delay) / m_scale);
}

void RateLimiter::prune(qint64 nowMs)
{
    if (nowMs - m_lastPruneMs < kPruneEveryMs)
        return;
    m_lastPruneMs = nowMs;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (nowMs - it->updatedMs > kForgetAfterMs)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace quire::server
