// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>

#include <functional>
#include <memory>
#include <utility>

// A tiny HTTP/1.1 server for the outbound client's tests, plain or TLS, on
// loopback: it counts every TCP connection it accepts (so a test can show
// a refused address was never dialled), records each request, and answers
// through a handler (an empty answer: never answer).
class FakeHttpServer : public QTcpServer
{
public:
    struct Seen
    {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    using Handler = std::function<QByteArray(const Seen &)>;

    explicit FakeHttpServer(QSslConfiguration tls = {}, QObject *parent = nullptr)
        : QTcpServer(parent)
        , m_tls(std::move(tls))
    { }

    bool start(const QHostAddress &address = QHostAddress::LocalHost) { return listen(address, 0); }
    quint16 port() const { return serverPort(); }

    int connections = 0;
    QList<Seen> requests;
    Handler handler = [](const Seen &) { return answer(200, "ok"); };

    static QByteArray answer(int status, const QByteArray &body,
                             const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Fake\r\n";
        for (const auto &[name, value] : headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
        return out + body;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++connections;
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            read(socket, *buffer);
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        if (!m_tls.isNull()) {
            socket->setSslConfiguration(m_tls);
            // A client that refuses the certificate just hangs up.
            connect(socket, &QSslSocket::sslErrors, socket, [socket] { socket->abort(); });
            socket->startServerEncryption();
        }
    }

private:
    void read(QSslSocket *socket, QByteArray &buffer)
    {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Seen seen;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        seen.method = requestLine.value(0);
        seen.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                seen.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = seen.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        seen.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        requests << seen;
        const QByteArray reply = handler(seen);
        if (reply.isEmpty())
            return; // never answers: the client's deadline decides
        socket->write(reply);
        socket->disconnectFromHost();
    }

    QSslConfiguration m_tls;
};
