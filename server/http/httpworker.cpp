// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/httpworker.h"

#include "server/http/cachedanswers.h"
#include "server/http/conditionalrequest.h"
#include "server/http/contentsecuritypolicy.h"
#include "server/http/frontdoor.h"
#include "server/http/httpendpoint.h"
#include "server/http/httplogging.h"
#include "server/http/httpmetrics.h"
#include "server/http/idletimeout.h"
#include "server/http/middleware.h"
#include "server/http/pathnormalizer.h"
#include "server/http/rawtargetlistener.h"
#include "server/http/replycache.h"
#include "server/http/requestlog.h"
#include "server/http/requestscope.h"
#include "server/http/responsesequencer.h"
#include "server/http/router.h"
#include "server/http/simplerequest.h"
#include "server/http/socketio.h"
#include "server/http/tlsstream.h"
#include "server/http/upgradehandler.h"
#include "server/http/wireformat.h"
#include "shared/strictjson.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <memory>

namespace quire::server {

using shared::Error;
using shared::VoidResult;

namespace {

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

HttpWorker::HttpWorker(const Settings &settings, WorkerApplication::Factory application, qintptr listenSocket,
                       std::optional<QSslConfiguration> tls)
    : m_settings(settings)
    , m_factory(std::move(application))
    , m_listenSocket(listenSocket)
    , m_tls(std::move(tls))
    , m_replies(std::make_unique<ReplyCache>())
{ }

HttpWorker::~HttpWorker() = default;

VoidResult HttpWorker::start()
{
    m_sequencer = new ResponseSequencer(this);
    m_endpoint = std::make_unique<HttpEndpoint>(
        [this](const QHttpServerRequest &request, QTcpSocket *socket) { dispatch(request, socket); },
        [this](const QHttpServerRequest &request) { return upgradeAllowed(request); });
    const int idleMs = m_settings.idleMs;
    shared::Result<std::unique_ptr<WorkerApplication>> app = m_factory({ this, m_endpoint.get(), idleMs });
    if (!app)
        return app.error();
    m_app = std::move(app.value());
    // Qt's server only adopts what the front door hands over; the front
    // door accepts, and for HTTPS ends TLS itself.
    auto *listener = new RawTargetListener<QTcpServer>(m_endpoint.get());
    if (!listener->setSocketDescriptor(m_listenSocket)) {
        return Error::make(shared::ErrorCode::ListenFailed,
                           QStringLiteral("cannot take over the listening socket: %1").arg(listener->errorString()));
    }
    // Never accept here: QTcpServer::nextPendingConnection() turns accepting
    // back on after each adopted connection, and a listener that may hold
    // no pending connection gives up before it accepts.
    listener->setMaxPendingConnections(0);
    listener->pauseAccepting();
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
    limits.request = m_settings.request;
    limits.framing.maxBody = std::uint64_t(std::max(m_settings.maxBody, m_settings.maxUpload));
    limits.quota = m_settings.quota;
    m_frontDoor->setLimits(limits);
    if (!m_frontDoor->start()) {
        return Error::make(
            shared::ErrorCode::ListenFailed,
            QStringLiteral("cannot watch connections (epoll): %1").arg(QString::fromLocal8Bit(strerror(errno))));
    }
    m_endpoint->bind(listener);
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
    if (UpgradeHandler *upgrades = m_app ? m_app->upgrades() : nullptr)
        upgrades->closeAll();
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

bool HttpWorker::hasPendingInput() const
{
    if (m_frontDoor && m_frontDoor->hasPendingInput())
        return true;
    const QList<QTcpSocket *> sockets = m_endpoint->findChildren<QTcpSocket *>();
    return std::any_of(sockets.begin(), sockets.end(), [](const QTcpSocket *socket) {
        if (socket->state() != QAbstractSocket::ConnectedState)
            return false;
        return socket->bytesAvailable() > 0 || SocketIo::hasUnread(int(socket->socketDescriptor()));
    });
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
        // Waiting for events, not polling for them (processEvents with a
        // time returns at once when there are none: the drain spun a core
        // per worker); the tick wakes the wait so the deadlines are seen.
        QTimer tick;
        tick.start(20);
        do {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        } while (
            (timer.elapsed() < kMinDrainMs || hasPendingInput() || hasPendingOutput() || m_sequencer->outstanding() > 0)
            && timer.elapsed() < timeoutMs);
        const QList<QTcpSocket *> sockets = m_endpoint->findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->disconnectFromHost();
        // Its sockets and timer belong to this thread.
        delete m_frontDoor;
        m_frontDoor = nullptr;
        // Its timers and database connection belong to this thread, so it
        // goes here, not in the destructor; before the endpoint it listens to.
        m_app.reset();
        m_endpoint.reset();
    }
    m_app.reset();
}

struct HttpWorker::Pending
{
    QPointer<QTcpSocket> socket;
    quint64 ticket = 0;
    HttpRequest request;
    QString rawPath;
    QByteArray route = HttpMetrics::kUnmatched; // the pattern, once one matched
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
        std::optional<HttpResponse> early = arrive(request);
        if (!early)
            early = intake(request, raw, RawTarget::take(socket, raw.url().path(QUrl::FullyEncoded).toUtf8()), route);
        if (route)
            pending->route = route->pattern;
        if (!early)
            early = before(request, *route);
        if (early)
            responder(std::move(*early));
        else if (!route->asyncHandler)
            responder(route->handler(request, m_app->services()));
        else
            route->asyncHandler(request, m_app->services(), responder);
    });
}

