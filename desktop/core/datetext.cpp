// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/datetext.h"

#include "desktop/core/tr.h"
#include "shared/timestamp.h"

#include <QLocale>

namespace quire::desktop::DateText {

QString full(const QDateTime &at)
{
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    // The long date format names the weekday and month; the long time
    // format adds seconds and the zone, which no one reads in a list.
    return Tr::tr("%1, %2", "a date written in full, then its time")
        .arg(locale.toString(local.date(), QLocale::LongFormat), locale.toString(local.time(), QLocale::ShortFormat));
}

QString compact(const QDateTime &at)
{
    // One short line for a list's column: today's time, else the date.
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QString exact(const QDateTime &at)
{
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    return Tr::tr("%1, %2", "a date written in full, then its time")
        .arg(locale.toString(local.date(), QLocale::LongFormat), locale.toString(local.time(), QLocale::LongFormat));
}

QString full(const QString &timestamp)
{
    const std::optional<QDateTime> at = shared::Timestamp::parse(timestamp);
    return at ? full(*at) : timestamp;
}

QString compact(const QString &timestamp)
{
    const std::optional<QDateTime> at = shared::Timestamp::parse(timestamp);
    return at ? compact(*at) : timestamp;
}

QString exact(const QString &timestamp)
{
    const std::optional<QDateTime> at = shared::Timestamp::parse(timestamp);
    return at ? exact(*at) : timestamp;
}

} // namespace quire::desktop::DateText
