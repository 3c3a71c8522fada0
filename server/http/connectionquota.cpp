// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/connectionquota.h"

namespace quire::server {

bool ConnectionQuota::acquire(const QByteArray &address)
{
    const std::lock_guard lock(m_mutex);
    int &count = m_counts[address];
    if (count >= m_perAddress) {
        if (count == 0)
            m_counts.remove(address);
        return false;
    }
    ++count;
    return true;
}

void ConnectionQuota::release(const QByteArray &address)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_counts.find(address);
    if (it == m_counts.end())
        return;
    if (--it.value() <= 0)
        m_counts.erase(it);
}

int ConnectionQuota::held(const QByteArray &address) const
{
    const std::lock_guard lock(m_mutex);
    return m_counts.value(address);
}

} // namespace quire::server
