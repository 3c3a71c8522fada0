// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/requestdeadline.h"

namespace quire::server {

void RequestDeadline::readingHead(qint64 now)
{
    if (m_headSince == 0)
        m_headSince = now;
    m_bodySince = 0;
}

void RequestDeadline::readingBody(std::uint64_t bodyLeft, qint64 now)
{
    if (m_bodySince == 0) {
        m_bodySince = now;
        m_bodyAtStart = bodyLeft;
    }
    m_bodyLeft = bodyLeft;
    m_headSince = 0;
}

void RequestDeadline::idle()
{
    m_headSince = 0;
    m_bodySince = 0;
}

bool RequestDeadline::missed(const Limits &limits, qint64 now) const
{
    if (m_headSince)
        return now - m_headSince > limits.headMs;
    if (m_bodySince == 0 || limits.minBodyRate <= 0)
        return false;
    // The head's time is the body's grace; after it, the average counts.
    const qint64 spent = now - m_bodySince - limits.headMs;
    const std::uint64_t arrived = m_bodyAtStart - m_bodyLeft;
    return spent > 0 && arrived * 1000 < std::uint64_t(spent) * std::uint64_t(limits.minBodyRate);
}

} // namespace quire::server
