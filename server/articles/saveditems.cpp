// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/saveditems.h"

#include "server/collections/contentwriter.h"
#include "server/servercontext.h"
#include "shared/articlepage.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/uuid.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server::SavedItems {

using shared::Result;

namespace {

const QString kTable = QStringLiteral("saved_items");

Result<QString> savedId(shared::Database &db, const Principal &who, const QString &articleId)
{
    Result<QVariant> id
        = db.scalar(QStringLiteral("SELECT id FROM saved_items WHERE owner_id = ? AND article_id = ? AND deleted = 0"),
                    { who.userId, articleId });
    if (!id)
        return id.error();
    return id->toString();
}

} // namespace

Result<nlohmann::json> list(shared::Database &db, const Principal &who)
{
    Result<QSqlQuery> q = db.exec(QStringLiteral("SELECT g.id, g.kind, g.slug, g.title, g.summary, s.created_at FROM "
                                                 "saved_items s JOIN articles g ON g.id = s.article_id WHERE "
                                                 "s.owner_id = ? AND s.deleted = 0 AND g.deleted = 0 AND "
                                                 "g.status = ? ORDER BY s.created_at DESC, s.id"),
                                  { who.userId, shared::contentStatusName(shared::ContentStatus::Published) });
    if (!q)
        return q.error();
    nlohmann::json items = nlohmann::json::array();
    while (q->next()) {
        const Result<QString> url = shared::ArticlePage::path(q->value(1).toString(), q->value(2).toString());
        if (!url)
            return url.error();
        items.push_back({ { "article_id", q->value(0).toString().toStdString() },
                          { "kind", q->value(1).toString().toStdString() },
                          { "url", url->toStdString() },
                          { "title", q->value(3).toString().toStdString() },
                          { "summary", q->value(4).toString().toStdString() },
                          { "saved_at", q->value(5).toString().toStdString() } });
    }
    return items;
}

Result<bool> isSaved(shared::Database &db, const Principal &who, const QString &articleId)
{
    Result<QString> id = savedId(db, who, articleId);
    if (!id)
        return id.error();
    return !id->isEmpty();
}

Result<bool> save(WorkerServices &services, const Principal &who, const QString &articleId)
{
    Result<QString> existing = savedId(services.database(), who, articleId);
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return false;
    ContentWriter writer(services, who);
    Result<StoredRow> row
        = writer.upsert(kTable, shared::Uuid::createV7(), { { "article_id", articleId.toStdString() } });
    if (!row)
        return row.error();
    return true;
}

shared::VoidResult unsave(WorkerServices &services, const Principal &who, const QString &articleId)
{
    Result<QString> existing = savedId(services.database(), who, articleId);
    if (!existing)
        return existing.error();
    if (existing->isEmpty())
        return shared::VoidResult::success(); // not saved: unsaving twice is the same as once
    ContentWriter writer(services, who);
    return writer.remove(kTable, *existing);
}

} // namespace quire::server::SavedItems
