// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/frontdoor.h"

#include "server/http/requestlog.h"
#include "server/http/socketio.h"
#include "server/http/wireformat.h"
#include "server/serverlogging.h"

#include <QSocketNotifier>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <unistd.h>

namespace quire::server {
namespace {

using SocketIo::Io;
using SocketIo::peerText;
using SocketIo::readSome;
using SocketIo::writeSome;

// Room for a few pipelined requests at once; one head never exceeds half.
constexpr std::size_t kPeekBytes = 2 * SimpleRequest::kMaxHead;
static_assert(kPeekBytes > SimpleRequest::kMaxHead);
constexpr int kEventsPerTurn = 128;
constexpr int kAcceptsPerTurn = 256;
// Out of descriptors: stop accepting for this long rather than spin on a
// listening socket that stays readable.
constexpr int kAcceptPauseMs = 100;
// What QSslServer allowed a handshake.
constexpr qint64 kHandshakeMs = 10'000;
// Deadlines are checked this often.
constexpr int kSweepMs = 1000;
// Relayed bytes held per direction before reading that side pauses.
constexpr qsizetype kRelayBuffer = 256 * 1024;

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

FrontDoor::FrontDoor(int listenFd, TlsStream::Context tls, Handler handler, HandOver handOver, QObject *parent)
    : QObject(parent)
    , m_listenFd(listenFd)
    , m_tls(std::move(tls))
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
    if (m_tls || m_idleMs > 0) {
        auto *sweep = new QTimer(this);
        connect(sweep, &QTimer::timeout, this, &FrontDoor::sweep);
        sweep->start(std::min(kSweepMs, m_idleMs > 0 ? m_idleMs : kSweepMs));
    }
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
    return std::any_of(m_connections.begin(), m_connections.end(), [](const auto &entry) {
        return !entry.second->unsent.isEmpty() || !entry.second->toRelay.isEmpty();
    });
}

void FrontDoor::closeAll()
{
    while (!m_connections.empty())
        close(*m_connections.begin()->second);
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
        // A relay's events move its connection. A connection closed or
        // handed over earlier in this batch is gone from the map.
        const auto relay = m_relays.find(fd);
        const auto it = m_connections.find(relay == m_relays.end() ? fd : relay->second);
        if (it == m_connections.end())
            continue;
        Connection &connection = *it->second;
        const uint32_t what = events[i].events;
        if (connection.tls) {
            drive(connection);
            continue;
        }
        if (what & EPOLLERR) {
            close(connection);
            continue;
        }
        if (what & EPOLLOUT) {
            onWritable(connection);
            if (!m_connections.contains(fd))
                continue;
        }
        // Reading also notices a peer that hung up (recv returns 0).
        if (what & (EPOLLIN | EPOLLRDHUP | EPOLLHUP))
            onReadable(connection);
    }
}

void FrontDoor::acceptAll()
{
    for (int i = 0; i < kAcceptsPerTurn; ++i) {
        sockaddr_storage address {};
        socklen_t length = sizeof address;
        const int fd
            = accept4(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            accepted(fd, peerText(address));
            continue;
        }
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
}

void FrontDoor::accepted(int fd, QByteArray remote)
{
    // Answers go out in one write each; Nagle would only delay the second
    // of two pipelined ones.
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto connection = std::make_unique<Connection>();
    connection->fd = fd;
    connection->remote = std::move(remote);
    connection->activeAt = nowMs();
    epoll_event event {};
    event.data.fd = fd;
    if (m_tls) {
        connection->tls = std::make_unique<TlsStream>(m_tls, fd);
        connection->handshaking = true;
        // Edge-triggered both ways for good: drive() moves whatever can.
        event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    } else {
        event.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
    }
    Connection &added = *m_connections.emplace(fd, std::move(connection)).first->second;
    if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event) != 0)
        close(added);
}

std::size_t FrontDoor::answer(std::string_view data, const QByteArray &remote, std::vector<Reply> &replies,
                              After &after)
{
    std::size_t consumed = 0;
    after = After::Read;
    while (consumed < data.size()) {
        const SimpleRequest request = SimpleRequest::parse(data.substr(consumed));
        if (request.outcome == SimpleRequest::Outcome::Incomplete)
            break;
        if (request.outcome == SimpleRequest::Outcome::Malformed) {
            // Qt's parser would wait on such a connection forever.
            const QByteArray id = WireFormat::newRequestId();
            static const QByteArray body = QByteArrayLiteral("This is not an HTTP/1.1 request.\n");
            replies.push_back({ QByteArrayLiteral("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; "
                                                  "charset=utf-8\r\nConnection: close\r\nContent-Length: ")
                                    + QByteArray::number(body.size()) + "\r\n",
                                WireFormat::tail(id), body });
            RequestLog::write({ id, "-", "-", 400, 0, remote });
            after = After::Close;
            return data.size();
        }
        Reply reply;
        if (request.outcome == SimpleRequest::Outcome::NotSimple || !m_handler(request, remote, reply)) {
            after = m_tls ? After::Relay : After::HandOver;
            return consumed;
        }
        replies.push_back(std::move(reply));
        consumed += request.length;
    }
    // A head this long that is still not complete is not simple.
    if (data.size() - consumed >= SimpleRequest::kMaxHead)
        after = m_tls ? After::Relay : After::HandOver;
    return consumed;
}

