// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/httpmetrics.h"

#include "server/metrics/metricsregistry.h"

#include <QHash>

#include <algorithm>

namespace quire::server::HttpMetrics {

namespace {

QByteArray statusClass(int status)
{
    return QByteArray::number(std::clamp(status / 100, 1, 5)) + "xx";
}

} // namespace

void recordRequest(const QByteArray &route, const QByteArray &method, int status, double seconds)
{
    MetricsRegistry &registry = MetricsRegistry::global();
    // Each worker thread keeps the series it counted into before: after the
    // first request of a kind, counting is a hash lookup and atomic adds,
    // with no lock shared between workers.
    thread_local QHash<QByteArray, Counter *> requests;
    thread_local QHash<QByteArray, Counter *> errors;
    thread_local QHash<QByteArray, Histogram *> latencies;
    const QByteArray cls = statusClass(status);
    const QByteArray key = route + ' ' + method + ' ' + cls;
    Counter *&count = requests[key];
    if (!count)
        count = &registry.counter("quire_http_requests_total",
                                  "HTTP requests answered, by route pattern, method and status class.",
                                  { { "route", route }, { "method", method }, { "status", cls } });
    count->add();
    Histogram *&latency = latencies[route];
    if (!latency)
        latency = &registry.histogram("quire_http_request_duration_seconds",
                                      "Time from a request's arrival to its answer, by route pattern.",
                                      { { "route", route } });
    latency->observe(seconds);
    if (status >= 500) {
        Counter *&error = errors[route + ' ' + method];
        if (!error)
            error = &registry.counter("quire_http_errors_total",
                                      "Requests answered with a 5xx status, by route pattern and method.",
                                      { { "route", route }, { "method", method } });
        error->add();
    }
}

void recordHandlerFailure()
{
    static Counter &failures = MetricsRegistry::global().counter(
        "quire_http_handler_failures_total", "Requests whose handler threw; each was answered with a 500.");
    failures.add();
}

} // namespace quire::server::HttpMetrics
