// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/frontdoor.h"

#include "server/http/connectionquota.h"
#include "server/http/httplogging.h"
#include "server/http/relaystream.h"
#include "server/http/requestdeadline.h"
#include "server/http/requestlog.h"
#include "server/http/socketio.h"
#include "server/http/wireformat.h"

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
using Status = TlsStream::Status;

// Room for a few pipelined requests at once; one head never exceeds half.
constexpr qsizetype kReadBytes = 2 * SimpleRequest::kMaxHead;
static_assert(kReadBytes > qsizetype(SimpleRequest::kMaxHead));
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
// After a refusal or a close, what the client still sends is read and
// dropped this long at most (a lingering close), so that its unread bytes
// do not reset the connection before it has read the answer.
constexpr qint64 kLingerMs = 5000;

// The plain socket's outcome as the TLS stream's, so both read alike.
Status fromIo(Io io)
{
    static_assert(int(Io::Moved) == 0 && int(Io::WouldBlock) == 1 && int(Io::Closed) == 2 && int(Io::Failed) == 3);
    constexpr std::array kStatus { Status::Ok, Status::WouldBlock, Status::Closed, Status::Failed };
    return kStatus[std::size_t(io)];
}

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

struct FrontDoor::Connection
{
    int fd = -1;
    QByteArray remote;
    bool counted = false; // holds a share of the address's quota
    std::unique_ptr<TlsStream> tls; // HTTPS only
    bool handshaking = false;
    QByteArray in; // client bytes not handled yet
    QByteArray unsent; // output not written yet (TLS: not yet encrypted)
    bool closing = false; // close once `unsent` is written
    qint64 lingerUntil = 0; // written and half-closed: dropping input until then
    // ms on a steady clock: when it was accepted, then when it last
    // answered a request or moved bytes.
    qint64 activeAt = 0;
    RequestDeadline deadline; // of the request being read
    // Once relaying to Qt:
    int relay = -1; // our end of the socket pair
    std::unique_ptr<RelayStream> stream;
};

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
    auto *sweep = new QTimer(this);
    connect(sweep, &QTimer::timeout, this, &FrontDoor::sweep);
    sweep->start(std::min({ kSweepMs, m_limits.idleMs > 0 ? m_limits.idleMs : kSweepMs, m_limits.request.headMs }));
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
        const Connection &c = *entry.second;
        return !c.unsent.isEmpty() || (c.stream && !c.stream->toQt().isEmpty());
    });
}

bool FrontDoor::hasPendingInput() const
{
    return std::any_of(m_connections.begin(), m_connections.end(), [](const auto &entry) {
        const Connection &c = *entry.second;
        // What a closing or lingering connection still sends is dropped.
        return !c.closing && c.lingerUntil == 0 && (!c.in.isEmpty() || SocketIo::hasUnread(c.fd));
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
        // A relay's events move its connection. A connection closed earlier
        // in this batch is gone from the map.
        const auto relay = m_relays.find(fd);
        const auto it = m_connections.find(relay == m_relays.end() ? fd : relay->second);
        if (it == m_connections.end())
            continue;
        if ((events[i].events & EPOLLERR) && relay == m_relays.end()) {
            close(*it->second);
            continue;
        }
        drive(*it->second);
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
    // One address may not hold every connection: past its share, the new
    // one is closed at once, before any TLS work is spent on it.
    if (m_limits.quota && !m_limits.quota->acquire(remote)) {
        qCDebug(lcHttp) << "connection from" << remote << "refused: too many open";
        ::close(fd);
        return;
    }
    // Answers go out in one write each; Nagle would only delay the second
    // of two pipelined ones.
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto connection = std::make_unique<Connection>();
    connection->fd = fd;
    connection->remote = std::move(remote);
    connection->counted = m_limits.quota != nullptr;
    connection->activeAt = nowMs();
    if (m_tls) {
        connection->tls = std::make_unique<TlsStream>(m_tls, fd);
        connection->handshaking = true;
    }
    // Edge-triggered both ways for good: drive() moves whatever can.
    epoll_event event {};
    event.data.fd = fd;
    event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    Connection &added = *m_connections.emplace(fd, std::move(connection)).first->second;
    if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event) != 0)
        close(added);
}

std::size_t FrontDoor::answer(std::string_view data, const QByteArray &remote, std::vector<Reply> &replies, Next &next)
{
    std::size_t consumed = 0;
    next = Next::Read;
    while (consumed < data.size()) {
        const SimpleRequest request = SimpleRequest::parse(data.substr(consumed), SimpleRequest::Reach::Bearer);
        if (request.outcome == SimpleRequest::Outcome::Incomplete)
            break;
        if (request.outcome == SimpleRequest::Outcome::Malformed) {
            next = Next::Close;
            return consumed;
        }
        Reply reply;
        if (request.outcome == SimpleRequest::Outcome::NotSimple || !m_handler(request, remote, reply)) {
            next = Next::Relay;
            return consumed;
        }
        replies.push_back(std::move(reply));
        consumed += request.length;
    }
    // A head this long that is still not complete is not simple.
    if (data.size() - consumed >= SimpleRequest::kMaxHead)
        next = Next::Relay;
    return consumed;
}

