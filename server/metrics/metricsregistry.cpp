// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/metrics/metricsregistry.h"

#include <charconv>
#include <cmath>
#include <mutex>

namespace quire::server {

MetricsRegistry &MetricsRegistry::global()
{
    static MetricsRegistry registry;
    return registry;
}

QByteArray MetricsRegistry::escapeLabelValue(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out.append("\\\\");
        else if (c == '"')
            out.append("\\\"");
        else if (c == '\n')
            out.append("\\n");
        else
            out.append(c);
    }
    return out;
}

QByteArray MetricsRegistry::escapeHelp(const QByteArray &help)
{
    QByteArray out;
    out.reserve(help.size());
    for (const char c : help) {
        if (c == '\\')
            out.append("\\\\");
        else if (c == '\n')
            out.append("\\n");
        else
            out.append(c);
    }
    return out;
}

QByteArray MetricsRegistry::formatNumber(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    char buffer[64];
    const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QByteArray(buffer, qsizetype(r.ptr - buffer));
}

QByteArray MetricsRegistry::renderLabels(const MetricLabels &labels)
{
    QByteArray out;
    for (const auto &[name, value] : labels) {
        if (!out.isEmpty())
            out.append(',');
        out.append(name).append("=\"").append(escapeLabelValue(value)).append('"');
    }
    return out;
}

MetricsRegistry::Series &MetricsRegistry::series(const QByteArray &name, const QByteArray &help, Type type,
                                                 const MetricLabels &labels, const std::vector<double> &bounds)
{
    const QByteArray key = renderLabels(labels);
    {
        std::shared_lock lock(m_mutex);
        const auto family = m_families.find(name);
        if (family != m_families.end() && family->second.type == type) {
            const auto found = family->second.series.find(key);
            if (found != family->second.series.end())
                return found->second;
        }
    }
    std::unique_lock lock(m_mutex);
    Family &family = m_families[name];
    if (family.series.empty() && !family.read) {
        family.type = type;
        family.help = help;
    }
    // A name taken by another type is a programming error; the series is
    // still made (so the caller has something to count into) and stays
    // unwritten, rather than the scrape breaking.
    Series &s = family.series[key];
    if (type == Type::Counter && !s.counter)
        s.counter = std::make_unique<Counter>();
    if (type == Type::Histogram && !s.histogram)
        s.histogram = std::make_unique<Histogram>(bounds);
    return s;
}

Counter &MetricsRegistry::counter(const QByteArray &name, const QByteArray &help, const MetricLabels &labels)
{
    return *series(name, help, Type::Counter, labels, {}).counter;
}

Histogram &MetricsRegistry::histogram(const QByteArray &name, const QByteArray &help, const MetricLabels &labels,
                                      const std::vector<double> &bounds)
{
    return *series(name, help, Type::Histogram, labels, bounds).histogram;
}

void MetricsRegistry::gauge(const QByteArray &name, const QByteArray &help, std::function<double()> read)
{
    std::unique_lock lock(m_mutex);
    Family &family = m_families[name];
    family.type = Type::Gauge;
    family.help = help;
    family.read = std::move(read);
}

void MetricsRegistry::writeFamily(QByteArray &out, const QByteArray &name, const Family &family)
{
    static const char *const kTypeNames[] = { "counter", "histogram", "gauge" };
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(family.help)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(kTypeNames[int(family.type)]).append('\n');
    auto braces = [](const QByteArray &labels) { return labels.isEmpty() ? QByteArray() : '{' + labels + '}'; };
    if (family.type == Type::Gauge) {
        out.append(name).append(' ').append(formatNumber(family.read ? family.read() : 0)).append('\n');
        return;
    }
    for (const auto &[labels, s] : family.series) {
        if (family.type == Type::Counter && s.counter) {
            out.append(name).append(braces(labels)).append(' ').append(QByteArray::number(s.counter->value()));
            out.append('\n');
        } else if (family.type == Type::Histogram && s.histogram) {
            const Histogram &h = *s.histogram;
            const QByteArray prefix = labels.isEmpty() ? QByteArray() : labels + ',';
            std::uint64_t cumulative = 0;
            for (std::size_t i = 0; i <= h.bounds().size(); ++i) {
                cumulative += h.bucket(i);
                const double le = i < h.bounds().size() ? h.bounds()[i] : INFINITY;
                out.append(name).append("_bucket{").append(prefix).append("le=\"").append(formatNumber(le));
                out.append("\"} ").append(QByteArray::number(cumulative)).append('\n');
            }
            // The count from the buckets, so a scrape during an observation
            // stays consistent (+Inf equals _count).
            out.append(name).append("_sum").append(braces(labels)).append(' ').append(formatNumber(h.sum()));
            out.append('\n');
            out.append(name).append("_count").append(braces(labels)).append(' ').append(QByteArray::number(cumulative));
            out.append('\n');
        }
    }
}

QByteArray MetricsRegistry::exposition() const
{
    QByteArray out;
    std::shared_lock lock(m_mutex);
    for (const auto &[name, family] : m_families)
        writeFamily(out, name, family);
    return out;
}

} // namespace quire::server
