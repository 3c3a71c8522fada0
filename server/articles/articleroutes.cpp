// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/articleroutes.h"

#include "server/articles/articlejson.h"
#include "server/articles/articlelisting.h"
#include "server/collections/answercache.h"
#include "server/collections/contentwriter.h"
#include "server/collections/revisionroutes.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/articlekind.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/synctable.h"
#include "shared/uuid.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server::ArticleRoutes {

namespace {

const QString kTable = QStringLiteral("articles");

HttpResponse notFound()
{
    return errorResponse(shared::Error::make(shared::ErrorCode::NotFound, QStringLiteral("There is no such article.")));
}

QString authorName(shared::Database &db, const nlohmann::json &row)
{
    shared::Result<QVariant> name = db.scalar(QStringLiteral("SELECT name FROM users WHERE id = ?"),
                                              { QString::fromStdString(row.value("owner_id", std::string())) });
    return name ? name->toString() : QString();
}

HttpResponse articleResponse(int status, WorkerServices &services, const StoredRow &row)
{
    return HttpResponse::json(status,
                              ArticleJson::toApi(row.values, row.rev, authorName(services.database(), row.values)));
}

// The `rev` a client says it edited, from the body or If-Match.
std::optional<qint64> expectedRev(const HttpRequest &request)
{
    if (request.json.is_object() && request.json.contains("rev") && request.json["rev"].is_number_integer())
        return request.json["rev"].get<qint64>();
    const QByteArray match = request.header("If-Match").trimmed();
    bool ok = false;
    const qint64 rev = QByteArray(match).replace('"', "").toLongLong(&ok);
    return ok ? std::optional(rev) : std::nullopt;
}

// The article `id` of this collection, visible to the caller; an answer
// when there is none.
std::variant<StoredRow, HttpResponse> find(ContentWriter &writer, const QString &kind, const QString &id)
{
    shared::Result<std::optional<StoredRow>> row = writer.load(kTable, id);
    if (!row)
        return HttpResponse::internalError(row.error());
    if (!*row || QString::fromStdString((*row)->values.value("kind", std::string())) != kind)
        return notFound();
    return **row;
}

Router::Handler list(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        const QString key = request.path + QLatin1Char('?') + request.query.toString(QUrl::FullyEncoded)
            + QLatin1Char('|') + SyncAccess::find(kTable)->answerScope(*request.principal);
        return services.answers().answer(request, key, [&] {
            shared::Result<nlohmann::json> page
                = ArticleListing::run(services.database(), *request.principal, kind, request.query);
            if (!page)
                return errorResponse(page.error());
            return HttpResponse::json(200, *page);
        });
    };
}

Router::Handler get(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        ContentWriter writer(services, *request.principal);
        auto found = find(writer, kind, request.params.value(QStringLiteral("id")));
        if (auto *response = std::get_if<HttpResponse>(&found))
            return *response;
        return articleResponse(200, services, std::get<StoredRow>(found));
    };
}

Router::Handler create(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        shared::FieldErrors errors;
        nlohmann::json fields = ArticleJson::toFields(request.json, kind, errors);
        if (!errors.isEmpty())
            return errorResponse(errors.toError());
        ContentWriter writer(services, *request.principal);
        shared::Result<StoredRow> row = writer.upsert(kTable, shared::Uuid::createV7(), fields);
        if (!row)
            return errorResponse(row.error());
        HttpResponse response = articleResponse(201, services, *row);
        response.headers.append(
            { "Location",
              request.path.toUtf8() + "/" + QByteArray::fromStdString(row->values.value("id", std::string())) });
        return response;
    };
}

// Changes fields of an article; `overrides` (e.g. a status) apply over the body's.
Router::Handler update(const QString &kind, nlohmann::json overrides = {})
{
    return [kind, overrides](HttpRequest &request, WorkerServices &services) {
        shared::FieldErrors errors;
        nlohmann::json fields = ArticleJson::toFields(
            overrides.is_object() && !request.json.is_object() ? nlohmann::json::object() : request.json, kind, errors);
        if (!errors.isEmpty())
            return errorResponse(errors.toError());
        if (overrides.is_object())
            fields.update(overrides);
        ContentWriter writer(services, *request.principal);
        const QString id = request.params.value(QStringLiteral("id"));
        auto found = find(writer, kind, id);
        if (auto *response = std::get_if<HttpResponse>(&found))
            return *response;
        shared::Result<StoredRow> row = writer.upsert(kTable, id, fields, expectedRev(request));
        if (!row)
            return errorResponse(row.error());
        return articleResponse(200, services, *row);
    };
}

Router::Handler remove(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        ContentWriter writer(services, *request.principal);
        const QString id = request.params.value(QStringLiteral("id"));
        auto found = find(writer, kind, id);
        if (auto *response = std::get_if<HttpResponse>(&found))
            return *response;
        if (shared::VoidResult r = writer.remove(kTable, id, expectedRev(request)); !r)
            return errorResponse(r.error());
        return HttpResponse::noContent();
    };
}

} // namespace

void install(Router &router)
{
    using shared::ContentStatus;
    const auto status = [](ContentStatus s) {
        return nlohmann::json { { "status", shared::contentStatusName(s).toStdString() } };
    };
    for (shared::ArticleKind articleKind : shared::articleKinds()) {
        const QString kind = shared::articleKindName(articleKind);
        const QString base = shared::articleKindApiPath(articleKind);
        const QString item = base + QStringLiteral("/:id");
        const QString get = QStringLiteral("GET");
        router.add(get, base, list(kind), Router::BodyKind::None, Guard::user());
        router.add(get, item, ArticleRoutes::get(kind), Router::BodyKind::None, Guard::user());
        router.add(QStringLiteral("POST"), base, create(kind), Router::BodyKind::Json,
                   Guard::needs(shared::Permission::WriteContent));
        router.add(QStringLiteral("PATCH"), item, update(kind), Router::BodyKind::Json,
                   Guard::needs(shared::Permission::WriteContent));
        router.add(QStringLiteral("DELETE"), item, remove(kind), Router::BodyKind::None,
                   Guard::needs(shared::Permission::WriteContent));
        router.add(QStringLiteral("POST"), item + QStringLiteral("/publish"),
                   update(kind, status(ContentStatus::Published)), Router::BodyKind::None,
                   Guard::needs(shared::Permission::PublishContent));
        router.add(QStringLiteral("POST"), item + QStringLiteral("/unpublish"),
                   update(kind, status(ContentStatus::Draft)), Router::BodyKind::None,
                   Guard::needs(shared::Permission::PublishContent));
        router.add(QStringLiteral("POST"), item + QStringLiteral("/submit"),
                   update(kind, status(ContentStatus::InReview)), Router::BodyKind::None,
                   Guard::needs(shared::Permission::SubmitForReview));
        // Revisions under the kind's own collection, in the articles' form.
        RevisionRoutes::add(
            router, item + QStringLiteral("/revisions"),
            { shared::SyncSchema::find(kTable), QStringLiteral("kind"), kind,
              [](const nlohmann::json &values, qint64 rev) { return ArticleJson::toApi(values, rev, QString()); },
              "article" });
    }
}

} // namespace quire::server::ArticleRoutes
