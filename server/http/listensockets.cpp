// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/listensockets.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace quire::server {

using shared::Error;
using shared::Result;

namespace {

struct SockAddr
{
    sockaddr_storage storage {};
    socklen_t length = 0;
    int family = AF_INET;
};

SockAddr toSockAddr(const QHostAddress &address, quint16 port)
{
    SockAddr a;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&a.storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &ip, sizeof ip);
        a.length = sizeof(sockaddr_in6);
        a.family = AF_INET6;
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&a.storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        a.length = sizeof(sockaddr_in);
    }
    return a;
}

Error socketError(const QString &what, const QHostAddress &address, quint16 port, int err)
{
    if (err == EADDRINUSE) {
        return Error::make(
            shared::ErrorCode::PortInUse,
            QStringLiteral("port %1 on %2 is already in use by another program").arg(port).arg(address.toString()));
    }
    if (err == EADDRNOTAVAIL) {
        return Error::make(shared::ErrorCode::AddressUnavailable,
                           QStringLiteral("the address %1 does not belong to this machine").arg(address.toString()));
    }
    if (err == EACCES) {
        return Error::make(
            shared::ErrorCode::PortForbidden,
            QStringLiteral("not allowed to listen on port %1 (ports below 1024 need privileges)").arg(port));
    }
    return Error::make(shared::ErrorCode::ListenFailed,
                       QStringLiteral("%1 %2:%3 failed: %4")
                           .arg(what, address.toString())
                           .arg(port)
                           .arg(QString::fromLocal8Bit(std::strerror(err))));
}

int makeSocket(int family, bool reusePort)
{
    const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reusePort)
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    if (family == AF_INET6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    return fd;
}

} // namespace

ListenSockets::~ListenSockets()
{
    for (int fd : m_fds)
        ::close(fd);
}

ListenSockets::ListenSockets(ListenSockets &&other) noexcept
    : m_fds(std::move(other.m_fds))
    , m_port(other.m_port)
{
    other.m_fds.clear();
}

ListenSockets &ListenSockets::operator=(ListenSockets &&other) noexcept
{
    std::swap(m_fds, other.m_fds);
    std::swap(m_port, other.m_port);
    return *this;
}

std::vector<int> ListenSockets::release()
{
    std::vector<int> fds;
    std::swap(fds, m_fds);
    return fds;
}

Result<ListenSockets> ListenSockets::open(const QHostAddress &address, quint16 port, int count)
{
    const SockAddr probeAddr = toSockAddr(address, port);
    if (port != 0) {
        // A socket without SO_REUSEPORT cannot bind where anyone listens, so
        // this finds a running server (ours or not) before we join its group.
        const int probe = makeSocket(probeAddr.family, false);
        if (probe < 0)
            return socketError(QStringLiteral("socket"), address, port, errno);
        const int rc = ::bind(probe, reinterpret_cast<const sockaddr *>(&probeAddr.storage), probeAddr.length);
        const int err = errno;
        ::close(probe);
        if (rc != 0)
            return socketError(QStringLiteral("bind"), address, port, err);
    }
    ListenSockets sockets;
    sockets.m_port = port;
    for (int i = 0; i < count; ++i) {
        const int fd = makeSocket(probeAddr.family, true);
        if (fd < 0)
            return socketError(QStringLiteral("socket"), address, port, errno);
        sockets.m_fds.push_back(fd);
        const SockAddr a = toSockAddr(address, sockets.m_port);
        if (::bind(fd, reinterpret_cast<const sockaddr *>(&a.storage), a.length) != 0)
            return socketError(QStringLiteral("bind"), address, sockets.m_port, errno);
        if (::listen(fd, 1024) != 0)
            return socketError(QStringLiteral("listen"), address, sockets.m_port, errno);
        if (sockets.m_port == 0) {
            sockaddr_storage bound {};
            socklen_t len = sizeof bound;
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &len);
            sockets.m_port = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
                                                         : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
        }
    }
    return sockets;
}

} // namespace quire::server
