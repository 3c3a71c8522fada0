// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/httpendpoint.h"

namespace quire::server {

HttpEndpoint::HttpEndpoint(Dispatcher dispatcher, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_dispatcher(std::move(dispatcher))
{}

bool HttpEndpoint::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_dispatcher(request, socket);
    return true;
}

void HttpEndpoint::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything; this is only reached if Qt changes that.
    m_dispatcher(request, socket);
}

} // namespace quire::server
