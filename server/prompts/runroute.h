// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// POST /api/v1/prompts/:id/run {variables, version | label}: renders the
// prompt, sends it to the configured chat provider and keeps the answer in
// the caller's usage history. Without a provider: 404 provider_not_configured.
namespace RunRoute {
void install(Router &router);
}

} // namespace quire::server