void FrontDoor::onReadable(Connection &connection)
{
    // Requests wait in the socket while an answer is still being written:
    // the client's own back-pressure.
    if (!connection.unsent.isEmpty() || connection.afterFlush != After::Read)
        return;
    const int fd = connection.fd;
    std::array<char, kPeekBytes> buffer;
    for (;;) {
        const ssize_t n = recv(fd, buffer.data(), buffer.size(), MSG_PEEK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            close(connection); // the peer hung up, or the connection failed
            return;
        }
        const std::string_view data(buffer.data(), std::size_t(n));
        std::vector<Reply> replies;
        After after = After::Read;
        const std::size_t consumed = answer(data, connection.remote, replies, after);
        // Take exactly the answered requests off the socket; they were peeked.
        for (std::size_t taken = 0; taken < consumed;) {
            const ssize_t got = recv(fd, buffer.data(), consumed - taken, 0);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                close(connection);
                return;
            }
            taken += std::size_t(got);
        }
        if (!replies.empty()) {
            connection.activeAt = nowMs();
            if (!send(connection, replies))
                return;
        }
        if (after != After::Read) {
            connection.afterFlush = after;
            if (connection.unsent.isEmpty())
                finishFlushed(connection);
            return;
        }
        // Everything there was looked at; the next bytes bring a new edge.
        if (!connection.unsent.isEmpty() || data.size() < buffer.size())
            return;
    }
}

bool FrontDoor::send(Connection &connection, const std::vector<Reply> &replies)
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
        const ssize_t n = sendmsg(connection.fd, &message, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0) {
            close(connection);
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
    return watch(connection, true);
}

void FrontDoor::onWritable(Connection &connection)
{
    connection.activeAt = nowMs(); // the client read some of its answers
    const Io io = writeSome(connection.fd, connection.unsent);
    if (io == Io::WouldBlock)
        return;
    if (io != Io::Moved) {
        close(connection);
        return;
    }
    if (connection.afterFlush != After::Read) {
        finishFlushed(connection);
        return;
    }
    if (!watch(connection, false))
        return;
    // Requests that came while the answer was written brought their edge
    // then; look at them now.
    onReadable(connection);
}

void FrontDoor::drive(Connection &connection)
{
    if (connection.handshaking) {
        switch (connection.tls->handshake()) {
        case TlsStream::Status::Ok:
            connection.handshaking = false;
            break;
        case TlsStream::Status::WouldBlock:
            return;
        default:
            close(connection);
            return;
        }
    }
    if (!flush(connection))
        return;
    if (connection.afterFlush == After::Close) {
        if (connection.unsent.isEmpty())
            close(connection);
        return;
    }
    if (connection.relay >= 0)
        relay(connection);
    else
        serve(connection);
}

void FrontDoor::serve(Connection &connection)
{
    // Reading pauses while answers wait to be written: back-pressure.
    while (connection.unsent.isEmpty()) {
        const TlsStream::Status status = connection.tls->read(connection.in, qsizetype(kPeekBytes));
        std::vector<Reply> replies;
        After after = After::Read;
        const std::size_t consumed
            = answer(std::string_view(connection.in.constData(), std::size_t(connection.in.size())), connection.remote,
                     replies, after);
        connection.in.remove(0, qsizetype(consumed));
        if (!replies.empty())
            connection.activeAt = nowMs();
        for (const Reply &reply : replies)
            connection.unsent.append(reply.head).append(reply.tail).append(reply.body);
        if (after == After::Relay) {
            // Answers given so far are in `unsent`, ahead of Qt's.
            startRelay(connection);
            return;
        }
        if (after == After::Close) {
            connection.afterFlush = After::Close;
            if (flush(connection) && connection.unsent.isEmpty())
                close(connection);
            return;
        }
        if (status == TlsStream::Status::Closed || status == TlsStream::Status::Failed) {
            if (flush(connection)) // what was asked before leaving, best effort
                close(connection);
            return;
        }
        if (!flush(connection))
            return;
        if (status == TlsStream::Status::WouldBlock)
            return;
    }
}