void FrontDoor::drive(Connection &connection)
{
    if (connection.lingerUntil) {
        linger(connection);
        return;
    }
    if (connection.handshaking) {
        switch (connection.tls->handshake()) {
        case Status::Ok:
            connection.handshaking = false;
            break;
        case Status::WouldBlock:
            return;
        default:
            close(connection);
            return;
        }
    }
    if (!flush(connection))
        return;
    if (connection.closing) {
        if (connection.unsent.isEmpty())
            closeGently(connection);
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
        const Status status = connection.tls ? connection.tls->read(connection.in, kReadBytes)
                                             : fromIo(readSome(connection.fd, connection.in, kReadBytes));
        std::vector<Reply> replies;
        Next next = Next::Read;
        const std::size_t consumed
            = answer(std::string_view(connection.in.constData(), std::size_t(connection.in.size())), connection.remote,
                     replies, next);
        connection.in.remove(0, qsizetype(consumed));
        const qint64 now = nowMs();
        if (!replies.empty())
            connection.activeAt = now;
        if (connection.in.isEmpty())
            connection.deadline.idle();
        else
            connection.deadline.readingHead(now);
        if (!send(connection, replies))
            return;
        if (next == Next::Relay) {
            // Answers given so far are in `unsent` or written, ahead of Qt's.
            startRelay(connection);
            return;
        }
        if (next == Next::Close) {
            // Qt's parser would wait on such a connection forever.
            refuse(connection, 400, RequestFramer::codeFor(400), QByteArrayLiteral("This is not an HTTP/1.1 request."));
            return;
        }
        if (status == Status::Closed || status == Status::Failed) {
            if (flush(connection)) // what was asked before leaving, best effort
                close(connection);
            return;
        }
        if (status == Status::WouldBlock)
            return;
    }
}

bool FrontDoor::send(Connection &connection, const std::vector<Reply> &replies)
{
    if (replies.empty())
        return true;
    if (connection.tls || !connection.unsent.isEmpty()) {
        for (const Reply &reply : replies)
            connection.unsent.append(reply.head).append(reply.tail).append(reply.body);
        return flush(connection);
    }
    // Plain and nothing queued: one sendmsg straight from the kept buffers.
    std::vector<iovec> parts;
    parts.reserve(replies.size() * 3);
    for (const Reply &reply : replies) {
        for (const QByteArray *part : { &reply.head, &reply.tail, &reply.body }) {
            if (!part->isEmpty())
                parts.push_back({ const_cast<char *>(part->constData()), std::size_t(part->size()) });
        }
    }
    if (SocketIo::writeGathered(connection.fd, parts, connection.unsent) == Io::Failed) {
        close(connection);
        return false;
    }
    return true;
}

bool FrontDoor::flush(Connection &connection)
{
    if (connection.unsent.isEmpty())
        return true;
    const qsizetype before = connection.unsent.size();
    const Status status = connection.tls ? connection.tls->write(connection.unsent)
                                         : fromIo(writeSome(connection.fd, connection.unsent));
    if (connection.unsent.size() != before)
        connection.activeAt = nowMs(); // the client reads its answers
    if (status == Status::Ok || status == Status::WouldBlock)
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
    connection.stream = std::make_unique<RelayStream>(m_limits.framing, bool(connection.tls));
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
        if (!fromClient(connection, moved) || !fromQt(connection, moved))
            return;
        if (moved)
            connection.activeAt = nowMs();
        if (connection.closing) {
            if (connection.unsent.isEmpty())
                closeGently(connection);
            return;
        }
    }
}

bool FrontDoor::fromClient(Connection &connection, bool &moved)
{
    RelayStream &stream = *connection.stream;
    const qsizetype had = stream.toQt().size();
    if (writeSome(connection.relay, stream.toQt()) == Io::Failed) {
        close(connection);
        return false;
    }
    moved = moved || stream.toQt().size() != had;
    if (stream.refusing() || stream.toQt().size() >= kRelayBuffer)
        return true;
    const Status status = connection.tls ? connection.tls->read(connection.in, kRelayBuffer)
                                         : fromIo(readSome(connection.fd, connection.in, kRelayBuffer));
    if (!connection.in.isEmpty()) {
        moved = true;
        stream.fromClient(std::string_view(connection.in.constData(), std::size_t(connection.in.size())));
        connection.in.clear();
        noteFraming(connection, nowMs());
    }
    // The client left or broke: nobody to answer. Qt sees its end close.
    if (status == Status::Closed || status == Status::Failed) {
        close(connection);
        return false;
    }
    return true;
}

