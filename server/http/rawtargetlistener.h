// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QVariant>

#include <functional>
#include <unistd.h>

namespace quire::server {

// Qt 6.4's HTTP parser reads a request target that begins with `//` as an
// authority: `GET //admin/./users` arrives as path `/./users`, the
// `admin` lost. To normalise paths ourselves, a listener built from this
// template watches each connection before the HTTP endpoint does and keeps
// such a target, as written, on the socket (property "quire_raw_target")
// for the worker to use.
namespace RawTarget {
inline constexpr char kProperty[] = "quire_raw_target";
inline constexpr char kPeerProperty[] = "quire_peer";
void watch(QTcpSocket *socket);
// The target to normalise: the kept raw one when it explains what Qt parsed,
// otherwise Qt's path.
QByteArray take(QTcpSocket *socket, const QByteArray &parsedPath);
// The client's address: the one the front door gave a relayed connection,
// otherwise the socket's own (`parsedPeer`).
QHostAddress peer(const QTcpSocket *socket, const QHostAddress &parsedPeer);
} // namespace RawTarget

template<typename Base> class RawTargetListener final : public Base
{
public:
    using Base::Base;

    // Also runs for each new connection before the parser sees it.
    std::function<void(QTcpSocket *)> onConnection;

    // Takes a connection accepted elsewhere (the front door) as if this
    // listener had accepted it. A relay's socket has no useful peer of its
    // own; `peer` is then the client's, for RawTarget::peer().
    void adopt(qintptr fd, const QHostAddress &peer)
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(fd)) {
            delete socket; // closes nothing: the descriptor was not taken
            ::close(int(fd));
            return;
        }
        if (!peer.isNull())
            socket->setProperty(RawTarget::kPeerProperty, QVariant::fromValue(peer));
        this->addPendingConnection(socket);
    }

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket) {
            RawTarget::watch(socket); // connected first, so it runs before the parser
            if (onConnection)
                onConnection(socket);
        }
        return socket;
    }
};

} // namespace quire::server
