// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/ratelimiter.h"

#include <cmath>

namespace quire::server {

namespace {
constexpr qint64 kPruneEveryMs = 60'000;
constexpr qint64 kForgetAfterMs = 3'600'000;
constexpr int kFreeFailures = 3;
constexpr qint64 kMaxDelayMs = 60'000;
} // namespace

RateLimiter::RateLimiter(double scale)
    : m_scale(std::max(scale, 0.001))
{ }

std::optional<int> RateLimiter::take(const QString &key, const Policy &policy, qint64 nowMs)
{
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

std::optional<int> RateLimiter::failureDelay(const QString &pairKey, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_failures.constFind(pairKey);
    if (it == m_failures.constEnd() || it->blockedUntilMs <= nowMs)
        return std::nullopt;
    return std::max(1, int((it->blockedUntilMs - nowMs + 999) / 1000));
}

void RateLimiter::recordFailure(const QString &pairKey, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    Failures &f = m_failures[pairKey];
    ++f.count;
    f.lastMs = nowMs;
    if (f.count >= kFreeFailures) {
        const qint64 delay = std::min<qint64>(kMaxDelayMs, 1000LL << std::min(f.count - kFreeFailures, 16));
        f.blockedUntilMs = nowMs + qint64(double(delay) / m_scale);
    }
}

void RateLimiter::recordSuccess(const QString &pairKey)
{
    std::lock_guard lock(m_mutex);
    m_failures.remove(pairKey);
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
    for (auto it = m_failures.begin(); it != m_failures.end();) {
        if (nowMs - it->lastMs > kForgetAfterMs)
            it = m_failures.erase(it);
        else
            ++it;
    }
}

} // namespace quire::server
