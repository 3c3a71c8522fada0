// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractHttpServer>

#include <functional>

namespace quire::server {

// The thinnest QAbstractHttpServer: every parsed request goes to one
// dispatcher, which does its own routing. Qt's router would answer unknown
// paths and wrong methods outside our error envelope, log and headers.
class HttpEndpoint final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Dispatcher = std::function<void(const QHttpServerRequest &, QTcpSocket *)>;
    // Whether a WebSocket upgrade may go through (an upgrade handler takes
    // its path and its Origin is allowed); one that may not goes to the
    // dispatcher, which refuses it.
    using UpgradeCheck = std::function<bool(const QHttpServerRequest &)>;

    HttpEndpoint(Dispatcher dispatcher, UpgradeCheck upgradeAllowed, QObject *parent = nullptr);

    using QAbstractHttpServer::makeResponder;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Dispatcher m_dispatcher;
    UpgradeCheck m_upgradeAllowed;
};

} // namespace quire::server
