// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/servermetrics.h"

#include "server/metrics/metricsregistry.h"
#include "shared/database.h"

namespace quire::server::ServerMetrics {

namespace {

Histogram &queryTimes()
{
    static Histogram &histogram = MetricsRegistry::global().histogram(
        "quire_database_query_duration_seconds", "Time each database statement took to run.", {},
        { 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5 });
    return histogram;
}

void observeQuery(qint64 nanoseconds)
{
    queryTimes().observe(double(nanoseconds) / 1e9);
}

} // namespace

void watchDatabase()
{
    queryTimes(); // registered before the first scrape, even while idle
    shared::Database::setQueryObserver(observeQuery);
    MetricsRegistry::global().gauge("quire_database_connections",
                                    "Database connections open in this process (one per worker thread, plus jobs).",
                                    [] { return double(shared::Database::openConnections()); });
}

} // namespace quire::server::ServerMetrics
