// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/syncroutes.h"

#include "server/http/router.h"
#include "server/metrics/metricsregistry.h"
#include "server/servercontext.h"
#include "server/serverlogging.h"
#include "server/sync/changefeed.h"
#include "server/sync/syncpull.h"
#include "server/sync/syncpush.h"
#include "shared/protocol.h"

namespace quire::server::SyncRoutes {

using namespace shared::SyncProtocol;

namespace {

// Pushes and pulls answered, and the rows they carried: what replicas move.
struct SyncMetrics
{
    Counter &pushes;
    Counter &pushedRows;
    Counter &pulls;
    Counter &pulledRows;
};

const SyncMetrics &syncMetrics()
{
    MetricsRegistry &r = MetricsRegistry::global();
    static const SyncMetrics metrics {
        r.counter("quire_sync_pushes_total", "Sync pushes applied."),
        r.counter("quire_sync_pushed_rows_total", "Mutations received in applied sync pushes."),
        r.counter("quire_sync_pulls_total", "Sync pulls answered."),
        r.counter("quire_sync_pulled_rows_total", "Changes sent in answered sync pulls."),
    };
    return metrics;
}

// An incompatible client is told to update (426, the status its code is
// declared with) rather than sent data it would misread.
std::optional<HttpResponse> checkSchema(int schemaVersion)
{
    shared::VoidResult compatible = shared::Protocol::checkClientSchema(schemaVersion);
    if (compatible)
        return std::nullopt;
    return errorResponse(compatible.error());
}

HttpResponse push(HttpRequest &request, WorkerServices &services)
{
    shared::Result<PushRequest> parsed = PushRequest::fromJson(request.json);
    if (!parsed)
        return errorResponse(parsed.error());
    if (auto refused = checkSchema(parsed->schemaVersion))
        return *refused;
    SyncPush push(services.database(), *request.principal, services.context().epoch);
    qint64 lastSeq = 0;
    shared::Result<PushResponse> response = push.run(*parsed, lastSeq);
    if (!response)
        return HttpResponse::internalError(response.error());
    if (lastSeq > 0 && services.context().changes)
        services.context().changes->publish(lastSeq);
    syncMetrics().pushes.add();
    syncMetrics().pushedRows.add(std::uint64_t(parsed->mutations.size()));
    return HttpResponse::json(200, response->toJson());
}

HttpResponse pull(HttpRequest &request, WorkerServices &services)
{
    bool ok = false;
    const int schema = request.query.queryItemValue(QStringLiteral("schema_version")).toInt(&ok);
    if (!ok)
        return errorResponse(shared::Error::make(shared::ErrorCode::ValidationFailed,
                                                 QStringLiteral("schema_version is required and must be a number.")));
    if (auto refused = checkSchema(schema))
        return *refused;
    const std::optional<Cursor> cursor
        = Cursor::parse(request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded));
    if (!cursor)
        return errorResponse(
            shared::Error::make(shared::ErrorCode::ValidationFailed, QStringLiteral("The cursor is not valid.")));
    int limit = kDefaultPullLimit;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxPullLimit)
            return errorResponse(shared::Error::make(shared::ErrorCode::ValidationFailed,
                                                     QStringLiteral("limit must be from 1 to %1.").arg(kMaxPullLimit)));
    }
    SyncPull pull(services.database(), *request.principal, services.context().epoch);
    qint64 pulledRows = 0;
    shared::Result<QByteArray> body = pull.run(*cursor, limit, &pulledRows);
    if (!body)
        return errorResponse(body.error()); // resync_required (409) or the database
    syncMetrics().pulls.add();
    syncMetrics().pulledRows.add(std::uint64_t(pulledRows));
    // Already the PullResponse's JSON, written as the rows were read.
    HttpResponse response;
    response.contentType = QByteArrayLiteral("application/json");
    response.body = std::move(*body);
    return response;
}

} // namespace

void install(Router &router)
{
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/sync/push"), push, Router::BodyKind::Json,
               Guard::user());
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/sync/pull"), pull, Router::BodyKind::None, Guard::user());
}

} // namespace quire::server::SyncRoutes
