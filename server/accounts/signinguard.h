// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/middleware.h"

namespace quire::server {

class AccountStore;

// Sign-in as middleware: enforces each route's Guard before its handler.
// API routes authenticate by bearer token only (cookies never count there);
// browser routes by the readers' session cookie, and every state-changing
// request to them must carry the session's CSRF token (header or form
// field). Fills in request.principal (and csrfToken), which later middleware
// (the per-user rate limit) and handlers read. One per worker: it reads the
// accounts through the worker's database connection.
class SignInGuard final : public Middleware
{
public:
    explicit SignInGuard(AccountStore &accounts);

    std::optional<HttpResponse> before(HttpRequest &request, const Router::Route &route) override;

private:
    std::optional<HttpResponse> checkBearer(HttpRequest &request, const Guard &guard);
    std::optional<HttpResponse> checkBrowser(HttpRequest &request, const Guard &guard);

    AccountStore &m_accounts;
};

} // namespace quire::server
