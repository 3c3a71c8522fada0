// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/timestamp.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <cstdio>

namespace quire::shared::Timestamp {

QString format(const QDateTime &time)
{
    return formatMs(time.toMSecsSinceEpoch());
}

QString formatMs(qint64 unixMs)
{
    // Hand-formatted: this runs for every log line, and QDateTime::toString
    // parses its format string each time.
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC);
    const QDate d = t.date();
    const QTime h = t.time();
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year(), d.month(),
                                d.day(), h.hour(), h.minute(), h.second(), h.msec());
    return QString::fromLatin1(buffer, n);
}

std::optional<QDateTime> parse(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$)"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    QString frac = m.captured(7);
    frac = frac.left(3).leftJustified(3, QLatin1Char('0'));
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), frac.toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    int offsetSeconds = 0;
    const QString zone = m.captured(8);
    if (zone != QLatin1String("Z")) {
        const int hours = zone.mid(1, 2).toInt();
        const int minutes = zone.mid(4, 2).toInt();
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offsetSeconds = (hours * 3600 + minutes * 60) * (zone[0] == QLatin1Char('-') ? -1 : 1);
    }
    const QDateTime local(date, time, QTimeZone(offsetSeconds));
    if (!local.isValid())
        return std::nullopt;
    return local.toUTC();
}

} // namespace quire::shared::Timestamp
