// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/savedroutes.h"

#include "server/articles/saveditems.h"
#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/servercontext.h"

namespace quire::server::SavedRoutes {

namespace {

HttpResponse list(HttpRequest &request, WorkerServices &services)
{
    shared::Result<nlohmann::json> items = SavedItems::list(services.database(), *request.principal);
    if (!items)
        return HttpResponse::internalError(items.error());
    return HttpResponse::json(200, { { "items", *items } });
}

HttpResponse save(HttpRequest &request, WorkerServices &services)
{
    // The row to save, of any type, by its id: item_id, or article_id as
    // clients from when only articles could be saved name it.
    const nlohmann::json &body = request.json;
    const char *key = body.is_object() && body.contains("item_id") ? "item_id" : "article_id";
    if (!body.is_object() || !body.contains(key) || !body[key].is_string())
        return errorResponse(shared::Error::make(shared::ErrorCode::ValidationFailed,
                                                 QStringLiteral("Give the row to save as item_id.")));
    const QString item = QString::fromStdString(body[key].get<std::string>());
    shared::Result<bool> created = SavedItems::save(services, *request.principal, item);
    if (!created)
        return errorResponse(created.error());
    return HttpResponse::json(
        *created ? 201 : 200,
        { { "article_id", item.toStdString() }, { "item_id", item.toStdString() }, { "saved", true } });
}

HttpResponse unsave(HttpRequest &request, WorkerServices &services)
{
    shared::VoidResult r
        = SavedItems::unsave(services, *request.principal, request.params.value(QStringLiteral("article_id")));
    if (!r)
        return errorResponse(r.error());
    return HttpResponse::noContent();
}

} // namespace

void install(Router &router)
{
    const Guard guard = Guard::needs(shared::Permission::SaveItems);
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/saved"), list, Router::BodyKind::None, guard);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/saved"), save, Router::BodyKind::Json, guard);
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/saved/:article_id"), unsave, Router::BodyKind::None,
               guard);
}

} // namespace quire::server::SavedRoutes
