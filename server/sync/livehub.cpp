// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/livehub.h"

#include "server/serverlogging.h"
#include "shared/jsonqt.h"
#include "shared/strictjson.h"

#include <QAbstractHttpServer>
#include <QTimer>
#include <QWebSocket>

namespace quire::server {

namespace {

constexpr int kCloseUnauthorized = 4401; // application range, like HTTP 401
constexpr int kSignInTimeoutMs = 10'000;
constexpr int kRecheckMs = 60'000;

} // namespace

LiveHub::LiveHub(Authenticate authenticate, QAbstractHttpServer *endpoint, QObject *parent)
    : QObject(parent)
    , m_authenticate(std::move(authenticate))
    , m_endpoint(endpoint)
{
    connect(endpoint, &QAbstractHttpServer::newWebSocketConnection, this, &LiveHub::accept);
    // A revoked session or a disabled account loses its socket too.
    m_recheck = new QTimer(this);
    m_recheck->setInterval(kRecheckMs);
    connect(m_recheck, &QTimer::timeout, this, &LiveHub::recheck);
    m_recheck->start();
}

void LiveHub::setPingInterval(int ms)
{
    if (ms <= 0) {
        if (m_ping)
            m_ping->stop();
        return;
    }
    if (!m_ping) {
        m_ping = new QTimer(this);
        connect(m_ping, &QTimer::timeout, this, [this] {
            const QList<QWebSocket *> sockets = m_sockets.keys();
            for (QWebSocket *socket : sockets)
                socket->ping();
        });
    }
    m_ping->start(ms);
}

bool LiveHub::takesUpgrade(const QString &path) const
{
    return path == QLatin1String(kLivePath);
}

LiveHub::~LiveHub()
{
    closeAll();
}

void LiveHub::accept()
{
    while (m_endpoint->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_endpoint->nextPendingWebSocketConnection();
        if (!socket)
            continue;
        QWebSocket *s = socket.release();
        s->setParent(this);
        if (s->requestUrl().path() != QLatin1String(kLivePath)) {
            s->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unknown path"));
            s->deleteLater();
            continue;
        }
        Connection connection;
        connection.socket = s;
        m_sockets.insert(s, connection);
        connect(s, &QWebSocket::textMessageReceived, this, [this, s](const QString &m) {
            // Nothing a client sends may take the server down: an exception
            // here would leave Qt's event loop and end the process.
            try {
                onMessage(s, m);
            } catch (const std::exception &e) {
                failed(s, e.what());
            } catch (...) {
                failed(s, "unknown exception");
            }
        });
        connect(s, &QWebSocket::disconnected, this, [this, s] {
            if (m_sockets.remove(s))
                s->deleteLater();
        });
        const QByteArray authorization = s->request().rawHeader("Authorization");
        if (authorization.startsWith("Bearer ")) {
            signIn(m_sockets[s], QString::fromLatin1(authorization.mid(7).trimmed()));
        } else {
            QTimer::singleShot(kSignInTimeoutMs, this, [this, s] {
                auto it = m_sockets.find(s);
                if (it != m_sockets.end() && !it->signedIn)
                    drop(s, kCloseUnauthorized, QStringLiteral("sign in first"));
            });
        }
    }
}

bool LiveHub::signIn(Connection &connection, const QString &token)
{
    shared::Result<std::optional<Principal>> who = m_authenticate(token);
    if (!who || !*who) {
        drop(connection.socket, kCloseUnauthorized, QStringLiteral("the access token is not valid"));
        return false;
    }
    connection.token = token;
    connection.signedIn = true;
    connection.socket->sendTextMessage(QString::fromUtf8(shared::toJsonBytes({ { "type", "ready" } })));
    return true;
}

void LiveHub::onMessage(QWebSocket *socket, const QString &message)
{
    auto it = m_sockets.find(socket);
    if (it == m_sockets.end())
        return;
    const shared::Result<nlohmann::json> parsed = shared::StrictJson::parse(message.toUtf8());
    if (!parsed || !parsed->is_object()) {
        // A close reason has room for 123 bytes only: the short form here.
        drop(socket, QWebSocketProtocol::CloseCodeDatatypeNotSupported,
             parsed ? QStringLiteral("messages are JSON objects") : QStringLiteral("not valid JSON"));
        return;
    }
    const nlohmann::json &j = *parsed;
    // Each member is type-checked before it is read: nlohmann throws on a wrong type.
    const auto typeIt = j.find("type");
    const std::string type = typeIt != j.end() && typeIt->is_string() ? typeIt->get<std::string>() : std::string();
    const auto token = j.find("access_token");
    if (type == "auth" && token != j.end() && token->is_string()) {
        signIn(*it, token->get<QString>());
        return;
    }
    if (type == "ping") {
        socket->sendTextMessage(QString::fromUtf8(shared::toJsonBytes({ { "type", "pong" } })));
        return;
    }
    drop(socket, QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unknown message"));
}

void LiveHub::notifyAll(qint64 seq)
{
    const QString text = QString::fromUtf8(shared::toJsonBytes({ { "type", "changed" }, { "seq", seq } }));
    for (auto it = m_sockets.begin(); it != m_sockets.end(); ++it) {
        if (it->signedIn)
            it->socket->sendTextMessage(text);
    }
}

void LiveHub::recheck()
{
    QList<QWebSocket *> invalid;
    for (auto it = m_sockets.begin(); it != m_sockets.end(); ++it) {
        if (!it->signedIn)
            continue;
        shared::Result<std::optional<Principal>> who = m_authenticate(it->token);
        if (who && !*who)
            invalid << it.key();
    }
    for (QWebSocket *s : std::as_const(invalid))
        drop(s, kCloseUnauthorized, QStringLiteral("signed out"));
}

void LiveHub::failed(QWebSocket *socket, const char *what)
{
    qCCritical(lcServerSync) << "live message failed:" << what;
    if (m_sockets.contains(socket))
        drop(socket, QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("internal error"));
}

void LiveHub::drop(QWebSocket *socket, int code, const QString &reason)
{
    socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void LiveHub::closeAll()
{
    const QList<QWebSocket *> sockets = m_sockets.keys();
    for (QWebSocket *s : sockets)
        s->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server stopping"));
    m_sockets.clear();
    for (QWebSocket *s : sockets)
        s->deleteLater();
}

} // namespace quire::server
