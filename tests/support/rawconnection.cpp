// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/rawconnection.h"

#include "shared/fingerprint.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QSslSocket>

#include <algorithm>

namespace quire::test {

QByteArray Answer::header(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

qsizetype Answer::count(const QByteArray &name) const
{
    return std::count_if(headers.cbegin(), headers.cend(),
                         [&name](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

std::optional<Answer> parseAnswer(const QByteArray &wire, qsizetype at, bool bodiless)
{
    const qsizetype blank = wire.indexOf("\r\n\r\n", at);
    if (blank < 0)
        return std::nullopt;
    Answer a;
    a.begin = at;
    a.headEnd = blank + 4;
    const QList<QByteArray> lines = wire.mid(at, blank - at).split('\n');
    a.statusLine = lines.first().trimmed();
    const QList<QByteArray> parts = a.statusLine.split(' ');
    a.status = parts.size() > 1 && parts.first().startsWith("HTTP/1.") ? parts[1].toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            a.headers.append({ lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed() });
    }
    const bool hasBody = !bodiless && a.status >= 200 && a.status != 204 && a.status != 304;
    const qsizetype length = hasBody ? a.header("Content-Length").toLongLong() : 0;
    if (wire.size() < a.headEnd + length)
        return std::nullopt;
    a.body = wire.mid(a.headEnd, length);
    a.end = a.headEnd + length;
    return a;
}

RawConnection::RawConnection(const Endpoint &endpoint)
{
    if (!endpoint.tls) {
        m_socket = std::make_unique<QTcpSocket>();
        if (!endpoint.from.isNull())
            m_socket->bind(endpoint.from);
        m_socket->connectToHost(QHostAddress::LocalHost, endpoint.port);
        m_socket->waitForConnected(kTimeoutMs);
    } else {
        // Trusted as a pinned client trusts it: exactly this certificate.
        auto socket = std::make_unique<QSslSocket>();
        QSslSocket *raw = socket.get();
        if (!endpoint.from.isNull())
            raw->bind(endpoint.from);
        const QString fingerprint = endpoint.fingerprint;
        QObject::connect(raw, &QSslSocket::sslErrors, raw, [raw, fingerprint](const QList<QSslError> &errors) {
            if (quire::shared::Fingerprint::ofCertificate(raw->peerCertificate()) == fingerprint)
                raw->ignoreSslErrors(errors);
        });
        raw->connectToHostEncrypted(QStringLiteral("127.0.0.1"), endpoint.port);
        raw->waitForEncrypted(kTimeoutMs);
        m_socket = std::move(socket);
    }
    // Each write goes out as it is, not gathered by Nagle (an option
    // that only takes on a connected socket).
    if (isConnected())
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

RawConnection::~RawConnection() = default;

bool RawConnection::isConnected() const
{
    const auto *tls = qobject_cast<const QSslSocket *>(m_socket.get());
    return m_socket->state() == QAbstractSocket::ConnectedState && (!tls || tls->isEncrypted());
}

void RawConnection::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
    QDeadlineTimer deadline(kTimeoutMs);
    // A connection the server closed (or whose TLS it ended) takes no more
    // bytes: waiting for them would spin to the deadline on every send (a
    // slowloris test's 48 connections, once their head deadline had closed
    // them, took 8 minutes under ASan).
    while (m_socket->bytesToWrite() > 0 && isConnected() && !deadline.hasExpired())
        m_socket->waitForBytesWritten(int(std::max<qint64>(1, deadline.remainingTime())));
}

QList<Answer> RawConnection::read(int count, const QList<bool> &bodiless, int timeoutMs)
{
    QList<Answer> answers;
    QDeadlineTimer deadline(timeoutMs);
    bool open = true;
    while (answers.size() < count) {
        const bool isHead = bodiless.value(answers.size(), false);
        if (std::optional<Answer> answer = parseAnswer(m_wire, m_next, isHead)) {
            m_next = answer->end;
            answers.append(std::move(*answer));
            continue;
        }
        // The last bytes may come with the close: they were parsed above.
        if (!open || deadline.hasExpired())
            break;
        open = pump();
    }
    return answers;
}

QList<Answer> RawConnection::exchange(const QByteArray &bytes, int count, const QList<bool> &bodiless)
{
    send(bytes);
    return read(count, bodiless);
}

bool RawConnection::waitClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (pump()) {
        if (deadline.hasExpired())
            return false;
    }
    return true;
}

QByteArray RawConnection::describe() const
{
    return "received " + QByteArray::number(m_wire.size()) + " bytes, unread: \"" + unread().left(300)
        + "\"; socket state " + QByteArray::number(int(m_socket->state())) + ", error \""
        + m_socket->errorString().toUtf8() + '"';
}

bool RawConnection::pump()
{
    if (m_socket->bytesAvailable() == 0 && isConnected())
        m_socket->waitForReadyRead(20);
    m_wire += m_socket->readAll();
    // The server's stderr is a pipe that QProcess empties only from the
    // event loop: a server logging thousands of requests must not block
    // on it while the test waits for their answers.
    QCoreApplication::processEvents();
    return isConnected() || m_socket->bytesAvailable() > 0;
}

} // namespace quire::test
