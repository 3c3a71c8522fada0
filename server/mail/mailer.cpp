// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/mail/mailer.h"

#include "server/http/requestscope.h"
#include "server/metrics/jobmetrics.h"
#include "server/serverconfig.h"
#include "server/serverlogging.h"
#include "shared/clock.h"
#include "shared/uuid.h"

#include <QDir>
#include <QSaveFile>
#include <QSslConfiguration>
#include <QSslSocket>

namespace quire::server {

using shared::Error;
using shared::VoidResult;

OutboxTransport::OutboxTransport(QString directory)
    : m_directory(std::move(directory))
{ }

VoidResult OutboxTransport::deliver(const QString &, const QString &, const QByteArray &rfc5322)
{
    if (!QDir().mkpath(m_directory))
        return Error::make(shared::ErrorCode::MailFailed, QStringLiteral("cannot create %1").arg(m_directory));
    const QString name = shared::Clock::instance().now().toString(QStringLiteral("yyyyMMdd-HHmmsszzz"))
        + QLatin1Char('-') + shared::Uuid::createV7() + QStringLiteral(".eml");
    QSaveFile file(QDir(m_directory).filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(shared::ErrorCode::MailFailed,
                           QStringLiteral("cannot write to the outbox: %1").arg(file.errorString()));
    file.write(rfc5322);
    if (!file.commit())
        return Error::make(shared::ErrorCode::MailFailed,
                           QStringLiteral("cannot write to the outbox: %1").arg(file.errorString()));
    return VoidResult::success();
}

SmtpTransport::SmtpTransport(Settings settings)
    : m_settings(std::move(settings))
{ }

namespace {

class SmtpSession
{
public:
    explicit SmtpSession(QSslSocket &socket)
        : m_socket(socket)
    { }

    // Reads one (possibly multi-line) reply; returns its code, 0 on failure.
    int reply(QByteArray *text = nullptr)
    {
        QByteArray all;
        for (;;) {
            while (!m_socket.canReadLine()) {
                if (!m_socket.waitForReadyRead(20000))
                    return 0;
            }
            const QByteArray line = m_socket.readLine();
            all += line;
            if (line.size() < 4 || line[3] != '-') {
                if (text)
                    *text = all;
                return line.left(3).toInt();
            }
        }
    }

    int command(const QByteArray &line, QByteArray *text = nullptr)
    {
        m_socket.write(line + "\r\n");
        if (!m_socket.waitForBytesWritten(20000) && m_socket.bytesToWrite() > 0)
            return 0;
        return reply(text);
    }

private:
    QSslSocket &m_socket;
};

Error smtpError(const QString &step, const QString &detail)
{
    return Error::make(shared::ErrorCode::MailFailed, QStringLiteral("SMTP %1 failed: %2").arg(step, detail.trimmed()));
}

} // namespace

VoidResult SmtpTransport::deliver(const QString &from, const QString &to, const QByteArray &rfc5322)
{
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_settings.trusted.isEmpty())
        tls.addCaCertificates(m_settings.trusted);
    socket.setSslConfiguration(tls);
    socket.setPeerVerifyName(m_settings.host);
    socket.connectToHost(m_settings.host, m_settings.port);
    if (!socket.waitForConnected(20000))
        return smtpError(QStringLiteral("connect"), socket.errorString());
    SmtpSession smtp(socket);
    QByteArray text;
    if (smtp.reply(&text) != 220)
        return smtpError(QStringLiteral("greeting"), QString::fromUtf8(text));
    const QByteArray ehlo = "EHLO " + m_settings.heloName.toLatin1();
    if (smtp.command(ehlo, &text) != 250)
        return smtpError(QStringLiteral("EHLO"), QString::fromUtf8(text));
    if (m_settings.startTls) {
        if (!text.toUpper().contains("STARTTLS"))
            return smtpError(QStringLiteral("STARTTLS"),
                             QStringLiteral("the server does not offer it, and it is required"));
        if (smtp.command("STARTTLS", &text) != 220)
            return smtpError(QStringLiteral("STARTTLS"), QString::fromUtf8(text));
        socket.startClientEncryption();
        if (!socket.waitForEncrypted(20000))
            return smtpError(QStringLiteral("TLS"), socket.errorString());
        if (smtp.command(ehlo, &text) != 250)
            return smtpError(QStringLiteral("EHLO"), QString::fromUtf8(text));
    }
    if (!m_settings.user.isEmpty()) {
        // AUTH PLAIN, only ever over the encrypted channel unless TLS was switched off.
        const QByteArray token = ('\0' + m_settings.user.toUtf8() + '\0' + m_settings.password.toUtf8()).toBase64();
        if (smtp.command("AUTH PLAIN " + token, &text) != 235)
            return smtpError(QStringLiteral("AUTH"), QString::fromUtf8(text.left(3)));
    }
    if (smtp.command("MAIL FROM:<" + from.toUtf8() + ">", &text) != 250)
        return smtpError(QStringLiteral("MAIL FROM"), QString::fromUtf8(text));
    if (smtp.command("RCPT TO:<" + to.toUtf8() + ">", &text) / 10 != 25)
        return smtpError(QStringLiteral("RCPT TO"), QString::fromUtf8(text));
    if (smtp.command("DATA", &text) != 354)
        return smtpError(QStringLiteral("DATA"), QString::fromUtf8(text));
    QByteArray data = rfc5322;
    data.replace("\r\n.", "\r\n.."); // dot-stuffing
    if (data.startsWith('.'))
        data.prepend('.');
    socket.write(data);
    if (smtp.command(".", &text) != 250)
        return smtpError(QStringLiteral("message"), QString::fromUtf8(text));
    smtp.command("QUIT");
    return VoidResult::success();
}

Mailer::Mailer(QString from, std::unique_ptr<MailTransport> transport)
    : m_from(std::move(from))
    , m_transport(std::move(transport))
{
    m_pool.setMaxThreadCount(1); // one delivery at a time keeps SMTP servers friendly
}

Mailer::~Mailer()
{
    flush();
}

shared::Result<std::unique_ptr<Mailer>> Mailer::fromConfig(const ServerConfig &config)
{
    const QString from = config.mailFrom.isEmpty() ? QStringLiteral("Quire <quire@localhost>") : config.mailFrom;
    if (config.smtpHost.isEmpty())
        return std::make_unique<Mailer>(
            from, std::make_unique<OutboxTransport>(QDir(config.dataDir).filePath(QStringLiteral("outbox"))));
    SmtpTransport::Settings s;
    s.host = config.smtpHost;
    s.port = config.smtpPort;
    s.user = config.smtpUser;
    s.password = config.smtpPassword;
    s.startTls = config.smtpStartTls;
    if (!config.smtpCaFile.isEmpty()) {
        s.trusted = QSslCertificate::fromPath(config.smtpCaFile, QSsl::Pem);
        if (s.trusted.isEmpty())
            return Error::make(shared::ErrorCode::Usage,
                               QStringLiteral("--smtp-ca-file: no PEM certificate in %1").arg(config.smtpCaFile));
    }
    return std::make_unique<Mailer>(from, std::make_unique<SmtpTransport>(s));
}

void Mailer::send(MailMessage message)
{
    message.from = m_from;
    m_pool.start([this, message] {
        // Not a request: a throw here is only logged, never the end of the process.
        RequestScope::guard({}, [&] { deliver(message); });
    });
}

void Mailer::deliver(const MailMessage &message)
{
    const QString id = shared::Uuid::createV7() + QStringLiteral("@quire");
    const QByteArray bytes = message.toRfc5322(shared::Clock::instance().now(), id);
    // "Name <addr>" -> addr, for the envelope.
    QString sender = message.from;
    if (const qsizetype lt = sender.indexOf(QLatin1Char('<')); lt >= 0)
        sender = sender.mid(lt + 1).section(QLatin1Char('>'), 0, 0);
    static JobMetrics metrics("mail");
    if (VoidResult r = m_transport->deliver(sender.trimmed(), message.to, bytes); !r) {
        metrics.failed();
        qCWarning(lcServer) << "mail" << id << "not delivered:" << r.error().message;
    } else {
        metrics.succeeded(1);
        qCInfo(lcServer) << "mail" << id << "delivered";
    }
}

void Mailer::flush()
{
    m_pool.waitForDone();
}

} // namespace quire::server
