// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/idletimeout.h"

#include <QTcpSocket>
#include <QTimer>

namespace quire::server::IdleTimeout {

void watch(QTcpSocket *socket, int ms)
{
    if (ms <= 0)
        return;
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    timer->setInterval(ms);
    const auto restart = [timer] { timer->start(); };
    // Qt's server disconnects everything from a socket it upgrades to a
    // WebSocket; this connection going dead is how the upgrade shows here.
    const QMetaObject::Connection reads = QObject::connect(socket, &QIODevice::readyRead, timer, restart);
    QObject::connect(socket, &QIODevice::bytesWritten, timer, restart);
    QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, reads] {
        if (!reads) {
            timer->deleteLater();
            return;
        }
        // Nothing moved for the whole interval: a client that stopped
        // reading loses its unsent answer, an idle one gets a clean close.
        if (socket->bytesToWrite() > 0)
            socket->abort();
        else
            socket->disconnectFromHost();
    });
    timer->start();
}

} // namespace quire::server::IdleTimeout
