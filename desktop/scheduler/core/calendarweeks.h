// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/scheduler/core/postquery.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace quire::desktop {

// The posts calendar's arithmetic, without widgets: the dates a month or a
// week shows (the week starting on the locale's first day), the day and
// time of a post in its own zone, and where a post lands when moved to
// another day (the same time of day there, whatever the zone's offset
// does in between).
namespace CalendarWeeks {

inline constexpr int kMonthDays = 42; // six weeks: every month fits, starting on any weekday
inline constexpr int kWeekDays = 7;

// The 42 days of the month grid showing `month`'s month, from the first
// `firstDay` on or before its 1st.
QList<QDate> monthGrid(const QDate &month, Qt::DayOfWeek firstDay);
// The 7 days of the week holding `day`.
QList<QDate> week(const QDate &day, Qt::DayOfWeek firstDay);

// A post's zone by its IANA name; UTC when the name is not one.
QTimeZone zone(const QString &name);
// `utc` in the zone named `zoneName`.
QDateTime localTime(const QDateTime &utc, const QString &zoneName);
// The timed posts among `posts` by their day in their own zone, each
// day's in time order; only days from `first` to `last` (inclusive).
QMap<QDate, QList<PostSummary>> byDay(const QList<PostSummary> &posts, const QDate &first, const QDate &last);
// `utc` moved to `day` at the same time of day in the zone named
// `zoneName`, as UTC. A time the zone skips that day (a DST gap) moves
// forward by the gap, as QDateTime resolves it.
QDateTime movedToDay(const QDateTime &utc, const QString &zoneName, const QDate &day);

} // namespace CalendarWeeks

} // namespace quire::desktop
