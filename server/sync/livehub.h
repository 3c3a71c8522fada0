// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "server/http/upgradehandler.h"
#include "shared/result.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QAbstractHttpServer;
class QTimer;
class QWebSocket;

namespace quire::server {

// The one path on which live sockets are taken.
inline constexpr char kLivePath[] = "/api/v1/sync/live";

// The live sockets of one worker (/api/v1/sync/live, on the same TLS port
// as the API). A socket signs in with the same bearer token as the API, in
// its upgrade request or as its first message, and then only hears "there
// are changes": the client pulls to learn which, so every row still goes
// through the pull's permission checks. The worker hands it the upgrades
// to kLivePath (UpgradeHandler).
class LiveHub final : public QObject, public UpgradeHandler
{
    Q_OBJECT
public:
    // Who a bearer token belongs to (none: not signed in). Given by the
    // application, so that the platform needs no account feature.
    using Authenticate = std::function<shared::Result<std::optional<Principal>>(const QString &token)>;

    LiveHub(Authenticate authenticate, QAbstractHttpServer *endpoint, QObject *parent = nullptr);
    ~LiveHub() override;

    // Pings every socket this often (0: never), so that a quiet one moves
    // bytes before an idle timeout closes it, and a dead peer shows.
    void setPingInterval(int ms);
    void notifyAll(qint64 seq);
    bool takesUpgrade(const QString &path) const override;
    void closeAll() override;
    int connectionCount() const { return int(m_sockets.size()); }

private:
    struct Connection
    {
        QWebSocket *socket = nullptr; // a child of the hub
        QString token;
        bool signedIn = false;
    };

    void accept();
    bool signIn(Connection &connection, const QString &token);
    void onMessage(QWebSocket *socket, const QString &message);
    void recheck();
    void drop(QWebSocket *socket, int code, const QString &reason);
    // Logs what went wrong with a message and closes its socket (1011).
    void failed(QWebSocket *socket, const char *what);

    Authenticate m_authenticate;
    QAbstractHttpServer *m_endpoint;
    QHash<QWebSocket *, Connection> m_sockets;
    QTimer *m_recheck = nullptr;
    QTimer *m_ping = nullptr;
};

} // namespace quire::server
