// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace quire::server::MemberOrder {

// A group member's new position key.
struct Move
{
    QString memberId;
    QString position;
};

// What puts the members of `current` (id and position, in their order) into
// the order `wanted` (the same ids, rearranged) while changing as few rows
// as possible: the longest run of members already in ascending order keeps
// its keys, and each of the others gets a fresh fractional key between its
// new neighbours (FractionalPosition). Members with equal or malformed keys
// are moved, so the result orders strictly by position.
shared::Result<QList<Move>> plan(const QList<QPair<QString, QString>> &current, const QStringList &wanted);

} // namespace quire::server::MemberOrder
