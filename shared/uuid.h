// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace quire::shared {

// Row ids: RFC 9562 UUIDv7 strings, made wherever the row is created (the
// desktop mints them offline). Time-ordered, so they index well in SQLite.
namespace Uuid {

// A new UUIDv7, lower-case canonical text. Monotonic within the process even
// for many ids in one millisecond (RFC 9562 §6.2, method 1: a 12-bit counter).
QString createV7();

// The same, with the timestamp part taken from `unixMs` (tests, imports).
QString createV7At(qint64 unixMs);

// True for canonical lower- or upper-case UUID text of any version.
bool isValid(const QString &text);

// True for a valid UUID whose version nibble is 7 and variant is RFC 9562.
bool isV7(const QString &text);

// The Unix time in milliseconds that a UUIDv7 carries, or -1 if `text` is not one.
qint64 v7Timestamp(const QString &text);

} // namespace Uuid
} // namespace quire::shared
