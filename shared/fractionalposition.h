// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>
#include <QStringList>

namespace quire::shared {

// Order keys for user-arranged lists (group members): short ASCII strings that
// sort as text, so SQLite's BINARY collation, memcmp and QString's operator<
// all agree, and a key can always be made between two others without touching
// any other row. Two replicas placing an item between the same neighbours
// offline may make the same key; the list then orders by (position, id).
//
// The scheme is the one of rocicorp's fractional-indexing (David Greenspan,
// CC0): base-62 digits in ASCII order, an integer part whose head letter says
// its length (a..z positive, A..Z negative) and a fraction without a trailing
// '0'. Appending or prepending grows keys logarithmically (62 keys per length
// at first); repeated insertion at one spot grows by about one character per five or
// six insertions, which is inherent to any scheme that never renumbers.
namespace FractionalPosition {

// True for a well-formed key (what between() accepts and returns).
bool isValid(const QString &key);

// A key strictly between `before` and `after`; an empty string is an open
// end (the first key of an empty list is between("", "")). Fails with
// validation_failed for a malformed key or when before >= after.
Result<QString> between(const QString &before, const QString &after);

// `n` fresh keys in ascending order, strictly between `before` and `after`
// (open ends when empty), spread so that later insertions stay short.
Result<QStringList> spread(int n, const QString &before = {}, const QString &after = {});

} // namespace FractionalPosition
} // namespace quire::shared
