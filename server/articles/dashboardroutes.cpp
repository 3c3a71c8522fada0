// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/dashboardroutes.h"

#include "server/collections/answercache.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/articlekind.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/role.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server::DashboardRoutes {

namespace {

constexpr int kRecent = 20;

HttpResponse compute(HttpRequest &request, WorkerServices &services)
{
    shared::Database &db = services.database();
    const Principal &who = *request.principal;
    QVariantList binds;
    const QString visible = SyncAccess::find(QStringLiteral("articles"))->visibleWhere(who, binds);

    nlohmann::json counts = nlohmann::json::object();
    for (const QString &status : shared::contentStatusNames())
        counts[status.toStdString()] = 0;
    nlohmann::json byKind = nlohmann::json::object();
    for (const QString &kind : shared::articleKindNames())
        byKind[kind.toStdString()] = 0;
    // The counts the declared schema keeps up to date (articles_counts, by
    // status, kind and owner): visibleWhere() reads only owner_id and
    // status, which that table has, so the same rule applies to it.
    shared::Result<QSqlQuery> q = db.exec(
        QStringLiteral("SELECT status, kind, sum(n) FROM articles_counts WHERE n > 0 AND %1 GROUP BY status, kind")
            .arg(visible),
        binds);
    if (!q)
        return HttpResponse::internalError(q.error());
    qint64 total = 0;
    while (q->next()) {
        const qint64 n = q->value(2).toLongLong();
        counts[q->value(0).toString().toStdString()] = counts.value(q->value(0).toString().toStdString(), 0) + n;
        byKind[q->value(1).toString().toStdString()] = byKind.value(q->value(1).toString().toStdString(), 0) + n;
        total += n;
    }

    // The latest revisions of visible articles: who changed what, when.
    nlohmann::json recent = nlohmann::json::array();
    q = db.exec(
        QStringLiteral("SELECT r.row_id, r.rev, r.created_at, u.name, g.title, g.kind, g.status FROM "
                       "sync_revisions r JOIN articles g ON g.id = r.row_id LEFT JOIN users u ON u.id = "
                       "r.user_id WHERE r.tbl = 'articles' AND g.deleted = 0 AND %1 ORDER BY r.rev DESC LIMIT %2")
            .arg(visible) // its columns are the article's alone here
            .arg(kRecent),
        binds);
    if (!q)
        return HttpResponse::internalError(q.error());
    while (q->next()) {
        recent.push_back({ { "article_id", q->value(0).toString().toStdString() },
                           { "rev", q->value(1).toLongLong() },
                           { "at", q->value(2).toString().toStdString() },
                           { "by", q->value(3).toString().toStdString() },
                           { "title", q->value(4).toString().toStdString() },
                           { "kind", q->value(5).toString().toStdString() },
                           { "status", q->value(6).toString().toStdString() } });
    }

    nlohmann::json drafts = nlohmann::json::array();
    q = db.exec(
        QStringLiteral("SELECT id, title, kind, updated_at FROM articles WHERE deleted = 0 AND owner_id = ? AND "
                       "status IN (?, ?) ORDER BY updated_at DESC LIMIT %1")
            .arg(kRecent),
        { who.userId, shared::contentStatusName(shared::ContentStatus::Draft),
          shared::contentStatusName(shared::ContentStatus::InReview) });
    if (!q)
        return HttpResponse::internalError(q.error());
    while (q->next()) {
        drafts.push_back({ { "id", q->value(0).toString().toStdString() },
                           { "title", q->value(1).toString().toStdString() },
                           { "kind", q->value(2).toString().toStdString() },
                           { "updated_at", q->value(3).toString().toStdString() } });
    }
    return HttpResponse::json(200,
                              { { "counts", { { "total", total }, { "by_status", counts }, { "by_kind", byKind } } },
                                { "recent_activity", recent },
                                { "drafts", drafts } });
}

// Its drafts are the caller's own, so the answer is kept per user.
HttpResponse data(HttpRequest &request, WorkerServices &services)
{
    const Principal &who = *request.principal;
    return services.answers().answer(request,
                                     QStringLiteral("dashboard|%1|%2").arg(shared::roleName(who.role), who.userId),
                                     [&] { return compute(request, services); });
}

} // namespace

void install(Router &router)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/dashboard/data"), data, Router::BodyKind::None,
               Guard::user());
}

} // namespace quire::server::DashboardRoutes