HttpResponse HttpWorker::runHandler(const Router::Route &route, HttpRequest &request)
{
    HttpResponse response;
    RequestScope::guard([&response, &request](const char *what) { response = failed(request.requestId, what); },
                        [&] { response = route.handler(request, m_app->services()); });
    return response;
}

HttpResponse HttpWorker::failed(const QString &requestId, const char *what)
{
    qCCritical(lcHttp) << "request" << requestId << "failed:" << what;
    HttpMetrics::recordHandlerFailure();
    return HttpResponse::error(shared::ErrorCode::InternalError,
                               QStringLiteral("The server failed to answer (request %1).").arg(requestId));
}

bool HttpWorker::answerSimple(const SimpleRequest &simple, const QByteArray &remote, FrontDoor::Reply &reply)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 cpuStart = RequestLog::threadCpuNs();
    // A personal request (a query, a bearer token) is never the shared
    // page: it goes through the middleware like any routed request.
    const bool personal = simple.personal();
    const CachedAnswers *cache = personal ? nullptr : m_settings.cache;
    const quint64 generation = cache ? cache->generation() : 0;
    const bool gzip = ConditionalRequest::acceptsGzip(simple.acceptEncoding);
    const QByteArray key
        = cache ? ReplyCache::key(simple.target, gzip, simple.ifNoneMatch, simple.ifModifiedSince) : QByteArray();
    const QByteArray method = simple.head ? QByteArrayLiteral("HEAD") : QByteArrayLiteral("GET");
    const QByteArray requestId = WireFormat::newRequestId();
    int status = 0;
    QByteArray routeLabel = HttpMetrics::kUnmatched;
    if (const ReplyCache::Reply *hit = cache ? m_replies->find(key, generation) : nullptr) {
        routeLabel = HttpMetrics::kPageCache;
        reply.head = hit->head;
        reply.body = simple.head ? QByteArray() : hit->body;
        status = hit->status;
    } else {
        HttpRequest request;
        request.method = QString::fromLatin1(method);
        const QString path = QString::fromLatin1(simple.target.data(), qsizetype(simple.target.size()));
        if (!simple.query.empty()) {
            // As Qt's parser makes it (QHttpServerRequest::query()).
            QUrl url;
            url.setQuery(QString::fromUtf8(simple.query.data(), qsizetype(simple.query.size())));
            request.query = QUrlQuery(url.query());
        }
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
                if (cache) {
                    request.path = path;
                    cached = cache->answer(request, response);
                    if (cached) {
                        routeLabel = HttpMetrics::kPageCache;
                        return;
                    }
                    request.path.clear();
                }
                // Not a cached page: the route answers, when it answers at
                // once and takes no body; anything else is Qt's.
                const Router::Match match = m_settings.router->match(request.method, path);
                forQt = match.route && (match.route->asyncHandler || match.route->body != Router::BodyKind::None);
                if (forQt)
                    return;
                // Only personal requests carry what `arrive` looks at.
                std::optional<HttpResponse> early = personal ? arrive(request) : std::nullopt;
                request.path = path;
                const Router::Route *route = nullptr;
                if (!early)
                    early = resolve(request, match, route);
                if (route)
                    routeLabel = route->pattern;
                if (!early)
                    early = before(request, *route);
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
    const qint64 elapsed = timer.nsecsElapsed();
    RequestLog::write({ requestId, method, QByteArray(simple.target.data(), qsizetype(simple.target.size())), status,
                        double(elapsed) / 1e6, remote, double(RequestLog::threadCpuNs() - cpuStart) / 1e6 });
    HttpMetrics::recordRequest(routeLabel, method, status, double(elapsed) / 1e9);
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
    const qint64 elapsed = pending.timer.nsecsElapsed();
    RequestLog::write({ requestId, request.method.toLatin1(),
                        (request.path.isEmpty() ? pending.rawPath : request.path).toUtf8(), response.status,
                        double(elapsed) / 1e6, request.remoteAddress.toString().toLatin1() });
    HttpMetrics::recordRequest(pending.route, request.method.toLatin1(), response.status, double(elapsed) / 1e9);
}

