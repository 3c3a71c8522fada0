// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/accounts/apikeystore.h"
#include "server/collections/answercache.h"
#include "server/http/middleware.h"

#include <QByteArray>
#include <QHash>

namespace quire::server {

class AccountStore;

// Sign-in as middleware: enforces each route's Guard before its handler.
// API routes authenticate by bearer token only (cookies never count there);
// browser routes by the readers' session cookie, and every state-changing
// request to them must carry the session's CSRF token (header or form
// field). Fills in request.principal (and csrfToken), which later middleware
// (the per-user rate limit) and handlers read. One per worker: it reads the
// accounts through the worker's database connection.
//
// A bearer token found valid is kept (by its SHA-256, at most kMaxKept per
// worker) with the database's Mark of when it was checked and its expiry:
// while nothing in the database has changed since and it has not expired,
// the same lookup would give the same principal, so the kept one is used.
// Any write (signing out, revoking, a role change, disabling, on any
// connection or instance) moves the Mark, and the next request looks the
// token up again: revocation takes effect exactly as before.
//
// A personal API key (`quire_…`, ApiKeyStore) counts only on routes that
// declare the scope it needs (Guard::apiKeyScope) and that the key has;
// every other route refuses it, so a key never opens the rest of the API.
// Keys are kept like tokens; their last use is written at most once per
// ApiKeyStore::kTouchIntervalMs.
class SignInGuard final : public Middleware
{
public:
    SignInGuard(AccountStore &accounts, AnswerCache &marks);

    std::optional<HttpResponse> before(HttpRequest &request, const Router::Route &route) override;

private:
    std::optional<HttpResponse> checkBearer(HttpRequest &request, const Guard &guard);
    std::optional<HttpResponse> checkBrowser(HttpRequest &request, const Guard &guard);
    std::optional<HttpResponse> checkApiKey(HttpRequest &request, const QByteArray &key, const Guard &guard);

    // The principal behind a bearer token, kept or looked up.
    shared::Result<std::optional<Principal>> principalOf(const QByteArray &token, const QString &requestId);
    shared::Result<std::optional<Principal>> keyPrincipalOf(const QByteArray &key, const QString &requestId);

    struct Kept
    {
        Principal principal;
        qint64 expiresAtMs = 0; // the stored expiry, as a point in time
        AnswerCache::Mark mark;
        qint64 lastUsedMs = 0; // API keys: the last use written
    };
    static constexpr qsizetype kMaxKept = 1024;

    AccountStore &m_accounts;
    ApiKeyStore m_keys;
    AnswerCache &m_marks;
    QHash<QByteArray, Kept> m_kept;
};

} // namespace quire::server
