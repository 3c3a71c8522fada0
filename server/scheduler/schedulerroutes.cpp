// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/schedulerroutes.h"

#include "server/collections/answercache.h"
#include "server/collections/collectionlisting.h"
#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/scheduler/credentialroutes.h"
#include "server/scheduler/metricsroutes.h"
#include "server/scheduler/postroutes.h"
#include "server/scheduler/scheduleraccess.h"
#include "server/scheduler/schedulerjson.h"
#include "server/servercontext.h"
#include "shared/permissions.h"
#include "shared/schedulertables.h"
#include "shared/uuid.h"

namespace quire::server::SchedulerRoutes {

namespace {

using shared::Result;

// The columns of a body for `table`, checked; unknown keys refused.
nlohmann::json bodyFields(const QString &table, const HttpRequest &request, bool creating, shared::FieldErrors &errors)
{
    shared::JsonReader reader(request.json, errors);
    nlohmann::json fields
        = SchedulerJson::fields(SchedulerJson::accessOf(table), request.json, reader, creating, errors);
    reader.integer("rev"); // read by expectedRev()
    reader.refuseUnknown();
    return fields;
}

HttpResponse rowAnswer(int status, const QString &table, const StoredRow &row)
{
    return HttpResponse::json(status, SchedulerJson::toApi(SchedulerJson::accessOf(table), row, QString()));
}

Router::Handler create(const QString &table)
{
    return [table](HttpRequest &request, WorkerServices &services) {
        shared::FieldErrors errors;
        const nlohmann::json fields = bodyFields(table, request, true, errors);
        if (!errors.isEmpty())
            return errorResponse(errors.toError());
        ContentWriter writer(services, *request.principal);
        Result<StoredRow> row = writer.upsert(table, shared::Uuid::createV7(), fields);
        if (!row)
            return errorResponse(row.error());
        HttpResponse response = rowAnswer(201, table, *row);
        response.headers.append(
            { "Location", request.path.toUtf8() + "/" + QByteArray::fromStdString(row->values.value("id", "")) });
        return response;
    };
}

Router::Handler get(const QString &table)
{
    return [table](HttpRequest &request, WorkerServices &services) {
        ContentWriter writer(services, *request.principal);
        auto found = find(writer, table, request);
        if (auto *response = std::get_if<HttpResponse>(&found))
            return *response;
        return rowAnswer(200, table, std::get<StoredRow>(found));
    };
}

Router::Handler update(const QString &table)
{
    return [table](HttpRequest &request, WorkerServices &services) {
        shared::FieldErrors errors;
        const nlohmann::json fields = bodyFields(table, request, false, errors);
        if (!errors.isEmpty())
            return errorResponse(errors.toError());
        ContentWriter writer(services, *request.principal);
        auto found = find(writer, table, request);
        if (auto *response = std::get_if<HttpResponse>(&found))
            return *response;
        Result<StoredRow> row = writer.upsert(table, request.params.value(QStringLiteral("id")), fields,
                                              SchedulerJson::expectedRev(request));
        if (!row)
            return errorResponse(row.error());
        return rowAnswer(200, table, *row);
    };
}

// The row goes with what hangs off it (a client's platforms and posts, their
// destinations: the access rules' removedWith), in the one transaction.
Router::Handler remove(const QString &table)
{
    return [table](HttpRequest &request, WorkerServices &services) {
        ContentWriter writer(services, *request.principal);
        auto found = find(writer, table, request);
        if (auto *response = std::get_if<HttpResponse>(&found))
            return *response;
        shared::VoidResult done
            = writer.remove(table, request.params.value(QStringLiteral("id")), SchedulerJson::expectedRev(request));
        if (!done)
            return errorResponse(done.error());
        return HttpResponse::noContent();
    };
}

void installCrud(Router &router, const QString &table, const Guard &guard)
{
    const QString base = QStringLiteral("/api/v1/") + SchedulerJson::accessOf(table).table().collection;
    const QString item = base + QStringLiteral("/:id");
    router.add(
        QStringLiteral("GET"), base,
        [table](HttpRequest &request, WorkerServices &services) { return list(request, services, table); },
        Router::BodyKind::None, guard);
    router.add(QStringLiteral("POST"), base, create(table), Router::BodyKind::Json, guard);
    router.add(QStringLiteral("GET"), item, get(table), Router::BodyKind::None, guard);
    router.add(QStringLiteral("PUT"), item, update(table), Router::BodyKind::Json, guard);
    router.add(QStringLiteral("DELETE"), item, remove(table), Router::BodyKind::None, guard);
}

} // namespace

std::variant<StoredRow, HttpResponse> find(ContentWriter &writer, const QString &table, const HttpRequest &request)
{
    Result<std::optional<StoredRow>> row = writer.load(table, request.params.value(QStringLiteral("id")));
    if (!row)
        return errorResponse(row.error());
    if (!*row)
        return HttpResponse::error(shared::ErrorCode::NotFound,
                                   QStringLiteral("There is no such %1.")
                                       .arg(SchedulerJson::accessOf(table).table().singularLabel().toLower()));
    return **row;
}

HttpResponse list(HttpRequest &request, WorkerServices &services, const QString &table)
{
    const SchedulerAccess &access = SchedulerJson::accessOf(table);
    const QString key = request.path + QLatin1Char('?') + request.query.toString(QUrl::FullyEncoded) + QLatin1Char('|')
        + access.answerScope(*request.principal);
    return services.answers().answer(request, key, [&] {
        CollectionListing listing(services.database(), access.table(), access);
        Result<CollectionListing::Page> page = listing.run(*request.principal, request.query);
        if (!page)
            return errorResponse(page.error());
        nlohmann::json items = nlohmann::json::array();
        for (qsizetype i = 0; i < page->rows.size(); ++i)
            items.push_back(SchedulerJson::toApi(access, page->rows.at(i), page->ownerNames.at(i), false));
        return HttpResponse::json(200, page->envelope(std::move(items)));
    });
}

void install(Router &router)
{
    // The role matrix's schedule_posts at the door, for reading too: a
    // scheduler is no place for a role that cannot use it.
    const Guard guard = Guard::needs(shared::Permission::SchedulePosts);
    installCrud(router, shared::clientsTable(), guard);
    installCrud(router, shared::platformsTable(), guard);
    CredentialRoutes::install(router, guard);
    PostRoutes::install(router, guard);
    MetricsRoutes::install(router);
}

} // namespace quire::server::SchedulerRoutes
