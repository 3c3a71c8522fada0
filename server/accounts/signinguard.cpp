// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/signinguard.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/sessioncookie.h"
#include "server/accounts/tokens.h"
#include "server/serverlogging.h"
#include "shared/clock.h"
#include "shared/errorcode.h"
#include "shared/timestamp.h"

#include <QCryptographicHash>
#include <QUrlQuery>

#include <limits>

namespace quire::server {

namespace {

std::optional<HttpResponse> checkPermission(const Principal &principal, const Guard &guard)
{
    if (!guard.permission || shared::hasPermission(principal.role, *guard.permission))
        return std::nullopt;
    return HttpResponse::error(
        shared::ErrorCode::Forbidden,
        QStringLiteral("Your role may not do this (%1).").arg(shared::permissionName(*guard.permission)));
}

HttpResponse cannotCheck()
{
    return HttpResponse::error(shared::ErrorCode::Unavailable,
                               QStringLiteral("The server cannot check sign-ins right now."));
}

} // namespace

SignInGuard::SignInGuard(AccountStore &accounts, AnswerCache &marks)
    : m_accounts(accounts)
    , m_keys(accounts.database())
    , m_marks(marks)
{ }

shared::Result<std::optional<Principal>> SignInGuard::principalOf(const QByteArray &token, const QString &requestId)
{
    // Read before the lookup: a write that lands meanwhile moves the Mark
    // past the one kept, so the next request looks again.
    const std::optional<AnswerCache::Mark> mark = m_marks.markFor(requestId);
    const QByteArray key = QCryptographicHash::hash(token, QCryptographicHash::Sha256);
    if (mark) {
        const auto it = m_kept.constFind(key);
        if (it != m_kept.cend() && it->mark == *mark && shared::Clock::instance().nowMs() < it->expiresAtMs)
            return std::optional<Principal>(it->principal);
    }
    QString expiresAt;
    shared::Result<std::optional<Principal>> principal
        = m_accounts.authenticate(QString::fromLatin1(token), &expiresAt);
    // Stored as ISO 8601 text in one format, so its order as text (the
    // lookup's `access_expires_at > now`) is its order in time.
    const std::optional<QDateTime> expires = shared::Timestamp::parse(expiresAt);
    if (!principal || !*principal || !mark || !expires) {
        m_kept.remove(key);
        return principal;
    }
    // Bounded without bookkeeping: when full, start over.
    if (m_kept.size() >= kMaxKept && !m_kept.contains(key))
        m_kept.clear();
    m_kept.insert(key, Kept { **principal, expires->toMSecsSinceEpoch(), *mark });
    return principal;
}

std::optional<HttpResponse> SignInGuard::before(HttpRequest &request, const Router::Route &route)
{
    return route.guard.browser ? checkBrowser(request, route.guard) : checkBearer(request, route.guard);
}

std::optional<HttpResponse> SignInGuard::checkBearer(HttpRequest &request, const Guard &guard)
{
    // Only a bearer token authenticates the API; cookies never do here.
    const QByteArray authorization = request.header("Authorization");
    if (authorization.startsWith("Bearer ") && ApiKeyStore::looksLikeKey(authorization.mid(7).trimmed())) {
        if (!guard.signedIn)
            return std::nullopt; // an open route: the key plays no part
        return checkApiKey(request, authorization.mid(7).trimmed(), guard);
    }
    if (authorization.startsWith("Bearer ")) {
        shared::Result<std::optional<Principal>> principal
            = principalOf(authorization.mid(7).trimmed(), request.requestId);
        if (!principal) {
            if (principal.error().code == shared::errorCodeName(shared::ErrorCode::AccountDisabled))
                return HttpResponse::error(401, principal.error());
            return cannotCheck();
        }
        request.principal = *principal;
    }
    if (!guard.signedIn)
        return std::nullopt;
    if (!request.principal) {
        HttpResponse r
            = HttpResponse::error(shared::ErrorCode::Unauthenticated,
                                  QStringLiteral("Sign in first; the access token is missing, expired or revoked."));
        r.headers.append({ QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer") });
        return r;
    }
    return checkPermission(*request.principal, guard);
}

shared::Result<std::optional<Principal>> SignInGuard::keyPrincipalOf(const QByteArray &key, const QString &requestId)
{
    const std::optional<AnswerCache::Mark> mark = m_marks.markFor(requestId);
    const QByteArray cacheKey = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    const qint64 now = shared::Clock::instance().nowMs();
    auto it = m_kept.find(cacheKey);
    if (!mark || it == m_kept.end() || it->mark != *mark) {
        qint64 lastUsedMs = 0;
        shared::Result<std::optional<Principal>> principal = m_keys.authenticate(key, &lastUsedMs);
        if (!principal || !*principal || !mark) {
            m_kept.remove(cacheKey);
            return principal;
        }
        if (m_kept.size() >= kMaxKept && !m_kept.contains(cacheKey))
            m_kept.clear();
        it = m_kept.insert(cacheKey, Kept { **principal, std::numeric_limits<qint64>::max(), *mark, lastUsedMs });
    }
    if (now - it->lastUsedMs >= ApiKeyStore::kTouchIntervalMs) {
        // Moves the Mark, so the next request reads the key (and its new
        // last use) again: one lookup a minute.
        if (shared::VoidResult touched = m_keys.touch(it->principal.apiKeyId); !touched)
            qCWarning(lcServer) << "cannot note an API key's last use:" << touched.error().message;
        it->lastUsedMs = now;
    }
    return std::optional<Principal>(it->principal);
}

std::optional<HttpResponse> SignInGuard::checkApiKey(HttpRequest &request, const QByteArray &key, const Guard &guard)
{
    if (!guard.apiKeyScope || guard.browser)
        return HttpResponse::error(shared::ErrorCode::Forbidden,
                                   QStringLiteral("An API key cannot be used here; it only opens the routes for "
                                                  "programs. Sign in for the rest of the API."));
    shared::Result<std::optional<Principal>> principal = keyPrincipalOf(key, request.requestId);
    if (!principal) {
        if (principal.error().code == shared::errorCodeName(shared::ErrorCode::AccountDisabled))
            return HttpResponse::error(401, principal.error());
        return cannotCheck();
    }
    if (!*principal) {
        HttpResponse r = HttpResponse::error(shared::ErrorCode::Unauthenticated,
                                             QStringLiteral("The API key is unknown or revoked."));
        r.headers.append({ QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer") });
        return r;
    }
    if (!(*principal)->apiKeyScopes.contains(*guard.apiKeyScope))
        return HttpResponse::error(
            shared::ErrorCode::Forbidden,
            QStringLiteral("The API key lacks the scope %1.").arg(shared::kApiKeyScopes.name(*guard.apiKeyScope)));
    request.principal = *principal;
    return checkPermission(*request.principal, guard);
}

std::optional<HttpResponse> SignInGuard::checkBrowser(HttpRequest &request, const Guard &guard)
{
    const QByteArray cookie = request.cookie(kSessionCookie);
    if (!cookie.isEmpty()) {
        shared::Result<std::optional<std::pair<Principal, QString>>> web
            = m_accounts.authenticateWeb(QString::fromLatin1(cookie));
        if (!web)
            return cannotCheck();
        if (*web) {
            request.principal = (*web)->first;
            request.csrfToken = (*web)->second;
        }
    }
    if (!request.principal)
        return HttpResponse::error(shared::ErrorCode::Unauthenticated, QStringLiteral("Sign in first."));
    const bool safe = request.method == QLatin1String("GET") || request.method == QLatin1String("HEAD");
    if (!safe) {
        // Synchronizer token: a header from scripts, or the form field.
        QByteArray sent = request.header("X-CSRF-Token");
        if (sent.isEmpty())
            sent = QUrlQuery(QString::fromUtf8(request.body))
                       .queryItemValue(QStringLiteral("csrf_token"), QUrl::FullyDecoded)
                       .toUtf8();
        if (sent.isEmpty() || !Tokens::equal(sent, request.csrfToken.toUtf8()))
            return HttpResponse::error(
                shared::ErrorCode::CsrfFailed,
                QStringLiteral(
                    "The form is out of date or did not come from this site; reload the page and try again."));
    }
    return checkPermission(*request.principal, guard);
}

} // namespace quire::server
