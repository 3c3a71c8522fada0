// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractHttpServer>

#include <functional>

namespace quire::server {

// The one path on which WebSocket upgrades are taken (sync's live notices).
inline constexpr char kLivePath[] = "/api/v1/sync/live";

// The thinnest QAbstractHttpServer: every parsed request goes to one
// dispatcher, which does its own routing. Qt's router would answer unknown
// paths and wrong methods outside our error envelope, log and headers.
class HttpEndpoint final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Dispatcher = std::function<void(const QHttpServerRequest &, QTcpSocket *)>;

    explicit HttpEndpoint(Dispatcher dispatcher, QObject *parent = nullptr);

    using QAbstractHttpServer::makeResponder;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Dispatcher m_dispatcher;
};

} // namespace quire::server
