// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/frontdoor.h"

#include "server/serverlogging.h"

#include <QSocketNotifier>
#include <QTimer>

#include <array>
#include <cerrno>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace quire::server {
namespace {

// Room for a few pipelined requests at once; one head never exceeds half.
constexpr std::size_t kPeekBytes = 2 * SimpleRequest::kMaxHead;
static_assert(kPeekBytes > SimpleRequest::kMaxHead);
constexpr int kEventsPerTurn = 128;
constexpr int kAcceptsPerTurn = 256;
// Out of descriptors: stop accepting for this long rather than spin on a
// listening socket that stays readable.
constexpr int kAcceptPauseMs = 100;

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

} // namespace

FrontDoor::FrontDoor(int listenFd, Handler handler, HandOver handOver, QObject *parent)
    : QObject(parent)
    , m_listenFd(listenFd)
    , m_handler(std::move(handler))
    , m_handOver(std::move(handOver))
{ }

FrontDoor::~FrontDoor()
{
    closeAll();
    if (m_epollFd >= 0)
        ::close(m_epollFd);
}

bool FrontDoor::start()
{
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (m_epollFd < 0)
        return false;
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_listenFd;
    if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_listenFd, &event) != 0)
        return false;
    m_accepting = true;
    m_notifier = new QSocketNotifier(m_epollFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &FrontDoor::onEvents);
    return true;
}

void FrontDoor::stopAccepting()
{
    if (m_accepting && m_epollFd >= 0)
        epoll_ctl(m_epollFd, EPOLL_CTL_DEL, m_listenFd, nullptr);
    m_accepting = false;
}

bool FrontDoor::hasPendingOutput() const
{
    return std::any_of(m_connections.begin(), m_connections.end(),
                       [](const auto &entry) { return !entry.second.unsent.isEmpty(); });
}

void FrontDoor::closeAll()
{
    for (const auto &[fd, connection] : m_connections)
        ::close(fd);
    m_connections.clear();
}

void FrontDoor::onEvents()
{
    std::array<epoll_event, kEventsPerTurn> events {};
    const int count = epoll_wait(m_epollFd, events.data(), kEventsPerTurn, 0);
    for (int i = 0; i < count; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_listenFd) {
            if (m_accepting)
                acceptAll();
            continue;
        }
        // A connection closed or handed over earlier in this batch.
        auto it = m_connections.find(fd);
        if (it == m_connections.end())
            continue;
        const uint32_t what = events[i].events;
        if (what & EPOLLERR) {
            close(fd);
            continue;
        }
        if (what & EPOLLOUT) {
            onWritable(fd, it->second);
            it = m_connections.find(fd);
            if (it == m_connections.end())
                continue;
        }
        // Reading also notices a peer that hung up (recv returns 0).
        if (what & (EPOLLIN | EPOLLRDHUP | EPOLLHUP))
            onReadable(fd, it->second);
    }
}

void FrontDoor::acceptAll()
{
    for (int i = 0; i < kAcceptsPerTurn; ++i) {
        sockaddr_storage address {};
        socklen_t length = sizeof address;
        const int fd = accept4(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length,
                               SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                qCWarning(lcHttp) << "cannot accept connections:" << strerror(errno) << "- pausing";
                stopAccepting();
                QTimer::singleShot(kAcceptPauseMs, this, [this] {
                    epoll_event event {};
                    event.events = EPOLLIN;
                    event.data.fd = m_listenFd;
                    m_accepting = epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_listenFd, &event) == 0;
                });
            }
            return; // EAGAIN: all taken
        }
        // Answers go out in one write each; Nagle would only delay the
        // second of two pipelined ones.
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        m_connections.emplace(fd, Connection { peerText(address), {}, false });
        epoll_event event {};
        event.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
        event.data.fd = fd;
        if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event) != 0)
            handOver(fd); // Qt can still serve it
    }
}

