// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace quire::desktop {

class ApiClient;

// Knows whether the server is reachable right now, for the status bar and
// for deciding when to sync. Checks /health: every 30 s while online, and
// with exponential backoff (2 s doubling to 60 s, with jitter) while offline,
// so a fleet of laptops waking up does not hit the server at once. The
// answer also names the server's readers' site.
class ConnectionMonitor final : public QObject
{
    Q_OBJECT
public:
    enum class State { NoServer, Checking, Online, Offline };
    Q_ENUM(State)

    explicit ConnectionMonitor(ApiClient &client, QObject *parent = nullptr);

    State state() const { return m_state; }
    QString detail() const { return m_detail; }
    QDateTime lastContact() const { return m_lastContact; }
    // The site's name from the current server's last answer; empty before
    // one, or when the server does not say.
    QString siteName() const { return m_siteName; }

    // Starts (or restarts) watching the client's current server.
    void start();
    void checkNow();

    static QString stateText(State state);

Q_SIGNALS:
    void stateChanged(quire::desktop::ConnectionMonitor::State state);
    void siteNameChanged(const QString &name);
    // The address readers use, as the server last said (empty: its own).
    void publicUrlChanged(const QUrl &url);

private:
    void setState(State state, const QString &detail);
    void scheduleNext();

    ApiClient &m_client;
    QTimer m_timer;
    State m_state = State::NoServer;
    QString m_detail;
    QDateTime m_lastContact;
    QString m_siteName;
    std::optional<QUrl> m_publicUrl; // none until the first answer
    int m_failures = 0;
    bool m_inFlight = false;
};

} // namespace quire::desktop
