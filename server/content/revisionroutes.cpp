// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/content/revisionroutes.h"

#include "server/content/articlejson.h"
#include "server/content/contentwriter.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/articlekind.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/textdiff.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server::RevisionRoutes {

namespace {

const QString kTable = QStringLiteral("guides");
// What a restore brings back: the content, not its place in the workflow.
const char *const kRestored[]
    = { "title", "body", "summary", "slug", "categories", "tags", "cover", "seo_title", "seo_description" };

struct Revision
{
    qint64 rev = 0;
    nlohmann::json values;
    QString createdAt;
    QString userId;
    QString userName;
    QString via; // "api" or a replica's id
};

HttpResponse notFound(const QString &what)
{
    return errorResponse(shared::Error::make(shared::ErrorCode::NotFound, what));
}

// The article the URL names, if the caller may see it; else the answer.
std::optional<HttpResponse> checkArticle(HttpRequest &request, WorkerServices &services, const QString &kind)
{
    ContentWriter writer(services, *request.principal);
    shared::Result<std::optional<StoredRow>> row = writer.load(kTable, request.params.value(QStringLiteral("id")));
    if (!row)
        return HttpResponse::internalError(row.error());
    if (!*row || QString::fromStdString((*row)->values.value("kind", std::string())) != kind)
        return notFound(QStringLiteral("There is no such article."));
    return std::nullopt;
}

shared::Result<QList<Revision>> revisions(shared::Database &db, const QString &id, std::optional<qint64> only = {})
{
    QVariantList binds { kTable, id };
    QString sql = QStringLiteral("SELECT r.rev, r.data, r.created_at, r.user_id, u.name, r.client_id FROM "
                                 "sync_revisions r LEFT JOIN users u ON u.id = r.user_id WHERE r.tbl = ? AND "
                                 "r.row_id = ?");
    if (only) {
        sql += QStringLiteral(" AND r.rev = ?");
        binds << *only;
    }
    shared::Result<QSqlQuery> q = db.exec(sql + QStringLiteral(" ORDER BY r.rev DESC"), binds);
    if (!q)
        return q.error();
    QList<Revision> out;
    while (q->next()) {
        Revision r;
        r.rev = q->value(0).toLongLong();
        r.values = nlohmann::json::parse(q->value(1).toString().toStdString(), nullptr, false);
        if (!r.values.is_object())
            r.values = nlohmann::json::object();
        r.createdAt = q->value(2).toString();
        r.userId = q->value(3).toString();
        r.userName = q->value(4).toString();
        r.via = q->value(5).toString();
        out.append(r);
    }
    return out;
}

nlohmann::json summary(const Revision &r)
{
    return { { "rev", r.rev },
             { "created_at", r.createdAt.toStdString() },
             { "author", { { "id", r.userId.toStdString() }, { "name", r.userName.toStdString() } } },
             { "via", r.via == QLatin1String("api") ? "api" : "desktop" },
             { "title", r.values.value("title", std::string()) },
             { "status", r.values.value("status", std::string()) },
             { "words",
               QString::fromStdString(r.values.value("body", std::string()))
                   .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)
                   .size() } };
}

std::optional<qint64> revParam(const HttpRequest &request, const QString &name, bool fromQuery)
{
    bool ok = false;
    const qint64 rev = (fromQuery ? request.query.queryItemValue(name) : request.params.value(name)).toLongLong(&ok);
    return ok && rev > 0 ? std::optional(rev) : std::nullopt;
}

Router::Handler list(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        if (auto refused = checkArticle(request, services, kind))
            return *refused;
        auto all = revisions(services.database(), request.params.value(QStringLiteral("id")));
        if (!all)
            return HttpResponse::internalError(all.error());
        nlohmann::json items = nlohmann::json::array();
        for (const Revision &r : *all)
            items.push_back(summary(r));
        return HttpResponse::json(200, { { "items", items } });
    };
}

Router::Handler get(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        if (auto refused = checkArticle(request, services, kind))
            return *refused;
        const std::optional<qint64> rev = revParam(request, QStringLiteral("rev"), false);
        if (!rev)
            return notFound(QStringLiteral("There is no such revision."));
        auto found = revisions(services.database(), request.params.value(QStringLiteral("id")), rev);
        if (!found)
            return HttpResponse::internalError(found.error());
        if (found->isEmpty())
            return notFound(QStringLiteral("There is no such revision."));
        const Revision &r = found->first();
        nlohmann::json out = summary(r);
        out["article"] = ArticleJson::toApi(r.values, r.rev, QString());
        return HttpResponse::json(200, out);
    };
}

