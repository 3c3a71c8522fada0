// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/synctable.h"

#include <QPair>
#include <QString>
#include <QStringList>

namespace quire::test {

// Values the conformance suite writes into a declared column: ones the
// server accepts for it, beyond their type where it checks more.
class ColumnValues
{
public:
    // Two different values a column accepts, other than its default; the
    // second is empty when the column has only one. `accounts` are three
    // users an id of a user may name (whom a group is shared with): the
    // first is made at salt 0, the other two are each later pair.
    static QPair<QString, QString> of(const shared::SyncColumn &c, int salt, const QStringList &accounts = {});
};

} // namespace quire::test
