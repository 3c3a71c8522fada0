// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/httpworker.h"

#include "server/auth/accountstore.h"
#include "server/auth/tokens.h"
#include "server/http/apiratelimit.h"
#include "server/http/conditionalrequest.h"
#include "server/http/contentsecuritypolicy.h"
#include "server/http/frontdoor.h"
#include "server/http/httpendpoint.h"
#include "server/http/idletimeout.h"
#include "server/http/pathnormalizer.h"
#include "server/http/rawtargetlistener.h"
#include "server/http/replycache.h"
#include "server/http/requestlog.h"
#include "server/http/requestscope.h"
#include "server/http/responsesequencer.h"
#include "server/http/router.h"
#include "server/http/simplerequest.h"
#include "server/http/tlsstream.h"
#include "server/http/wireformat.h"
#include "server/servercontext.h"
#include "server/serverlogging.h"
#include "server/site/pagecache.h"
#include "server/site/siteroutes.h"
#include "server/sync/changefeed.h"
#include "server/sync/livehub.h"
#include "shared/database.h"
#include "shared/strictjson.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <atomic>
#include <memory>

namespace quire::server {

using shared::Error;
using shared::VoidResult;

namespace {

// How often live sockets are pinged at most; more often when the idle
// timeout is shorter.
constexpr int kLivePingMs = 30'000;

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("TRACE");
    default:
        return QStringLiteral("UNKNOWN");
    }
}

bool isJsonContentType(const QByteArray &value)
{
    const QByteArray mime = value.split(';').first().trimmed().toLower();
    return mime == "application/json";
}

} // namespace

HttpWorker::HttpWorker(const ServerContext &context, qintptr listenSocket, std::optional<QSslConfiguration> tls)
    : m_context(context)
    , m_listenSocket(listenSocket)
    , m_tls(std::move(tls))
    , m_replies(std::make_unique<ReplyCache>())
{ }

HttpWorker::~HttpWorker() = default;

VoidResult HttpWorker::start()
{
    auto db = shared::Database::openSqlite(m_context.config.databasePath());
    if (!db)
        return db.error();
    m_database = std::move(db.value());

    m_services = std::make_unique<WorkerServices>(m_context, *m_database, this);
    m_sequencer = new ResponseSequencer(this);
    m_endpoint = std::make_unique<HttpEndpoint>(
        [this](const QHttpServerRequest &request, QTcpSocket *socket) { dispatch(request, socket); },
        [this](const QHttpServerRequest &request) { return originAllowed(request.value("Origin")); });
    // Qt's server only adopts what the front door hands over; the front
    // door accepts, and for HTTPS ends TLS itself.
    auto *listener = new RawTargetListener<QTcpServer>(m_endpoint.get());
    if (!listener->setSocketDescriptor(m_listenSocket)) {
        return Error::make(QStringLiteral("listen_failed"),
                           QStringLiteral("cannot take over the listening socket: %1").arg(listener->errorString()));
    }
    // Never accept here: QTcpServer::nextPendingConnection() turns accepting
    // back on after each adopted connection, and a listener that may hold
    // no pending connection gives up before it accepts.
    listener->setMaxPendingConnections(0);
    listener->pauseAccepting();
    const int idleMs = m_context.config.idleTimeoutSeconds * 1000;
    listener->onConnection = [idleMs](QTcpSocket *socket) { IdleTimeout::watch(socket, idleMs); };
    TlsStream::Context tls;
    if (m_tls) {
        shared::Result<TlsStream::Context> context = TlsStream::context(*m_tls);
        if (!context)
            return context.error();
        tls = *context;
    }
    m_frontDoor = new FrontDoor(
        int(m_listenSocket), tls,
        [this](const SimpleRequest &request, const QByteArray &remote, FrontDoor::Reply &reply) {
            return answerSimple(request, remote, reply);
        },
        [listener](int fd, const QByteArray &remote) {
            listener->adopt(fd, remote.isEmpty() ? QHostAddress() : QHostAddress(QString::fromLatin1(remote)));
        },
        this);
    FrontDoor::Limits limits;
    limits.idleMs = idleMs;
    limits.request.headMs = m_context.config.requestHeadTimeoutSeconds * 1000;
    limits.request.minBodyRate = m_context.config.minBodyBytesPerSecond;
    limits.framing.maxBody = std::uint64_t(std::max(m_context.config.maxBodyBytes, m_context.config.mediaMaxBytes));
    limits.quota = m_context.connections;
    m_frontDoor->setLimits(limits);
    if (!m_frontDoor->start()) {
        return Error::make(
            QStringLiteral("listen_failed"),
            QStringLiteral("cannot watch connections (epoll): %1").arg(QString::fromLocal8Bit(strerror(errno))));
    }
    m_endpoint->bind(listener);
    m_live = new LiveHub(*m_services, m_endpoint.get(), this);
    // Pings well inside the idle timeout keep a quiet live socket open.
    m_live->setPingInterval(std::min(kLivePingMs, idleMs / 3));
    if (m_context.changes)
        connect(m_context.changes, &ChangeFeed::changed, m_live, &LiveHub::notifyAll);
    return VoidResult::success();
}

