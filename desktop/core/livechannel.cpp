// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/livechannel.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/corelogging.h"
#include "shared/fingerprint.h"
#include "shared/strictjson.h"

#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimer>
#include <QWebSocket>

#include <nlohmann/json.hpp>

namespace quire::desktop {

namespace {

constexpr int kMaxBackoffMs = 120'000;

} // namespace

LiveChannel::LiveChannel(ApiClient &api, AuthSession &session, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_session(session)
{
    m_reconnect = new QTimer(this);
    m_reconnect->setSingleShot(true);
    connect(m_reconnect, &QTimer::timeout, this, &LiveChannel::open);
}

LiveChannel::~LiveChannel()
{
    stop();
}

void LiveChannel::start()
{
    m_running = true;
    if (!m_socket)
        open();
}

void LiveChannel::stop()
{
    m_running = false;
    m_reconnect->stop();
    if (m_socket) {
        QWebSocket *s = m_socket;
        m_socket = nullptr;
        s->disconnect(this);
        s->close();
        s->deleteLater();
    }
    setConnected(false);
}

void LiveChannel::open()
{
    if (!m_running || m_socket)
        return;
    if (!m_session.isSignedIn() || m_api.server().isEmpty()) {
        m_reconnect->start(5'000);
        return;
    }
    QUrl url = m_api.server();
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/sync/live"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_session.accessToken().toLatin1());

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    const QString pin = m_api.pinnedFingerprint();
    QWebSocket *socket = m_socket;
    connect(socket, &QWebSocket::sslErrors, this, [socket, pin](const QList<QSslError> &errors) {
        // The same trust as the API: a self-signed certificate only by its pin.
        const QString offered = shared::Fingerprint::ofCertificate(socket->sslConfiguration().peerCertificate());
        if (!pin.isEmpty() && offered == pin)
            socket->ignoreSslErrors(errors);
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [socket](QAbstractSocket::SocketError) { qCInfo(lcSync) << "live channel:" << socket->errorString(); });
    connect(socket, &QWebSocket::textMessageReceived, this, &LiveChannel::onText);
    connect(socket, &QWebSocket::disconnected, this, &LiveChannel::onClosed);
    socket->open(request);
}

void LiveChannel::onText(const QString &message)
{
    const shared::Result<nlohmann::json> parsed = shared::StrictJson::parse(message.toUtf8());
    if (!parsed || !parsed->is_object()) {
        qCInfo(lcSync) << "live channel: ignoring a message that is not a JSON object";
        return;
    }
    const nlohmann::json &j = *parsed;
    // Members are type-checked first: value(key, default) throws on a wrong type.
    const auto typeIt = j.find("type");
    const std::string type = typeIt != j.end() && typeIt->is_string() ? typeIt->get<std::string>() : std::string();
    if (type == "ready") {
        // Only now is the pin checked and the token accepted.
        if (m_socket) {
            const QString offered = shared::Fingerprint::ofCertificate(m_socket->sslConfiguration().peerCertificate());
            if (!m_api.pinnedFingerprint().isEmpty() && offered != m_api.pinnedFingerprint()) {
                qCWarning(lcSync) << "live channel: certificate does not match the pin";
                m_socket->abort();
                return;
            }
        }
        m_failures = 0;
        setConnected(true);
    } else if (type == "changed") {
        const auto seq = j.find("seq");
        Q_EMIT changesAvailable(seq != j.end() && seq->is_number_integer() ? seq->get<qint64>() : 0);
    }
}

void LiveChannel::onClosed()
{
    if (!m_socket)
        return;
    const int code = m_socket->closeCode();
    qCInfo(lcSync) << "live channel closed:" << code << m_socket->closeReason();
    m_socket->deleteLater();
    m_socket = nullptr;
    setConnected(false);
    if (!m_running)
        return;
    if (code == 4401) {
        // The access token aged out: any API call refreshes it.
        m_session.call(QStringLiteral("GET"), QStringLiteral("/api/v1/users/me"), std::nullopt,
                       [](const ApiReply &) {});
    }
    ++m_failures;
    const int base = std::min(kMaxBackoffMs, 500 << std::min(m_failures, 8));
    m_reconnect->start(base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1)));
}

void LiveChannel::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    Q_EMIT connectedChanged(connected);
}

} // namespace quire::desktop
