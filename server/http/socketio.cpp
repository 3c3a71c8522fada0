// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/socketio.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>

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

Io writeGathered(int fd, std::vector<iovec> &parts, QByteArray &rest)
{
    std::size_t first = 0; // the first part not fully written
    while (first < parts.size()) {
        msghdr message {};
        message.msg_iov = parts.data() + first;
        message.msg_iovlen = std::min<std::size_t>(parts.size() - first, IOV_MAX);
        const ssize_t n = sendmsg(fd, &message, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0)
            return Io::Failed;
        // Step over what went out, trimming a part that went out in part.
        for (std::size_t left = std::size_t(n); left > 0 && first < parts.size();) {
            const std::size_t take = std::min(left, parts[first].iov_len);
            parts[first].iov_base = static_cast<char *>(parts[first].iov_base) + take;
            parts[first].iov_len -= take;
            left -= take;
            if (parts[first].iov_len == 0)
                ++first;
        }
    }
    for (std::size_t i = first; i < parts.size(); ++i)
        rest.append(static_cast<const char *>(parts[i].iov_base), qsizetype(parts[i].iov_len));
    return first < parts.size() ? Io::WouldBlock : Io::Moved;
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

bool hasUnread(int fd)
{
    int unread = 0;
    return ::ioctl(fd, FIONREAD, &unread) == 0 && unread > 0;
}

} // namespace quire::server::SocketIo