void HttpWorker::stopAccepting()
{
    if (m_frontDoor)
        m_frontDoor->stopAccepting();
    if (!m_endpoint)
        return;
    for (QTcpServer *server : m_endpoint->servers())
        server->close();
    if (m_live)
        m_live->closeAll();
}

bool HttpWorker::hasPendingOutput() const
{
    if (m_frontDoor && m_frontDoor->hasPendingOutput())
        return true;
    const QList<QTcpSocket *> sockets = m_endpoint->findChildren<QTcpSocket *>();
    for (const QTcpSocket *socket : sockets) {
        if (socket->state() != QAbstractSocket::ConnectedState)
            continue;
        if (socket->bytesToWrite() > 0)
            return true;
    }
    return false;
}

void HttpWorker::drainAndClose(int timeoutMs)
{
    if (m_endpoint) {
        QElapsedTimer timer;
        timer.start();
        // Let requests already on the wire be read, answered and flushed.
        // A quarter of a second at least: a request whose bytes were on the
        // wire when the signal came is read and answered too.
        constexpr int kMinDrainMs = 250;
        do {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        } while ((timer.elapsed() < kMinDrainMs || hasPendingOutput() || m_sequencer->outstanding() > 0)
                 && timer.elapsed() < timeoutMs);
        const QList<QTcpSocket *> sockets = m_endpoint->findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->disconnectFromHost();
        // Its sockets and timer belong to this thread.
        delete m_frontDoor;
        m_frontDoor = nullptr;
        // Its timer belongs to this thread, so it goes here, not in the destructor.
        delete m_live;
        m_live = nullptr;
        m_endpoint.reset();
    }
    m_services.reset();
    m_database.reset();
}

struct HttpWorker::Pending
{
    QPointer<QTcpSocket> socket;
    quint64 ticket = 0;
    HttpRequest request;
    QString rawPath;
    QElapsedTimer timer;
};

void HttpWorker::dispatch(const QHttpServerRequest &raw, QTcpSocket *socket)
{
    auto pending = std::make_shared<Pending>();
    pending->timer.start();
    pending->socket = socket;
    pending->ticket = m_sequencer->begin(socket);
    HttpRequest &request = pending->request;
    request.method = methodName(raw.method());
    request.requestId = QString::fromLatin1(WireFormat::newRequestId());
    request.remoteAddress = RawTarget::peer(socket, raw.remoteAddress());
    request.headers = raw.headers();
    request.secure = m_tls.has_value();
    request.query = raw.query();
    pending->rawPath = raw.url().path(QUrl::FullyEncoded);

    // The answer may come from another thread, and must come once.
    auto done = std::make_shared<std::atomic_bool>(false);
    Responder responder = [this, pending, done](HttpResponse response) {
        if (done->exchange(true)) {
            qCWarning(lcHttp) << "request" << pending->request.requestId << "answered twice";
            return;
        }
        QMetaObject::invokeMethod(this, [this, pending, response = std::move(response)]() mutable {
            // Runs from the event loop, where nothing would catch.
            RequestScope::guard({}, [&] { finish(*pending, std::move(response)); });
        });
    };
    // Whatever a handler throws, here or on a thread it hands work to,
    // becomes a logged 500 naming the request; the server keeps serving.
    const RequestScope::Failure failure
        = [responder, requestId = request.requestId](const char *what) { responder(failed(requestId, what)); };
    RequestScope::guard(failure, [&] {
        const Router::Route *route = nullptr;
        std::optional<HttpResponse> early = preflight(request);
        if (!early)
            early = intake(request, raw, RawTarget::take(socket, raw.url().path(QUrl::FullyEncoded).toUtf8()), route);
        if (!early)
            early = checkGuard(request, route->guard);
        if (early)
            responder(std::move(*early));
        else if (!route->asyncHandler)
            responder(route->handler(request, *m_services));
        else
            route->asyncHandler(request, *m_services, responder);
    });
}

