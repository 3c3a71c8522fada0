// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/systemroutes.h"

#include "server/http/router.h"
#include "server/servercontext.h"
#include "server/servermigrations.h"
#include "shared/apierror.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/migrator.h"
#include "shared/protocol.h"

#include <optional>

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
                          // Which process answered, behind a load balancer.
                          { "instance", services.context().config.instanceName },
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

// Liveness: the process runs its event loop and answers; nothing else is
// asked, so a slow or missing database never gets a live server restarted.
HttpResponse live(HttpRequest &, WorkerServices &)
{
    return HttpResponse::json(200, nlohmann::json { { "status", "live" } });
}

// Why this worker cannot take traffic, or nothing when it can: its own
// connection answers (ping also notices a data file replaced or removed)
// and the schema holds every migration this build knows.
std::optional<shared::Error> notReady(shared::Database &database)
{
    if (shared::VoidResult db = database.ping(); !db)
        return shared::Error::make(shared::ErrorCode::DatabaseUnreachable, db.error().message);
    // Read directly, not through Migrator::currentVersion(): that creates the
    // bookkeeping table, and a readiness probe must never write.
    shared::Result<QVariant> applied
        = database.scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    const int latest = shared::Migrator(database, serverMigrations()).latestVersion();
    if (!applied || applied->toInt() < latest)
        return shared::Error::make(shared::ErrorCode::Unavailable,
                                   QStringLiteral("the database schema is not at version %1").arg(latest));
    return std::nullopt;
}

// Readiness, for load balancers: 503 with the reason while this instance
// cannot serve, so traffic goes elsewhere until it can.
HttpResponse ready(HttpRequest &, WorkerServices &services)
{
    if (const std::optional<shared::Error> reason = notReady(services.database())) {
        nlohmann::json body { { "status", "not_ready" }, { "reason", reason->message } };
        body.update(shared::ApiError::toJson(*reason));
        return HttpResponse::json(503, body);
    }
    return HttpResponse::json(200, nlohmann::json { { "status", "ready" } });
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
    router.add(QStringLiteral("GET"), QStringLiteral("/health/live"), live);
    router.add(QStringLiteral("GET"), QStringLiteral("/health/ready"), ready);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/handshake"), handshake, Router::BodyKind::Json);
}

} // namespace quire::server::SystemRoutes
