// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;
struct Guard;

// A platform's credential: POST /api/v1/platforms/:id/credentials seals the
// secret the platform's kind needs (PlatformCredentials) and DELETE removes
// it. Only the platform's owner reaches them (another's platform is 404);
// the platform row's credential_set_at, which replicas sync, changes with
// it, and the audit chain records both, in one transaction. No answer ever
// carries the secret; without master keys, storing one is 503
// credentials_not_configured.
namespace CredentialRoutes {

void install(Router &router, const Guard &guard);

} // namespace CredentialRoutes
} // namespace quire::server