Router::Handler compare(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        if (auto refused = checkArticle(request, services, kind))
            return *refused;
        const std::optional<qint64> from = revParam(request, QStringLiteral("from"), true);
        const std::optional<qint64> to = revParam(request, QStringLiteral("to"), true);
        if (!from || !to)
            return errorResponse(
                shared::Error::make(shared::ErrorCode::ValidationFailed,
                                    QStringLiteral("Give the two revisions to compare as from and to.")));
        const QString id = request.params.value(QStringLiteral("id"));
        auto a = revisions(services.database(), id, from);
        auto b = revisions(services.database(), id, to);
        if (!a || !b)
            return HttpResponse::internalError(!a ? a.error() : b.error());
        if (a->isEmpty() || b->isEmpty())
            return notFound(QStringLiteral("There is no such revision."));
        const nlohmann::json &before = a->first().values;
        const nlohmann::json &after = b->first().values;
        nlohmann::json fields = nlohmann::json::array();
        for (auto it = after.begin(); it != after.end(); ++it) {
            if (it.key() == "body" || it.key() == "updated_at" || before.value(it.key(), nlohmann::json()) == *it)
                continue;
            fields.push_back(
                { { "field", it.key() }, { "from", before.value(it.key(), nlohmann::json()) }, { "to", *it } });
        }
        nlohmann::json body = nlohmann::json::array();
        const auto diff = shared::TextDiff::lines(QString::fromStdString(before.value("body", std::string())),
                                                  QString::fromStdString(after.value("body", std::string())));
        for (const shared::TextDiff::Line &l : diff) {
            const char *op = l.kind == shared::TextDiff::Kind::Same ? "same"
                : l.kind == shared::TextDiff::Kind::Added           ? "added"
                                                                    : "removed";
            body.push_back({ { "op", op }, { "text", l.text.toStdString() } });
        }
        return HttpResponse::json(200, { { "from", *from }, { "to", *to }, { "fields", fields }, { "body", body } });
    };
}

Router::Handler restore(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        if (auto refused = checkArticle(request, services, kind))
            return *refused;
        const QString id = request.params.value(QStringLiteral("id"));
        const std::optional<qint64> rev = revParam(request, QStringLiteral("rev"), false);
        auto found = rev ? revisions(services.database(), id, rev) : shared::Result<QList<Revision>>(QList<Revision>());
        if (!found)
            return HttpResponse::internalError(found.error());
        if (found->isEmpty())
            return notFound(QStringLiteral("There is no such revision."));
        nlohmann::json fields = nlohmann::json::object();
        for (const char *f : kRestored) {
            if (found->first().values.contains(f))
                fields[f] = found->first().values[f];
        }
        ContentWriter writer(services, *request.principal);
        shared::Result<StoredRow> row = writer.upsert(kTable, id, fields);
        if (!row)
            return errorResponse(row.error());
        return HttpResponse::json(200, ArticleJson::toApi(row->values, row->rev, QString()));
    };
}

} // namespace

void install(Router &router)
{
    for (shared::ArticleKind articleKind : shared::articleKinds()) {
        const QString kind = shared::articleKindName(articleKind);
        const QString base = shared::articleKindApiPath(articleKind) + QStringLiteral("/:id/revisions");
        router.add(QStringLiteral("GET"), base, list(kind), Router::BodyKind::None, Guard::user());
        // Registered before :rev so "compare" is not read as a revision number.
        router.add(QStringLiteral("GET"), base + QStringLiteral("/compare"), compare(kind), Router::BodyKind::None,
                   Guard::user());
        router.add(QStringLiteral("GET"), base + QStringLiteral("/:rev"), get(kind), Router::BodyKind::None,
                   Guard::user());
        router.add(QStringLiteral("POST"), base + QStringLiteral("/:rev/restore"), restore(kind),
                   Router::BodyKind::None, Guard::needs(shared::Permission::WriteContent));
    }
}

} // namespace quire::server::RevisionRoutes
