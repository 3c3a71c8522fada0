// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace quire::desktop {

// The audit actions the server writes (server/accounts), each labelled for
// people: the one table the log's rows and its filter both read, so a new
// action is named in one place.
namespace AuditActions {

// The wire names, in the order the filter offers them.
QList<QString> all();
// "Signed in" for "login"; an action this desktop does not know yet (a newer
// server) shows its wire name rather than nothing.
QString label(const QString &action);

} // namespace AuditActions

} // namespace quire::desktop
