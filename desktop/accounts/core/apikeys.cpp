// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/core/apikeys.h"

#include "desktop/core/authsession.h"

namespace quire::desktop {

using shared::Error;
using shared::Result;

namespace {

const QString kPath = QStringLiteral("/api/v1/users/me/api-keys");

Error failure(const ApiReply &reply)
{
    return reply.error ? *reply.error : Error::make(shared::ErrorCode::Unknown, QString());
}

QString text(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

ApiKeyInfo readKey(const nlohmann::json &j)
{
    ApiKeyInfo k;
    k.id = text(j, "id");
    k.name = text(j, "name");
    k.prefix = text(j, "prefix");
    QStringList names;
    for (const nlohmann::json &s : j.value("scopes", nlohmann::json::array())) {
        if (s.is_string())
            names << QString::fromStdString(s.get<std::string>());
    }
    // A scope this build does not know yet is left out rather than failing the list.
    for (const QString &n : names) {
        if (const std::optional<shared::ApiKeyScope> s = shared::kApiKeyScopes.fromName(n))
            k.scopes << *s;
    }
    k.createdAt = text(j, "created_at");
    k.lastUsedAt = text(j, "last_used_at");
    k.revokedAt = text(j, "revoked_at");
    return k;
}

} // namespace

ApiKeys::ApiKeys(AuthSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{ }

void ApiKeys::list(std::function<void(Result<QList<ApiKeyInfo>>)> done)
{
    m_session.call(QStringLiteral("GET"), kPath, std::nullopt, [done](const ApiReply &reply) {
        if (!reply.ok()) {
            done(failure(reply));
            return;
        }
        QList<ApiKeyInfo> keys;
        for (const nlohmann::json &k : reply.json.value("items", nlohmann::json::array()))
            keys << readKey(k);
        done(keys);
    });
}

void ApiKeys::create(const QString &name, const QList<shared::ApiKeyScope> &scopes,
                     std::function<void(Result<Created>)> done)
{
    nlohmann::json names = nlohmann::json::array();
    for (const QString &s : shared::apiKeyScopeNames(scopes))
        names.push_back(s.toStdString());
    m_session.call(QStringLiteral("POST"), kPath,
                   nlohmann::json { { "name", name.trimmed().toStdString() }, { "scopes", names } },
                   [done](const ApiReply &reply) {
                       if (!reply.ok()) {
                           done(failure(reply));
                           return;
                       }
                       done(Created { readKey(reply.json), text(reply.json, "key") });
                   });
}

void ApiKeys::revoke(const QString &id, std::function<void(shared::VoidResult)> done)
{
    m_session.call(QStringLiteral("DELETE"), kPath + QLatin1Char('/') + id, std::nullopt,
                   [done](const ApiReply &reply) {
                       if (!reply.ok()) {
                           done(failure(reply));
                           return;
                       }
                       done(shared::VoidResult::success());
                   });
}

} // namespace quire::desktop
