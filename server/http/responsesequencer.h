// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>

#include <map>

class QTcpSocket;

namespace quire::server {

// Keeps HTTP/1.1 answers in request order on each connection even when a
// later request finishes first (an asynchronous handler such as a password
// check): each request takes a ticket, and answers wait for the ones before.
class ResponseSequencer final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    quint64 begin(QTcpSocket *socket);
    // Writes (or holds) the answer for `ticket`; dropped if the socket is
    // gone. With `close`, the connection closes once it is written.
    void finish(QTcpSocket *socket, quint64 ticket, const QByteArray &wire, bool close = false);
    // Answers promised but not yet written, over all connections.
    int outstanding() const { return m_outstanding; }

private:
    struct Connection
    {
        quint64 next = 0; // the ticket the next request gets
        quint64 written = 0; // the ticket whose answer goes out next
        struct Answer
        {
            QByteArray wire;
            bool close = false;
        };
        std::map<quint64, Answer> ready;
    };

    QHash<QTcpSocket *, Connection> m_connections;
    int m_outstanding = 0;
};

} // namespace quire::server
