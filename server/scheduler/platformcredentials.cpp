// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/platformcredentials.h"

#include "server/credentials/sealedvalue.h"
#include "server/serverlogging.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/schedulernames.h"
#include "shared/timestamp.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <utility>

namespace quire::server {

using shared::PlatformKind;
using shared::Result;

namespace {

// Secrets are tokens and passwords: anything longer is a mistake.
constexpr int kMaxSecretLength = 4096;

// The fields each kind's secret is made of, all required.
const QList<std::pair<PlatformKind, QStringList>> &secretFields()
{
    static const QList<std::pair<PlatformKind, QStringList>> fields {
        { PlatformKind::Webhook, { QStringLiteral("token") } }, // the HMAC signing secret
        { PlatformKind::Mastodon, { QStringLiteral("token") } }, // a bearer token
        { PlatformKind::Bluesky, { QStringLiteral("identifier"), QStringLiteral("app_password") } },
    };
    return fields;
}

} // namespace

Result<std::shared_ptr<const CredentialVault>> PlatformCredentials::configuredVault(const QString &keyFile)
{
    if (keyFile.isEmpty() && qEnvironmentVariableIsEmpty(CredentialKeys::kEnvironmentVariable)) {
        qCInfo(lcServer, "no credential keys configured: platform credentials cannot be stored");
        return std::shared_ptr<const CredentialVault>();
    }
    Result<CredentialKeys> keys = CredentialKeys::load(keyFile);
    if (!keys)
        return keys.error();
    return std::shared_ptr<const CredentialVault>(std::make_shared<CredentialVault>(std::move(*keys)));
}

const QString &PlatformCredentials::table()
{
    static const QString name = QStringLiteral("platform_credentials");
    return name;
}

AssociatedData PlatformCredentials::where(const QString &platformId)
{
    return AssociatedData { table(), platformId, QStringLiteral("secret") };
}

nlohmann::json PlatformCredentials::secretOf(const QString &kind, const nlohmann::json &body,
                                             shared::FieldErrors &errors)
{
    nlohmann::json secret = nlohmann::json::object();
    if (!body.is_object()) {
        errors.add(QStringLiteral("body"), QStringLiteral("Send a JSON object."));
        return secret;
    }
    const std::optional<PlatformKind> k = shared::kPlatformKinds.fromName(kind);
    QStringList wanted;
    for (const auto &[each, names] : secretFields()) {
        if (k == each)
            wanted = names;
    }
    for (const QString &field : wanted) {
        const auto value = body.find(field.toStdString());
        if (value == body.end() || !value->is_string() || value->get_ref<const std::string &>().empty())
            errors.add(field, QStringLiteral("Required: the %1 platform's %2.").arg(kind, field));
        else if (value->get_ref<const std::string &>().size() > size_t(kMaxSecretLength))
            errors.add(field, QStringLiteral("At most %1 characters.").arg(kMaxSecretLength));
        else
            secret[field.toStdString()] = *value;
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = QString::fromStdString(it.key());
        if (!wanted.contains(key))
            errors.add(key, QStringLiteral("A %1 platform does not take this.").arg(kind));
    }
    return secret;
}

Result<QString> PlatformCredentials::store(shared::Database &db, const CredentialVault &vault,
                                           const QString &platformId, const nlohmann::json &secret)
{
    const QByteArray plain = QByteArray::fromStdString(secret.dump());
    Result<QString> sealed = vault.encrypt(plain, where(platformId));
    if (!sealed)
        return sealed.error();
    const QString now = shared::Timestamp::format(shared::Clock::instance().now());
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("INSERT INTO platform_credentials(platform_id, sealed, key_id, set_at) "
                                 "VALUES (?, ?, ?, ?) ON CONFLICT(platform_id) DO UPDATE SET "
                                 "sealed = excluded.sealed, key_id = excluded.key_id, "
                                 "set_at = excluded.set_at"),
                  { platformId, *sealed, vault.currentKeyId(), now });
    if (!q)
        return q.error();
    return now;
}

Result<bool> PlatformCredentials::remove(shared::Database &db, const QString &platformId)
{
    Result<QString> at = storedAt(db, platformId);
    if (!at)
        return at.error();
    if (at->isEmpty())
        return false;
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("DELETE FROM platform_credentials WHERE platform_id = ?"), { platformId });
    if (!q)
        return q.error();
    return true;
}

Result<QString> PlatformCredentials::storedAt(shared::Database &db, const QString &platformId)
{
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT set_at FROM platform_credentials WHERE platform_id = ?"), { platformId });
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Result<std::optional<nlohmann::json>> PlatformCredentials::open(shared::Database &db, const CredentialVault &vault,
                                                                const QString &platformId)
{
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT sealed FROM platform_credentials WHERE platform_id = ?"), { platformId });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<nlohmann::json>();
    Result<QByteArray> plain = vault.decrypt(q->value(0).toString(), where(platformId));
    if (!plain)
        return plain.error();
    nlohmann::json secret = nlohmann::json::parse(plain->toStdString(), nullptr, false);
    if (!secret.is_object())
        return shared::Error::make(shared::ErrorCode::Corrupt, QStringLiteral("A stored credential is not JSON."));
    return std::optional<nlohmann::json>(std::move(secret));
}

Result<int> PlatformCredentials::reencryptAll(shared::Database &db, const CredentialVault &vault)
{
    int moved = 0;
    shared::VoidResult done = db.transaction([&]() -> shared::VoidResult {
        Result<QSqlQuery> q = db.exec(QStringLiteral("SELECT platform_id, sealed FROM platform_credentials"));
        if (!q)
            return q.error();
        QList<std::pair<QString, QString>> stale;
        while (q->next()) {
            if (!vault.isSealedWithCurrentKey(q->value(1).toString()))
                stale.append({ q->value(0).toString(), q->value(1).toString() });
        }
        for (const auto &[platformId, sealed] : stale) {
            Result<QString> fresh = vault.reencrypt(sealed, where(platformId));
            if (!fresh)
                return fresh.error();
            Result<QSqlQuery> u = db.exec(
                QStringLiteral("UPDATE platform_credentials SET sealed = ?, key_id = ? WHERE platform_id = ?"),
                { *fresh, vault.currentKeyId(), platformId });
            if (!u)
                return u.error();
            ++moved;
        }
        return shared::VoidResult::success();
    });
    if (!done)
        return done.error();
    return moved;
}

} // namespace quire::server
