// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/httpworker.h"

#include "server/http/httpendpoint.h"
#include "server/http/pathnormalizer.h"
#include "server/http/requestlog.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "server/serverlogging.h"
#include "shared/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QRandomGenerator>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace quire::server {

using shared::Error;
using shared::VoidResult;

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect: return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace: return QStringLiteral("TRACE");
    default: return QStringLiteral("UNKNOWN");
    }
}

QString newRequestId()
{
    const quint64 n = QRandomGenerator::global()->generate64();
    return QString::number(n, 16).rightJustified(16, QLatin1Char('0'));
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return QByteArrayLiteral("OK");
    case 201: return QByteArrayLiteral("Created");
    case 202: return QByteArrayLiteral("Accepted");
    case 204: return QByteArrayLiteral("No Content");
    case 301: return QByteArrayLiteral("Moved Permanently");
    case 302: return QByteArrayLiteral("Found");
    case 303: return QByteArrayLiteral("See Other");
    case 304: return QByteArrayLiteral("Not Modified");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 409: return QByteArrayLiteral("Conflict");
    case 410: return QByteArrayLiteral("Gone");
    case 413: return QByteArrayLiteral("Content Too Large");
    case 415: return QByteArrayLiteral("Unsupported Media Type");
    case 422: return QByteArrayLiteral("Unprocessable Content");
    case 426: return QByteArrayLiteral("Upgrade Required");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 503: return QByteArrayLiteral("Service Unavailable");
    default: return QByteArrayLiteral("Status");
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
{}

HttpWorker::~HttpWorker() = default;

VoidResult HttpWorker::start()
{
    auto db = shared::Database::openSqlite(m_context.config.databasePath());
    if (!db)
        return db.error();
    m_database = std::move(db.value());

    m_endpoint = std::make_unique<HttpEndpoint>(
        [this](const QHttpServerRequest &request, QTcpSocket *socket) { dispatch(request, socket); });
    QTcpServer *listener = nullptr;
    if (m_tls) {
        auto *ssl = new QSslServer(m_endpoint.get());
        ssl->setSslConfiguration(*m_tls);
        ssl->setHandshakeTimeout(10'000);
        listener = ssl;
    } else {
        listener = new QTcpServer(m_endpoint.get());
    }
    listener->setMaxPendingConnections(1024);
    if (!listener->setSocketDescriptor(m_listenSocket)) {
        return Error::make(QStringLiteral("listen_failed"),
                           QStringLiteral("cannot take over the listening socket: %1").arg(listener->errorString()));
    }
    m_endpoint->bind(listener);
    return VoidResult::success();
}

void HttpWorker::stopAccepting()
{
    if (!m_endpoint)
        return;
    for (QTcpServer *server : m_endpoint->servers())
        server->close();
}

bool HttpWorker::hasPendingOutput() const
{
    const QList<QTcpSocket *> sockets = m_endpoint->findChildren<QTcpSocket *>();
    for (const QTcpSocket *socket : sockets) {
        if (socket->state() != QAbstractSocket::ConnectedState)
            continue;
        if (socket->bytesToWrite() > 0)
            return true;
        if (const auto *ssl = qobject_cast<const QSslSocket *>(socket); ssl && ssl->encryptedBytesToWrite() > 0)
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
        do {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        } while (hasPendingOutput() && timer.elapsed() < timeoutMs);
        const QList<QTcpSocket *> sockets = m_endpoint->findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->disconnectFromHost();
        m_endpoint.reset();
    }
    m_database.reset();
}

void HttpWorker::dispatch(const QHttpServerRequest &raw, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    HttpRequest request;
    request.method = methodName(raw.method());
    request.requestId = newRequestId();
    request.remoteAddress = raw.remoteAddress();
    request.headers = raw.headers();
    request.secure = m_tls.has_value();
    request.query = raw.query();

    HttpResponse response = respond(request, raw);
    addCommonHeaders(response, request);

    // One buffer, one write: QHttpServerResponder would make four socket
    // writes per header line, and it adds nothing else (keep-alive and
    // pipelining are handled by the endpoint around us).
    const bool withBody = request.method != QLatin1String("HEAD");
    QByteArray wire;
    wire.reserve(256 + response.body.size());
    wire.append("HTTP/1.1 ").append(QByteArray::number(response.status)).append(' ').append(reasonPhrase(response.status)).append("\r\n");
    for (const auto &[name, value] : std::as_const(response.headers))
        wire.append(name).append(": ").append(value).append("\r\n");
    wire.append("\r\n");
    if (withBody)
        wire.append(response.body);
    socket->write(wire);

    RequestLog::write({request.requestId, request.method,
                       request.path.isEmpty() ? QString::fromUtf8(raw.url().path(QUrl::FullyEncoded).toUtf8()) : request.path,
                       response.status, double(timer.nsecsElapsed()) / 1e6, raw.remoteAddress().toString()});
}

HttpResponse HttpWorker::respond(HttpRequest &request, const QHttpServerRequest &raw)
{
    const std::optional<QString> path = PathNormalizer::normalize(raw.url().path(QUrl::FullyEncoded).toUtf8());
    if (!path)
        return HttpResponse::error(400, QStringLiteral("invalid_path"), QStringLiteral("The request path is not valid."));
    request.path = *path;

    const qint64 limit = m_context.config.maxBodyBytes;
    bool lengthOk = true;
    const qint64 declared = raw.value("Content-Length").toLongLong(&lengthOk);
    if (raw.body().size() > limit || (lengthOk && declared > limit)) {
        return HttpResponse::error(413, QStringLiteral("payload_too_large"),
                                   QStringLiteral("The request body is larger than %1 bytes.").arg(limit));
    }

    const Router::Match match = m_context.router->match(request.method, request.path);
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            HttpResponse r = HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                                 QStringLiteral("%1 is not allowed here; use %2.")
                                                     .arg(request.method, match.allowedMethods.join(QLatin1String(", "))));
            r.headers.append({QByteArrayLiteral("Allow"), match.allowedMethods.join(QLatin1String(", ")).toLatin1()});
            return r;
        }
        return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("There is nothing at %1.").arg(request.path));
    }
    request.params = match.params;
    request.body = raw.body();

    if (match.route->body == Router::BodyKind::Json) {
        if (!isJsonContentType(raw.value("Content-Type"))) {
            return HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                       QStringLiteral("Send the body as application/json."));
        }
        try {
            request.json = nlohmann::json::parse(request.body.constBegin(), request.body.constEnd());
        } catch (const nlohmann::json::parse_error &e) {
            return HttpResponse::error(400, QStringLiteral("invalid_json"),
                                       QStringLiteral("The body is not valid JSON: %1").arg(QString::fromUtf8(e.what())));
        }
    }

    try {
        WorkerServices services(m_context, *m_database);
        return match.route->handler(request, services);
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "request" << request.requestId << "failed:" << e.what();
        return HttpResponse::error(500, QStringLiteral("internal_error"),
                                   QStringLiteral("The server failed to answer (request %1).").arg(request.requestId));
    }
}

void HttpWorker::addCommonHeaders(HttpResponse &response, const HttpRequest &request) const
{
    auto &h = response.headers;
    auto hasHeader = [&h](const QByteArray &name) {
        return std::any_of(h.cbegin(), h.cend(), [&name](const auto &p) { return p.first.compare(name, Qt::CaseInsensitive) == 0; });
    };
    if (!response.contentType.isEmpty())
        h.append({QByteArrayLiteral("Content-Type"), response.contentType});
    h.append({QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size())});
    h.append({QByteArrayLiteral("X-Request-Id"), request.requestId.toLatin1()});
    h.append({QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")});
    h.append({QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")});
    if (!hasHeader("Content-Security-Policy"))
        h.append({QByteArrayLiteral("Content-Security-Policy"), QByteArrayLiteral("default-src 'none'; frame-ancestors 'none'")});
    if (!hasHeader("Cache-Control"))
        h.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    if (request.secure)
        h.append({QByteArrayLiteral("Strict-Transport-Security"), QByteArrayLiteral("max-age=31536000")});
}

} // namespace quire::server
