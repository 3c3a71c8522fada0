// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QHostAddress>
#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace quire::server {

class MetricsRegistry;

// The scrape address: plain HTTP on its own listen address (never the
// public port), answering GET /metrics with the registry's exposition and
// 404 to anything else, one request per connection. It lives on the main
// thread; the registry is read with atomics, so scrapes never stop a worker.
class MetricsEndpoint final : public QObject
{
    Q_OBJECT
public:
    explicit MetricsEndpoint(const MetricsRegistry &registry, QObject *parent = nullptr);
    ~MetricsEndpoint() override;

    shared::VoidResult listen(const QHostAddress &address, quint16 port);
    quint16 port() const;

private:
    void accept();
    void read(QTcpSocket *socket);

    const MetricsRegistry &m_registry;
    QTcpServer *m_server = nullptr;
};

} // namespace quire::server
