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
    case 410:
        return QByteArrayLiteral("Gone");
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
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
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
