// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/persistentlimits.h"

#include "server/accounts/serversecret.h"
#include "shared/database.h"
#include "shared/timestamp.h"

#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

namespace {
constexpr qint64 kKnownAddressMs = qint64(PersistentLimits::kKnownAddressDays) * 24 * 60 * 60 * 1000;
}

PersistentLimits::PersistentLimits(shared::Database &db, const RateLimiter &math)
    : m_db(db)
    , m_math(math)
{ }

Result<QString> PersistentLimits::keyed(const QString &text)
{
    if (m_key.isEmpty()) {
        // Made on first use, like the preview secret (ServerSecret): 32
        // random bytes. Every instance on this database shares it.
        shared::Result<QByteArray> key = ServerSecret::get(m_db, QStringLiteral("limits_key"));
        if (!key)
            return key.error();
        m_key = *key;
    }
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(text.toUtf8(), m_key, QCryptographicHash::Sha256).toHex());
}

Result<std::optional<int>> PersistentLimits::take(const QString &key, const RateLimiter::Policy &policy, qint64 nowMs)
{
    Result<QString> hash = keyed(QStringLiteral("bucket:") + key);
    if (!hash)
        return hash.error();
    std::optional<int> wait;
    // One transaction (BEGIN IMMEDIATE): read, refill, take and write back
    // cannot interleave with another worker's or another instance's.
    VoidResult r = m_db.transaction([&]() -> VoidResult {
        Result<QSqlQuery> q
            = m_db.exec(QStringLiteral("SELECT tokens, updated_ms FROM limit_buckets WHERE key_hash = ?"), { *hash });
        if (!q)
            return q.error();
        RateLimiter::Bucket bucket = m_math.full(policy, nowMs);
        if (q->next())
            bucket = { q->value(0).toDouble(), q->value(1).toLongLong() };
        wait = m_math.takeFrom(bucket, policy, nowMs);
        if (VoidResult w
            = m_db.run(QStringLiteral(
                           "INSERT INTO limit_buckets(key_hash, tokens, updated_ms, full_at_ms) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT(key_hash) DO UPDATE SET tokens = excluded.tokens, "
                           "updated_ms = excluded.updated_ms, full_at_ms = excluded.full_at_ms"),
                       { *hash, bucket.tokens, bucket.updatedMs, m_math.fullAgainMs(bucket, policy) });
            !w)
            return w;
        // A bucket that has filled up again says nothing a missing one does not.
        return m_db.run(QStringLiteral("DELETE FROM limit_buckets WHERE full_at_ms < ?"), { nowMs });
    });
    if (!r)
        return r.error();
    return wait;
}

Result<std::optional<int>> PersistentLimits::failureDelay(const QString &pairKey, qint64 nowMs)
{
    Result<QString> hash = keyed(QStringLiteral("pair:") + pairKey);
    if (!hash)
        return hash.error();
    Result<QVariant> until
        = m_db.scalar(QStringLiteral("SELECT blocked_until_ms FROM signin_failures WHERE pair_hash = ?"), { *hash });
    if (!until)
        return until.error();
    const qint64 untilMs = until->isNull() ? 0 : until->toLongLong();
    if (untilMs <= nowMs)
        return std::optional<int>();
    return std::optional<int>(std::max<qint64>(1, (untilMs - nowMs + 999) / 1000));
}

VoidResult PersistentLimits::recordFailure(const QString &pairKey, qint64 nowMs)
{
    Result<QString> hash = keyed(QStringLiteral("pair:") + pairKey);
    if (!hash)
        return hash.error();
    // Read and write in one transaction, so failures counted on two
    // instances at once both count.
    return m_db.transaction([&]() -> VoidResult {
        const qint64 staleMs = nowMs - RateLimiter::kForgetAfterMs;
        if (VoidResult r = m_db.run(QStringLiteral("DELETE FROM signin_failures WHERE last_ms < ?"), { staleMs }); !r)
            return r;
        Result<QVariant> before
            = m_db.scalar(QStringLiteral("SELECT failures FROM signin_failures WHERE pair_hash = ?"), { *hash });
        if (!before)
            return before.error();
        const int failures = before->toInt() + 1;
        const qint64 delay = m_math.failureDelayMs(failures);
        return m_db.run(QStringLiteral("INSERT INTO signin_failures(pair_hash, failures, blocked_until_ms, last_ms) "
                                       "VALUES (?, ?, ?, ?) ON CONFLICT(pair_hash) DO UPDATE SET "
                                       "failures = excluded.failures, blocked_until_ms = excluded.blocked_until_ms, "
                                       "last_ms = excluded.last_ms"),
                        { *hash, failures, delay > 0 ? nowMs + delay : 0, nowMs });
    });
}

VoidResult PersistentLimits::recordSuccess(const QString &pairKey)
{
    Result<QString> hash = keyed(QStringLiteral("pair:") + pairKey);
    if (!hash)
        return hash.error();
    return m_db.run(QStringLiteral("DELETE FROM signin_failures WHERE pair_hash = ?"), { *hash });
}

Result<bool> PersistentLimits::isKnownAddress(const QString &userId, const QString &address, qint64 nowMs)
{
    Result<QString> hash = keyed(QStringLiteral("address:") + address);
    if (!hash)
        return hash.error();
    Result<QVariant> n = m_db.scalar(
        QStringLiteral(
            "SELECT count(*) FROM known_addresses WHERE user_id = ? AND address_hash = ? AND last_seen_at > ?"),
        { userId, *hash, shared::Timestamp::formatMs(nowMs - kKnownAddressMs) });
    if (!n)
        return n.error();
    return n->toInt() > 0;
}

VoidResult PersistentLimits::rememberAddress(const QString &userId, const QString &address, qint64 nowMs)
{
    Result<QString> hash = keyed(QStringLiteral("address:") + address);
    if (!hash)
        return hash.error();
    return m_db.transaction([&]() -> VoidResult {
        if (VoidResult r = m_db.run(QStringLiteral("INSERT INTO known_addresses(user_id, address_hash, last_seen_at) "
                                                   "VALUES (?, ?, ?) ON CONFLICT(user_id, address_hash) "
                                                   "DO UPDATE SET last_seen_at = excluded.last_seen_at"),
                                    { userId, *hash, shared::Timestamp::formatMs(nowMs) });
            !r)
            return r;
        if (VoidResult r
            = m_db.run(QStringLiteral("DELETE FROM known_addresses WHERE user_id = ? AND last_seen_at <= ?"),
                       { userId, shared::Timestamp::formatMs(nowMs - kKnownAddressMs) });
            !r)
            return r;
        return m_db.run(QStringLiteral("DELETE FROM known_addresses WHERE user_id = ? AND address_hash NOT IN "
                                       "(SELECT address_hash FROM known_addresses WHERE user_id = ? "
                                       "ORDER BY last_seen_at DESC LIMIT ?)"),
                        { userId, userId, kMaxKnownAddresses });
    });
}

} // namespace quire::server
