// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/apikeyroutes.h"

#include "server/accounts/apikeystore.h"
#include "server/accounts/auditlog.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/database.h"
#include "shared/jsonreader.h"

namespace quire::server::ApiKeyRoutes {

using shared::FieldErrors;
using shared::JsonReader;

namespace {

HttpResponse listKeys(HttpRequest &request, WorkerServices &services)
{
    ApiKeyStore store(services.database());
    shared::Result<QList<ApiKey>> keys = store.list(request.principal->userId);
    if (!keys)
        return HttpResponse::internalError(keys.error());
    nlohmann::json items = nlohmann::json::array();
    for (const ApiKey &k : *keys)
        items.push_back(k.toJson());
    return HttpResponse::json(200, { { "items", items } });
}

HttpResponse createKey(HttpRequest &request, WorkerServices &services)
{
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString name = r.string("name", JsonReader::Presence::Required).value_or(QString()).trimmed();
    const bool hasScopes = r.array("scopes", JsonReader::Presence::Required);
    r.refuseUnknown();
    if (!errors.has(QStringLiteral("name"))) {
        if (name.isEmpty())
            errors.add(QStringLiteral("name"), QStringLiteral("This field is required."));
        else if (name.size() > ApiKeyStore::kMaxNameLength || name.contains(QLatin1Char('\n')))
            errors.add(QStringLiteral("name"),
                       QStringLiteral("One line of at most %1 characters.").arg(ApiKeyStore::kMaxNameLength));
    }
    std::optional<QList<shared::ApiKeyScope>> scopes;
    if (hasScopes) {
        QStringList names;
        bool allText = true;
        for (const nlohmann::json &s : request.json["scopes"]) {
            if (s.is_string())
                names << QString::fromStdString(s.get<std::string>());
            else
                allText = false;
        }
        scopes = allText ? shared::apiKeyScopesFrom(names) : std::nullopt;
        if (!scopes || scopes->isEmpty())
            errors.add(QStringLiteral("scopes"),
                       QStringLiteral("Name one or more of: %1.").arg(shared::kApiKeyScopes.names().join(u", ")));
    }
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    ApiKeyStore store(services.database());
    shared::Result<ApiKeyStore::Issued> issued = store.create(request.principal->userId, name, *scopes);
    if (!issued)
        return HttpResponse::internalError(issued.error());
    // Ids and scopes only: never the key.
    AuditLog::note(services.database(), request.principal->userId, QStringLiteral("api_key_created"),
                   request.principal->userId, request.remoteAddress.toString(),
                   { { "key_id", issued->key.id.toStdString() } });
    nlohmann::json body = issued->key.toJson();
    body["key"] = issued->secret.toStdString();
    HttpResponse response = HttpResponse::json(201, body);
    response.headers.append(
        { "Location", QStringLiteral("/api/v1/users/me/api-keys/%1").arg(issued->key.id).toUtf8() });
    return response;
}

HttpResponse revokeKey(HttpRequest &request, WorkerServices &services)
{
    const QString id = request.params.value(QStringLiteral("id"));
    ApiKeyStore store(services.database());
    shared::Result<bool> revoked = store.revoke(request.principal->userId, id);
    if (!revoked)
        return HttpResponse::internalError(revoked.error());
    if (!*revoked)
        return HttpResponse::error(shared::ErrorCode::NotFound, QStringLiteral("You have no such API key."));
    AuditLog::note(services.database(), request.principal->userId, QStringLiteral("api_key_revoked"),
                   request.principal->userId, request.remoteAddress.toString(), { { "key_id", id.toStdString() } });
    return HttpResponse::noContent();
}

} // namespace

void install(Router &router)
{
    using Body = Router::BodyKind;
    const QString path = QStringLiteral("/api/v1/users/me/api-keys");
    router.add(QStringLiteral("GET"), path, listKeys, Body::None, Guard::user());
    router.add(QStringLiteral("POST"), path, createKey, Body::Json, Guard::user());
    router.add(QStringLiteral("DELETE"), path + QStringLiteral("/:id"), revokeKey, Body::None, Guard::user());
}

} // namespace quire::server::ApiKeyRoutes