HttpResponse HttpWorker::runHandler(const Router::Route &route, HttpRequest &request)
{
    HttpResponse response;
    RequestScope::guard([&response, &request](const char *what) { response = failed(request.requestId, what); },
                        [&] { response = route.handler(request, *m_services); });
    return response;
}

HttpResponse HttpWorker::failed(const QString &requestId, const char *what)
{
    qCCritical(lcHttp) << "request" << requestId << "failed:" << what;
    return HttpResponse::error(500, QStringLiteral("internal_error"),
                               QStringLiteral("The server failed to answer (request %1).").arg(requestId));
}

bool HttpWorker::answerSimple(const SimpleRequest &simple, const QByteArray &remote, FrontDoor::Reply &reply)
{
    QElapsedTimer timer;
    timer.start();
    PageCache *pages = m_context.pages;
    const quint64 generation = pages ? pages->generation() : 0;
    const bool gzip = ConditionalRequest::acceptsGzip(simple.acceptEncoding);
    const QByteArray key = ReplyCache::key(simple.target, gzip, simple.ifNoneMatch, simple.ifModifiedSince);
    const QByteArray method = simple.head ? QByteArrayLiteral("HEAD") : QByteArrayLiteral("GET");
    const QByteArray requestId = WireFormat::newRequestId();
    int status = 0;
    if (const ReplyCache::Reply *hit = pages ? m_replies->find(key, generation) : nullptr) {
        reply.head = hit->head;
        reply.body = simple.head ? QByteArray() : hit->body;
        status = hit->status;
    } else {
        HttpRequest request;
        request.method = QString::fromLatin1(method);
        request.path = QString::fromLatin1(simple.target.data(), qsizetype(simple.target.size()));
        for (const auto &[name, value] : simple.headers)
            request.headers.append(
                { QByteArray(name.data(), qsizetype(name.size())), QByteArray(value.data(), qsizetype(value.size())) });
        request.requestId = QString::fromLatin1(requestId);
        request.remoteAddress = QHostAddress(QString::fromLatin1(remote));
        request.secure = m_tls.has_value();
        HttpResponse response;
        bool cached = false;
        bool forQt = false;
        // This runs in the front door's event handler: nothing may leave it.
        RequestScope::guard(
            [&](const char *what) {
                cached = false;
                response = failed(request.requestId, what);
            },
            [&] {
                cached = SiteRoutes::fromCache(request, *m_services, response);
                if (cached)
                    return;
                // Not a cached page: the route answers, when it answers at
                // once and takes no body; anything else is Qt's.
                const Router::Route *route = nullptr;
                std::optional<HttpResponse> early = resolve(request, route);
                forQt = !early && (route->asyncHandler || route->body == Router::BodyKind::Json);
                if (forQt)
                    return;
                if (!early)
                    early = checkGuard(request, route->guard);
                response = early ? std::move(*early) : runHandler(*route, request);
            });
        if (forQt)
            return false;
        addCommonHeaders(response, request);
        reply.head = WireFormat::head(response);
        reply.body = simple.head ? QByteArray() : response.body;
        status = response.status;
        if (cached)
            m_replies->insert(key, generation, { reply.head, response.body, status });
    }
    reply.tail = WireFormat::tail(requestId);
    RequestLog::write({ requestId, method, QByteArray(simple.target.data(), qsizetype(simple.target.size())), status,
                        double(timer.nsecsElapsed()) / 1e6, remote });
    return true;
}

void HttpWorker::finish(const Pending &pending, HttpResponse response)
{
    if (!pending.socket)
        return; // the client hung up while we worked
    addCommonHeaders(response, pending.request);
    // HTTP/1.1: the client's `Connection: close` ends the connection after
    // this answer (Qt's server would keep it open).
    bool close = false;
    for (const QByteArray &option : pending.request.header("Connection").split(','))
        close = close || option.trimmed().compare("close", Qt::CaseInsensitive) == 0;
    if (close)
        response.headers.append({ QByteArrayLiteral("Connection"), QByteArrayLiteral("close") });
    // One buffer, one write: QHttpServerResponder would make four socket
    // writes per header line, and adds nothing else (keep-alive and
    // pipelining are handled by the endpoint around us).
    const bool withBody = pending.request.method != QLatin1String("HEAD");
    const QByteArray requestId = pending.request.requestId.toLatin1();
    QByteArray wire = WireFormat::head(response);
    wire.append(WireFormat::tail(requestId));
    if (withBody)
        wire.append(response.body);
    m_sequencer->finish(pending.socket.data(), pending.ticket, wire, close);

    const HttpRequest &request = pending.request;
    RequestLog::write({ requestId, request.method.toLatin1(),
                        (request.path.isEmpty() ? pending.rawPath : request.path).toUtf8(), response.status,
                        double(pending.timer.nsecsElapsed()) / 1e6, request.remoteAddress.toString().toLatin1() });
}

