// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/responsesequencer.h"

#include <QTcpSocket>

namespace quire::server {

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

void ResponseSequencer::finish(QTcpSocket *socket, quint64 ticket, const QByteArray &wire)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return; // the client left; the outstanding count went with it
    Connection &c = *it;
    c.ready.emplace(ticket, wire);
    while (!c.ready.empty() && c.ready.begin()->first == c.written) {
        socket->write(c.ready.begin()->second);
        c.ready.erase(c.ready.begin());
        ++c.written;
        --m_outstanding;
    }
}

} // namespace quire::server
