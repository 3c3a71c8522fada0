// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/outbound/outboundclient.h"

#include "server/outbound/outboundurl.h"

#include <QDateTime>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <array>

namespace quire::server {
namespace {

Q_LOGGING_CATEGORY(lcOutbound, "quire.outbound", QtInfoMsg)

using shared::Error;
using shared::ErrorCode;
using shared::Result;

// Headers that carry a credential for the origin they were meant for: not
// sent on to another origin after a redirect.
constexpr std::array kOriginBoundHeaders { "authorization", "cookie", "proxy-authorization" };

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

// One request from send() to its callback: resolve, check, connect to the
// checked address, and again for each redirect.
class OutboundTransfer : public QObject
{
public:
    OutboundTransfer(OutboundClient *client, OutboundRequest request, OutboundClient::Callback done)
        : QObject(client)
        , m_client(client)
        , m_request(std::move(request))
        , m_done(std::move(done))
    { }

    void start()
    {
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] { timedOut(); });
        m_deadline.start(m_client->m_options.timeout);
        Result<OutboundUrl> url = OutboundUrl::parse(m_request.url, m_client->m_policy);
        if (!url)
            return finish(url.error());
        hop(std::move(*url));
    }

private:
    void hop(OutboundUrl url)
    {
        m_url = std::move(url);
        if (m_url.literal())
            return connectTo({ *m_url.literal() });
        // A lookup that ends after the deadline finds this transfer finished.
        QHostInfo::lookupHost(m_url.host(), this, [this](const QHostInfo &info) {
            if (m_finished)
                return;
            if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
                return finish(
                    Error::make(ErrorCode::OutboundNetwork,
                                QStringLiteral("Could not resolve %1: %2").arg(m_url.host(), info.errorString())));
            connectTo(info.addresses());
        });
    }

    // Every address the name has must pass: a name that also points inside
    // is not trusted with its outside addresses either.
    void connectTo(const QList<QHostAddress> &addresses)
    {
        const AddressPolicy &policy = m_client->m_policy;
        for (const QHostAddress &address : addresses) {
            const AddressPolicy::Verdict verdict = policy.check(m_url.host(), address, m_url.port());
            QString why = verdict.reason;
            bool allowed = verdict.allowed;
            if (allowed && !m_url.secure() && !policy.listed(m_url.host(), address, m_url.port())) {
                allowed = false;
                why = QStringLiteral("plain http to an address the allow-list does not name");
            }
            if (!allowed) {
                qCInfo(lcOutbound).noquote() << "refused" << m_url.forLog() << "at" << address.toString() << why;
                return finish(Error::make(ErrorCode::RefusedAddress,
                                          QStringLiteral("Outgoing request to %1 refused: %2 is %3.")
                                              .arg(m_url.forLog(), address.toString(), why)));
            }
        }
        m_addresses = addresses;
        m_next = 0;
        sendTo(m_addresses.first());
    }

    void sendTo(const QHostAddress &address)
    {
        QNetworkRequest http(m_url.pinnedTo(address));
        for (const auto &[name, value] : m_request.headers)
            http.setRawHeader(name, value);
        // The name the URL gave, though the connection goes to its checked address.
        http.setRawHeader(QByteArrayLiteral("Host"), m_url.hostHeader());
        if (m_url.secure()) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            if (!m_client->m_options.extraCaCertificates.isEmpty())
                tls.addCaCertificates(m_client->m_options.extraCaCertificates);
            http.setSslConfiguration(tls);
            if (!m_url.literal())
                http.setPeerVerifyName(m_url.host()); // SNI and the certificate check use the name
        }
        // Redirects are ours to check; HTTP/2 would send the pinned address
        // as :authority; cookies are a connector's to send, never a jar's.
        http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        http.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        http.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        http.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        http.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        http.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

