// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace quire::shared {

// The one wire format for time: UTC ISO-8601 with milliseconds and a `Z`,
// e.g. 2026-11-22T23:42:24.123Z. Stored the same way in SQLite, where it sorts.
namespace Timestamp {

QString format(const QDateTime &time);
QString formatMs(qint64 unixMs);

// Parses RFC 3339 text (`Z` or a numeric offset, optional fraction) into a UTC
// time. Anything looser (no zone, no seconds, out-of-range fields) is refused:
// a time of unknown zone would silently shift by hours.
std::optional<QDateTime> parse(const QString &text);

} // namespace Timestamp
} // namespace quire::shared
