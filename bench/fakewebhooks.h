// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QThread>

class QTcpServer;
class QTcpSocket;

namespace quire::test {

// Webhook receivers for the publishing benchmark: one plain HTTP/1.1
// listener per loopback port (the server's client opens at most six
// connections to one host and port, as a real network's many hosts would
// not limit it), each answering 200 after a random delay, keep-alive, as a
// busy network answers. They run on a thread of their own, so the time a
// request arrived is taken when it arrives, whatever the benchmark's own
// thread is doing; each arrival is kept with the post, destination and
// scheduled time its body names, its Idempotency-Key, and whether its
// X-Quire-Signature holds for the shared secret.
class FakeWebhooks
{
public:
    struct Arrival
    {
        qint64 atMs = 0; // when the whole request was read, ms since the epoch
        quint16 port = 0;
        QString postId;
        QString destinationId;
        QString scheduledAt;
        QByteArray idempotencyKey;
        bool signatureHolds = false;
    };

    FakeWebhooks(QByteArray secret, int minDelayMs, int maxDelayMs);
    ~FakeWebhooks();

    // Listens on `count` free loopback ports; false when one cannot.
    bool start(int count);
    QList<quint16> ports() const { return m_ports; }

    // Every arrival so far, in the order they came.
    QList<Arrival> arrivals() const;
    qsizetype arrivalCount() const;
    int connections() const;

private:
    void accept(QTcpServer *server);
    void read(QTcpSocket *socket, QByteArray &buffer);

    const QByteArray m_secret;
    const int m_minDelayMs;
    const int m_maxDelayMs;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread, parent of the listeners
    QList<quint16> m_ports;
    mutable QMutex m_lock;
    QList<Arrival> m_arrivals;
    int m_connections = 0;
};

} // namespace quire::test
