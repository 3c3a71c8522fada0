// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/accountstore.h"

#include "server/accounts/tokens.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"

#include <QSqlQuery>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

QString nowText()
{
    return shared::Timestamp::format(shared::Clock::instance().now());
}

QString afterMs(qint64 ms)
{
    return shared::Timestamp::formatMs(shared::Clock::instance().nowMs() + ms);
}

const QString kUserColumns = QStringLiteral(
    "id, email, name, role, password_hash, avatar_url, preferences, email_verified, disabled, created_at, updated_at");

StoredUser readUser(const QSqlQuery &q)
{
    StoredUser s;
    s.user.id = q.value(0).toString();
    s.user.email = q.value(1).toString();
    s.user.name = q.value(2).toString();
    s.user.role = shared::roleFromName(q.value(3).toString()).value_or(shared::Role::Reader);
    s.passwordHash = q.value(4).toString().toLatin1();
    s.user.avatarUrl = q.value(5).toString();
    s.preferences = nlohmann::json::parse(q.value(6).toString().toStdString(), nullptr, false);
    if (!s.preferences.is_object())
        s.preferences = nlohmann::json::object();
    s.user.emailVerified = q.value(7).toBool();
    s.user.disabled = q.value(8).toBool();
    s.user.createdAt = shared::Timestamp::parse(q.value(9).toString()).value_or(QDateTime());
    s.user.updatedAt = shared::Timestamp::parse(q.value(10).toString()).value_or(QDateTime());
    return s;
}

// Columns: session id, user id, email, role, email_verified, then whatever follows.
Principal readPrincipal(const QSqlQuery &q)
{
    Principal p;
    p.sessionId = q.value(0).toString();
    p.userId = q.value(1).toString();
    p.email = q.value(2).toString();
    p.role = shared::roleFromName(q.value(3).toString()).value_or(shared::Role::Reader);
    p.emailVerified = q.value(4).toBool();
    return p;
}

} // namespace

AccountStore::AccountStore(shared::Database &db)
    : m_db(db)
{ }

Result<std::optional<StoredUser>> AccountStore::findOne(const QString &column, const QString &value)
{
    // `column` is one of our own literals, never input.
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT %1 FROM users WHERE %2 = ?").arg(kUserColumns, column), { value });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StoredUser>();
    return std::optional<StoredUser>(readUser(*q));
}

Result<std::optional<StoredUser>> AccountStore::findByEmail(const QString &email)
{
    return findOne(QStringLiteral("email"), shared::User::normalizeEmail(email));
}

Result<std::optional<StoredUser>> AccountStore::findById(const QString &id)
{
    return findOne(QStringLiteral("id"), id);
}

Result<QList<StoredUser>> AccountStore::page(const QString &where, const QVariantList &binds, int limit, qint64 offset)
{
    QVariantList all = binds;
    all << limit << offset;
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT %1 FROM users WHERE %2 ORDER BY created_at, id LIMIT ? OFFSET ?")
                        .arg(kUserColumns, where),
                    all);
    if (!q)
        return q.error();
    QList<StoredUser> users;
    while (q->next())
        users << readUser(*q);
    return users;
}

Result<StoredUser> AccountStore::insertUser(const QString &email, const QString &name, shared::Role role,
                                            const QByteArray &passwordHash, bool emailVerified)
{
    StoredUser s;
    s.user.id = shared::Uuid::createV7();
    s.user.email = shared::User::normalizeEmail(email);
    s.user.name = name.trimmed();
    s.user.role = role;
    s.user.emailVerified = emailVerified;
    s.user.createdAt = s.user.updatedAt = shared::Clock::instance().now();
    s.passwordHash = passwordHash;
    const QString now = shared::Timestamp::format(s.user.createdAt);
    Result<QVariant> exists
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM users WHERE email = ?"), { s.user.email });
    if (!exists)
        return exists.error();
    if (exists->toInt() > 0)
        return Error::make(
            shared::ErrorCode::EmailTaken, QStringLiteral("An account with this email address exists."),
            { { QStringLiteral("email"), QStringLiteral("This email address is already registered.") } });
    VoidResult r = m_db.run(
        QStringLiteral(
            "INSERT INTO users(id, email, name, role, password_hash, email_verified, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        { s.user.id, s.user.email, s.user.name, shared::roleName(role), QString::fromLatin1(passwordHash),
          emailVerified ? 1 : 0, now, now });
    if (!r) {
        // A concurrent registration may have won the UNIQUE(email) race.
        Result<QVariant> again
            = m_db.scalar(QStringLiteral("SELECT count(*) FROM users WHERE email = ?"), { s.user.email });
        if (again && again->toInt() > 0)
            return Error::make(shared::ErrorCode::EmailTaken,
                               QStringLiteral("An account with this email address exists."));
        return r.error();
    }
    return s;
}

