// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// A user's personal API keys: list, create (the key shown once), revoke.
// Signed-in users only; an API key cannot manage keys.
namespace ApiKeyRoutes {
void install(Router &router);
}

} // namespace quire::server
