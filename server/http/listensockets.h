// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QHostAddress>

#include <vector>

namespace quire::server {

// Listening sockets made by hand so several workers can share one port
// through SO_REUSEPORT: the kernel spreads new connections over them, and
// each worker accepts on its own socket without a shared lock.
class ListenSockets
{
public:
    ListenSockets() = default;
    ~ListenSockets();
    ListenSockets(ListenSockets &&other) noexcept;
    ListenSockets &operator=(ListenSockets &&other) noexcept;
    ListenSockets(const ListenSockets &) = delete;
    ListenSockets &operator=(const ListenSockets &) = delete;

    // Opens `count` sockets on address:port (port 0: a free one, the same for
    // all). Fails with `port_in_use` when any other socket listens there,
    // even another SO_REUSEPORT one, which would otherwise silently share it.
    static shared::Result<ListenSockets> open(const QHostAddress &address, quint16 port, int count);

    quint16 port() const { return m_port; }
    const std::vector<int> &descriptors() const { return m_fds; }
    // Hands the descriptors over; they are no longer closed here.
    std::vector<int> release();

private:
    std::vector<int> m_fds;
    quint16 m_port = 0;
};

} // namespace quire::server
