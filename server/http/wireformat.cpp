// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/wireformat.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>

namespace quire::server::WireFormat {
namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 303:
        return QByteArrayLiteral("See Other");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 410:
        return QByteArrayLiteral("Gone");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 412:
        return QByteArrayLiteral("Precondition Failed");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Content");
    case 426:
        return QByteArrayLiteral("Upgrade Required");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    default:
        return QByteArrayLiteral("Status");
    }
}

// The Date header's value, formatted once a second per thread.
const QByteArray &httpNow()
{
    thread_local qint64 last = -1;
    thread_local QByteArray text;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (const qint64 second = now.toSecsSinceEpoch(); second != last) {
        last = second;
        text = httpDate(now);
    }
    return text;
}

} // namespace

QByteArray httpDate(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

QByteArray reasonPhraseOf(int status)
{
    return reasonPhrase(status);
}

QByteArray head(const HttpResponse &response)
{
    QByteArray wire;
    wire.reserve(512);
    wire.append("HTTP/1.1 ")
        .append(QByteArray::number(response.status))
        .append(' ')
        .append(reasonPhrase(response.status))
        .append("\r\n");
    for (const auto &[name, value] : std::as_const(response.headers))
        wire.append(name).append(": ").append(value).append("\r\n");
    return wire;
}

QList<QPair<QByteArray, QByteArray>> policyHeaders(bool secure)
{
    QList<QPair<QByteArray, QByteArray>> headers {
        { QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff") },
        { QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer") },
    };
    if (secure)
        headers.append({ QByteArrayLiteral("Strict-Transport-Security"), QByteArrayLiteral("max-age=31536000") });
    return headers;
}

QByteArray upgradeHead(const QByteArray &head, bool secure)
{
    const QList<QByteArray> lines = head.split('\n');
    QByteArray wire;
    wire.reserve(head.size() + 128);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        if (line.isEmpty())
            continue;
        const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
        // No Server; no blanket CORS: browsers do not apply CORS to
        // WebSockets, and an origin off the allow-list never got this far.
        if (i > 0 && (name == "server" || name.startsWith("access-control-")))
            continue;
        wire.append(line).append("\r\n");
    }
    for (const auto &[name, value] : policyHeaders(secure))
        wire.append(name).append(": ").append(value).append("\r\n");
    return wire.append("\r\n");
}

QByteArray tail(const QByteArray &requestId)
{
    QByteArray wire;
    wire.reserve(80);
    wire.append("Date: ").append(httpNow()).append("\r\nX-Request-Id: ").append(requestId).append("\r\n\r\n");
    return wire;
}

QByteArray newRequestId()
{
    // A per-thread generator: the global one takes a lock on every call.
    thread_local QRandomGenerator64 generator(QRandomGenerator::system()->generate64());
    static constexpr char kHex[] = "0123456789abcdef";
    quint64 n = generator.generate64();
    QByteArray id(16, Qt::Uninitialized);
    for (qsizetype i = 15; i >= 0; --i, n >>= 4)
        id[i] = kHex[n & 0xf];
    return id;
}

} // namespace quire::server::WireFormat