Result<QString> AccountStore::createInvite(shared::Role role, const QString &createdBy, qint64 lifetimeMs)
{
    const QString code = Tokens::generate("qi_");
    VoidResult r = m_db.run(
        QStringLiteral(
            "INSERT INTO invites(code_hash, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
        { Tokens::hash(code), shared::roleName(role), createdBy, nowText(), afterMs(lifetimeMs) });
    if (!r)
        return r.error();
    return code;
}

Result<std::optional<shared::Role>> AccountStore::inviteRole(const QString &code)
{
    Result<QVariant> role = m_db.scalar(
        QStringLiteral("SELECT role FROM invites WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?"),
        { Tokens::hash(code), nowText() });
    if (!role)
        return role.error();
    if (role->isNull())
        return std::optional<shared::Role>();
    return shared::roleFromName(role->toString());
}

Result<StoredUser> AccountStore::insertUserWithInvite(const QString &code, const QString &email, const QString &name,
                                                      const QByteArray &passwordHash)
{
    Result<StoredUser> created = Error::make(shared::ErrorCode::Internal, QString());
    VoidResult r = m_db.transaction([&]() -> VoidResult {
        Result<std::optional<shared::Role>> role = inviteRole(code);
        if (!role)
            return role.error();
        if (!*role)
            return Error::make(
                shared::ErrorCode::InviteInvalid, QStringLiteral("The invite code is not valid."),
                { { QStringLiteral("invite_code"), QStringLiteral("This invite code is unknown, used or expired.") } });
        created = insertUser(email, name, **role, passwordHash, false);
        if (!created)
            return created.error();
        return m_db.run(QStringLiteral("UPDATE invites SET used_at = ?, used_by = ? WHERE code_hash = ?"),
                        { nowText(), created->user.id, Tokens::hash(code) });
    });
    if (!r)
        return r.error();
    return created;
}

VoidResult AccountStore::setPasswordHash(const QString &userId, const QByteArray &hash)
{
    return m_db.run(QStringLiteral("UPDATE users SET password_hash = ?, password_change_required = 0, updated_at = ? "
                                   "WHERE id = ?"),
                    { QString::fromLatin1(hash), nowText(), userId });
}

VoidResult AccountStore::upgradePasswordHash(const QString &userId, const QByteArray &hash)
{
    return m_db.run(QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"),
                    { QString::fromLatin1(hash), nowText(), userId });
}

Result<int> AccountStore::activeAdminCount()
{
    Result<QVariant> n
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0"));
    if (!n)
        return n.error();
    return n->toInt();
}

Result<IssuedTokens> AccountStore::issueRefreshToken(const QString &sessionId, IssuedTokens tokens)
{
    tokens.refreshToken = Tokens::generate("qr_");
    VoidResult r = m_db.run(
        QStringLiteral(
            "INSERT INTO refresh_tokens(token_hash, session_id, created_at, expires_at) VALUES (?, ?, ?, ?)"),
        { Tokens::hash(tokens.refreshToken), sessionId, nowText(), afterMs(kRefreshLifetimeMs) });
    if (!r)
        return r.error();
    return tokens;
}

Result<IssuedTokens> AccountStore::createSession(const QString &userId, const QString &ip, const QString &userAgent)
{
    IssuedTokens tokens;
    tokens.sessionId = shared::Uuid::createV7();
    tokens.accessToken = Tokens::generate("qa_");
    tokens.expiresInSeconds = kAccessLifetimeMs / 1000;
    Result<IssuedTokens> issued = Error::make(shared::ErrorCode::Internal, QString());
    VoidResult r = m_db.transaction([&]() -> VoidResult {
        VoidResult s = m_db.run(
            QStringLiteral(
                "INSERT INTO sessions(id, user_id, access_hash, access_expires_at, created_at, user_agent, ip) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)"),
            { tokens.sessionId, userId, Tokens::hash(tokens.accessToken), afterMs(kAccessLifetimeMs), nowText(),
              userAgent.left(200), ip });
        if (!s)
            return s;
        issued = issueRefreshToken(tokens.sessionId, tokens);
        return issued ? VoidResult::success() : VoidResult(issued.error());
    });
    if (!r)
        return r.error();
    return issued;
}

Result<AccountStore::WebSession> AccountStore::createWebSession(const QString &userId, const QString &ip,
                                                                const QString &userAgent)
{
    WebSession web;
    web.sessionId = shared::Uuid::createV7();
    web.cookie = Tokens::generate("qw_");
    web.csrfToken = Tokens::generate("qc_");
    VoidResult r = m_db.run(QStringLiteral("INSERT INTO sessions(id, user_id, access_hash, access_expires_at, "
                                           "created_at, user_agent, ip, kind, csrf_token) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?, 'web', ?)"),
                            { web.sessionId, userId, Tokens::hash(web.cookie), afterMs(kWebLifetimeMs), nowText(),
                              userAgent.left(200), ip, web.csrfToken });
    if (!r)
        return r.error();
    return web;
}

Result<std::optional<std::pair<Principal, QString>>> AccountStore::authenticateWeb(const QString &cookie)
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral(
            "SELECT s.id, u.id, u.email, u.role, u.email_verified, u.disabled, s.csrf_token "
            "FROM sessions s JOIN users u ON u.id = s.user_id "
            "WHERE s.access_hash = ? AND s.kind = 'web' AND s.revoked_at IS NULL AND s.access_expires_at > ?"),
        { Tokens::hash(cookie), nowText() });
    if (!q)
        return q.error();
    if (!q->next() || q->value(5).toBool())
        return std::optional<std::pair<Principal, QString>>();
    return std::optional<std::pair<Principal, QString>>(std::make_pair(readPrincipal(*q), q->value(6).toString()));
}

