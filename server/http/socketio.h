// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <sys/socket.h>
#include <sys/uio.h>

#include <vector>

namespace quire::server {

// Non-blocking reads and writes on plain sockets, for the front door's own
// event loop: each moves what it can and says why it stopped.
namespace SocketIo {

enum class Io { Moved, WouldBlock, Closed, Failed };

// Writes from the front of `pending` to a plain socket.
Io writeSome(int fd, QByteArray &pending);
// Writes `parts` with as few system calls as it can (sendmsg); what the
// socket did not take is appended to `rest`.
Io writeGathered(int fd, std::vector<iovec> &parts, QByteArray &rest);
// Reads from a plain socket onto `into` until it would block or holds `limit`.
Io readSome(int fd, QByteArray &into, qsizetype limit);
// The peer address as text ("unknown" for other families).
QByteArray peerText(const sockaddr_storage &address);
// Whether the socket holds bytes not read yet (FIONREAD).
bool hasUnread(int fd);

} // namespace SocketIo
} // namespace quire::server
