// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace quire::server {
class Router;
}

namespace quire::server::GroupMemberRoutes {

// A group's members under `item` (/api/v1/groups/:id): add a prompt at the
// end, the start or after another; remove it; pin it to a version or a
// label, or unpin it; and reorder the whole list (PUT …/reorder), which
// moves only the members whose place changes, in one transaction, and
// refuses a list that is not exactly the current members.
void install(Router &router, const QString &item);

} // namespace quire::server::GroupMemberRoutes
