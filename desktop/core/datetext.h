// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace quire::desktop {

// How the desktop writes a moment for people, in the user's language: in
// full where there is room ("Mittwoch, 12. März 2025, 14:03"), compact in
// tables and lists (today's time, else the short date: "14:03",
// "12.03.25"); always local time, never the zone's name.
namespace DateText {

QString full(const QDateTime &at);
QString compact(const QDateTime &at);
// To the second, with the zone: for a tooltip beside a full or compact date,
// where an audit or a history needs the exact moment.
QString exact(const QDateTime &at);
// The same for the wire format (shared::Timestamp); the text itself when it
// is not a time.
QString full(const QString &timestamp);
QString compact(const QString &timestamp);
QString exact(const QString &timestamp);

} // namespace DateText

} // namespace quire::desktop
