// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/systemroutes.h"

#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/apierror.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/protocol.h"

namespace quire::server::SystemRoutes {

namespace {

HttpResponse health(HttpRequest &, WorkerServices &services)
{
    const shared::VoidResult db = services.database().ping();
    // The site's name too: the desktop watches /health anyway and shows it
    // in its preview of the readers' pages.
    nlohmann::json body { { "status", db ? "ok" : "unavailable" },
                          { "database", db ? "ok" : "unreachable" },
                          { "version", services.context().version },
                          { "site_name", services.context().siteName },
                          // Whether POST /api/v1/prompts/:id/run can work: clients hide Run when not.
                          { "run", !services.context().config.providerUrl.isEmpty() } };
    // Where readers find the site when it is not where the desktop talks to
    // the server (behind a proxy): its "View on Site" links go there.
    if (const QString &publicUrl = services.context().config.publicUrl; !publicUrl.isEmpty())
        body["public_url"] = publicUrl.toStdString();
    if (!db) {
        // Monitors read status/database; API clients read the usual envelope.
        body.update(
            shared::ApiError::toJson(shared::Error::make(shared::ErrorCode::DatabaseUnreachable, db.error().message)));
        return HttpResponse::json(503, body);
    }
    return HttpResponse::json(200, body);
}

HttpResponse handshake(HttpRequest &request, WorkerServices &services)
{
    auto parsed = shared::Protocol::HandshakeRequest::fromJson(request.json);
    if (!parsed)
        return errorResponse(parsed.error());
    // The handshake answers an incompatible schema with 409, not the 426 of
    // sync: the client reads the body and tells its user which side to update.
    if (shared::VoidResult compatible = shared::Protocol::checkClientSchema(parsed->schemaVersion); !compatible)
        return HttpResponse::error(409, compatible.error());
    shared::Protocol::HandshakeResponse response;
    response.serverVersion = services.context().version;
    response.epoch = services.context().epoch;
    return HttpResponse::json(200, response.toJson());
}

} // namespace

void install(Router &router)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/health"), health);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/handshake"), handshake, Router::BodyKind::Json);
}

} // namespace quire::server::SystemRoutes
