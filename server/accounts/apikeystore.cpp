// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/apikeystore.h"

#include "server/accounts/serversecret.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/errorcode.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"

#include <QSqlQuery>
#include <QVariant>

#include <sodium.h>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

constexpr QByteArrayView kKeyStart = "quire_";
constexpr qsizetype kPrefixBytes = 6; // 12 hex digits: shown in lists, finds the row
constexpr qsizetype kSecretBytes = 32; // 256 bits
constexpr qsizetype kSecretChars = 43; // base64url without padding
constexpr qsizetype kHashBytes = 32;

QString nowText()
{
    return shared::Timestamp::format(shared::Clock::instance().now());
}

// "quire_<prefix>_<secret>" split, or nullopt when it is not that shape.
std::optional<std::pair<QByteArrayView, QByteArrayView>> split(QByteArrayView token)
{
    const qsizetype prefixEnd = kKeyStart.size() + 2 * kPrefixBytes;
    if (!token.startsWith(kKeyStart) || token.size() != prefixEnd + 1 + kSecretChars || token.at(prefixEnd) != '_')
        return std::nullopt;
    const QByteArrayView prefix = token.sliced(kKeyStart.size(), 2 * kPrefixBytes);
    for (char c : prefix) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return std::nullopt;
    }
    return std::make_pair(prefix, token.sliced(prefixEnd + 1));
}

QList<shared::ApiKeyScope> scopesOf(const QString &stored)
{
    return shared::apiKeyScopesFrom(stored.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        .value_or(QList<shared::ApiKeyScope>());
}

const QString kKeyColumns = QStringLiteral("id, name, prefix, scopes, created_at, last_used_at, revoked_at");

ApiKey readKey(const QSqlQuery &q)
{
    ApiKey k;
    k.id = q.value(0).toString();
    k.name = q.value(1).toString();
    k.prefix = q.value(2).toString();
    k.scopes = scopesOf(q.value(3).toString());
    k.createdAt = q.value(4).toString();
    k.lastUsedAt = q.value(5).toString();
    k.revokedAt = q.value(6).toString();
    return k;
}

nlohmann::json textOrNull(const QString &s)
{
    return s.isEmpty() ? nlohmann::json() : nlohmann::json(s.toStdString());
}

} // namespace

nlohmann::json ApiKey::toJson() const
{
    nlohmann::json scopeNames = nlohmann::json::array();
    for (const QString &s : shared::apiKeyScopeNames(scopes))
        scopeNames.push_back(s.toStdString());
    return { { "id", id.toStdString() },
             { "name", name.toStdString() },
             { "prefix", QStringLiteral("quire_%1").arg(prefix).toStdString() },
             { "scopes", scopeNames },
             { "created_at", createdAt.toStdString() },
             { "last_used_at", textOrNull(lastUsedAt) },
             { "revoked_at", textOrNull(revokedAt) } };
}

ApiKeyStore::ApiKeyStore(shared::Database &db)
    : m_db(db)
{ }

bool ApiKeyStore::looksLikeKey(QByteArrayView token)
{
    return token.startsWith(kKeyStart);
}

// A keyed BLAKE2b of the secret under the server's pepper, not a password
// hash (Argon2): the secret is 256 random bits, so nobody can guess it from
// its hash however fast the hash is, and a slow hash would cost every
// program's request milliseconds of CPU for nothing. The pepper (kept in
// server_meta) means a leaked list of hashes alone cannot even confirm a
// key someone holds.
Result<QByteArray> ApiKeyStore::secretHash(QByteArrayView secret)
{
    if (m_pepper.isEmpty()) {
        Result<QByteArray> pepper = ServerSecret::get(m_db, QStringLiteral("api_key_pepper"));
        if (!pepper)
            return pepper.error();
        m_pepper = *pepper;
    }
    QByteArray out(kHashBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                       reinterpret_cast<const unsigned char *>(secret.data()), size_t(secret.size()),
                       reinterpret_cast<const unsigned char *>(m_pepper.constData()), size_t(m_pepper.size()));
    return out;
}

