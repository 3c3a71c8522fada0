// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/publishroutes.h"

#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/publishing/publishledger.h"
#include "server/scheduler/scheduleraccess.h"
#include "server/scheduler/schedulerjson.h"
#include "server/scheduler/schedulerroutes.h"
#include "server/servercontext.h"
#include "server/sync/changefeed.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/fielderrors.h"
#include "shared/jsonreader.h"
#include "shared/permissions.h"
#include "shared/schedulernames.h"
#include "shared/schedulertables.h"
#include "shared/timestamp.h"

#include <optional>
#include <utility>

namespace quire::server::PublishRoutes {

namespace {

using shared::PostStatus;
using shared::Result;
using shared::VoidResult;

// A refusal of the request as it stands: validation_failed naming the field
// that stands in the way and why, as the scheduler's other routes answer.
HttpResponse refused(const QString &field, const QString &why)
{
    shared::FieldErrors errors;
    errors.add(field, why);
    return errorResponse(errors.toError());
}

// Why the whole post cannot be published now, under the field that says so
// (status, destinations); nullopt when it can.
std::optional<std::pair<QString, QString>> whyNot(std::optional<PostStatus> status, int destinations)
{
    const QString statusField = QStringLiteral("status");
    if (status == PostStatus::Cancelled)
        return std::pair { statusField,
                           QStringLiteral("A cancelled post cannot be published; schedule it again first.") };
    if (status == PostStatus::Published)
        return std::pair { statusField, QStringLiteral("The post is already published everywhere.") };
    if (status == PostStatus::Publishing)
        return std::pair { statusField, QStringLiteral("The post is being published now.") };
    if (destinations == 0)
        return std::pair { QStringLiteral("destinations"), QStringLiteral("The post has no destinations.") };
    return std::nullopt;
}

HttpResponse accepted(ContentWriter &writer, const QString &postId)
{
    Result<std::optional<StoredRow>> row = writer.load(shared::postsTable(), postId);
    if (!row)
        return errorResponse(row.error());
    if (!*row)
        return HttpResponse::error(shared::ErrorCode::NotFound, QStringLiteral("There is no such post."));
    return HttpResponse::json(202,
                              SchedulerJson::toApi(SchedulerJson::accessOf(shared::postsTable()), **row, QString()));
}

HttpResponse retryOne(HttpRequest &request, WorkerServices &services, ContentWriter &writer, const QString &postId,
                      const QString &destinationId)
{
    const Principal &who = *request.principal;
    Result<std::optional<nlohmann::json>> destination
        = SchedulerAccess::ownedRow(services.database(), shared::postDestinationsTable(), destinationId, who.userId);
    if (!destination)
        return errorResponse(destination.error());
    if (!*destination || (*destination)->value("post_id", std::string()) != postId.toStdString())
        return refused(QStringLiteral("destination_id"), QStringLiteral("This post has no such destination."));
    qint64 lastSeq = 0;
    bool retried = false;
    VoidResult done = services.database().transaction([&]() -> VoidResult {
        Result<bool> r = PublishLedger::retryFailed(services.database(), postId, destinationId,
                                                    shared::Clock::instance().now(), lastSeq);
        if (!r)
            return r.error();
        retried = *r;
        return VoidResult::success();
    });
    if (!done)
        return errorResponse(done.error());
    if (!retried)
        return refused(QStringLiteral("destination_id"), QStringLiteral("Only a failed destination can be retried."));
    if (lastSeq > 0 && services.context().changes)
        services.context().changes->publish(lastSeq);
    return accepted(writer, postId);
}

HttpResponse publish(HttpRequest &request, WorkerServices &services)
{
    // The worker has parsed the body (a JSON object, `{}` for the whole post).
    shared::FieldErrors errors;
    shared::JsonReader reader(request.json, errors);
    const std::optional<QString> destinationId = reader.uuid("destination_id");
    reader.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());

    ContentWriter writer(services, *request.principal);
    auto found = SchedulerRoutes::find(writer, shared::postsTable(), request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    const QString postId = request.params.value(QStringLiteral("id"));
    if (destinationId)
        return retryOne(request, services, writer, postId, *destinationId);

    const StoredRow &post = std::get<StoredRow>(found);
    const std::optional<PostStatus> status
        = shared::kPostStatuses.fromName(QString::fromStdString(post.values.value("status", std::string())));
    Result<QVariant> destinations = services.database().scalar(
        QStringLiteral("SELECT COUNT(*) FROM post_destinations WHERE post_id = ? AND deleted = 0"), { postId });
    if (!destinations)
        return errorResponse(destinations.error());
    if (const auto why = whyNot(status, destinations->toInt()))
        return refused(why->first, why->second);
    // Due now, through the rules like any author's change; the publisher
    // hears of it through the change feed at once.
    const nlohmann::json now {
        { "status", shared::kPostStatuses.name(PostStatus::Scheduled).toStdString() },
        { "scheduled_at", shared::Timestamp::format(shared::Clock::instance().now()).toStdString() },
    };
    Result<StoredRow> row = writer.upsert(shared::postsTable(), postId, now);
    if (!row)
        return errorResponse(row.error());
    return accepted(writer, postId);
}

} // namespace

void install(Router &router)
{
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/posts/:id/publish"), publish, Router::BodyKind::Json,
               Guard::needs(shared::Permission::SchedulePosts));
}

} // namespace quire::server::PublishRoutes
