// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/requestdeadline.h"
#include "server/http/requestframer.h"
#include "server/http/simplerequest.h"
#include "server/http/tlsstream.h"

#include <QByteArray>
#include <QObject>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

class QSocketNotifier;

namespace quire::server {

class ConnectionQuota;

// Accepts the connections of one worker and answers their simple requests
// (see SimpleRequest, Reach::Bearer: signed-in API GETs with a query are
// simple too) on its own epoll set, ahead of Qt's HTTP server: a cached
// page or a kept API answer costs a read and a write, with no Qt buffers,
// relay or events between. The first request that is not simple, and everything after it,
// goes to Qt through a socket pair that the front door relays both ways
// (TLS ends here, over HTTPS), and on the way every request is framed by
// RequestFramer: Qt's parser only ever sees whole, unambiguous requests,
// and a malformed one gets its 400 after the answers before it, then a
// close. The front door also keeps each connection's deadlines: a head
// must arrive within a time of its own, a body at a least rate, and one
// address may hold only so many connections.
class FrontDoor final : public QObject
{
    Q_OBJECT
public:
    // What answers a simple request: status line and headers, the headers
    // that change with each request (with the blank line), and the body.
    struct Reply
    {
        QByteArray head;
        QByteArray tail;
        QByteArray body;
    };
    // Fills `reply` and returns true, or returns false to leave the request,
    // and the connection, to Qt. `remote` is the peer's address as text.
    using Handler = std::function<bool(const SimpleRequest &request, const QByteArray &remote, Reply &reply)>;
    // Takes over a relay's end of a socket pair; `remote` is the client's
    // address.
    using HandOver = std::function<void(int fd, const QByteArray &remote)>;

    struct Limits
    {
        // Connections that answer nothing and move no bytes this long are
        // closed: an idle keep-alive, a client that stopped reading, a
        // quiet relay. 0 keeps them.
        int idleMs = 0;
        // How long a head may take, and how slowly a body may come.
        RequestDeadline::Limits request;
        RequestFramer::Limits framing;
        ConnectionQuota *quota = nullptr; // shared by the workers; none: no cap
    };

    // With a `tls` context, connections speak TLS.
    FrontDoor(int listenFd, TlsStream::Context tls, Handler handler, HandOver handOver, QObject *parent = nullptr);
    ~FrontDoor() override;
    FrontDoor(const FrontDoor &) = delete;
    FrontDoor &operator=(const FrontDoor &) = delete;

    void setLimits(const Limits &limits) { m_limits = limits; }
    // Starts accepting; false (with errno set) when epoll is not available.
    bool start();
    // Stops accepting new connections; open ones are still served.
    void stopAccepting();
    // Answers not yet fully written, over all connections.
    bool hasPendingOutput() const;
    // Client bytes not yet handled: unread on a socket, or read and not yet
    // framed or answered (a request that arrived as the server was asked to
    // stop is answered before it stops).
    bool hasPendingInput() const;
    // Closes every connection still here.
    void closeAll();

private:
    struct Connection;

    void onEvents();
    void acceptAll();
    void accepted(int fd, QByteArray remote);
    // Everything that can move, moves.
    void drive(Connection &connection);
    void serve(Connection &connection);
    void startRelay(Connection &connection);
    void relay(Connection &connection);
    // Moves client bytes through the framer towards Qt; false when the
    // connection was closed.
    bool fromClient(Connection &connection, bool &moved);
    // Moves Qt's answers towards the client; false when the connection was
    // closed.
    bool fromQt(Connection &connection, bool &moved);
    // Writes the replies (plain: straight from their buffers); keeps what
    // the socket did not take. False when the connection was closed.
    bool send(Connection &connection, const std::vector<Reply> &replies);
    // Writes `unsent`; false when the connection was closed.
    bool flush(Connection &connection);
    // Answers the simple requests at the front of `data`; how many bytes
    // they took, and whether the connection goes on here.
    enum class Next { Read, Relay, Close };
    std::size_t answer(std::string_view data, const QByteArray &remote, std::vector<Reply> &replies, Next &next);
    // Queues the front door's own refusal and closes after it.
    void refuse(Connection &connection, int status, const QByteArray &code, const QByteArray &reason);
    // Closes connections past a deadline.
    void sweep();
    void noteFraming(Connection &connection, qint64 now);
    // A close after what was queued is written: FIN, then drop what the
    // client still sends until it closes too or the time is up.
    void closeGently(Connection &connection);
    void linger(Connection &connection);
    void close(Connection &connection);

    int m_listenFd;
    int m_epollFd = -1;
    bool m_accepting = false;
    Limits m_limits;
    TlsStream::Context m_tls;
    Handler m_handler;
    HandOver m_handOver;
    QSocketNotifier *m_notifier = nullptr;
    std::unordered_map<int, std::unique_ptr<Connection>> m_connections;
    // Relay descriptors to the client descriptor whose connection has them.
    std::unordered_map<int, int> m_relays;
};

} // namespace quire::server
