// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/router.h"

namespace quire::server {

class Router;
class WorkerServices;

// /api/v1/auth: register, login, refresh, logout, logout-all.
namespace AuthRoutes {
void install(Router &router);

// Registration as POST /api/v1/auth/register does it, from `request.json`
// (email, password, name, invite_code); the site's registration form
// answers through it too.
void registerUser(HttpRequest &request, WorkerServices &services, Responder respond);
} // namespace AuthRoutes

} // namespace quire::server
