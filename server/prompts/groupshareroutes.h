// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace quire::server {
class Router;
}

namespace quire::server::GroupShareRoutes {

// A group's shares under `item` (/api/v1/groups/:id): list them, grant or
// change one by user id (PUT …/shares/:userId) or by address (POST
// …/shares), revoke one. Only the owner learns whether an address has an
// account.
void install(Router &router, const QString &item);

} // namespace quire::server::GroupShareRoutes
