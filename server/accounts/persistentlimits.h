// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/accounts/ratelimiter.h"
#include "shared/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// The limits that protect real users, kept in the database so that neither
// a restart nor several server instances on one database can be used to
// lock someone out, or to try N times as often: per-account allowances
// (token buckets), the failure back-off per (account, address) pair, and
// the addresses each account has signed in from. Bucket names and addresses are
// stored only as HMAC-SHA256 under a random key of this database, so the
// tables list no one's email or IP address. On the calling worker's
// connection; cheap next to the Argon2 check it guards.
class PersistentLimits
{
public:
    // An address unused this long is a stranger again; an account keeps at
    // most this many (the most recent).
    static constexpr int kKnownAddressDays = 90;
    static constexpr int kMaxKnownAddresses = 20;

    // `math` gives the bucket arithmetic and the configured scale.
    PersistentLimits(shared::Database &db, const RateLimiter &math);

    // Takes one token from the bucket named `key`, atomically across
    // threads and instances: nullopt when allowed, otherwise the seconds
    // to wait (RateLimiter::take's contract).
    shared::Result<std::optional<int>> take(const QString &key, const RateLimiter::Policy &policy, qint64 nowMs);

    // The back-off of the pair `pairKey` (RateLimiter::failureDelayMs): the
    // seconds it must still wait, or nullopt.
    shared::Result<std::optional<int>> failureDelay(const QString &pairKey, qint64 nowMs);
    // Counts a failed sign-in of the pair (and forgets stale pairs).
    shared::VoidResult recordFailure(const QString &pairKey, qint64 nowMs);
    // A success clears the pair.
    shared::VoidResult recordSuccess(const QString &pairKey);

    // True when the account has signed in from `address` within the last
    // kKnownAddressDays.
    shared::Result<bool> isKnownAddress(const QString &userId, const QString &address, qint64 nowMs);
    // Records a successful sign-in from `address` and forgets the account's
    // stale and surplus addresses.
    shared::VoidResult rememberAddress(const QString &userId, const QString &address, qint64 nowMs);

private:
    shared::Result<QString> keyed(const QString &text);

    shared::Database &m_db;
    const RateLimiter &m_math;
    QByteArray m_key;
};

} // namespace quire::server
