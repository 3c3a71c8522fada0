// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/httpendpoint.h"

#include <QHttpServerRequest>

namespace quire::server {

HttpEndpoint::HttpEndpoint(Dispatcher dispatcher, UpgradeCheck upgradeAllowed, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_dispatcher(std::move(dispatcher))
    , m_upgradeAllowed(std::move(upgradeAllowed))
{ }

bool HttpEndpoint::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Qt 6.4 asks us before it hands a WebSocket upgrade to its WebSocket
    // server; saying yes without answering lets the upgrade go through.
    // The upgrade handler then checks the path and the credentials.
    if (request.value(QByteArrayLiteral("upgrade")).compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) == 0
        && m_upgradeAllowed(request))
        return true;
    m_dispatcher(request, socket);
    return true;
}

void HttpEndpoint::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything; this is only reached if Qt changes that.
    m_dispatcher(request, socket);
}

} // namespace quire::server