Result<std::optional<Principal>> AccountStore::authenticate(const QString &accessToken, QString *expiresAt)
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral(
            "SELECT s.id, u.id, u.email, u.role, u.email_verified, u.disabled, s.access_expires_at "
            "FROM sessions s JOIN users u ON u.id = s.user_id "
            "WHERE s.access_hash = ? AND s.kind = 'api' AND s.revoked_at IS NULL AND s.access_expires_at > ?"),
        { Tokens::hash(accessToken), nowText() });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Principal>();
    if (q->value(5).toBool())
        return Error::make(shared::ErrorCode::AccountDisabled, QStringLiteral("This account is disabled."));
    if (expiresAt)
        *expiresAt = q->value(6).toString();
    return std::optional<Principal>(readPrincipal(*q));
}

Result<AccountStore::RefreshResult> AccountStore::refresh(const QString &refreshToken, qint64 reuseGraceMs)
{
    const QString hash = Tokens::hash(refreshToken);
    RefreshResult result;
    VoidResult r = m_db.transaction([&]() -> VoidResult {
        const QString now = nowText();
        // The claim: one UPDATE under SQLite's write lock, so exactly one
        // concurrent caller sees a changed row.
        Result<QSqlQuery> claim
            = m_db.exec(QStringLiteral("UPDATE refresh_tokens SET used_at = ? "
                                       "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? "
                                       "AND session_id IN (SELECT id FROM sessions WHERE revoked_at IS NULL)"),
                        { now, hash, now });
        if (!claim)
            return claim.error();
        Result<QSqlQuery> row = m_db.exec(QStringLiteral("SELECT r.session_id, r.used_at, s.user_id, u.disabled "
                                                         "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id "
                                                         "JOIN users u ON u.id = s.user_id WHERE r.token_hash = ?"),
                                          { hash });
        if (!row)
            return row.error();
        if (!row->next()) {
            result.outcome = RefreshOutcome::Invalid;
            return VoidResult::success();
        }
        result.sessionId = row->value(0).toString();
        result.userId = row->value(2).toString();
        const bool disabled = row->value(3).toBool();
        if (claim->numRowsAffected() != 1) {
            if (row->value(1).isNull()) {
                result.outcome = RefreshOutcome::Invalid; // expired or its session ended
                return VoidResult::success();
            }
            if (!disabled) {
                Result<std::optional<IssuedTokens>> again
                    = successorInGrace(refreshToken, result.sessionId, reuseGraceMs);
                if (!again)
                    return again.error();
                if (*again) {
                    result.tokens = **again;
                    result.outcome = RefreshOutcome::Rotated;
                    return VoidResult::success();
                }
            }
            // Used before, and not a retry within the grace window: a copy is
            // in someone else's hands. End the family.
            result.outcome = RefreshOutcome::Reused;
            return m_db.run(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
                            { now, result.sessionId });
        }
        if (disabled) {
            result.outcome = RefreshOutcome::Disabled;
            return m_db.run(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE id = ?"),
                            { now, result.sessionId });
        }
        IssuedTokens tokens;
        tokens.sessionId = result.sessionId;
        tokens.accessToken = Tokens::generate("qa_");
        tokens.expiresInSeconds = kAccessLifetimeMs / 1000;
        if (VoidResult u
            = m_db.run(QStringLiteral("UPDATE sessions SET access_hash = ?, access_expires_at = ? WHERE id = ?"),
                       { Tokens::hash(tokens.accessToken), afterMs(kAccessLifetimeMs), result.sessionId });
            !u)
            return u;
        Result<IssuedTokens> issued = issueRefreshToken(result.sessionId, tokens);
        if (!issued)
            return issued.error();
        result.tokens = *issued;
        result.outcome = RefreshOutcome::Rotated;
        // Keep the successor for the grace window, sealed under the token
        // just spent; a family keeps one such box, for its latest rotation.
        const QByteArray box
            = Tokens::seal((issued->accessToken + QLatin1Char(' ') + issued->refreshToken).toLatin1(), refreshToken);
        if (VoidResult u = m_db.run(QStringLiteral("UPDATE refresh_tokens SET successor_box = NULL "
                                                   "WHERE session_id = ? AND successor_box IS NOT NULL"),
                                    { result.sessionId });
            !u)
            return u;
        return m_db.run(
            QStringLiteral("UPDATE refresh_tokens SET successor_hash = ?, successor_box = ? WHERE token_hash = ?"),
            { Tokens::hash(issued->refreshToken), box, hash });
    });
    if (!r)
        return r.error();
    return result;
}

