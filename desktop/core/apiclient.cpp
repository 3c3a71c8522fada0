// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/apiclient.h"

#include "desktop/core/corelogging.h"
#include "desktop/core/tr.h"
#include "shared/apierror.h"
#include "shared/fingerprint.h"
#include "shared/jsonqt.h"
#include "shared/strictjson.h"

#include <QHostAddress>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

namespace quire::desktop {

using shared::Error;

namespace {
constexpr int kTransferTimeoutMs = 20'000;
const char *const kTrustProperty = "quire_trust"; // "untrusted" or "changed"
const char *const kFingerprintProperty = "quire_fingerprint";

bool isLoopback(const QString &host)
{
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}
} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_network.setStrictTransportSecurityEnabled(false);
}

void ApiClient::setServer(const QUrl &baseUrl, const QString &pinnedFingerprint)
{
    m_baseUrl = baseUrl;
    m_pin = pinnedFingerprint;
}

shared::Result<QUrl> ApiClient::parseServerUrl(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return Error::make(shared::ErrorCode::UrlEmpty,
                           Tr::tr("Enter the server address, for example https://quire.example.org."));
    if (!t.contains(QLatin1String("://")))
        t.prepend(QLatin1String("https://"));
    QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Error::make(shared::ErrorCode::UrlInvalid, Tr::tr("“%1” is not a server address.").arg(text.trimmed()));
    if (url.scheme() == QLatin1String("http") && !isLoopback(url.host()))
        return Error::make(shared::ErrorCode::UrlInsecure,
                           Tr::tr("Quire only talks to servers over https://, except on this computer."));
    if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        return Error::make(shared::ErrorCode::UrlInvalid, Tr::tr("“%1” is not a server address.").arg(text.trimmed()));
    url.setPath(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void ApiClient::get(const QString &path, Callback callback)
{
    send(QStringLiteral("GET"), path, QByteArray(), QString(), std::move(callback));
}

void ApiClient::postJson(const QString &path, const nlohmann::json &body, Callback callback)
{
    send(QStringLiteral("POST"), path, shared::toJsonBytes(body), QString(), std::move(callback));
}

void ApiClient::request(const QString &method, const QString &path, const std::optional<nlohmann::json> &body,
                        const QString &bearer, Callback callback, BodyReading reading)
{
    send(method, path, body ? shared::toJsonBytes(*body) : QByteArray(), bearer, std::move(callback),
         QByteArrayLiteral("application/json"), reading);
}

void ApiClient::upload(const QString &path, const QByteArray &bytes, const QByteArray &contentType,
                       const QString &bearer, Callback callback)
{
    send(QStringLiteral("POST"), path, bytes, bearer, std::move(callback), contentType);
}

void ApiClient::send(const QString &method, const QString &path, const QByteArray &body, const QString &bearer,
                     Callback callback, const QByteArray &contentType, BodyReading reading)
{
    QUrl url = m_baseUrl.resolved(QUrl(path));
    QNetworkRequest request(url);
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Quire"));
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
    // The bearer API never takes cookies; keep none.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method.toLatin1(), body);

    const QString pin = m_pin;
    connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin](const QList<QSslError> &errors) {
        const QString offered = shared::Fingerprint::ofCertificate(reply->sslConfiguration().peerCertificate());
        reply->setProperty(kFingerprintProperty, offered);
        if (!pin.isEmpty() && offered == pin) {
            reply->ignoreSslErrors(errors);
            return;
        }
        reply->setProperty(kTrustProperty, pin.isEmpty() ? QStringLiteral("untrusted") : QStringLiteral("changed"));
    });
    connect(reply, &QNetworkReply::encrypted, reply, [reply, pin] {
        // A pin holds even for a certificate some CA vouches for.
        const QString offered = shared::Fingerprint::ofCertificate(reply->sslConfiguration().peerCertificate());
        reply->setProperty(kFingerprintProperty, offered);
        if (!pin.isEmpty() && offered != pin) {
            reply->setProperty(kTrustProperty, QStringLiteral("changed"));
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, reading, callback = std::move(callback)] {
        finish(reply, callback, reading);
        reply->deleteLater();
    });
}

bool ApiClient::brokeOff(QNetworkReply::NetworkError error)
{
    // Only failures of the transfer itself. Qt also reports most HTTP
    // statuses as errors (400 as ProtocolInvalidOperationError, 407 as a
    // proxy error), so ranges of codes would mistake a refusal for a cut.
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure:
        return true;
    default:
        return false;
    }
}

shared::Error ApiClient::unreadableAnswer(const shared::Error &parseError)
{
    return Error::make(shared::ErrorCode::InvalidResponse,
                       Tr::tr("The server's answer could not be read. %1").arg(parseError.message));
}

void ApiClient::finish(QNetworkReply *reply, const Callback &callback, BodyReading reading)
{
    ApiReply result;
    result.offeredFingerprint = reply->property(kFingerprintProperty).toString();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    result.body = body;
    const QString trust = reply->property(kTrustProperty).toString();

    if (trust == QLatin1String("untrusted")) {
        result.error = Error::make(shared::ErrorCode::CertificateUntrusted,
                                   Tr::tr("The server's certificate is not known yet. Compare its fingerprint with the "
                                          "one your administrator gave you."),
                                   { { QStringLiteral("fingerprint"), result.offeredFingerprint } });
    } else if (trust == QLatin1String("changed")) {
        result.error = Error::make(
            shared::ErrorCode::CertificateChanged,
            Tr::tr("The server shows a different certificate than the one you trusted. This can mean someone is "
                   "intercepting the connection; ask your administrator before you trust it."),
            { { QStringLiteral("fingerprint"), result.offeredFingerprint }, { QStringLiteral("pinned"), m_pin } });
    } else if (result.status == 0) {
        result.error = Error::make(shared::ErrorCode::Unreachable,
                                   Tr::tr("Cannot reach the server: %1").arg(reply->errorString()));
    } else if (brokeOff(reply->error())) {
        // A status line arrived but the body did not, whole: the server went
        // away mid-answer. That is no answer at all, not an unreadable one,
        // so callers treat it as offline and try again later.
        result.status = 0;
        result.error = Error::make(shared::ErrorCode::Unreachable,
                                   Tr::tr("The connection to the server broke off before its answer was complete: %1")
                                       .arg(reply->errorString()));
    }
    result.jsonDeclared
        = reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QLatin1String("application/json"));
    const bool successful = !result.error && result.status >= 200 && result.status < 300;
    if (!body.isEmpty() && !(reading == BodyReading::Raw && successful)) {
        // The same strict reading as the server's: a number out of range or
        // a key twice is refused, not read one way here and another there.
        shared::Result<nlohmann::json> parsed = shared::StrictJson::parse(body);
        if (parsed)
            result.json = std::move(parsed.value());
        else if (successful && result.jsonDeclared)
            result.error = unreadableAnswer(parsed.error());
    }
    if (!result.error && (result.status < 200 || result.status >= 300)) {
        if (std::optional<Error> envelope = shared::ApiError::parse(body))
            result.error = *envelope;
        else
            result.error = Error::make(QStringLiteral("http_%1").arg(result.status),
                                       Tr::tr("The server answered with status %1.").arg(result.status));
    }
    qCDebug(lcNet) << reply->operation() << reply->url().path() << "->" << result.status
                   << (result.error ? result.error->code : QStringLiteral("ok"));
    callback(std::move(result));
}

} // namespace quire::desktop
