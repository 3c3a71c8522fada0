// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/socketio.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cerrno>

namespace quire::server::SocketIo {

Io writeSome(int fd, QByteArray &pending)
{
    while (!pending.isEmpty()) {
        const ssize_t n = ::send(fd, pending.constData(), std::size_t(pending.size()), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK ? Io::WouldBlock : Io::Failed;
        pending.remove(0, qsizetype(n));
    }
    return Io::Moved;
}

Io readSome(int fd, QByteArray &into, qsizetype limit)
{
    std::array<char, 16384> buffer;
    while (into.size() < limit) {
        const ssize_t n
            = ::recv(fd, buffer.data(), std::min<std::size_t>(buffer.size(), std::size_t(limit - into.size())), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK ? Io::WouldBlock : Io::Failed;
        if (n == 0)
            return Io::Closed;
        into.append(buffer.data(), qsizetype(n));
    }
    return Io::Moved;
}

QByteArray peerText(const sockaddr_storage &address)
{
    std::array<char, INET6_ADDRSTRLEN> text {};
    const void *raw = nullptr;
    if (address.ss_family == AF_INET)
        raw = &reinterpret_cast<const sockaddr_in &>(address).sin_addr;
    else if (address.ss_family == AF_INET6)
        raw = &reinterpret_cast<const sockaddr_in6 &>(address).sin6_addr;
    if (!raw || !inet_ntop(address.ss_family, raw, text.data(), text.size()))
        return QByteArrayLiteral("unknown");
    return QByteArray(text.data());
}

} // namespace quire::server::SocketIo
