// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstdint>

namespace quire::server {

class Counter;

// One background job's series in the global registry (quire_job_runs_total
// by outcome, quire_job_items_total): each job names itself, the registry
// names none.
class JobMetrics
{
public:
    explicit JobMetrics(const QByteArray &job);

    // A run that did its work; `items` is what it handled (rows published,
    // pruned, flushed, mails sent).
    void succeeded(std::uint64_t items = 0);
    void failed();

private:
    Counter &m_succeeded;
    Counter &m_failed;
    Counter &m_items;
};

} // namespace quire::server
