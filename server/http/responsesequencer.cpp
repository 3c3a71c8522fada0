// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/responsesequencer.h"

#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace quire::server {
namespace {

// How long a closing connection may keep sending before it is reset.
constexpr int kLingerMs = 2000;

// Closes after the last answer without losing it: a close with unread
// requests in the socket would reset the connection, and a reset can
// destroy the answer before the client reads it. So: send FIN once the
// answer is written, read and drop whatever else comes, and close when
// the client does (or after kLingerMs).
void closeGently(QTcpSocket *socket)
{
    // Nothing more is parsed or answered on this connection.
    QObject::disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    QObject::connect(socket, &QIODevice::readyRead, socket, [socket] { socket->readAll(); });
    const auto finish = [socket] {
        socket->flush();
        if (socket->bytesToWrite() > 0)
            return;
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        QTimer::singleShot(kLingerMs, socket, [socket] { socket->abort(); });
    };
    if (socket->bytesToWrite() > 0)
        QObject::connect(socket, &QIODevice::bytesWritten, socket, finish);
    else
        finish();
}

} // namespace

quint64 ResponseSequencer::begin(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        it = m_connections.insert(socket, Connection {});
        connect(socket, &QObject::destroyed, this, [this, socket] {
            const auto gone = m_connections.find(socket);
            if (gone == m_connections.end())
                return;
            m_outstanding -= int(gone->next - gone->written);
            m_connections.erase(gone);
        });
    }
    ++m_outstanding;
    return it->next++;
}

void ResponseSequencer::finish(QTcpSocket *socket, quint64 ticket, const QByteArray &wire, bool close)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return; // the client left; the outstanding count went with it
    Connection &c = *it;
    c.ready.emplace(ticket, Connection::Answer { wire, close });
    while (!c.ready.empty() && c.ready.begin()->first == c.written) {
        const Connection::Answer answer = std::move(c.ready.begin()->second);
        c.ready.erase(c.ready.begin());
        ++c.written;
        --m_outstanding;
        socket->write(answer.wire);
        if (answer.close) {
            closeGently(socket); // what the client sent after this is not answered
            return;
        }
    }
}

} // namespace quire::server
