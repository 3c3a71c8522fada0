// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/leasedbucketstore.h"

#include "server/accounts/serversecret.h"
#include "server/serverlogging.h"
#include "shared/database.h"

#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <vector>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

// A row untouched this long is full again under any budget the server
// offers (the longest window is a day), so it says nothing a missing one
// does not.
constexpr qint64 kForgetRowsAfterMs = 24LL * 60 * 60 * 1000;
constexpr qint64 kPurgeEveryMs = 60'000;
// Conditional updates lost to another instance before the lease gives up.
constexpr int kAttempts = 4;

qint64 retryAfterMs(double missing, const BucketStore::Limit &limit)
{
    return limit.perSecond > 0 ? qint64(std::ceil(missing / limit.perSecond * 1000.0)) : -1;
}

} // namespace

shared::Database *LeasedBucketStore::threadConnection(const QString &location)
{
    thread_local std::map<QString, std::unique_ptr<shared::Database>> open;
    std::unique_ptr<shared::Database> &db = open[location];
    if (!db) {
        auto opened = shared::Database::open(location);
        if (!opened) {
            qCWarning(lcServer) << "rate limits: no database connection:" << opened.error().message;
            return nullptr;
        }
        if (VoidResult r = (*opened)->commitWithoutWaitingForDisk(); !r)
            qCWarning(lcServer) << "rate limits: leases wait for the disk:" << r.error().message;
        db = std::move(opened.value());
    }
    return db.get();
}

LeasedBucketStore::LeasedBucketStore(Connection connection)
    : LeasedBucketStore(std::move(connection), Settings {})
{ }

LeasedBucketStore::LeasedBucketStore(Connection connection, Settings settings)
    : m_connection(std::move(connection))
    , m_settings(settings)
{ }

LeasedBucketStore::~LeasedBucketStore()
{
    returnAll();
}

BucketStore::Decision LeasedBucketStore::take(const QByteArray &key, double cost, const Limit &limit, qint64 nowMs)
{
    sweep(nowMs);
    Shard &shard = m_shards[qHash(key) % kShards];
    // Held across a lease so one key is leased once at a time in this
    // process; other keys' shards go on.
    std::lock_guard lock(shard.mutex);
    Slice &slice = shard.slices[key];
    slice.limit = limit;
    Decision d;
    if (nowMs < slice.expiresMs && slice.tokens >= cost) {
        slice.tokens -= cost;
        d.remaining = slice.tokens;
        return d;
    }
    if (nowMs < slice.refusedUntilMs) {
        // The row cannot have refilled yet: no need to ask it again.
        d.allowed = false;
        d.retryAfterMs = slice.refusedUntilMs - nowMs;
        return d;
    }
    const double want = std::max(cost, std::ceil(limit.capacity * m_settings.sliceFraction));
    Result<Lease> leased = lease(key, cost, want, slice.tokens, limit, nowMs);
    if (!leased) {
        // The database is the server's own: when it fails, so does the
        // request's handler. Refusing everyone here would only hide that.
        qCWarning(lcServer) << "rate limit: no lease:" << leased.error().message;
        return d;
    }
    slice.tokens = 0;
    slice.expiresMs = 0;
    if (leased->granted >= cost) {
        ++m_leases;
        slice.tokens = leased->granted - cost;
        slice.expiresMs = nowMs + m_settings.leaseMs;
        d.remaining = slice.tokens;
        return d;
    }
    d.allowed = false;
    d.remaining = leased->available;
    d.retryAfterMs = retryAfterMs(cost - leased->available, limit);
    slice.refusedUntilMs = nowMs + (d.retryAfterMs > 0 ? d.retryAfterMs : m_settings.leaseMs);
    return d;
}

Result<LeasedBucketStore::Lease> LeasedBucketStore::lease(const QByteArray &key, double cost, double want,
                                                          double giveBack, const Limit &limit, qint64 nowMs)
{
    shared::Database *db = m_connection();
    if (!db)
        return Error::make(shared::ErrorCode::DatabaseOpenFailed, QStringLiteral("rate limit: no database connection"));
    Result<QString> hash = keyed(*db, key);
    if (!hash)
        return hash.error();
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        Lease result;
        bool written = false;
        VoidResult r = db->transaction([&]() -> VoidResult {
            Result<QSqlQuery> q = db->exec(
                QStringLiteral("SELECT tokens, updated_ms, version FROM rate_buckets WHERE key_hash = ?"), { *hash });
            if (!q)
                return q.error();
            const bool exists = q->next();
            double tokens = limit.capacity;
            qint64 updatedMs = nowMs;
            qint64 version = 0;
            if (exists) {
                updatedMs = q->value(1).toLongLong();
                version = q->value(2).toLongLong();
                tokens = q->value(0).toDouble()
                    + double(std::max<qint64>(0, nowMs - updatedMs)) / 1000.0 * limit.perSecond + giveBack;
                tokens = std::min(limit.capacity, tokens);
            }
            q->finish();
            result.available = tokens;
            result.granted = tokens >= cost ? std::min(want, tokens) : 0.0;
            if (exists && result.granted <= 0 && giveBack <= 0) {
                written = true; // nothing to change
                return VoidResult::success();
            }
            // Conditional on the version read (on the key for a new row):
            // another instance's lease in between makes this one try again.
            Result<QSqlQuery> w = exists
                ? db->exec(QStringLiteral("UPDATE rate_buckets SET tokens = ?, updated_ms = ?, version = version + 1 "
                                          "WHERE key_hash = ? AND version = ?"),
                           { tokens - result.granted, std::max(updatedMs, nowMs), *hash, version })
                : db->exec(QStringLiteral("INSERT INTO rate_buckets(key_hash, tokens, updated_ms, version) "
                                          "VALUES (?, ?, ?, 1) ON CONFLICT(key_hash) DO NOTHING"),
                           { *hash, tokens - result.granted, nowMs });
            if (!w)
                return w.error();
            written = w->numRowsAffected() == 1;
            return VoidResult::success();
        });
        if (!r)
            return r.error();
        if (written)
            return result;
    }
    return Error::make(shared::ErrorCode::DatabaseError,
                       QStringLiteral("rate limit: the bucket kept changing under the lease"));
}

