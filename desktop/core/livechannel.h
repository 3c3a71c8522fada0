// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QTimer;
class QWebSocket;

namespace quire::desktop {

class AuthSession;
class ApiClient;

// The WebSocket on which the server says "there are changes". It carries
// no data: on a notice the sync engine pulls. Uses the same certificate pin
// as the API, signs in with the access token, and reconnects with backoff
// when the connection drops; while it is down the engine polls instead.
class LiveChannel final : public QObject
{
    Q_OBJECT
public:
    LiveChannel(ApiClient &api, AuthSession &session, QObject *parent = nullptr);
    ~LiveChannel() override;

    void start();
    void stop();
    bool isConnected() const { return m_connected; }

Q_SIGNALS:
    void changesAvailable(qint64 seq);
    void connectedChanged(bool connected);

private:
    void open();
    void onText(const QString &message);
    void onClosed();
    void setConnected(bool connected);

    ApiClient &m_api;
    AuthSession &m_session;
    QWebSocket *m_socket = nullptr;
    QTimer *m_reconnect = nullptr;
    bool m_running = false;
    bool m_connected = false;
    int m_failures = 0;
};

} // namespace quire::desktop
