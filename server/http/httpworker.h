// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/frontdoor.h"
#include "server/http/httpmessage.h"
#include "server/http/router.h"
#include "server/http/workerapplication.h"
#include "shared/result.h"

#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <optional>

class QHttpServerRequest;
class QTcpSocket;

namespace quire::server {

class CachedAnswers;
class ConnectionQuota;
class HttpEndpoint;
class ReplyCache;
class ResponseSequencer;

// One serving thread: its own listening socket (SO_REUSEPORT), its own
// HTTP endpoint and its own WorkerApplication (the application's database
// connection, middleware and upgrades), so workers never contend for a lock
// on the request path. Turns raw requests into HttpRequests (path
// normalised, size and content type checked, JSON parsed), runs the
// middleware and routes them, adds the common headers and writes one log
// line each. It knows no feature: what a request may do is the middleware's.
class HttpWorker final : public QObject
{
    Q_OBJECT
public:
    // What every worker shares, fixed before the first one starts.
    struct Settings
    {
        const Router *router = nullptr;
        int idleMs = 0; // connections that move no bytes this long are closed
        RequestDeadline::Limits request; // how long a head may take, how slowly a body may come
        qint64 maxBody = 0; // any request's body
        qint64 maxUpload = 0; // the body of a BodyKind::Upload route, when above maxBody
        ConnectionQuota *quota = nullptr; // open connections per address; none: no cap
        const CachedAnswers *cache = nullptr; // answers simple requests before routing; none: all routed
    };

    HttpWorker(const Settings &settings, WorkerApplication::Factory application, qintptr listenSocket,
               std::optional<QSslConfiguration> tls);
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
    // from assembled bytes, or a route that answers at once, through the
    // middleware; a signed-in API GET is one), or returns false to leave it
    // to Qt.
    bool answerSimple(const SimpleRequest &request, const QByteArray &remote, FrontDoor::Reply &reply);
    // Fills `request` from the raw one; an answer when it must stop here.
    std::optional<HttpResponse> intake(HttpRequest &request, const QHttpServerRequest &raw, const QByteArray &rawPath,
                                       const Router::Route *&route);
    // The route `match` found for the request, or the 404/405 answer.
    static std::optional<HttpResponse> resolve(HttpRequest &request, const Router::Match &match,
                                               const Router::Route *&route);
    // Whether a WebSocket upgrade goes through: taken and allowed.
    bool upgradeAllowed(const QHttpServerRequest &raw) const;
    // The middleware chain's steps (see Middleware); the first answer wins.
    std::optional<HttpResponse> arrive(const HttpRequest &request);
    std::optional<HttpResponse> before(HttpRequest &request, const Router::Route &route);
    void finish(const Pending &pending, HttpResponse response);
    void addCommonHeaders(HttpResponse &response, const HttpRequest &request) const;
    bool hasPendingOutput() const;
    // Request bytes handed to Qt's side and not read yet: a request that was
    // on the wire when the signal came, still to be answered.
    bool hasPendingInput() const;

    const Settings m_settings;
    WorkerApplication::Factory m_factory;
    qintptr m_listenSocket;
    std::optional<QSslConfiguration> m_tls;
    std::unique_ptr<HttpEndpoint> m_endpoint;
    std::unique_ptr<WorkerApplication> m_app;
    std::unique_ptr<ReplyCache> m_replies;
    FrontDoor *m_frontDoor = nullptr;
    ResponseSequencer *m_sequencer = nullptr;
};

} // namespace quire::server
