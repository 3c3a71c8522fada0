// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/credentialroutes.h"

#include "server/audit/auditchain.h"
#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/scheduler/platformcredentials.h"
#include "server/scheduler/schedulerjson.h"
#include "server/scheduler/schedulerroutes.h"
#include "server/servercontext.h"
#include "shared/database.h"
#include "shared/schedulertables.h"

namespace quire::server::CredentialRoutes {

namespace {

using shared::Result;
using shared::VoidResult;

// The audit entry of a change to `platform`'s credential: ids and the kind,
// never the value.
VoidResult audit(shared::Database &db, AuditAction action, const HttpRequest &request, const StoredRow &platform)
{
    const QString id = request.params.value(QStringLiteral("id"));
    AuditEntry entry { action,
                       request.principal->userId,
                       PlatformCredentials::table(),
                       id,
                       { { "kind", platform.values.value("kind", std::string()) } } };
    Result<AuditRecord> appended = AuditChain::append(db, entry);
    if (!appended)
        return appended.error();
    return VoidResult::success();
}

// The platform as GET answers it, after the change.
HttpResponse platformAnswer(ContentWriter &writer, const HttpRequest &request)
{
    auto found = SchedulerRoutes::find(writer, shared::platformsTable(), request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    return HttpResponse::json(
        200,
        SchedulerJson::toApi(SchedulerJson::accessOf(shared::platformsTable()), std::get<StoredRow>(found), QString()));
}

HttpResponse store(HttpRequest &request, WorkerServices &services)
{
    // The platform first: one the caller cannot see is not found, whatever
    // this server's keys (and says nothing about its configuration).
    ContentWriter writer(services, *request.principal);
    auto found = SchedulerRoutes::find(writer, shared::platformsTable(), request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    const CredentialVault *vault = services.vault();
    if (!vault)
        return HttpResponse::error(shared::ErrorCode::CredentialsNotConfigured,
                                   QStringLiteral("Credentials are not configured on this server: its operator "
                                                  "has to give it a credential key file."));
    const StoredRow &platform = std::get<StoredRow>(found);
    shared::FieldErrors errors;
    const nlohmann::json secret = PlatformCredentials::secretOf(
        QString::fromStdString(platform.values.value("kind", std::string())), request.json, errors);
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    const QString id = request.params.value(QStringLiteral("id"));
    VoidResult done = writer.transaction([&]() -> VoidResult {
        Result<QString> at = PlatformCredentials::store(services.database(), *vault, id, secret);
        if (!at)
            return at.error();
        if (VoidResult settled = writer.settle(shared::platformsTable(), id); !settled)
            return settled;
        return audit(services.database(), AuditAction::CredentialAdded, request, platform);
    });
    if (!done)
        return errorResponse(done.error());
    return platformAnswer(writer, request);
}

// Needs no key: a secret can always be forgotten.
HttpResponse remove(HttpRequest &request, WorkerServices &services)
{
    ContentWriter writer(services, *request.principal);
    auto found = SchedulerRoutes::find(writer, shared::platformsTable(), request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    const StoredRow &platform = std::get<StoredRow>(found);
    const QString id = request.params.value(QStringLiteral("id"));
    VoidResult done = writer.transaction([&]() -> VoidResult {
        Result<bool> removed = PlatformCredentials::remove(services.database(), id);
        if (!removed)
            return removed.error();
        if (!*removed)
            return VoidResult::success(); // none stored: removing it again is the same as once
        if (VoidResult settled = writer.settle(shared::platformsTable(), id); !settled)
            return settled;
        return audit(services.database(), AuditAction::CredentialRemoved, request, platform);
    });
    if (!done)
        return errorResponse(done.error());
    return HttpResponse::noContent();
}

} // namespace

void install(Router &router, const Guard &guard)
{
    const QString path = QStringLiteral("/api/v1/platforms/:id/credentials");
    router.add(QStringLiteral("POST"), path, store, Router::BodyKind::Json, guard);
    router.add(QStringLiteral("DELETE"), path, remove, Router::BodyKind::None, guard);
}

} // namespace quire::server::CredentialRoutes
