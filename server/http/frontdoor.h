// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/simplerequest.h"

#include <QByteArray>
#include <QObject>

#include <functional>
#include <unordered_map>

class QSocketNotifier;

namespace quire::server {

// Accepts the plain-HTTP connections of one worker and answers their simple
// requests (see SimpleRequest) on its own epoll set, ahead of Qt's HTTP
// server: a cached page costs one peek, one read and one writev. The first
// request that is not simple, and everything after it, goes to Qt with the
// connection: requests are only peeked at until they are answered here, so
// Qt reads them from the socket untouched, and answers keep their order
// because a connection is handed over only once its output is written.
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
    // Takes over a connected socket (its descriptor).
    using HandOver = std::function<void(int fd)>;

    FrontDoor(int listenFd, Handler handler, HandOver handOver, QObject *parent = nullptr);
    ~FrontDoor() override;
    FrontDoor(const FrontDoor &) = delete;
    FrontDoor &operator=(const FrontDoor &) = delete;

    // Starts accepting; false (with errno set) when epoll is not available.
    bool start();
    // Stops accepting new connections; open ones are still served.
    void stopAccepting();
    // Answers not yet fully written, over all connections.
    bool hasPendingOutput() const;
    // Closes every connection still here.
    void closeAll();

private:
    struct Connection
    {
        QByteArray remote;
        QByteArray unsent; // output the socket did not take yet
        bool handOverWhenFlushed = false;
    };

    void onEvents();
    void acceptAll();
    void onReadable(int fd, Connection &connection);
    void onWritable(int fd, Connection &connection);
    // Writes the replies; keeps what the socket did not take for EPOLLOUT.
    // False when the connection failed and was closed.
    bool send(int fd, Connection &connection, const std::vector<Reply> &replies);
    void handOver(int fd);
    void close(int fd);
    // Watches for output room too, or no longer; false when that failed
    // and the connection was closed.
    bool watch(int fd, bool writable);

    int m_listenFd;
    int m_epollFd = -1;
    bool m_accepting = false;
    Handler m_handler;
    HandOver m_handOver;
    QSocketNotifier *m_notifier = nullptr;
    std::unordered_map<int, Connection> m_connections;
};

} // namespace quire::server
