// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/conditionalrequest.h"

#include "server/http/httpmessage.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTime>

#include <array>
#include <optional>

namespace quire::server::ConditionalRequest {
namespace {

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && isOws(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isOws(text.back()))
        text.chop(1);
    return text;
}

// The opaque part of an entity tag, quotes included, without a `W/`.
QByteArrayView opaque(QByteArrayView tag)
{
    return tag.startsWith("W/") ? tag.sliced(2) : tag;
}

std::optional<int> number(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 4)
        return std::nullopt;
    int n = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::optional<int> month(QByteArrayView name)
{
    static constexpr std::array<const char *, 12> kMonths
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    for (int i = 0; i < 12; ++i) {
        if (name == kMonths[size_t(i)])
            return i + 1;
    }
    return std::nullopt;
}

std::optional<QTime> timeOfDay(QByteArrayView text)
{
    if (text.size() != 8 || text[2] != ':' || text[5] != ':')
        return std::nullopt;
    const auto h = number(text.first(2)), m = number(text.sliced(3, 2)), s = number(text.sliced(6, 2));
    if (!h || !m || !s)
        return std::nullopt;
    const QTime time(*h, *m, *s);
    return time.isValid() ? std::optional(time) : std::nullopt;
}

std::optional<qint64> seconds(std::optional<int> year, std::optional<int> mon, std::optional<int> day,
                              std::optional<QTime> time)
{
    if (!year || !mon || !day || !time)
        return std::nullopt;
    const QDate date(*year, *mon, *day);
    if (!date.isValid())
        return std::nullopt;
    return QDateTime(date, *time, Qt::UTC).toSecsSinceEpoch();
}

// Seconds since the epoch of an HTTP date in any of its three forms:
// `Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT` and
// `Sun Nov  6 08:49:37 1994`.
std::optional<qint64> parseHttpDate(QByteArrayView text)
{
    QList<QByteArrayView> parts;
    for (qsizetype i = 0; i < text.size();) {
        while (i < text.size() && isOws(text[i]))
            ++i;
        const qsizetype start = i;
        while (i < text.size() && !isOws(text[i]))
            ++i;
        if (i > start)
            parts.append(text.sliced(start, i - start));
    }
    if (parts.size() == 6 && parts[0].endsWith(',') && parts[5] == "GMT")
        return seconds(number(parts[3]), month(parts[2]), number(parts[1]), timeOfDay(parts[4]));
    if (parts.size() == 4 && parts[0].endsWith(',') && parts[3] == "GMT" && parts[1].size() == 9 && parts[1][2] == '-'
        && parts[1][6] == '-') {
        std::optional<int> year = number(parts[1].sliced(7));
        if (year) {
            // A two-digit year more than 50 years ahead is in the past century.
            *year += 2000;
            if (*year > QDate::currentDate().year() + 50)
                *year -= 100;
        }
        return seconds(year, month(parts[1].sliced(3, 3)), number(parts[1].first(2)), timeOfDay(parts[2]));
    }
    if (parts.size() == 5)
        return seconds(number(parts[4]), month(parts[1]), number(parts[2]), timeOfDay(parts[3]));
    return std::nullopt;
}

// The q-value of one Accept-Encoding element, 1 when it names none.
double quality(QByteArrayView params)
{
    while (!params.isEmpty()) {
        qsizetype semicolon = params.indexOf(';');
        const QByteArrayView param = trimmed(semicolon < 0 ? params : params.first(semicolon));
        params = semicolon < 0 ? QByteArrayView() : params.sliced(semicolon + 1);
        if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
            bool ok = false;
            const double q = param.sliced(2).toByteArray().toDouble(&ok);
            return ok ? q : 0.0;
        }
    }
    return 1.0;
}

} // namespace

bool etagListMatches(QByteArrayView ifNoneMatch, QByteArrayView etag)
{
    const QByteArrayView wanted = opaque(etag);
    if (wanted.isEmpty())
        return false;
    qsizetype i = 0;
    while (i < ifNoneMatch.size()) {
        const char c = ifNoneMatch[i];
        if (isOws(c) || c == ',') {
            ++i;
            continue;
        }
        if (c == '*')
            return true;
        const qsizetype start = i;
        if (ifNoneMatch.sliced(i).startsWith("W/"))
            i += 2;
        if (i >= ifNoneMatch.size() || ifNoneMatch[i] != '"')
            return false; // not a list of entity tags: it names nothing we hold
        const qsizetype close = ifNoneMatch.indexOf('"', i + 1);
        if (close < 0)
            return false;
        if (opaque(ifNoneMatch.sliced(start, close + 1 - start)) == wanted)
            return true;
        i = close + 1;
    }
    return false;
}

bool notModifiedSince(QByteArrayView ifModifiedSince, QByteArrayView lastModified)
{
    const std::optional<qint64> since = parseHttpDate(ifModifiedSince);
    const std::optional<qint64> modified = parseHttpDate(lastModified);
    return since && modified && *modified <= *since;
}

bool isNotModified(const HttpRequest &request, QByteArrayView etag, QByteArrayView lastModified)
{
    if (request.method != QLatin1String("GET") && request.method != QLatin1String("HEAD"))
        return false;
    const QByteArray ifNoneMatch = request.header("If-None-Match");
    if (!ifNoneMatch.isEmpty())
        return etagListMatches(ifNoneMatch, etag);
    const QByteArray ifModifiedSince = request.header("If-Modified-Since");
    return !ifModifiedSince.isEmpty() && notModifiedSince(ifModifiedSince, lastModified);
}

bool acceptsGzip(QByteArrayView acceptEncoding)
{
    std::optional<double> gzip, any;
    while (!acceptEncoding.isEmpty()) {
        const qsizetype comma = acceptEncoding.indexOf(',');
        const QByteArrayView element = comma < 0 ? acceptEncoding : acceptEncoding.first(comma);
        acceptEncoding = comma < 0 ? QByteArrayView() : acceptEncoding.sliced(comma + 1);
        const qsizetype semicolon = element.indexOf(';');
        const QByteArrayView coding = trimmed(semicolon < 0 ? element : element.first(semicolon));
        const double q = semicolon < 0 ? 1.0 : quality(element.sliced(semicolon + 1));
        if (coding.compare("gzip", Qt::CaseInsensitive) == 0 || coding.compare("x-gzip", Qt::CaseInsensitive) == 0)
            gzip = q;
        else if (coding == "*")
            any = q;
    }
    if (gzip)
        return *gzip > 0;
    return any && *any > 0;
}

} // namespace quire::server::ConditionalRequest