VoidResult LeasedBucketStore::giveBack(shared::Database &db, const QByteArray &key, double tokens, const Limit &limit)
{
    Result<QString> hash = keyed(db, key);
    if (!hash)
        return hash.error();
    // CASE rather than MIN()/LEAST(): the engines spell those differently.
    return db.run(
        QStringLiteral("UPDATE rate_buckets SET tokens = CASE WHEN tokens + ? > ? THEN ? ELSE tokens + ? END, "
                       "version = version + 1 WHERE key_hash = ?"),
        { tokens, limit.capacity, limit.capacity, tokens, *hash });
}

Result<QString> LeasedBucketStore::keyed(shared::Database &db, const QByteArray &key)
{
    std::lock_guard lock(m_keyMutex);
    if (m_hmacKey.isEmpty()) {
        // The key PersistentLimits uses too: the table names no address.
        Result<QByteArray> secret = ServerSecret::get(db, QStringLiteral("limits_key"));
        if (!secret)
            return secret.error();
        m_hmacKey = *secret;
    }
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash("rate:" + key, m_hmacKey, QCryptographicHash::Sha256).toHex());
}

void LeasedBucketStore::sweep(qint64 nowMs)
{
    qint64 due = m_nextSweepMs.load();
    if (nowMs < due || !m_nextSweepMs.compare_exchange_strong(due, nowMs + m_settings.leaseMs))
        return;
    struct Unspent
    {
        QByteArray key;
        double tokens;
        Limit limit;
    };
    std::vector<Unspent> unspent;
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        for (auto it = shard.slices.begin(); it != shard.slices.end();) {
            if (it->expiresMs > nowMs || it->refusedUntilMs > nowMs) {
                ++it;
                continue;
            }
            if (it->tokens > 0)
                unspent.push_back({ it.key(), it->tokens, it->limit });
            it = shard.slices.erase(it);
        }
    }
    shared::Database *db = m_connection();
    if (!db)
        return;
    // One transaction for them all: one commit, however many keys went idle.
    if (!unspent.empty()) {
        VoidResult r = db->transaction([&]() -> VoidResult {
            for (const Unspent &u : unspent) {
                if (VoidResult given = giveBack(*db, u.key, u.tokens, u.limit); !given)
                    return given;
            }
            return VoidResult::success();
        });
        if (!r)
            qCWarning(lcServer) << "rate limit: unspent tokens not given back:" << r.error().message;
    }
    qint64 purgeDue = m_nextPurgeMs.load();
    if (nowMs >= purgeDue && m_nextPurgeMs.compare_exchange_strong(purgeDue, nowMs + kPurgeEveryMs)) {
        if (VoidResult r
            = db->run(QStringLiteral("DELETE FROM rate_buckets WHERE updated_ms < ?"), { nowMs - kForgetRowsAfterMs });
            !r)
            qCWarning(lcServer) << "rate limit: old buckets not purged:" << r.error().message;
    }
}

void LeasedBucketStore::returnAll()
{
    std::vector<std::pair<QByteArray, Slice>> held;
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        for (auto it = shard.slices.cbegin(); it != shard.slices.cend(); ++it) {
            if (it->tokens > 0)
                held.emplace_back(it.key(), *it);
        }
        shard.slices.clear();
    }
    if (held.empty())
        return;
    shared::Database *db = m_connection();
    if (!db)
        return;
    VoidResult r = db->transaction([&]() -> VoidResult {
        for (const auto &[key, slice] : held) {
            if (VoidResult given = giveBack(*db, key, slice.tokens, slice.limit); !given)
                return given;
        }
        return VoidResult::success();
    });
    if (!r)
        qCWarning(lcServer) << "rate limit: unspent tokens not given back:" << r.error().message;
}

} // namespace quire::server
