// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/accounts/principal.h"
#include "shared/result.h"
#include "shared/user.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// A user row with what the API never shows.
struct StoredUser
{
    shared::User user;
    QByteArray passwordHash;
    nlohmann::json preferences = nlohmann::json::object();
};

// A fresh pair of bearer secrets; only their hashes are stored.
struct IssuedTokens
{
    QString accessToken;
    QString refreshToken;
    qint64 expiresInSeconds = 0;
    QString sessionId;
};

// Accounts and sessions in the server database, on the calling worker's
// connection. Access tokens are opaque and looked up here; a worker keeps a
// looked-up token only while nothing in the database has changed since
// (SignInGuard), so signing out, disabling or demoting someone takes effect
// on the next request.
class AccountStore
{
public:
    static constexpr qint64 kAccessLifetimeMs = 15 * 60 * 1000;
    static constexpr qint64 kRefreshLifetimeMs = 30LL * 24 * 60 * 60 * 1000;

    explicit AccountStore(shared::Database &db);

    shared::Result<std::optional<StoredUser>> findByEmail(const QString &email);
    shared::Result<std::optional<StoredUser>> findById(const QString &id);
    // One page of users matching `where` (our own SQL over users' columns,
    // values in `binds`), oldest first: one query, not one per user.
    shared::Result<QList<StoredUser>> page(const QString &where, const QVariantList &binds, int limit, qint64 offset);
    // Fails with `email_taken` when the address is in use.
    shared::Result<StoredUser> insertUser(const QString &email, const QString &name, shared::Role role,
                                          const QByteArray &passwordHash, bool emailVerified);
    // A password its owner chose (changed, or set through a mailed link): it
    // is no longer one they are asked to change (password_change_required).
    shared::VoidResult setPasswordHash(const QString &userId, const QByteArray &hash);
    // The same password hashed with stronger parameters: nothing else about
    // the account changes.
    shared::VoidResult upgradePasswordHash(const QString &userId, const QByteArray &hash);

    // Invite codes: issued by admins, single use, with the role they grant.
    shared::Result<QString> createInvite(shared::Role role, const QString &createdBy, qint64 lifetimeMs);
    // The role an unused, unexpired code grants, or nullopt.
    shared::Result<std::optional<shared::Role>> inviteRole(const QString &code);
    // Claims the code and creates the account in one transaction: a code
    // used by a concurrent registration fails with `invite_invalid`.
    shared::Result<StoredUser> insertUserWithInvite(const QString &code, const QString &email, const QString &name,
                                                    const QByteArray &passwordHash);
    // Active (not disabled) admins.
    shared::Result<int> activeAdminCount();

    shared::Result<IssuedTokens> createSession(const QString &userId, const QString &ip, const QString &userAgent);

    // A browser session for the readers' site: the cookie secret (only its
    // hash stored), valid 30 days, with its own CSRF token.
    struct WebSession
    {
        QString cookie;
        QString csrfToken;
        QString sessionId;
    };
    static constexpr qint64 kWebLifetimeMs = 30LL * 24 * 60 * 60 * 1000;
    shared::Result<WebSession> createWebSession(const QString &userId, const QString &ip, const QString &userAgent);
    // The user behind a session cookie and the session's CSRF token.
    shared::Result<std::optional<std::pair<Principal, QString>>> authenticateWeb(const QString &cookie);

    // The signed-in user behind an access token, or nullopt for an unknown,
    // expired or revoked token. A disabled account yields `account_disabled`.
    // `expiresAt` (when given) receives when the token stops counting, as
    // stored (ISO 8601 text, compared as text).
    shared::Result<std::optional<Principal>> authenticate(const QString &accessToken, QString *expiresAt = nullptr);

    enum class RefreshOutcome { Rotated, Reused, Invalid, Disabled };
    struct RefreshResult
    {
        RefreshOutcome outcome = RefreshOutcome::Invalid;
        IssuedTokens tokens;
        QString userId;
        QString sessionId;
    };
    // Claims the refresh token atomically: of any number of concurrent
    // callers exactly one rotates it. A token that was already used revokes
    // its whole session (family): someone holds a copy. Except within
    // `reuseGraceMs` of its rotation while its successor is still unused:
    // then the caller gets that same successor again (outcome Rotated), so
    // an answer lost to a crash or a second refresh sent at once signs no
    // one out (see the README, "Tokens").
    shared::Result<RefreshResult> refresh(const QString &refreshToken, qint64 reuseGraceMs);

    // Single-use mail tokens (verify_email, reset_password, change_email).
    // Issuing one voids the user's earlier unused ones of that purpose.
    shared::Result<QString> issueEmailToken(const QString &userId, const QString &purpose, qint64 lifetimeMs,
                                            const QString &newEmail = QString());
    struct ClaimedToken
    {
        QString userId;
        QString newEmail;
    };
    // Marks the token used if it is valid, atomically; nullopt otherwise.
    shared::Result<std::optional<ClaimedToken>> claimEmailToken(const QString &token, const QString &purpose);
    // What a mail token is, without claiming it: for the page a mailed link
    // opens, which must tell an expired link from a used or an unknown one.
    // A token voided by a newer one of its purpose counts as used.
    enum class EmailTokenState { Valid, Expired, Used, Unknown };
    struct EmailTokenInfo
    {
        EmailTokenState state = EmailTokenState::Unknown;
        QString userId;
        QString newEmail;
    };
    shared::Result<EmailTokenInfo> peekEmailToken(const QString &token, const QString &purpose);
    shared::VoidResult setEmailVerified(const QString &userId);
    // A confirmed new address: verified, since the user just opened mail sent to it.
    shared::VoidResult changeEmail(const QString &userId, const QString &email);

    shared::VoidResult revokeSession(const QString &sessionId);
    // Revokes every session of the user but `exceptSessionId`; returns how many.
    shared::Result<int> revokeAllSessions(const QString &userId, const QString &exceptSessionId = QString());

    // The worker's connection this store reads, for stores beside it (API keys).
    shared::Database &database() { return m_db; }

private:
    shared::Result<std::optional<StoredUser>> findOne(const QString &column, const QString &value);
    shared::Result<IssuedTokens> issueRefreshToken(const QString &sessionId, IssuedTokens tokens);
    // The successor sealed in the row of `refreshToken`, if it may be handed
    // out again (see refresh()).
    shared::Result<std::optional<IssuedTokens>> successorInGrace(const QString &refreshToken, const QString &sessionId,
                                                                 qint64 reuseGraceMs);

    shared::Database &m_db;
};

} // namespace quire::server
