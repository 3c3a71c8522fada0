// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/fakewebhooks.h"

#include "server/publishing/webhookconnector.h"

#include <QDateTime>
#include <QHash>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <memory>

namespace quire::test {

FakeWebhooks::FakeWebhooks(QByteArray secret, int minDelayMs, int maxDelayMs)
    : m_secret(std::move(secret))
    , m_minDelayMs(minDelayMs)
    , m_maxDelayMs(maxDelayMs)
{ }

FakeWebhooks::~FakeWebhooks()
{
    if (!m_thread.isRunning())
        return;
    // The listeners and sockets go with their context, on their thread.
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.quit();
    m_thread.wait();
}

bool FakeWebhooks::start(int count)
{
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    bool listening = true;
    QMetaObject::invokeMethod(
        m_context,
        [this, count, &listening] {
            for (int i = 0; i < count && listening; ++i) {
                auto *server = new QTcpServer(m_context);
                server->setMaxPendingConnections(1000);
                listening = server->listen(QHostAddress::LocalHost, 0);
                m_ports << server->serverPort();
                QObject::connect(server, &QTcpServer::newConnection, server, [this, server] { accept(server); });
            }
        },
        Qt::BlockingQueuedConnection);
    return listening;
}

QList<FakeWebhooks::Arrival> FakeWebhooks::arrivals() const
{
    QMutexLocker locked(&m_lock);
    return m_arrivals;
}

qsizetype FakeWebhooks::arrivalCount() const
{
    QMutexLocker locked(&m_lock);
    return m_arrivals.size();
}

int FakeWebhooks::connections() const
{
    QMutexLocker locked(&m_lock);
    return m_connections;
}

void FakeWebhooks::accept(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        {
            QMutexLocker locked(&m_lock);
            ++m_connections;
        }
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            read(socket, *buffer);
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

// Every whole request in `buffer` (the client sends the next on a
// connection only after the answer, but a read may still hold several).
void FakeWebhooks::read(QTcpSocket *socket, QByteArray &buffer)
{
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);

        Arrival arrival;
        arrival.atMs = now;
        arrival.port = socket->localPort();
        const nlohmann::json j = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
        if (j.is_object()) {
            arrival.postId = QString::fromStdString(j.value("post_id", std::string()));
            arrival.destinationId = QString::fromStdString(j.value("destination_id", std::string()));
            arrival.scheduledAt = QString::fromStdString(j.value("scheduled_at", std::string()));
        }
        arrival.idempotencyKey = headers.value("idempotency-key");
        arrival.signatureHolds = headers.value("x-quire-signature")
            == server::WebhookConnector::signature(m_secret, headers.value("x-quire-timestamp"), body);
        qsizetype n = 0;
        {
            QMutexLocker locked(&m_lock);
            m_arrivals << arrival;
            n = m_arrivals.size();
        }
        const QByteArray answerBody = QByteArrayLiteral("{\"id\":\"r") + QByteArray::number(n)
            + QByteArrayLiteral("\",\"url\":\"https://hook.example/r") + QByteArray::number(n) + "\"}";
        const bool close = headers.value("connection").toLower() == "close";
        const QByteArray answer = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
            + "Content-Length: " + QByteArray::number(answerBody.size()) + "\r\nConnection: "
            + (close ? QByteArrayLiteral("close") : QByteArrayLiteral("keep-alive")) + "\r\n\r\n" + answerBody;
        const int delay = int(QRandomGenerator::global()->bounded(m_minDelayMs, m_maxDelayMs + 1));
        QTimer::singleShot(delay, socket, [socket, answer, close] {
            socket->write(answer);
            if (close)
                socket->disconnectFromHost();
        });
    }
}

} // namespace quire::test
