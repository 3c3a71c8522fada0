// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/collectionroutes.h"

#include "server/collections/answercache.h"
#include "server/collections/collectionlisting.h"
#include "server/collections/contentwriter.h"
#include "server/collections/rowjson.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/errorcode.h"
#include "shared/synctable.h"

namespace quire::server::CollectionRoutes {

namespace {

Router::Handler list(const SyncAccess *access)
{
    return [access](HttpRequest &request, WorkerServices &services) {
        const QString key = request.path + QLatin1Char('?') + request.query.toString(QUrl::FullyEncoded)
            + QLatin1Char('|') + access->answerScope(*request.principal);
        return services.answers().answer(request, key, [&] {
            CollectionListing listing(services.database(), access->table(), *access);
            shared::Result<CollectionListing::Page> page = listing.run(*request.principal, request.query);
            if (!page)
                return errorResponse(page.error());
            nlohmann::json items = nlohmann::json::array();
            for (qsizetype i = 0; i < page->rows.size(); ++i)
                items.push_back(RowJson::toApi(access->table(), page->rows.at(i), page->ownerNames.at(i), false));
            return HttpResponse::json(200, page->envelope(std::move(items)));
        });
    };
}

Router::Handler get(const SyncAccess *access)
{
    return [access](HttpRequest &request, WorkerServices &services) {
        ContentWriter writer(services, *request.principal);
        shared::Result<std::optional<StoredRow>> row
            = writer.load(access->table().name, request.params.value(QStringLiteral("id")));
        if (!row)
            return HttpResponse::internalError(row.error());
        if (!*row)
            return HttpResponse::error(shared::ErrorCode::NotFound, QStringLiteral("No such item."));
        return HttpResponse::json(200, RowJson::toApi(access->table(), **row, QString()));
    };
}

} // namespace

void install(Router &router)
{
    for (const SyncAccess *access : SyncAccess::all()) {
        const QString collection = access->table().collection;
        if (collection.isEmpty())
            continue;
        const QString path = QStringLiteral("/api/v1/") + collection;
        if (router.match(QStringLiteral("GET"), path).route)
            continue; // the feature's own list
        router.add(QStringLiteral("GET"), path, list(access), Router::BodyKind::None, Guard::user());
        router.add(QStringLiteral("GET"), path + QStringLiteral("/:id"), get(access), Router::BodyKind::None,
                   Guard::user());
    }
}

} // namespace quire::server::CollectionRoutes
