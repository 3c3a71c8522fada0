// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/taxonomyroutes.h"

#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/database.h"
#include "shared/fielderrors.h"
#include "shared/sqldialect.h"
#include "shared/uuid.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server::TaxonomyRoutes {

namespace {

const QString kTable = QStringLiteral("categories");

nlohmann::json categoryJson(const nlohmann::json &values, qint64 rev)
{
    return { { "id", values.value("id", std::string()) },
             { "name", values.value("name", std::string()) },
             { "slug", values.value("slug", std::string()) },
             { "parent_id", values.value("parent_id", std::string()) },
             { "description", values.value("description", std::string()) },
             { "rev", rev } };
}

// The category fields of a request body; unknown fields are an error.
nlohmann::json categoryFields(const nlohmann::json &body, shared::FieldErrors &errors)
{
    nlohmann::json fields = nlohmann::json::object();
    if (!body.is_object()) {
        errors.add(QStringLiteral("body"), QStringLiteral("Must be a JSON object."));
        return fields;
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() == "id" || it.key() == "rev")
            continue;
        if (it.key() != "name" && it.key() != "slug" && it.key() != "parent_id" && it.key() != "description") {
            errors.add(QString::fromStdString(it.key()), QStringLiteral("Not a known field."));
            continue;
        }
        fields[it.key()] = it->is_null() ? nlohmann::json("") : *it;
    }
    return fields;
}

HttpResponse list(HttpRequest &, WorkerServices &services)
{
    shared::Database &db = services.database();
    shared::Result<QSqlQuery> q = db.exec(QStringLiteral("SELECT id, name, slug, parent_id, description, rev FROM "
                                                         "categories WHERE deleted = 0 ORDER BY %1, id")
                                              .arg(db.dialect().caseless(QStringLiteral("name"))));
    if (!q)
        return HttpResponse::internalError(q.error());
    nlohmann::json items = nlohmann::json::array();
    while (q->next()) {
        items.push_back({ { "id", q->value(0).toString().toStdString() },
                          { "name", q->value(1).toString().toStdString() },
                          { "slug", q->value(2).toString().toStdString() },
                          { "parent_id", q->value(3).toString().toStdString() },
                          { "description", q->value(4).toString().toStdString() },
                          { "rev", q->value(5).toLongLong() } });
    }
    return HttpResponse::json(200, { { "items", items } });
}

HttpResponse save(HttpRequest &request, WorkerServices &services, const QString &id, bool creating)
{
    shared::FieldErrors errors;
    const nlohmann::json fields = categoryFields(request.json, errors);
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    ContentWriter writer(services, *request.principal);
    if (!creating) {
        shared::Result<std::optional<StoredRow>> existing = writer.load(kTable, id);
        if (!existing)
            return HttpResponse::internalError(existing.error());
        if (!*existing)
            return errorResponse(
                shared::Error::make(shared::ErrorCode::NotFound, QStringLiteral("There is no such category.")));
    }
    shared::Result<StoredRow> row = writer.upsert(kTable, id, fields);
    if (!row)
        return errorResponse(row.error());
    return HttpResponse::json(creating ? 201 : 200, categoryJson(row->values, row->rev));
}

HttpResponse remove(HttpRequest &request, WorkerServices &services)
{
    const QString id = request.params.value(QStringLiteral("id"));
    ContentWriter writer(services, *request.principal);
    shared::Result<std::optional<StoredRow>> existing = writer.load(kTable, id);
    if (!existing)
        return HttpResponse::internalError(existing.error());
    if (!*existing)
        return errorResponse(
            shared::Error::make(shared::ErrorCode::NotFound, QStringLiteral("There is no such category.")));
    shared::Result<QVariant> children = services.database().scalar(
        QStringLiteral("SELECT count(*) FROM categories WHERE parent_id = ? AND deleted = 0"), { id });
    if (!children)
        return HttpResponse::internalError(children.error());
    if (children->toInt() > 0)
        return errorResponse(shared::Error::make(
            shared::ErrorCode::HasChildren, QStringLiteral("Move or delete the categories inside this one first.")));
    if (shared::VoidResult r = writer.remove(kTable, id); !r)
        return errorResponse(r.error());
    return HttpResponse::noContent();
}

// Tags in use on the articles the caller may see, most used first.
HttpResponse tags(HttpRequest &request, WorkerServices &services)
{
    QVariantList binds;
    const SyncAccess *articles = SyncAccess::find(QStringLiteral("articles"));
    const QString visible = articles->visibleWhere(*request.principal, binds);
    shared::Database &db = services.database();
    const shared::SqlDialect &sql = db.dialect();
    // The tag's items as kept by the declared schema: one per article and
    // lower-cased tag, with the tag as written beside it.
    shared::Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT t.item, min(t.value), count(*) FROM articles JOIN %1 t ON t.row_id = %2 "
                                 "WHERE deleted = 0 AND %3 GROUP BY t.item ORDER BY count(*) DESC, t.item LIMIT 500")
                      .arg(sql.listItemsTable(articles->table(), *articles->table().column(QStringLiteral("tags"))),
                           sql.rowKey(QStringLiteral("articles")), visible),
                  binds);
    if (!q)
        return HttpResponse::internalError(q.error());
    nlohmann::json items = nlohmann::json::array();
    while (q->next())
        items.push_back({ { "tag", q->value(1).toString().toStdString() }, { "count", q->value(2).toLongLong() } });
    return HttpResponse::json(200, { { "items", items } });
}

} // namespace

void install(Router &router)
{
    const Guard manage = Guard::needs(shared::Permission::ManageCategories);
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/categories"), list, Router::BodyKind::None,
               Guard::user());
    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/v1/categories"),
        [](HttpRequest &r, WorkerServices &s) { return save(r, s, shared::Uuid::createV7(), true); },
        Router::BodyKind::Json, manage);
    router.add(
        QStringLiteral("PATCH"), QStringLiteral("/api/v1/categories/:id"),
        [](HttpRequest &r, WorkerServices &s) { return save(r, s, r.params.value(QStringLiteral("id")), false); },
        Router::BodyKind::Json, manage);
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/categories/:id"), remove, Router::BodyKind::None,
               manage);
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/tags"), tags, Router::BodyKind::None, Guard::user());
}

} // namespace quire::server::TaxonomyRoutes
