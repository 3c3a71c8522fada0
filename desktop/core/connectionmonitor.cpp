// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/connectionmonitor.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/tr.h"

#include <QRandomGenerator>

namespace quire::desktop {

namespace {
constexpr int kOnlineIntervalMs = 30'000;
constexpr int kFirstRetryMs = 2'000;
constexpr int kMaxRetryMs = 60'000;
} // namespace

ConnectionMonitor::ConnectionMonitor(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionMonitor::checkNow);
}

QString ConnectionMonitor::stateText(State state)
{
    switch (state) {
    case State::NoServer:
        return Tr::tr("No server");
    case State::Checking:
        return Tr::tr("Connecting…");
    case State::Online:
        return Tr::tr("Online");
    case State::Offline:
        return Tr::tr("Offline");
    }
    return {};
}

void ConnectionMonitor::start()
{
    m_failures = 0;
    m_timer.stop();
    m_siteName.clear(); // another server's, perhaps
    m_publicUrl.reset();
    if (!m_client.server().isValid()) {
        setState(State::NoServer, QString());
        return;
    }
    setState(State::Checking, QString());
    checkNow();
}

void ConnectionMonitor::checkNow()
{
    if (m_inFlight || !m_client.server().isValid())
        return;
    m_inFlight = true;
    const QUrl server = m_client.server();
    m_client.get(QStringLiteral("/health"), [this, server](const ApiReply &reply) {
        m_inFlight = false;
        if (reply.status == 200 && reply.ok()) {
            m_failures = 0;
            m_lastContact = QDateTime::currentDateTimeUtc();
            // Not from an answer of the server used before a switch.
            const auto name = reply.json.find("site_name");
            if (server == m_client.server() && name != reply.json.end() && name->is_string()) {
                const QString siteName = QString::fromStdString(name->get<std::string>()).trimmed();
                if (!siteName.isEmpty() && siteName != m_siteName) {
                    m_siteName = siteName;
                    Q_EMIT siteNameChanged(m_siteName);
                }
            }
            if (server == m_client.server()) {
                const auto publicUrl = reply.json.find("public_url");
                QUrl url;
                if (publicUrl != reply.json.end() && publicUrl->is_string())
                    url = QUrl(QString::fromStdString(publicUrl->get<std::string>()), QUrl::StrictMode);
                if (!url.isValid() || url.isRelative()
                    || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
                    url = QUrl();
                if (url != m_publicUrl) {
                    m_publicUrl = url;
                    Q_EMIT publicUrlChanged(url);
                }
            }
            setState(State::Online, QString());
        } else {
            ++m_failures;
            setState(State::Offline, reply.error ? reply.error->message : QString());
        }
        scheduleNext();
    });
}

void ConnectionMonitor::scheduleNext()
{
    int delay = kOnlineIntervalMs;
    if (m_state != State::Online) {
        const int exponent = std::min(m_failures - 1, 5);
        delay = std::min(kMaxRetryMs, kFirstRetryMs << std::max(0, exponent));
        delay += int(QRandomGenerator::global()->bounded(delay / 4 + 1));
    }
    m_timer.start(delay);
}

void ConnectionMonitor::setState(State state, const QString &detail)
{
    m_detail = detail;
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace quire::desktop