bool HttpWorker::upgradeAllowed(const QHttpServerRequest &raw) const
{
    UpgradeHandler *upgrades = m_app ? m_app->upgrades() : nullptr;
    if (!upgrades || !upgrades->takesUpgrade(raw.url().path()))
        return false;
    HttpRequest request;
    request.method = methodName(raw.method());
    request.path = raw.url().path();
    request.headers = raw.headers();
    request.remoteAddress = raw.remoteAddress();
    request.secure = m_tls.has_value();
    const std::vector<Middleware *> &chain = m_app->middleware();
    return std::all_of(chain.cbegin(), chain.cend(),
                       [&request](const Middleware *m) { return m->allowsUpgrade(request); });
}

std::optional<HttpResponse> HttpWorker::arrive(const HttpRequest &request)
{
    for (Middleware *middleware : m_app->middleware()) {
        if (std::optional<HttpResponse> answer = middleware->arrive(request))
            return answer;
    }
    return std::nullopt;
}

std::optional<HttpResponse> HttpWorker::before(HttpRequest &request, const Router::Route &route)
{
    for (Middleware *middleware : m_app->middleware()) {
        if (std::optional<HttpResponse> answer = middleware->before(request, route))
            return answer;
    }
    return std::nullopt;
}

std::optional<HttpResponse> HttpWorker::intake(HttpRequest &request, const QHttpServerRequest &raw,
                                               const QByteArray &rawPath, const Router::Route *&route)
{
    const std::optional<QString> path = PathNormalizer::normalize(rawPath);
    if (!path)
        return HttpResponse::error(shared::ErrorCode::InvalidPath, QStringLiteral("The request path is not valid."));
    request.path = *path;

    // Uploads have their own limit, which may be above the general one. The
    // size is refused before a missing route: the body is the bigger waste.
    const Router::Match match = m_settings.router->match(request.method, request.path);
    const bool upload = match.route && match.route->body == Router::BodyKind::Upload;
    const qint64 limit = upload ? std::max(m_settings.maxBody, m_settings.maxUpload) : m_settings.maxBody;
    bool lengthOk = true;
    const qint64 declared = raw.value("Content-Length").toLongLong(&lengthOk);
    if (raw.body().size() > limit || (lengthOk && declared > limit)) {
        return HttpResponse::error(shared::ErrorCode::PayloadTooLarge,
                                   QStringLiteral("The request body is larger than %1 bytes.").arg(limit));
    }

    if (std::optional<HttpResponse> early = resolve(request, match, route))
        return early;
    request.body = raw.body();

    if (route->body == Router::BodyKind::Json) {
        if (!isJsonContentType(raw.value("Content-Type"))) {
            return HttpResponse::error(shared::ErrorCode::UnsupportedMediaType,
                                       QStringLiteral("Send the body as application/json."));
        }
        shared::Result<nlohmann::json> json = shared::StrictJson::parse(request.body);
        if (!json)
            return HttpResponse::error(400, json.error());
        request.json = std::move(json.value());
    }
    return std::nullopt;
}

std::optional<HttpResponse> HttpWorker::resolve(HttpRequest &request, const Router::Match &match,
                                                const Router::Route *&route)
{
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            HttpResponse r
                = HttpResponse::error(shared::ErrorCode::MethodNotAllowed,
                                      QStringLiteral("%1 is not allowed here; use %2.")
                                          .arg(request.method, match.allowedMethods.join(QLatin1String(", "))));
            r.headers.append({ QByteArrayLiteral("Allow"), match.allowedMethods.join(QLatin1String(", ")).toLatin1() });
            return r;
        }
        return HttpResponse::nothingAt(request.path);
    }
    route = match.route;
    request.params = match.params;
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
    // The application's headers (CORS) last, as the middleware contract
    // says. This runs where nothing may leave (the front door's handler, the
    // event loop): a step that throws is logged, and the answer goes out.
    if (m_app) {
        RequestScope::guard({}, [&] {
            for (const Middleware *middleware : m_app->middleware())
                middleware->after(request, response);
        });
    }
}

} // namespace quire::server
