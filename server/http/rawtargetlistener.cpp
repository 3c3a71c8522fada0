// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/rawtargetlistener.h"

#include <QVariant>

namespace quire::server::RawTarget {

void watch(QTcpSocket *socket)
{
    QObject::connect(socket, &QIODevice::readyRead, socket, [socket] {
        // Only the start of what is buffered can be a request line we have
        // not parsed yet; a body that happens to look like one is caught by
        // the check in take().
        const QByteArray head = socket->peek(2048);
        const qsizetype space = head.indexOf(' ');
        if (space <= 0 || space > 7 || head.mid(space + 1, 2) != "//")
            return;
        const qsizetype end = head.indexOf(' ', space + 1);
        if (end < 0)
            return;
        socket->setProperty(kProperty, head.mid(space + 1, end - space - 1));
    });
}

QByteArray take(QTcpSocket *socket, const QByteArray &parsedPath)
{
    const QByteArray raw = socket->property(kProperty).toByteArray();
    if (raw.isEmpty())
        return parsedPath;
    socket->setProperty(kProperty, QVariant());
    // What Qt keeps of `//authority/rest?query` is `/rest`.
    QByteArray path = raw;
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path.truncate(q);
    const qsizetype rest = path.indexOf('/', 2);
    const QByteArray expected = rest < 0 ? QByteArray() : path.mid(rest);
    const QByteArray parsed = parsedPath == "/" ? QByteArray() : parsedPath;
    if (QByteArray::fromPercentEncoding(expected) != QByteArray::fromPercentEncoding(parsed)
        && !(expected.isEmpty() && parsedPath.isEmpty()))
        return parsedPath;
    return path;
}

QHostAddress peer(const QTcpSocket *socket, const QHostAddress &parsedPeer)
{
    const QVariant given = socket ? socket->property(kPeerProperty) : QVariant();
    return given.isValid() ? given.value<QHostAddress>() : parsedPeer;
}

} // namespace quire::server::RawTarget
