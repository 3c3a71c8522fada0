// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QTcpSocket;

namespace quire::server {

// Closes a connection of Qt's HTTP server that moves no bytes either way
// for a while, as the front door does with the ones it holds: Qt 6.4's
// server keeps an idle keep-alive connection open for good.
namespace IdleTimeout {

// Watches `socket` from now on. A connection upgraded to a WebSocket is
// left alone: its hub keeps it alive with pings and notices a dead peer.
void watch(QTcpSocket *socket, int ms);

} // namespace IdleTimeout
} // namespace quire::server
