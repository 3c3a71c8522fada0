// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/postroutes.h"

#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/scheduler/scheduleraccess.h"
#include "server/scheduler/schedulerjson.h"
#include "server/scheduler/schedulerroutes.h"
#include "server/servercontext.h"
#include "shared/database.h"
#include "shared/schedulertables.h"
#include "shared/uuid.h"

#include <QSqlQuery>

namespace quire::server::PostRoutes {

namespace {

using shared::Result;
using shared::VoidResult;

const QString kDestinations = QStringLiteral("destinations");

// One destination a body asks for, by its platform.
struct Wanted
{
    QString platformId;
    nlohmann::json fields;
};

// What a POST or PUT body says: the post's columns and, when it names
// them, its destinations.
struct PostBody
{
    nlohmann::json fields;
    std::optional<QList<Wanted>> destinations;
};

QString itemPrefix(qsizetype index)
{
    return QStringLiteral("destinations[%1].").arg(index);
}

// A destination's problem, named where the body has it.
shared::Error atItem(shared::Error error, qsizetype index)
{
    QMap<QString, QString> fields;
    for (auto it = error.fields.cbegin(); it != error.fields.cend(); ++it)
        fields.insert(itemPrefix(index) + it.key(), it.value());
    error.fields = fields;
    return error;
}

PostBody readBody(const HttpRequest &request, bool creating, shared::FieldErrors &errors)
{
    PostBody body;
    shared::JsonReader reader(request.json, errors);
    body.fields
        = SchedulerJson::fields(SchedulerJson::accessOf(shared::postsTable()), request.json, reader, creating, errors);
    reader.integer("rev"); // read by expectedRev()
    if (reader.array("destinations") && request.json.contains("destinations")) {
        const SchedulerAccess &access = SchedulerJson::accessOf(shared::postDestinationsTable());
        QList<Wanted> wanted;
        const nlohmann::json &items = request.json["destinations"];
        for (size_t i = 0; i < items.size(); ++i) {
            shared::FieldErrors own;
            shared::JsonReader item(items[i], own);
            // The post is this one: an item names only its platform.
            nlohmann::json fields = SchedulerJson::fields(access, items[i], item, false, own);
            if (fields.contains("post_id"))
                own.add(QStringLiteral("post_id"), QStringLiteral("A destination belongs to the post it is in."));
            const QString platform = QString::fromStdString(fields.value("platform_id", std::string()));
            if (platform.isEmpty())
                own.add(QStringLiteral("platform_id"), QStringLiteral("This field is required."));
            for (const Wanted &w : std::as_const(wanted)) {
                if (w.platformId == platform)
                    own.add(QStringLiteral("platform_id"), QStringLiteral("Each platform once per post."));
            }
            item.refuseUnknown();
            for (auto it = own.fields().cbegin(); it != own.fields().cend(); ++it)
                errors.add(itemPrefix(qsizetype(i)) + it.key(), it.value());
            fields.erase("platform_id");
            wanted << Wanted { platform, fields };
        }
        body.destinations = wanted;
    }
    reader.refuseUnknown();
    return body;
}

// The post's live destinations the caller may see, oldest first.
Result<QList<StoredRow>> destinationsOf(WorkerServices &services, const Principal &who, const QString &postId)
{
    SyncRows rows(services.database(), SchedulerJson::accessOf(shared::postDestinationsTable()).table());
    Result<QSqlQuery> q = services.database().exec(
        QStringLiteral("SELECT %1 FROM %2 WHERE post_id = ? AND owner_id = ? AND deleted = 0 ORDER BY created_at, id")
            .arg(rows.selectList(), shared::postDestinationsTable()),
        { postId, who.userId });
    if (!q)
        return q.error();
    QList<StoredRow> found;
    while (q->next())
        found << rows.read(*q);
    return found;
}

HttpResponse detail(int status, WorkerServices &services, const Principal &who, const StoredRow &post)
{
    Result<QList<StoredRow>> destinations
        = destinationsOf(services, who, QString::fromStdString(post.values.value("id", std::string())));
    if (!destinations)
        return errorResponse(destinations.error());
    nlohmann::json body = SchedulerJson::toApi(SchedulerJson::accessOf(shared::postsTable()), post, QString());
    nlohmann::json items = nlohmann::json::array();
    for (const StoredRow &d : std::as_const(*destinations))
        items.push_back(SchedulerJson::toApi(SchedulerJson::accessOf(shared::postDestinationsTable()), d, QString()));
    body["destinations"] = std::move(items);
    return HttpResponse::json(status, body);
}

// Makes the post's destinations those `wanted`: kept and changed by
// platform, made, or removed; in the writer's open transaction.
VoidResult writeDestinations(ContentWriter &writer, WorkerServices &services, const Principal &who,
                             const QString &postId, const QList<Wanted> &wanted)
{
    Result<QList<StoredRow>> existing = destinationsOf(services, who, postId);
    if (!existing)
        return existing.error();
    QHash<QString, QString> byPlatform; // platform id -> destination id
    for (const StoredRow &d : std::as_const(*existing))
        byPlatform.insert(QString::fromStdString(d.values.value("platform_id", std::string())),
                          QString::fromStdString(d.values.value("id", std::string())));
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const Wanted &w = wanted.at(i);
        nlohmann::json fields = w.fields;
        QString id = byPlatform.take(w.platformId);
        if (id.isEmpty()) {
            id = shared::Uuid::createV7();
            fields["post_id"] = postId.toStdString();
            fields["platform_id"] = w.platformId.toStdString();
        }
        Result<StoredRow> row = writer.upsert(shared::postDestinationsTable(), id, fields);
        if (!row)
            return atItem(row.error(), i);
    }
    for (const QString &gone : std::as_const(byPlatform)) {
        if (VoidResult r = writer.remove(shared::postDestinationsTable(), gone); !r)
            return r;
    }
    return VoidResult::success();
}

// A new post shows its time in its client's zone unless the author names one.
void takeClientsZone(WorkerServices &services, const Principal &who, nlohmann::json &fields)
{
    if (fields.contains("time_zone") || !fields.contains("client_id"))
        return;
    Result<std::optional<nlohmann::json>> client
        = SchedulerAccess::ownedRow(services.database(), shared::clientsTable(),
                                    QString::fromStdString(fields.value("client_id", std::string())), who.userId);
    if (client && *client)
        fields["time_zone"] = (*client)->value("time_zone", std::string());
}

HttpResponse list(HttpRequest &request, WorkerServices &services)
{
    return SchedulerRoutes::list(request, services, shared::postsTable());
}

HttpResponse create(HttpRequest &request, WorkerServices &services)
{
    const Principal &who = *request.principal;
    shared::FieldErrors errors;
    PostBody body = readBody(request, true, errors);
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    takeClientsZone(services, who, body.fields);
    const QString id = shared::Uuid::createV7();
    ContentWriter writer(services, who);
    std::optional<StoredRow> post;
    VoidResult done = writer.transaction([&]() -> VoidResult {
        Result<StoredRow> row = writer.upsert(shared::postsTable(), id, body.fields);
        if (!row)
            return row.error();
        post = *row;
        return writeDestinations(writer, services, who, id, body.destinations.value_or(QList<Wanted>()));
    });
    if (!done)
        return errorResponse(done.error());
    HttpResponse response = detail(201, services, who, *post);
    response.headers.append({ "Location", request.path.toUtf8() + "/" + id.toUtf8() });
    return response;
}

HttpResponse get(HttpRequest &request, WorkerServices &services)
{
    ContentWriter writer(services, *request.principal);
    auto found = SchedulerRoutes::find(writer, shared::postsTable(), request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    return detail(200, services, *request.principal, std::get<StoredRow>(found));
}

HttpResponse update(HttpRequest &request, WorkerServices &services)
{
    const Principal &who = *request.principal;
    shared::FieldErrors errors;
    const PostBody body = readBody(request, false, errors);
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    ContentWriter writer(services, who);
    auto found = SchedulerRoutes::find(writer, shared::postsTable(), request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    const QString id = request.params.value(QStringLiteral("id"));
    std::optional<StoredRow> post;
    VoidResult done = writer.transaction([&]() -> VoidResult {
        Result<StoredRow> row
            = writer.upsert(shared::postsTable(), id, body.fields, SchedulerJson::expectedRev(request));
        if (!row)
            return row.error();
        post = *row;
        if (!body.destinations)
            return VoidResult::success();
        return writeDestinations(writer, services, who, id, *body.destinations);
    });
    if (!done)
        return errorResponse(done.error());
    return detail(200, services, who, *post);
}

// The post goes with its destinations (its access rules' removedWith).
HttpResponse remove(HttpRequest &request, WorkerServices &services)
{
    ContentWriter writer(services, *request.principal);
    auto found = SchedulerRoutes::find(writer, shared::postsTable(), request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    VoidResult done = writer.remove(shared::postsTable(), request.params.value(QStringLiteral("id")),
                                    SchedulerJson::expectedRev(request));
    if (!done)
        return errorResponse(done.error());
    return HttpResponse::noContent();
}

} // namespace

void install(Router &router, const Guard &guard)
{
    const QString base = QStringLiteral("/api/v1/posts");
    const QString item = base + QStringLiteral("/:id");
    router.add(QStringLiteral("GET"), base, list, Router::BodyKind::None, guard);
    router.add(QStringLiteral("POST"), base, create, Router::BodyKind::Json, guard);
    router.add(QStringLiteral("GET"), item, get, Router::BodyKind::None, guard);
    router.add(QStringLiteral("PUT"), item, update, Router::BodyKind::Json, guard);
    router.add(QStringLiteral("DELETE"), item, remove, Router::BodyKind::None, guard);
}

} // namespace quire::server::PostRoutes
