// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

class QNetworkReply;

namespace quire::desktop {

// One answer from the server, or why there was none.
struct ApiReply
{
    int status = 0; // HTTP status; 0 when no answer came
    nlohmann::json json; // the parsed body, if it was JSON
    std::optional<shared::Error> error; // transport failures and non-2xx answers
    QString offeredFingerprint; // SHA-256 of the certificate the server showed
    QByteArray body; // the body as it came (images, for one)
    bool jsonDeclared = false; // the server said the body is application/json

    bool ok() const { return !error.has_value(); }
};

// HTTPS to one Quire server. A self-signed certificate is accepted only when
// its SHA-256 fingerprint equals the pinned one (trust on first use); a
// different certificate is refused as `certificate_changed`, an unknown one
// reported as `certificate_untrusted` with its fingerprint so the user can
// decide. Plain http:// is only allowed to loopback addresses.
class ApiClient final : public QObject
{
    Q_OBJECT
public:
    // Takes the reply by value, so a large body can be moved, not copied.
    using Callback = std::function<void(ApiReply)>;
    // Raw: a successful answer's body is left in ApiReply::body for the
    // caller's own reader (the pull page, read without a JSON tree);
    // answers with an error status are read as JSON all the same.
    enum class BodyReading { Json, Raw };

    explicit ApiClient(QObject *parent = nullptr);

    void setServer(const QUrl &baseUrl, const QString &pinnedFingerprint);
    QUrl server() const { return m_baseUrl; }
    QString pinnedFingerprint() const { return m_pin; }

    void get(const QString &path, Callback callback);
    void postJson(const QString &path, const nlohmann::json &body, Callback callback);
    // Any method, an optional JSON body and an optional bearer token.
    void request(const QString &method, const QString &path, const std::optional<nlohmann::json> &body,
                 const QString &bearer, Callback callback, BodyReading reading = BodyReading::Json);

    // POSTs `bytes` as they are, with their content type (image uploads).
    void upload(const QString &path, const QByteArray &bytes, const QByteArray &contentType, const QString &bearer,
                Callback callback);

    // Parses what a person typed ("host:8443", "https://host") into a server URL.
    static shared::Result<QUrl> parseServerUrl(const QString &text);
    // The error for a successful answer declared JSON that is not (`parseError`
    // says why), for callers that read a body themselves.
    static shared::Error unreadableAnswer(const shared::Error &parseError);

private:
    void send(const QString &method, const QString &path, const QByteArray &body, const QString &bearer,
              Callback callback, const QByteArray &contentType = QByteArrayLiteral("application/json"),
              BodyReading reading = BodyReading::Json);
    void finish(QNetworkReply *reply, const Callback &callback, BodyReading reading);
    // Whether `error` means the answer was cut off or never came, as opposed
    // to an HTTP status Qt also reports as an error.
    static bool brokeOff(QNetworkReply::NetworkError error);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_pin;
};

} // namespace quire::desktop
