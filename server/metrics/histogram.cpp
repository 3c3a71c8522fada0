// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/metrics/histogram.h"

#include <algorithm>
#include <cmath>

namespace quire::server {

Histogram::Histogram(std::vector<double> bounds)
    : m_bounds(std::move(bounds))
    , m_buckets(new std::atomic<std::uint64_t>[m_bounds.size() + 1])
{
    std::sort(m_bounds.begin(), m_bounds.end());
    for (std::size_t i = 0; i <= m_bounds.size(); ++i)
        m_buckets[i].store(0, std::memory_order_relaxed);
}

void Histogram::observe(double value)
{
    const auto at = std::lower_bound(m_bounds.cbegin(), m_bounds.cend(), value);
    m_buckets[std::size_t(at - m_bounds.cbegin())].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    if (value > 0)
        m_sumNano.fetch_add(std::uint64_t(std::llround(value * 1e9)), std::memory_order_relaxed);
}

double Histogram::sum() const
{
    return double(m_sumNano.load(std::memory_order_relaxed)) / 1e9;
}

std::vector<double> Histogram::latencyBounds()
{
    return { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60 };
}

} // namespace quire::server
