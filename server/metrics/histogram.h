// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace quire::server {

// A Prometheus histogram with fixed upper bounds: an observation is one
// atomic add to its bucket, the count and the sum (kept in nanounits as an
// integer, since atomic doubles cannot add), so threads never wait.
class Histogram
{
public:
    explicit Histogram(std::vector<double> bounds);

    void observe(double value);

    const std::vector<double> &bounds() const { return m_bounds; }
    // Observations at or below bounds()[i], not cumulative; the last entry
    // (index bounds().size()) counts those above every bound.
    std::uint64_t bucket(std::size_t i) const { return m_buckets[i].load(std::memory_order_relaxed); }
    std::uint64_t count() const { return m_count.load(std::memory_order_relaxed); }
    double sum() const;

    // Seconds, from a millisecond to a minute: request and query latencies.
    static std::vector<double> latencyBounds();

private:
    std::vector<double> m_bounds;
    std::unique_ptr<std::atomic<std::uint64_t>[]> m_buckets;
    std::atomic<std::uint64_t> m_count { 0 };
    std::atomic<std::uint64_t> m_sumNano { 0 };
};

} // namespace quire::server