Result<std::optional<IssuedTokens>> AccountStore::successorInGrace(const QString &refreshToken,
                                                                   const QString &sessionId, qint64 reuseGraceMs)
{
    if (reuseGraceMs <= 0)
        return std::optional<IssuedTokens>();
    // Only while the successor is unused and the session live: once the
    // successor has been refreshed in turn, the client that got it has moved
    // on and this token can only be a copy.
    const QString now = nowText();
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT r.successor_box, s.access_expires_at FROM refresh_tokens r "
                                   "JOIN sessions s ON s.id = r.session_id "
                                   "JOIN refresh_tokens next ON next.token_hash = r.successor_hash "
                                   "WHERE r.token_hash = ? AND r.used_at > ? AND r.successor_box IS NOT NULL "
                                   "AND s.revoked_at IS NULL AND next.used_at IS NULL AND next.expires_at > ?"),
                    { Tokens::hash(refreshToken),
                      shared::Timestamp::formatMs(shared::Clock::instance().nowMs() - reuseGraceMs), now });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<IssuedTokens>();
    const QList<QByteArray> parts = Tokens::open(q->value(0).toByteArray(), refreshToken).split(' ');
    if (parts.size() != 2)
        return std::optional<IssuedTokens>();
    IssuedTokens tokens;
    tokens.sessionId = sessionId;
    tokens.accessToken = QString::fromLatin1(parts[0]);
    tokens.refreshToken = QString::fromLatin1(parts[1]);
    const std::optional<QDateTime> accessExpires = shared::Timestamp::parse(q->value(1).toString());
    tokens.expiresInSeconds
        = accessExpires ? std::max<qint64>(0, shared::Clock::instance().now().secsTo(*accessExpires)) : 0;
    return std::optional<IssuedTokens>(tokens);
}