bool FrontDoor::flush(Connection &connection)
{
    if (connection.unsent.isEmpty())
        return true;
    const qsizetype before = connection.unsent.size();
    const TlsStream::Status status = connection.tls->write(connection.unsent);
    if (connection.unsent.size() != before)
        connection.activeAt = nowMs();
    if (status == TlsStream::Status::Ok || status == TlsStream::Status::WouldBlock)
        return true;
    close(connection);
    return false;
}

void FrontDoor::startRelay(Connection &connection)
{
    std::array<int, 2> pair {};
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair.data()) != 0) {
        qCWarning(lcHttp) << "cannot relay a connection to the HTTP server:" << strerror(errno);
        close(connection);
        return;
    }
    epoll_event event {};
    event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    event.data.fd = pair[0];
    if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, pair[0], &event) != 0) {
        ::close(pair[0]);
        ::close(pair[1]);
        close(connection);
        return;
    }
    connection.relay = pair[0];
    m_relays.emplace(pair[0], connection.fd);
    connection.toRelay = std::move(connection.in);
    connection.in.clear();
    m_handOver(pair[1], connection.remote);
    relay(connection);
}

void FrontDoor::relay(Connection &connection)
{
    // Move bytes both ways until nothing moves: then every side is either
    // waiting for its next edge or paused on a full buffer, which the other
    // side's edge drains.
    for (bool moved = true; moved;) {
        moved = false;
        const auto track = [&moved](const QByteArray &buffer, auto step) {
            const qsizetype had = buffer.size();
            const auto result = step();
            moved = moved || buffer.size() != had;
            return result;
        };
        // Client to Qt.
        if (track(connection.toRelay, [&] { return writeSome(connection.relay, connection.toRelay); }) == Io::Failed) {
            close(connection);
            return;
        }
        if (connection.toRelay.size() < kRelayBuffer) {
            const TlsStream::Status status
                = track(connection.toRelay, [&] { return connection.tls->read(connection.toRelay, kRelayBuffer); });
            // The client left or broke: nobody to answer. Qt sees its end close.
            if (status == TlsStream::Status::Closed || status == TlsStream::Status::Failed) {
                close(connection);
                return;
            }
        }
        // Qt to client.
        Io fromQt = Io::WouldBlock;
        if (connection.unsent.size() < kRelayBuffer)
            fromQt
                = track(connection.unsent, [&] { return readSome(connection.relay, connection.unsent, kRelayBuffer); });
        if (fromQt == Io::Failed) {
            close(connection);
            return;
        }
        const qsizetype unsent = connection.unsent.size();
        if (!flush(connection))
            return; // closed
        moved = moved || connection.unsent.size() != unsent;
        if (moved)
            connection.activeAt = nowMs();
        // Qt closed its end (after `Connection: close`): the rest is written first.
        if (fromQt == Io::Closed && connection.unsent.isEmpty()) {
            close(connection);
            return;
        }
    }
}

void FrontDoor::sweep()
{
    const qint64 now = nowMs();
    std::vector<Connection *> late;
    for (const auto &[fd, connection] : m_connections) {
        const qint64 quiet = now - connection->activeAt;
        if (connection->handshaking ? quiet > kHandshakeMs : (m_idleMs > 0 && quiet > m_idleMs))
            late.push_back(connection.get());
    }
    for (Connection *connection : late)
        close(*connection);
}

bool FrontDoor::watch(Connection &connection, bool writable)
{
    epoll_event event {};
    event.events = EPOLLIN | EPOLLRDHUP | EPOLLET | (writable ? EPOLLOUT : 0u);
    event.data.fd = connection.fd;
    if (epoll_ctl(m_epollFd, EPOLL_CTL_MOD, connection.fd, &event) == 0)
        return true;
    close(connection);
    return false;
}

void FrontDoor::finishFlushed(Connection &connection)
{
    if (connection.afterFlush == After::HandOver) {
        handOver(connection);
    } else {
        // Whatever else the client sent is dropped: a close with unread
        // bytes would reset the connection before the 400 is read.
        shutdown(connection.fd, SHUT_WR);
        std::array<char, 4096> sink;
        while (recv(connection.fd, sink.data(), sink.size(), 0) > 0) { }
        close(connection);
    }
}

void FrontDoor::handOver(Connection &connection)
{
    const int fd = connection.fd;
    epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr);
    m_connections.erase(fd);
    m_handOver(fd, {});
}

void FrontDoor::close(Connection &connection)
{
    const int fd = connection.fd;
    if (connection.tls && !connection.handshaking)
        connection.tls->shutdown();
    if (connection.relay >= 0) {
        m_relays.erase(connection.relay);
        ::close(connection.relay); // Qt sees its end close
    }
    ::close(fd); // also takes it out of the epoll set
    m_connections.erase(fd);
}

} // namespace quire::server
