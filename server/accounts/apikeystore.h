// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/accounts/principal.h"
#include "shared/apikeyscope.h"
#include "shared/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// One personal API key as its owner sees it in a list: never its secret.
struct ApiKey
{
    QString id;
    QString name;
    QString prefix; // the key's visible part, "quire_<prefix>_…"
    QList<shared::ApiKeyScope> scopes;
    QString createdAt;
    QString lastUsedAt; // empty: never used
    QString revokedAt; // empty: live

    nlohmann::json toJson() const;
};

// Personal API keys (`quire_<prefix>_<secret>`) on the calling worker's
// connection: made with 256 random bits of secret, shown once, found by
// their prefix and checked against a keyed hash of the secret, scoped,
// revoked by their owner. A worker keeps an authenticated key only while the
// database is unchanged (SignInGuard), so a revocation on any worker or
// instance holds from the next request on.
class ApiKeyStore
{
public:
    // last_used_at moves at most this often per key: a program calling
    // thousands of times a second costs one write a minute, not one each.
    static constexpr qint64 kTouchIntervalMs = 60'000;
    static constexpr int kMaxNameLength = 80;

    explicit ApiKeyStore(shared::Database &db);

    // Whether a bearer token is meant as an API key (not a session's token).
    static bool looksLikeKey(QByteArrayView token);

    // A new key for `userId`; `secret` is the whole key text, never stored.
    struct Issued
    {
        ApiKey key;
        QString secret;
    };
    shared::Result<Issued> create(const QString &userId, const QString &name, const QList<shared::ApiKeyScope> &scopes);
    // The user's keys, newest first, revoked ones included (marked so).
    shared::Result<QList<ApiKey>> list(const QString &userId);
    // Revokes the user's key `id`; false when the user has no such key.
    // Revoking a revoked key changes nothing.
    shared::Result<bool> revoke(const QString &userId, const QString &id);

    // The key's owner as a principal (with the key's id, name and scopes),
    // nullopt for an unknown, malformed or revoked key; `account_disabled`
    // when the owner's account is disabled. `lastUsedMs` gets the stored
    // last use (0: never).
    shared::Result<std::optional<Principal>> authenticate(QByteArrayView token, qint64 *lastUsedMs = nullptr);
    // Notes a use now, unless one was noted less than kTouchIntervalMs ago
    // (by any worker or instance).
    shared::VoidResult touch(const QString &keyId);

private:
    shared::Result<QByteArray> secretHash(QByteArrayView secret);

    shared::Database &m_db;
    QByteArray m_pepper; // read once per worker
};

} // namespace quire::server
