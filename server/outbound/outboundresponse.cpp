// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/outbound/outboundresponse.h"

#include <QLocale>
#include <QTimeZone>

namespace quire::server {
namespace {

// RFC 9110's three HTTP-date forms. The weekday is dropped before reading:
// it adds nothing, and Qt would refuse RFC 850's two-digit year (read as
// 19xx) for a weekday that does not match that century.
std::optional<QDateTime> parseHttpDate(const QString &text)
{
    const QLocale c = QLocale::c();
    const QString simple = text.simplified(); // asctime pads the day with a space
    const qsizetype comma = simple.indexOf(u',');
    const QString rest = comma >= 0 ? simple.mid(comma + 1).trimmed() : simple.section(u' ', 1);
    const QStringList formats = comma >= 0
        ? QStringList { QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"), QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'") }
        : QStringList { QStringLiteral("MMM d HH:mm:ss yyyy") };
    for (const QString &format : formats) {
        QDateTime parsed = c.toDateTime(rest, format);
        if (!parsed.isValid())
            continue;
        parsed.setTimeZone(QTimeZone::utc());
        // RFC 850's two-digit years: within the next fifty years (RFC 9110).
        if (format.contains(u"-yy ") && parsed.date().year() < 1970)
            parsed = parsed.addYears(100);
        return parsed;
    }
    return std::nullopt;
}

} // namespace

QByteArray OutboundResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<std::chrono::seconds> OutboundResponse::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool digits = true;
    for (const char c : trimmed)
        digits = digits && c >= '0' && c <= '9';
    if (digits) {
        bool ok = false;
        const qint64 seconds = trimmed.toLongLong(&ok);
        // Capping a long wait is the scheduler's call; a value past 2^63
        // does not parse and is unreadable.
        if (!ok)
            return std::nullopt;
        return std::chrono::seconds(seconds);
    }
    const std::optional<QDateTime> at = parseHttpDate(QString::fromLatin1(trimmed));
    if (!at)
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(0, now.secsTo(*at)));
}

} // namespace quire::server