        qCDebug(lcOutbound).noquote() << m_request.method << m_url.forLog() << "at" << address.toString();
        m_body.clear();
        m_reply = m_client->m_network->sendCustomRequest(http, m_request.method, m_request.body);
        QNetworkReply *reply = m_reply;
        connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
            const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
            if (length.isValid() && length.toLongLong() > m_client->m_options.maxResponseBytes)
                tooLarge(reply);
        });
        connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
            m_body += reply->readAll();
            if (m_body.size() > m_client->m_options.maxResponseBytes)
                tooLarge(reply);
        });
        connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                m_tlsProblems << error.errorString();
        });
        connect(reply, &QNetworkReply::finished, this, [this, reply] { replied(reply); });
    }

    void replied(QNetworkReply *reply)
    {
        reply->deleteLater();
        if (m_reply == reply)
            m_reply = nullptr;
        if (m_finished)
            return;
        m_body += reply->readAll();
        if (m_body.size() > m_client->m_options.maxResponseBytes)
            return tooLarge(reply);
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid() && refusedConnection(reply) && ++m_next < m_addresses.size()) {
            // localhost as ::1 first while the service listens on 127.0.0.1:
            // the next checked address of the same name, as browsers do.
            m_tlsProblems.clear();
            return sendTo(m_addresses.at(m_next));
        }
        if (!status.isValid())
            return finish(transportError(reply));

        const int code = status.toInt();
        const QByteArray location = reply->rawHeader(QByteArrayLiteral("Location"));
        if (isRedirect(code) && !location.isEmpty())
            return follow(code, QString::fromUtf8(location));

        OutboundResponse response;
        response.status = code;
        response.headers = reply->rawHeaderPairs();
        response.body = std::move(m_body);
        response.url = m_url.url();
        response.retryAfter = OutboundResponse::parseRetryAfter(reply->rawHeader(QByteArrayLiteral("Retry-After")),
                                                                QDateTime::currentDateTimeUtc());
        qCDebug(lcOutbound).noquote() << m_request.method << m_url.forLog() << "answered" << code;
        finish(std::move(response));
    }

    void follow(int status, const QString &location)
    {
        if (++m_redirects > m_client->m_options.maxRedirects)
            return finish(Error::make(ErrorCode::OutboundRedirects,
                                      QStringLiteral("Outgoing request to %1 was redirected more than %2 times.")
                                          .arg(m_url.forLog())
                                          .arg(m_client->m_options.maxRedirects)));
        Result<OutboundUrl> next = m_url.redirected(location, m_client->m_policy);
        if (!next)
            return finish(next.error());
        // 303, and 301/302 after a POST, become a GET without a body, as
        // browsers do; 307 and 308 repeat the request as it was.
        if (status == 303 || ((status == 301 || status == 302) && m_request.method == "POST")) {
            if (m_request.method != "HEAD")
                m_request.method = QByteArrayLiteral("GET");
            m_request.body.clear();
            m_request.headers.removeIf(
                [](const auto &header) { return header.first.compare("content-type", Qt::CaseInsensitive) == 0; });
        }
        if (next->origin() != m_url.origin()) {
            m_request.headers.removeIf([](const auto &header) {
                for (const char *bound : kOriginBoundHeaders) {
                    if (header.first.compare(bound, Qt::CaseInsensitive) == 0)
                        return true;
                }
                return false;
            });
        }
        qCDebug(lcOutbound).noquote() << m_url.forLog() << "redirects" << status << "to" << next->forLog();
        hop(std::move(*next));
    }

    bool refusedConnection(QNetworkReply *reply) const
    {
        return m_body.isEmpty()
            && (reply->error() == QNetworkReply::ConnectionRefusedError
                || reply->error() == QNetworkReply::UnknownNetworkError);
    }

    Error transportError(QNetworkReply *reply) const
    {
        const QString where = m_url.forLog();
        switch (reply->error()) {
        case QNetworkReply::SslHandshakeFailedError:
            return Error::make(
                ErrorCode::OutboundTls,
                QStringLiteral("TLS with %1 failed: %2")
                    .arg(where,
                         m_tlsProblems.isEmpty() ? reply->errorString() : m_tlsProblems.join(QStringLiteral("; "))));
        case QNetworkReply::TimeoutError:
            return Error::make(ErrorCode::OutboundTimeout, QStringLiteral("%1 did not answer in time.").arg(where));
        default:
            return Error::make(ErrorCode::OutboundNetwork,
                               QStringLiteral("Could not reach %1: %2").arg(where, reply->errorString()));
        }
    }

    void tooLarge(QNetworkReply *reply)
    {
        drop(reply);
        finish(Error::make(ErrorCode::OutboundTooLarge,
                           QStringLiteral("The answer of %1 is larger than %2 bytes.")
                               .arg(m_url.forLog())
                               .arg(m_client->m_options.maxResponseBytes)));
    }

    void timedOut()
    {
        drop(m_reply);
        finish(Error::make(ErrorCode::OutboundTimeout,
                           QStringLiteral("Outgoing request to %1 took longer than %2 ms.")
                               .arg(m_url.url().isEmpty() ? QStringLiteral("(unparsed URL)") : m_url.forLog())
                               .arg(m_client->m_options.timeout.count())));
    }

    // Stops a transfer whose outcome is already decided; its abort must
    // not report back as a failure of its own.
    void drop(QNetworkReply *reply)
    {
        if (!reply)
            return;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        m_reply = nullptr;
    }

    void finish(Result<OutboundResponse> result)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_deadline.stop();
        if (!result)
            qCDebug(lcOutbound).noquote() << "failed:" << result.error().code << result.error().message;
        deleteLater();
        // The callback may destroy the client (and so this): nothing after it.
        const OutboundClient::Callback done = std::move(m_done);
        done(std::move(result));
    }

    OutboundClient *m_client;
    OutboundRequest m_request;
    OutboundClient::Callback m_done;
    OutboundUrl m_url;
    QTimer m_deadline;
    QList<QHostAddress> m_addresses; // all checked; m_next is being tried
    qsizetype m_next = 0;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    QStringList m_tlsProblems;
    int m_redirects = 0;
    bool m_finished = false;
};

OutboundClient::OutboundClient(AddressPolicy policy, OutboundOptions options, QObject *parent)
    : QObject(parent)
    , m_policy(std::move(policy))
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
{
    // A proxy would connect to the name, not to the checked address.
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->setAutoDeleteReplies(false);
}

OutboundClient::~OutboundClient() = default;

void OutboundClient::send(OutboundRequest request, Callback done)
{
    auto *transfer = new OutboundTransfer(this, std::move(request), std::move(done));
    QTimer::singleShot(0, transfer, [transfer] { transfer->start(); });
}

} // namespace quire::server
