// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/calendarweeks.h"

#include <algorithm>

namespace quire::desktop::CalendarWeeks {

namespace {

// The first `firstDay` on or before `day`.
QDate weekStart(const QDate &day, Qt::DayOfWeek firstDay)
{
    return day.addDays(-((day.dayOfWeek() - int(firstDay) + kWeekDays) % kWeekDays));
}

QList<QDate> daysFrom(const QDate &first, int count)
{
    QList<QDate> days;
    days.reserve(count);
    for (int i = 0; i < count; ++i)
        days.append(first.addDays(i));
    return days;
}

} // namespace

QList<QDate> monthGrid(const QDate &month, Qt::DayOfWeek firstDay)
{
    if (!month.isValid())
        return {};
    return daysFrom(weekStart(QDate(month.year(), month.month(), 1), firstDay), kMonthDays);
}

QList<QDate> week(const QDate &day, Qt::DayOfWeek firstDay)
{
    if (!day.isValid())
        return {};
    return daysFrom(weekStart(day, firstDay), kWeekDays);
}

QTimeZone zone(const QString &name)
{
    const QTimeZone tz(name.toUtf8());
    return tz.isValid() ? tz : QTimeZone::utc();
}

QDateTime localTime(const QDateTime &utc, const QString &zoneName)
{
    return utc.isValid() ? utc.toTimeZone(zone(zoneName)) : QDateTime();
}

QMap<QDate, QList<PostSummary>> byDay(const QList<PostSummary> &posts, const QDate &first, const QDate &last)
{
    QMap<QDate, QList<PostSummary>> days;
    for (const PostSummary &p : posts) {
        if (!p.scheduledAt.isValid())
            continue;
        const QDate day = localTime(p.scheduledAt, p.timeZone).date();
        if (day >= first && day <= last)
            days[day].append(p);
    }
    for (QList<PostSummary> &day : days)
        std::stable_sort(day.begin(), day.end(),
                         [](const PostSummary &a, const PostSummary &b) { return a.scheduledAt < b.scheduledAt; });
    return days;
}

QDateTime movedToDay(const QDateTime &utc, const QString &zoneName, const QDate &day)
{
    if (!utc.isValid() || !day.isValid())
        return {};
    const QDateTime there = localTime(utc, zoneName);
    return QDateTime(day, there.time(), zone(zoneName)).toUTC();
}

} // namespace quire::desktop::CalendarWeeks