Result<ApiKeyStore::Issued> ApiKeyStore::create(const QString &userId, const QString &name,
                                                const QList<shared::ApiKeyScope> &scopes)
{
    QByteArray prefixBytes(kPrefixBytes, Qt::Uninitialized);
    QByteArray secret(kSecretBytes, Qt::Uninitialized);
    randombytes_buf(prefixBytes.data(), size_t(prefixBytes.size()));
    randombytes_buf(secret.data(), size_t(secret.size()));
    const QByteArray secretText = secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    Result<QByteArray> hash = secretHash(secretText);
    if (!hash)
        return hash.error();
    Issued issued;
    issued.key.id = shared::Uuid::createV7();
    issued.key.name = name;
    issued.key.prefix = QString::fromLatin1(prefixBytes.toHex());
    issued.key.scopes = scopes;
    issued.key.createdAt = nowText();
    issued.secret = QString::fromLatin1(kKeyStart.toByteArray()) + issued.key.prefix + QLatin1Char('_')
        + QString::fromLatin1(secretText);
    // 48 bits of prefix: a clash is unlikely, and refused by the unique
    // index rather than ever sharing a row.
    if (VoidResult r = m_db.run(QStringLiteral("INSERT INTO api_keys (id, user_id, name, prefix, secret_hash, scopes, "
                                               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                { issued.key.id, userId, name, issued.key.prefix, QString::fromLatin1(hash->toHex()),
                                  shared::apiKeyScopeNames(scopes).join(QLatin1Char(' ')), issued.key.createdAt });
        !r)
        return r.error();
    return issued;
}

Result<QList<ApiKey>> ApiKeyStore::list(const QString &userId)
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT %1 FROM api_keys WHERE user_id = ? ORDER BY created_at DESC, id DESC").arg(kKeyColumns),
        { userId });
    if (!q)
        return q.error();
    QList<ApiKey> keys;
    while (q->next())
        keys << readKey(*q);
    return keys;
}

Result<bool> ApiKeyStore::revoke(const QString &userId, const QString &id)
{
    Result<QVariant> found
        = m_db.scalar(QStringLiteral("SELECT id FROM api_keys WHERE id = ? AND user_id = ?"), { id, userId });
    if (!found)
        return found.error();
    if (found->isNull())
        return false;
    if (VoidResult r = m_db.run(
            QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL"),
            { nowText(), id, userId });
        !r)
        return r.error();
    return true;
}

Result<std::optional<Principal>> ApiKeyStore::authenticate(QByteArrayView token, qint64 *lastUsedMs)
{
    const auto parts = split(token);
    if (!parts)
        return std::optional<Principal>();
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT k.id, k.name, k.scopes, k.secret_hash, k.last_used_at, u.id, u.email, u.role, "
                       "u.email_verified, u.disabled FROM api_keys k JOIN users u ON u.id = k.user_id "
                       "WHERE k.prefix = ? AND k.revoked_at IS NULL"),
        { QString::fromLatin1(parts->first.toByteArray()) });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Principal>();
    Result<QByteArray> hash = secretHash(parts->second);
    if (!hash)
        return hash.error();
    const QByteArray stored = QByteArray::fromHex(q->value(3).toString().toLatin1());
    if (stored.size() != hash->size()
        || sodium_memcmp(stored.constData(), hash->constData(), size_t(hash->size())) != 0)
        return std::optional<Principal>();
    if (q->value(9).toBool())
        return Error::make(shared::ErrorCode::AccountDisabled, QStringLiteral("This account is disabled."));
    Principal p;
    p.apiKeyId = q->value(0).toString();
    p.apiKeyName = q->value(1).toString();
    p.apiKeyScopes = scopesOf(q->value(2).toString());
    p.userId = q->value(5).toString();
    p.email = q->value(6).toString();
    p.role = shared::roleFromName(q->value(7).toString()).value_or(shared::Role::Reader);
    p.emailVerified = q->value(8).toBool();
    if (lastUsedMs) {
        const std::optional<QDateTime> last = shared::Timestamp::parse(q->value(4).toString());
        *lastUsedMs = last ? last->toMSecsSinceEpoch() : 0;
    }
    return std::optional<Principal>(p);
}

VoidResult ApiKeyStore::touch(const QString &keyId)
{
    const qint64 now = shared::Clock::instance().nowMs();
    // Timestamps are ISO 8601 text in one format, so text order is time order.
    return m_db.run(QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ? AND revoked_at IS NULL AND "
                                   "(last_used_at IS NULL OR last_used_at < ?)"),
                    { shared::Timestamp::formatMs(now), keyId, shared::Timestamp::formatMs(now - kTouchIntervalMs) });
}

} // namespace quire::server