bool HttpWorker::originAllowed(const QByteArray &origin) const
{
    // No Origin: not a browser, nothing for CORS to protect.
    return origin.isEmpty() || m_context.config.corsOrigins.contains(QString::fromUtf8(origin));
}

std::optional<HttpResponse> HttpWorker::preflight(const HttpRequest &request) const
{
    // A WebSocket upgrade that reaches the dispatcher was not taken: a
    // browser page from an origin off the allow-list may not listen in.
    if (!request.header("Upgrade").isEmpty() && !originAllowed(request.header("Origin")))
        return HttpResponse::error(403, QStringLiteral("cors_refused"),
                                   QStringLiteral("This origin may not open a live connection."));
    if (request.method != QLatin1String("OPTIONS") || request.header("Access-Control-Request-Method").isEmpty())
        return std::nullopt;
    const QString origin = QString::fromUtf8(request.header("Origin"));
    if (!m_context.config.corsOrigins.contains(origin))
        return HttpResponse::error(403, QStringLiteral("cors_refused"),
                                   QStringLiteral("This origin may not call the API."));
    HttpResponse r;
    r.status = 204;
    // Whatever the routes answer to, so a new method cannot be forgotten here.
    r.headers.append({ QByteArrayLiteral("Access-Control-Allow-Methods"),
                       m_context.router->methods().join(QLatin1String(", ")).toLatin1() });
    r.headers.append({ QByteArrayLiteral("Access-Control-Allow-Headers"),
                       QByteArrayLiteral("Authorization, Content-Type, If-Match") });
    r.headers.append({ QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600") });
    return r;
}

std::optional<HttpResponse> HttpWorker::intake(HttpRequest &request, const QHttpServerRequest &raw,
                                               const QByteArray &rawPath, const Router::Route *&route)
{
    const std::optional<QString> path = PathNormalizer::normalize(rawPath);
    if (!path)
        return HttpResponse::error(400, QStringLiteral("invalid_path"),
                                   QStringLiteral("The request path is not valid."));
    request.path = *path;

    // Image uploads have their own limit, which may be above the general one.
    const bool upload = request.method == QLatin1String("POST") && request.path == QLatin1String("/api/v1/media");
    const qint64 limit = upload ? std::max(m_context.config.maxBodyBytes, m_context.config.mediaMaxBytes)
                                : m_context.config.maxBodyBytes;
    bool lengthOk = true;
    const qint64 declared = raw.value("Content-Length").toLongLong(&lengthOk);
    if (raw.body().size() > limit || (lengthOk && declared > limit)) {
        return HttpResponse::error(413, QStringLiteral("payload_too_large"),
                                   QStringLiteral("The request body is larger than %1 bytes.").arg(limit));
    }

    if (std::optional<HttpResponse> early = resolve(request, route))
        return early;
    request.body = raw.body();

    if (route->body == Router::BodyKind::Json) {
        if (!isJsonContentType(raw.value("Content-Type"))) {
            return HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                       QStringLiteral("Send the body as application/json."));
        }
        shared::Result<nlohmann::json> json = shared::StrictJson::parse(request.body);
        if (!json)
            return HttpResponse::error(400, json.error());
        request.json = std::move(json.value());
    }
    return std::nullopt;
}

std::optional<HttpResponse> HttpWorker::resolve(HttpRequest &request, const Router::Route *&route) const
{
    const Router::Match match = m_context.router->match(request.method, request.path);
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            HttpResponse r
                = HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                      QStringLiteral("%1 is not allowed here; use %2.")
                                          .arg(request.method, match.allowedMethods.join(QLatin1String(", "))));
            r.headers.append({ QByteArrayLiteral("Allow"), match.allowedMethods.join(QLatin1String(", ")).toLatin1() });
            return r;
        }
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("There is nothing at %1.").arg(request.path));
    }
    route = match.route;
    request.params = match.params;
    return std::nullopt;
}

std::optional<HttpResponse> HttpWorker::checkGuard(HttpRequest &request, const Guard &guard)
{
    ApiRateLimit *limits = ApiRateLimit::applies(request.path) ? m_context.apiLimits : nullptr;
    // The address first, before the token costs a database lookup.
    if (limits) {
        if (std::optional<HttpResponse> limited = limits->admitAddress(request.remoteAddress))
            return limited;
    }
    std::optional<HttpResponse> refused
        = guard.browser ? checkBrowserGuard(request, guard) : checkBearerGuard(request, guard);
    if (!refused && limits && request.principal)
        return limits->admitUser(request.principal->userId);
    return refused;
}

