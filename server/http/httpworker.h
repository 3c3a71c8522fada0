// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/frontdoor.h"
#include "server/http/httpmessage.h"
#include "server/http/router.h"
#include "shared/result.h"

#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <optional>

class QHttpServerRequest;
class QTcpSocket;

namespace quire::shared {
class Database;
}

namespace quire::server {

class HttpEndpoint;
class LiveHub;
class ReplyCache;
class ResponseSequencer;
class WorkerServices;
struct ServerContext;

// One serving thread: its own listening socket (SO_REUSEPORT), its own
// HTTP endpoint and its own database connection, so workers never contend
// for a lock on the request path. Turns raw requests into HttpRequests
// (path normalised, size and content type checked, JSON parsed), routes
// them, adds the common headers and writes one log line each.
class HttpWorker final : public QObject
{
    Q_OBJECT
public:
    HttpWorker(const ServerContext &context, qintptr listenSocket, std::optional<QSslConfiguration> tls);
    ~HttpWorker() override;

    // These run in the worker's thread (the Server invokes them there).
    shared::VoidResult start();
    void stopAccepting();
    // Waits up to `timeoutMs` for responses still being written, then closes
    // every connection and the database.
    void drainAndClose(int timeoutMs);

private:
    struct Pending; // what finishing a request needs to know about it

    void dispatch(const QHttpServerRequest &request, QTcpSocket *socket);
    HttpResponse runHandler(const Router::Route &route, HttpRequest &request);
    // The 500 for a request that threw `what` (logged with its id).
    static HttpResponse failed(const QString &requestId, const char *what);
    // The front door's handler: answers a simple request (a cached page
    // from assembled bytes, or a route that answers at once), or returns
    // false to leave it to Qt.
    bool answerSimple(const SimpleRequest &request, const QByteArray &remote, FrontDoor::Reply &reply);
    // Fills `request` from the raw one; an answer when it must stop here.
    std::optional<HttpResponse> intake(HttpRequest &request, const QHttpServerRequest &raw, const QByteArray &rawPath,
                                       const Router::Route *&route);
    // The route for the request's method and path, or the 404/405 answer.
    std::optional<HttpResponse> resolve(HttpRequest &request, const Router::Route *&route) const;
    // Whether a browser page from `origin` may use the API (the allow-list).
    bool originAllowed(const QByteArray &origin) const;
    std::optional<HttpResponse> preflight(const HttpRequest &request) const;
    // The middleware before every handler: the API's rate limits around
    // the route's guard.
    std::optional<HttpResponse> checkGuard(HttpRequest &request, const Guard &guard);
    std::optional<HttpResponse> checkBearerGuard(HttpRequest &request, const Guard &guard);
    std::optional<HttpResponse> checkBrowserGuard(HttpRequest &request, const Guard &guard);
    void finish(const Pending &pending, HttpResponse response);
    void addCommonHeaders(HttpResponse &response, const HttpRequest &request) const;
    bool hasPendingOutput() const;

    const ServerContext &m_context;
    qintptr m_listenSocket;
    std::optional<QSslConfiguration> m_tls;
    std::unique_ptr<shared::Database> m_database;
    std::unique_ptr<WorkerServices> m_services;
    std::unique_ptr<HttpEndpoint> m_endpoint;
    std::unique_ptr<ReplyCache> m_replies;
    FrontDoor *m_frontDoor = nullptr;
    ResponseSequencer *m_sequencer = nullptr;
    LiveHub *m_live = nullptr;
};

} // namespace quire::server
