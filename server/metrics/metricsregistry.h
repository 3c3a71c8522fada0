// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/metrics/counter.h"
#include "server/metrics/histogram.h"

#include <QByteArray>

#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <utility>
#include <vector>

namespace quire::server {

// Label names and values of one series, in the order they are written.
using MetricLabels = std::vector<std::pair<QByteArray, QByteArray>>;

// The process's Prometheus metrics: families of counters, histograms and
// gauges (read when scraped), written out in the text exposition format
// 0.0.4. Whoever counts something registers it here; the registry knows no
// feature and the transport registers only its own. Finding a series takes a
// shared lock (an exclusive one only the first time a series is seen);
// counting into it is an atomic add, so callers on a hot path keep the
// reference they got.
class MetricsRegistry
{
public:
    MetricsRegistry() = default;
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // The one every part of the server counts into.
    static MetricsRegistry &global();

    // The series of `name` with `labels`, made on first use. A name keeps
    // the type and help it was first registered with.
    Counter &counter(const QByteArray &name, const QByteArray &help, const MetricLabels &labels = {});
    Histogram &histogram(const QByteArray &name, const QByteArray &help, const MetricLabels &labels = {},
                         const std::vector<double> &bounds = Histogram::latencyBounds());
    // A value read when scraped (`read` runs on the scraping thread and
    // must be thread-safe); registering a name again replaces its reader.
    void gauge(const QByteArray &name, const QByteArray &help, std::function<double()> read);

    // Every family, sorted by name, its series by labels.
    QByteArray exposition() const;

    static QByteArray escapeLabelValue(const QByteArray &value);
    static QByteArray escapeHelp(const QByteArray &help);
    // Shortest text that reads back as `value`; +Inf, -Inf and NaN as Prometheus spells them.
    static QByteArray formatNumber(double value);
    static constexpr const char *kContentType = "text/plain; version=0.0.4; charset=utf-8";

private:
    enum class Type { Counter, Histogram, Gauge };
    struct Series
    {
        std::unique_ptr<Counter> counter;
        std::unique_ptr<Histogram> histogram;
    };
    struct Family
    {
        Type type = Type::Counter;
        QByteArray help;
        std::map<QByteArray, Series> series; // by rendered labels
        std::function<double()> read; // gauges
    };

    static QByteArray renderLabels(const MetricLabels &labels);
    Series &series(const QByteArray &name, const QByteArray &help, Type type, const MetricLabels &labels,
                   const std::vector<double> &bounds);
    static void writeFamily(QByteArray &out, const QByteArray &name, const Family &family);

    mutable std::shared_mutex m_mutex;
    std::map<QByteArray, Family> m_families;
};

} // namespace quire::server