std::optional<HttpResponse> HttpWorker::checkBearerGuard(HttpRequest &request, const Guard &guard)
{
    // Only a bearer token authenticates the API; cookies never do here.
    const QByteArray authorization = request.header("Authorization");
    if (authorization.startsWith("Bearer ")) {
        const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
        shared::Result<std::optional<Principal>> principal = m_services->accounts().authenticate(token);
        if (!principal) {
            if (principal.error().code == QLatin1String("account_disabled"))
                return HttpResponse::error(401, principal.error());
            return HttpResponse::error(503, QStringLiteral("unavailable"),
                                       QStringLiteral("The server cannot check sign-ins right now."));
        }
        request.principal = *principal;
    }
    if (!guard.signedIn)
        return std::nullopt;
    if (!request.principal) {
        HttpResponse r
            = HttpResponse::error(401, QStringLiteral("unauthenticated"),
                                  QStringLiteral("Sign in first; the access token is missing, expired or revoked."));
        r.headers.append({ QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer") });
        return r;
    }
    if (guard.permission && !shared::hasPermission(request.principal->role, *guard.permission)) {
        return HttpResponse::error(
            403, QStringLiteral("forbidden"),
            QStringLiteral("Your role may not do this (%1).").arg(shared::permissionName(*guard.permission)));
    }
    return std::nullopt;
}

std::optional<HttpResponse> HttpWorker::checkBrowserGuard(HttpRequest &request, const Guard &guard)
{
    const QByteArray cookie = request.cookie(kSessionCookie);
    if (!cookie.isEmpty()) {
        shared::Result<std::optional<std::pair<Principal, QString>>> web
            = m_services->accounts().authenticateWeb(QString::fromLatin1(cookie));
        if (!web)
            return HttpResponse::error(503, QStringLiteral("unavailable"),
                                       QStringLiteral("The server cannot check sign-ins right now."));
        if (*web) {
            request.principal = (*web)->first;
            request.csrfToken = (*web)->second;
        }
    }
    if (!request.principal)
        return HttpResponse::error(401, QStringLiteral("unauthenticated"), QStringLiteral("Sign in first."));
    const bool safe = request.method == QLatin1String("GET") || request.method == QLatin1String("HEAD");
    if (!safe) {
        // Synchronizer token: a header from scripts, or the form field.
        QByteArray sent = request.header("X-CSRF-Token");
        if (sent.isEmpty())
            sent = QUrlQuery(QString::fromUtf8(request.body))
                       .queryItemValue(QStringLiteral("csrf_token"), QUrl::FullyDecoded)
                       .toUtf8();
        if (sent.isEmpty() || !Tokens::equal(sent, request.csrfToken.toUtf8()))
            return HttpResponse::error(
                403, QStringLiteral("csrf_failed"),
                QStringLiteral(
                    "The form is out of date or did not come from this site; reload the page and try again."));
    }
    if (guard.permission && !shared::hasPermission(request.principal->role, *guard.permission))
        return HttpResponse::error(
            403, QStringLiteral("forbidden"),
            QStringLiteral("Your role may not do this (%1).").arg(shared::permissionName(*guard.permission)));
    return std::nullopt;
}

void HttpWorker::addCommonHeaders(HttpResponse &response, const HttpRequest &request) const
{
    auto &h = response.headers;
    auto hasHeader = [&h](const QByteArray &name) {
        return std::any_of(h.cbegin(), h.cend(),
                           [&name](const auto &p) { return p.first.compare(name, Qt::CaseInsensitive) == 0; });
    };
    if (!response.contentType.isEmpty())
        h.append({ QByteArrayLiteral("Content-Type"), response.contentType });
    h.append({ QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()) });
    h.append(WireFormat::policyHeaders(request.secure));
    if (!hasHeader("Content-Security-Policy"))
        h.append({ QByteArrayLiteral("Content-Security-Policy"),
                   ContentSecurityPolicy::forContentType(response.contentType) });
    if (!hasHeader("Cache-Control"))
        h.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") });
    // CORS: only origins on the allow-list get an Allow-Origin, and never with credentials.
    const QByteArray origin = request.header("Origin");
    if (!origin.isEmpty() && m_context.config.corsOrigins.contains(QString::fromUtf8(origin))) {
        h.append({ QByteArrayLiteral("Access-Control-Allow-Origin"), origin });
        h.append({ QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin") });
    }
}

} // namespace quire::server
