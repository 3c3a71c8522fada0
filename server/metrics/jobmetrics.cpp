// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/metrics/jobmetrics.h"

#include "server/metrics/metricsregistry.h"

namespace quire::server {

namespace {

constexpr const char *kRuns = "quire_job_runs_total";
constexpr const char *kRunsHelp = "Runs of background jobs, by job and outcome.";

} // namespace

JobMetrics::JobMetrics(const QByteArray &job)
    : m_succeeded(MetricsRegistry::global().counter(kRuns, kRunsHelp, { { "job", job }, { "outcome", "ok" } }))
    , m_failed(MetricsRegistry::global().counter(kRuns, kRunsHelp, { { "job", job }, { "outcome", "failed" } }))
    , m_items(MetricsRegistry::global().counter("quire_job_items_total",
                                                "What background jobs handled (articles published, mails sent, ...).",
                                                { { "job", job } }))
{ }

void JobMetrics::succeeded(std::uint64_t items)
{
    m_succeeded.add();
    m_items.add(items);
}

void JobMetrics::failed()
{
    m_failed.add();
}

} // namespace quire::server