void FrontDoor::onReadable(int fd, Connection &connection)
{
    // Requests wait in the socket while an answer is still being written:
    // the client's own back-pressure.
    if (!connection.unsent.isEmpty() || connection.handOverWhenFlushed)
        return;
    std::array<char, kPeekBytes> buffer;
    for (;;) {
        const ssize_t n = recv(fd, buffer.data(), buffer.size(), MSG_PEEK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            close(fd); // the peer hung up, or the connection failed
            return;
        }
        const std::string_view data(buffer.data(), std::size_t(n));
        std::vector<Reply> replies;
        std::size_t consumed = 0;
        bool simple = true;
        while (consumed < data.size()) {
            const SimpleRequest request = SimpleRequest::parse(data.substr(consumed));
            if (request.outcome == SimpleRequest::Outcome::Incomplete)
                break;
            Reply reply;
            if (request.outcome == SimpleRequest::Outcome::NotSimple
                || !m_handler(request, connection.remote, reply)) {
                simple = false;
                break;
            }
            replies.push_back(std::move(reply));
            consumed += request.length;
        }
        // Take exactly the answered requests off the socket; they were peeked.
        for (std::size_t taken = 0; taken < consumed;) {
            const ssize_t got = recv(fd, buffer.data(), consumed - taken, 0);
            if (got <= 0 && !(got < 0 && errno == EINTR)) {
                close(fd);
                return;
            }
            taken += std::size_t(std::max<ssize_t>(got, 0));
        }
        if (!replies.empty() && !send(fd, connection, replies))
            return;
        if (!simple || (consumed == 0 && data.size() >= SimpleRequest::kMaxHead)) {
            if (connection.unsent.isEmpty())
                handOver(fd);
            else
                connection.handOverWhenFlushed = true;
            return;
        }
        // Everything there was looked at; the next bytes bring a new edge.
        if (!connection.unsent.isEmpty() || data.size() < buffer.size())
            return;
    }
}

bool FrontDoor::send(int fd, Connection &connection, const std::vector<Reply> &replies)
{
    std::vector<iovec> parts;
    parts.reserve(replies.size() * 3);
    std::size_t total = 0;
    for (const Reply &reply : replies) {
        for (const QByteArray *part : { &reply.head, &reply.tail, &reply.body }) {
            if (part->isEmpty())
                continue;
            parts.push_back({ const_cast<char *>(part->constData()), std::size_t(part->size()) });
            total += std::size_t(part->size());
        }
    }
    std::size_t written = 0;
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
        if (n < 0) {
            close(fd);
            return false;
        }
        written += std::size_t(n);
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
    if (written == total)
        return true;
    for (std::size_t i = first; i < parts.size(); ++i)
        connection.unsent.append(static_cast<const char *>(parts[i].iov_base), qsizetype(parts[i].iov_len));
    return watch(fd, true);
}

void FrontDoor::onWritable(int fd, Connection &connection)
{
    while (!connection.unsent.isEmpty()) {
        const ssize_t n = ::send(fd, connection.unsent.constData(), std::size_t(connection.unsent.size()),
                                 MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n < 0) {
            close(fd);
            return;
        }
        connection.unsent.remove(0, qsizetype(n));
    }
    if (connection.handOverWhenFlushed) {
        handOver(fd);
        return;
    }
    if (!watch(fd, false))
        return;
    // Requests that came while the answer was written brought their edge
    // then; look at them now.
    onReadable(fd, connection);
}

bool FrontDoor::watch(int fd, bool writable)
{
    epoll_event event {};
    event.events = EPOLLIN | EPOLLRDHUP | EPOLLET | (writable ? EPOLLOUT : 0u);
    event.data.fd = fd;
    if (epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &event) == 0)
        return true;
    close(fd);
    return false;
}

void FrontDoor::handOver(int fd)
{
    epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr);
    m_connections.erase(fd);
    m_handOver(fd);
}

void FrontDoor::close(int fd)
{
    epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr);
    m_connections.erase(fd);
    ::close(fd);
}

} // namespace quire::server
