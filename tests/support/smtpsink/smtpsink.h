// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

class QSslSocket;

namespace quire::test {

// A real SMTP peer for tests: ESMTP with STARTTLS and AUTH PLAIN (offered
// only after TLS, required before MAIL), storing each accepted message as
// N.eml in a folder. Plays the part of the operator's mail relay.
class SmtpSink final : public QTcpServer
{
    Q_OBJECT
public:
    SmtpSink(QSslConfiguration tls, QString user, QString password, QString outDir, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void serve(QSslSocket *socket);

    QSslConfiguration m_tls;
    QString m_user;
    QString m_password;
    QString m_outDir;
    int m_count = 0;
};

} // namespace quire::test
