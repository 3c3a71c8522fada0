// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>

#include <mutex>

namespace quire::server {

// How many connections each client address holds, across every worker of
// the process, so one address cannot take all of them (slowloris from one
// host). Thread-safe; a connection is counted from accept to close.
class ConnectionQuota
{
public:
    explicit ConnectionQuota(int perAddress)
        : m_perAddress(perAddress)
    { }

    // Counts a new connection from `address`; false (and not counted) when
    // the address already holds its share.
    bool acquire(const QByteArray &address);
    void release(const QByteArray &address);
    int held(const QByteArray &address) const;

private:
    const int m_perAddress;
    mutable std::mutex m_mutex;
    QHash<QByteArray, int> m_counts;
};

} // namespace quire::server