bool FrontDoor::fromQt(Connection &connection, bool &moved)
{
    RelayStream &stream = *connection.stream;
    Io io = Io::WouldBlock;
    if (connection.unsent.size() < kRelayBuffer) {
        const qsizetype before = connection.unsent.size();
        io = readSome(connection.relay, connection.unsent, kRelayBuffer);
        if (connection.unsent.size() != before) {
            moved = true;
            stream.fromQt(connection.unsent, before);
        }
    }
    if (io == Io::Failed) {
        close(connection);
        return false;
    }
    // Every answer Qt owed is out: the refusal goes after them.
    if (stream.refusalDue()) {
        const RequestFramer::Refusal refusal = stream.refusal();
        refuse(connection, refusal.status, refusal.code, refusal.reason);
        return false;
    }
    if (!stream.holdsOutput()) {
        const qsizetype unsent = connection.unsent.size();
        if (!flush(connection))
            return false;
        moved = moved || connection.unsent.size() != unsent;
    }
    // Qt closed its end (after `Connection: close`): the rest is written first.
    if (io == Io::Closed) {
        connection.closing = true;
        if (connection.unsent.isEmpty())
            closeGently(connection);
        return false;
    }
    return true;
}

void FrontDoor::refuse(Connection &connection, int status, const QByteArray &code, const QByteArray &reason)
{
    const QByteArray id = WireFormat::newRequestId();
    // The API's error envelope, as every other error answer.
    HttpResponse response = HttpResponse::error(status, QString::fromLatin1(code), QString::fromLatin1(reason));
    response.headers = { { QByteArrayLiteral("Content-Type"), response.contentType },
                         { QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()) },
                         { QByteArrayLiteral("Connection"), QByteArrayLiteral("close") },
                         { QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") } };
    response.headers.append(WireFormat::policyHeaders(bool(connection.tls)));
    connection.unsent.append(WireFormat::head(response)).append(WireFormat::tail(id)).append(response.body);
    RequestLog::write({ id, "-", "-", status, 0, connection.remote });
    connection.closing = true;
    // Qt is told no more: its end closes now.
    if (connection.relay >= 0) {
        m_relays.erase(connection.relay);
        ::close(connection.relay);
        connection.relay = -1;
    }
    connection.stream.reset();
    if (flush(connection) && connection.unsent.isEmpty())
        closeGently(connection);
}

void FrontDoor::noteFraming(Connection &connection, qint64 now)
{
    using State = RequestFramer::State;
    const RequestFramer &requests = connection.stream->requests();
    switch (requests.state()) {
    case State::Head:
        connection.deadline.readingHead(now);
        break;
    case State::Body:
    case State::Discarding:
        connection.deadline.readingBody(requests.bodyRemaining(), now);
        break;
    default:
        connection.deadline.idle();
    }
}

void FrontDoor::sweep()
{
    const qint64 now = nowMs();
    std::vector<Connection *> late;
    std::vector<Connection *> slow;
    for (const auto &[fd, connection] : m_connections) {
        if (connection->lingerUntil) {
            if (now > connection->lingerUntil)
                late.push_back(connection.get());
            continue;
        }
        if (connection->closing)
            continue;
        const qint64 quiet = now - connection->activeAt;
        if (connection->handshaking ? quiet > kHandshakeMs : (m_limits.idleMs > 0 && quiet > m_limits.idleMs)) {
            late.push_back(connection.get());
            continue;
        }
        if (connection->deadline.missed(m_limits.request, now))
            slow.push_back(connection.get());
    }
    for (Connection *connection : late)
        close(*connection);
    for (Connection *connection : slow) {
        if (connection->stream && !connection->stream->refusing()) {
            // Earlier answers still go out first.
            connection->stream->timedOut();
            connection->deadline.idle();
            drive(*connection);
        } else {
            connection->deadline.idle();
            refuse(*connection, 408, RequestFramer::codeFor(408),
                   QByteArrayLiteral("The request took too long to arrive."));
        }
    }
}

void FrontDoor::closeGently(Connection &connection)
{
    // FIN after the answer, then drop whatever else the client sends until
    // it closes too: a close with unread bytes would reset the connection
    // before the answer is read (a client still sending a refused body).
    if (connection.tls && !connection.handshaking) {
        connection.tls->shutdown();
        connection.handshaking = true; // no second close_notify in close()
    }
    shutdown(connection.fd, SHUT_WR);
    connection.lingerUntil = nowMs() + kLingerMs;
    linger(connection);
}

void FrontDoor::linger(Connection &connection)
{
    std::array<char, 16384> sink;
    for (;;) {
        const ssize_t n = recv(connection.fd, sink.data(), sink.size(), 0);
        if (n > 0)
            continue;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // more may come: the next edge, or the deadline
        close(connection);
        return;
    }
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
    if (connection.counted)
        m_limits.quota->release(connection.remote);
    ::close(fd); // also takes it out of the epoll set
    m_connections.erase(fd);
}

} // namespace quire::server
