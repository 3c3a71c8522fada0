// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// Routes about the server itself: GET /health for monitors, scripts and
// the desktop (which learns the site's name there), POST /api/v1/handshake
// for clients checking they can talk to us.
namespace SystemRoutes {
void install(Router &router);
}

} // namespace quire::server
