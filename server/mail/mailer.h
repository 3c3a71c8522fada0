// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/mail/mailmessage.h"
#include "shared/result.h"

#include <QSslCertificate>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace quire::server {

struct ServerConfig;

// Where mail goes: the outbox folder (the default, one .eml file per mail)
// or an SMTP server with STARTTLS and AUTH.
class MailTransport
{
public:
    virtual ~MailTransport() = default;
    // `from` and `to` are bare addresses (the SMTP envelope).
    virtual shared::VoidResult deliver(const QString &from, const QString &to, const QByteArray &rfc5322) = 0;
};

class OutboxTransport final : public MailTransport
{
public:
    explicit OutboxTransport(QString directory);
    shared::VoidResult deliver(const QString &from, const QString &to, const QByteArray &rfc5322) override;

private:
    QString m_directory;
};

class SmtpTransport final : public MailTransport
{
public:
    struct Settings
    {
        QString host;
        quint16 port = 587;
        QString user;
        QString password;
        bool startTls = true; // required unless switched off explicitly
        QList<QSslCertificate> trusted; // extra CAs (a private relay's own)
        QString heloName = QStringLiteral("quire");
    };
    explicit SmtpTransport(Settings settings);
    shared::VoidResult deliver(const QString &from, const QString &to, const QByteArray &rfc5322) override;

private:
    Settings m_settings;
};

// Sends mail off the HTTP threads: callers hand a message over and answer
// their request at once; delivery failures are logged (never with secrets).
class Mailer
{
public:
    Mailer(QString from, std::unique_ptr<MailTransport> transport);
    ~Mailer();

    static shared::Result<std::unique_ptr<Mailer>> fromConfig(const ServerConfig &config);

    void send(MailMessage message);
    // Blocks until queued mail is delivered (shutdown, tests).
    void flush();

private:
    // One message, on the pool.
    void deliver(const MailMessage &message);

    QString m_from;
    std::unique_ptr<MailTransport> m_transport;
    QThreadPool m_pool;
};

} // namespace quire::server