Result<QString> AccountStore::issueEmailToken(const QString &userId, const QString &purpose, qint64 lifetimeMs,
                                              const QString &newEmail)
{
    const QString token = Tokens::generate("qt_");
    VoidResult r = m_db.transaction([&]() -> VoidResult {
        const QString now = nowText();
        if (auto v
            = m_db.run(QStringLiteral(
                           "UPDATE email_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL"),
                       { now, userId, purpose });
            !v)
            return v;
        return m_db.run(
            QStringLiteral("INSERT INTO email_tokens(token_hash, user_id, purpose, new_email, created_at, expires_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)"),
            { Tokens::hash(token), userId, purpose, newEmail.isEmpty() ? QVariant() : QVariant(newEmail), now,
              afterMs(lifetimeMs) });
    });
    if (!r)
        return r.error();
    return token;
}

Result<std::optional<AccountStore::ClaimedToken>> AccountStore::claimEmailToken(const QString &token,
                                                                                const QString &purpose)
{
    const QString now = nowText();
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("UPDATE email_tokens SET used_at = ? "
                                   "WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? "
                                   "RETURNING user_id, new_email"),
                    { now, Tokens::hash(token), purpose, now });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ClaimedToken>();
    return std::optional<ClaimedToken>(ClaimedToken { q->value(0).toString(), q->value(1).toString() });
}

Result<AccountStore::EmailTokenInfo> AccountStore::peekEmailToken(const QString &token, const QString &purpose)
{
    Result<QSqlQuery> q = m_db.exec(QStringLiteral("SELECT user_id, new_email, used_at IS NOT NULL, expires_at <= ? "
                                                   "FROM email_tokens WHERE token_hash = ? AND purpose = ?"),
                                    { nowText(), Tokens::hash(token), purpose });
    if (!q)
        return q.error();
    EmailTokenInfo info;
    if (!q->next())
        return info;
    info.userId = q->value(0).toString();
    info.newEmail = q->value(1).toString();
    if (q->value(2).toBool())
        info.state = EmailTokenState::Used;
    else if (q->value(3).toBool())
        info.state = EmailTokenState::Expired;
    else
        info.state = EmailTokenState::Valid;
    return info;
}

VoidResult AccountStore::setEmailVerified(const QString &userId)
{
    return m_db.run(QStringLiteral("UPDATE users SET email_verified = 1, updated_at = ? WHERE id = ?"),
                    { nowText(), userId });
}

VoidResult AccountStore::changeEmail(const QString &userId, const QString &email)
{
    return m_db.run(QStringLiteral("UPDATE users SET email = ?, email_verified = 1, updated_at = ? WHERE id = ?"),
                    { email, nowText(), userId });
}

VoidResult AccountStore::revokeSession(const QString &sessionId)
{
    return m_db.run(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
                    { nowText(), sessionId });
}

Result<int> AccountStore::revokeAllSessions(const QString &userId, const QString &exceptSessionId)
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND id != ? AND revoked_at IS NULL"),
        { nowText(), userId, exceptSessionId });
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

} // namespace quire::server
