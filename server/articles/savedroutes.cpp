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
    const nlohmann::json &body = request.json;
    if (!body.is_object() || !body.contains("article_id") || !body["article_id"].is_string())
        return errorResponse(shared::Error::make(shared::ErrorCode::ValidationFailed,
                                                 QStringLiteral("Give the article to save as article_id.")));
    const QString article = QString::fromStdString(body["article_id"].get<std::string>());
    shared::Result<bool> created = SavedItems::save(services, *request.principal, article);
    if (!created)
        return errorResponse(created.error());
    return HttpResponse::json(*created ? 201 : 200, { { "article_id", article.toStdString() }, { "saved", true } });
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
