// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/simplerequest.h"
#include "server/http/tlsstream.h"

#include <QByteArray>
#include <QObject>

#include <functional>
#include <memory>
#include <unordered_map>

class QSocketNotifier;

namespace quire::server {

// Accepts the connections of one worker and answers their simple requests
// (see SimpleRequest) on its own epoll set, ahead of Qt's HTTP server: a
// cached page costs a read and a write, with no Qt buffers or events
// between. The first request that is not simple, and everything after it,
// goes to Qt:
// - Plain HTTP: with the connection itself. Requests are only peeked at
//   until they are answered here, so Qt reads them from the socket
//   untouched, and answers keep their order because a connection is handed
//   over only once its output is written.
// - HTTPS: TLS ends here (OpenSSL on the socket), so the connection cannot
//   move; Qt gets one end of a socket pair instead, and the front door
//   relays the plain bytes both ways, after the answers it already gave.
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
    // Takes over a connected socket (its descriptor); `remote` is the
    // client's address when the socket is a relay's, else empty.
    using HandOver = std::function<void(int fd, const QByteArray &remote)>;

    // With a `tls` context, connections speak TLS.
    FrontDoor(int listenFd, TlsStream::Context tls, Handler handler, HandOver handOver, QObject *parent = nullptr);
    ~FrontDoor() override;
    FrontDoor(const FrontDoor &) = delete;
    FrontDoor &operator=(const FrontDoor &) = delete;

    // Connections still here that answer nothing and move no bytes for
    // this long are closed: an idle keep-alive, a head sent a byte at a
    // time, a client that stopped reading, a quiet relay. 0 keeps them.
    void setIdleTimeout(int ms) { m_idleMs = ms; }
    // Starts accepting; false (with errno set) when epoll is not available.
    bool start();
    // Stops accepting new connections; open ones are still served.
    void stopAccepting();
    // Answers not yet fully written, over all connections.
    bool hasPendingOutput() const;
    // Closes every connection still here.
    void closeAll();

private:
    // What a connection does once its answers are written.
    enum class After {
        Read, // read the next requests
        HandOver, // plain HTTP: go to Qt
        Relay, // TLS: relay to Qt
        Close, // it spoke no HTTP: close it
    };

    struct Connection
    {
        int fd = -1;
        QByteArray remote;
        QByteArray unsent; // output not written yet (TLS: not yet encrypted)
        After afterFlush = After::Read;
        // TLS only:
        std::unique_ptr<TlsStream> tls;
        bool handshaking = false;
        // ms on a steady clock: when it was accepted, then when it last
        // answered a request or moved bytes. Only answers count while
        // requests are read here, so a head trickling in does not.
        qint64 activeAt = 0;
        QByteArray in; // decrypted requests not answered yet
        int relay = -1; // our end of the socket pair to Qt, once relaying
        QByteArray toRelay; // bytes for Qt not written yet
    };

    void onEvents();
    void acceptAll();
    void accepted(int fd, QByteArray remote);
    // Plain connections: peek, answer, consume.
    void onReadable(Connection &connection);
    void onWritable(Connection &connection);
    // Writes the replies; keeps what the socket did not take for EPOLLOUT.
    // False when the connection failed and was closed.
    bool send(Connection &connection, const std::vector<Reply> &replies);
    // TLS connections: everything that can move, moves.
    void drive(Connection &connection);
    void serve(Connection &connection);
    void startRelay(Connection &connection);
    void relay(Connection &connection);
    // Encrypts and sends `unsent`; false when the connection was closed.
    bool flush(Connection &connection);
    // Answers the simple requests at the front of `data`; how many bytes
    // they took, and what the connection does next.
    std::size_t answer(std::string_view data, const QByteArray &remote, std::vector<Reply> &replies, After &after);
    // Closes connections past their handshake or idle deadline.
    void sweep();
    // Plain connections, once their answers are written: hand over or close.
    void finishFlushed(Connection &connection);
    void handOver(Connection &connection);
    void close(Connection &connection);
    // Watches for output room too, or no longer; false when that failed
    // and the connection was closed.
    bool watch(Connection &connection, bool writable);

    int m_listenFd;
    int m_epollFd = -1;
    bool m_accepting = false;
    int m_idleMs = 0;
    TlsStream::Context m_tls;
    Handler m_handler;
    HandOver m_handOver;
    QSocketNotifier *m_notifier = nullptr;
    std::unordered_map<int, std::unique_ptr<Connection>> m_connections;
    // Relay descriptors to the client descriptor whose connection has them.
    std::unordered_map<int, int> m_relays;
};

} // namespace quire::server
