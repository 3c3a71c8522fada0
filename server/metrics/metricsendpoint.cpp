// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/metrics/metricsendpoint.h"

#include "server/metrics/metricsregistry.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace quire::server {

namespace {

// A scraper's request head is a few hundred bytes; anything longer is not one.
constexpr qsizetype kMaxHead = 8192;
constexpr int kReadTimeoutMs = 10'000;

QByteArray answer(int status, const QByteArray &reason, const QByteArray &contentType, const QByteArray &body)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    out.append("Content-Type: ").append(contentType).append("\r\n");
    out.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n");
    out.append("Cache-Control: no-store\r\nConnection: close\r\n\r\n");
    return out + body;
}

} // namespace

MetricsEndpoint::MetricsEndpoint(const MetricsRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &MetricsEndpoint::accept);
}

MetricsEndpoint::~MetricsEndpoint() = default;

shared::VoidResult MetricsEndpoint::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port))
        return shared::Error::make(shared::ErrorCode::AddressUnavailable,
                                   QStringLiteral("cannot listen for metrics on %1:%2: %3")
                                       .arg(address.toString())
                                       .arg(port)
                                       .arg(m_server->errorString()));
    return shared::VoidResult::success();
}

quint16 MetricsEndpoint::port() const
{
    return m_server->serverPort();
}

void MetricsEndpoint::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A client that never finishes its head does not keep the socket.
        QTimer::singleShot(kReadTimeoutMs, socket, [socket] { socket->abort(); });
    }
}

void MetricsEndpoint::read(QTcpSocket *socket)
{
    if (socket->property("answered").toBool())
        return;
    QByteArray head = socket->property("head").toByteArray() + socket->readAll();
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0 && head.size() <= kMaxHead) {
        socket->setProperty("head", head);
        return;
    }
    socket->setProperty("answered", true);
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    const QByteArray method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    const QByteArray path = target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    QByteArray reply;
    if (end < 0)
        reply = answer(431, "Request Header Fields Too Large", "text/plain", "request head too large\n");
    else if (path != "/metrics")
        reply = answer(404, "Not Found", "text/plain", "only /metrics is served here\n");
    else if (method != "GET" && method != "HEAD")
        reply = answer(405, "Method Not Allowed", "text/plain", "use GET\n");
    else {
        reply = answer(200, "OK", MetricsRegistry::kContentType, m_registry.exposition());
        if (method == "HEAD")
            reply.truncate(reply.indexOf("\r\n\r\n") + 4);
    }
    socket->write(reply);
    socket->disconnectFromHost();
}

} // namespace quire::server
