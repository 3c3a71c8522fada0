// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/smtpsink/smtpsink.h"

#include <QDir>
#include <QFile>
#include <QSslSocket>

namespace quire::test {

namespace {
struct SessionState
{
    bool authenticated = false;
    bool inData = false;
    QByteArray from;
    QByteArray to;
    QByteArray data;
    QByteArray buffer;
};
} // namespace

SmtpSink::SmtpSink(QSslConfiguration tls, QString user, QString password, QString outDir, QObject *parent)
    : QTcpServer(parent)
    , m_tls(std::move(tls))
    , m_user(std::move(user))
    , m_password(std::move(password))
    , m_outDir(std::move(outDir))
{ }

void SmtpSink::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_tls);
    serve(socket);
}

void SmtpSink::serve(QSslSocket *socket)
{
    auto state = std::make_shared<SessionState>();
    socket->write("220 sink ESMTP ready\r\n");
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QSslSocket::readyRead, this, [this, socket, state] {
        state->buffer += socket->readAll();
        for (;;) {
            if (state->inData) {
                const qsizetype end = state->buffer.indexOf("\r\n.\r\n");
                if (end < 0)
                    return;
                QByteArray body = state->buffer.left(end + 2);
                state->buffer.remove(0, end + 5);
                body.replace("\r\n..", "\r\n.");
                QFile file(QDir(m_outDir).filePath(QStringLiteral("%1.eml").arg(++m_count)));
                if (file.open(QIODevice::WriteOnly)) {
                    file.write("X-Envelope-From: " + state->from + "\r\nX-Envelope-To: " + state->to + "\r\n" + body);
                    file.close();
                }
                state->inData = false;
                socket->write("250 2.0.0 stored\r\n");
                continue;
            }
            const qsizetype nl = state->buffer.indexOf("\r\n");
            if (nl < 0)
                return;
            const QByteArray line = state->buffer.left(nl);
            state->buffer.remove(0, nl + 2);
            const QByteArray verb = line.split(' ').first().toUpper();
            const bool tls = socket->isEncrypted();
            if (verb == "EHLO") {
                socket->write(tls ? "250-sink\r\n250 AUTH PLAIN\r\n" : "250-sink\r\n250 STARTTLS\r\n");
            } else if (verb == "STARTTLS" && !tls) {
                socket->write("220 2.0.0 go ahead\r\n");
                socket->flush();
                socket->startServerEncryption();
            } else if (verb == "AUTH" && tls) {
                const QByteArray decoded = QByteArray::fromBase64(line.mid(11));
                const QList<QByteArray> parts = decoded.split('\0');
                state->authenticated
                    = parts.size() == 3 && parts[1] == m_user.toUtf8() && parts[2] == m_password.toUtf8();
                socket->write(state->authenticated ? "235 2.7.0 ok\r\n" : "535 5.7.8 bad credentials\r\n");
            } else if (verb == "MAIL") {
                if (!state->authenticated) {
                    socket->write("530 5.7.0 authentication required\r\n");
                } else {
                    state->from = line.mid(10);
                    socket->write("250 ok\r\n");
                }
            } else if (verb == "RCPT") {
                state->to = line.mid(8);
                socket->write("250 ok\r\n");
            } else if (verb == "DATA") {
                state->inData = true;
                socket->write("354 end with <CRLF>.<CRLF>\r\n");
            } else if (verb == "QUIT") {
                socket->write("221 bye\r\n");
                socket->disconnectFromHost();
                return;
            } else {
                socket->write("502 5.5.1 not here\r\n");
            }
        }
    });
}

} // namespace quire::test
