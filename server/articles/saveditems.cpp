// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/saveditems.h"

#include "server/articles/saveditemaccess.h"
#include "server/collections/contentwriter.h"
#include "server/servercontext.h"
#include "shared/articlepage.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/uuid.h"

#include <QSqlQuery>
#include <QVariant>

#include <unordered_map>

namespace quire::server::SavedItems {

using shared::Result;
using shared::VoidResult;

namespace {

const QString kTable = QString::fromLatin1(SavedItemAccess::kSavedItems);
constexpr char kArticles[] = "articles";

// What readers' pages show of a saved article: its kind and summary, and
// its address while it is published.
VoidResult describeArticles(shared::Database &db, const QStringList &ids, nlohmann::json &items)
{
    if (ids.isEmpty())
        return VoidResult::success();
    QStringList marks;
    marks.fill(QStringLiteral("?"), ids.size());
    QVariantList binds;
    for (const QString &id : ids)
        binds << id;
    Result<QSqlQuery> q = db.exec(
        QStringLiteral("SELECT id, kind, slug, summary, status FROM articles WHERE id IN (%1)").arg(marks.join(u',')),
        binds);
    if (!q)
        return q.error();
    std::unordered_map<std::string, nlohmann::json> found;
    while (q->next()) {
        nlohmann::json extra { { "kind", q->value(1).toString().toStdString() },
                               { "summary", q->value(3).toString().toStdString() } };
        if (q->value(4).toString() == shared::contentStatusName(shared::ContentStatus::Published)) {
            const Result<QString> url = shared::ArticlePage::path(q->value(1).toString(), q->value(2).toString());
            if (!url)
                return url.error();
            extra["url"] = url->toStdString();
        }
        found[q->value(0).toString().toStdString()] = extra;
    }
    for (nlohmann::json &item : items) {
        if (item["item_table"] != kArticles)
            continue;
        const auto it = found.find(item["item_id"].get<std::string>());
        if (it != found.end())
            item.update(it->second);
    }
    return VoidResult::success();
}

Result<QString> savedId(shared::Database &db, const Principal &who, const QString &itemId)
{
    Result<QVariant> id
        = db.scalar(QStringLiteral("SELECT id FROM saved_items WHERE owner_id = ? AND article_id = ? AND deleted = 0"),
                    { who.userId, itemId });
    if (!id)
        return id.error();
    return id->toString();
}

} // namespace

Result<nlohmann::json> list(shared::Database &db, const Principal &who)
{
    // One query over every table a row may be saved from: the saved rows
    // the caller may still read there (by that table's rules), each named
    // by its table's label column.
    QStringList parts;
    QVariantList binds;
    for (const SyncAccess *access : SyncAccess::all()) {
        const shared::SyncTable &t = access->table();
        if (t.name == QLatin1String(SavedItemAccess::kSavedItems))
            continue;
        QVariantList visibleBinds;
        const QString visible = access->visibleWhere(who, visibleBinds);
        parts << QStringLiteral("SELECT s.id, s.item_table, s.article_id, s.created_at, %1 FROM saved_items s "
                                "JOIN %2 r ON r.id = s.article_id WHERE s.owner_id = ? AND s.deleted = 0 AND "
                                "s.item_table = ? AND r.id IN (SELECT id FROM %2 WHERE deleted = 0 AND %3)")
                     .arg(t.labelColumn.isEmpty() ? QStringLiteral("r.id") : QStringLiteral("r.") + t.labelColumn,
                          t.name, visible);
        binds << who.userId << t.name << visibleBinds;
    }
    if (parts.isEmpty())
        return nlohmann::json::array();
    Result<QSqlQuery> q
        = db.exec(parts.join(QLatin1String(" UNION ALL ")) + QStringLiteral(" ORDER BY 4 DESC, 1"), binds);
    if (!q)
        return q.error();
    nlohmann::json items = nlohmann::json::array();
    QStringList articles;
    while (q->next()) {
        const std::string table = q->value(1).toString().toStdString();
        const std::string id = q->value(2).toString().toStdString();
        items.push_back({ { "item_table", table },
                          { "item_id", id },
                          { "article_id", id },
                          { "title", q->value(4).toString().toStdString() },
                          { "saved_at", q->value(3).toString().toStdString() } });
        if (table == kArticles)
            articles << q->value(2).toString();
    }
    if (VoidResult r = describeArticles(db, articles, items); !r)
        return r.error();
    return items;
}

Result<bool> isSaved(shared::Database &db, const Principal &who, const QString &itemId)
{
    Result<QString> id = savedId(db, who, itemId);
    if (!id)
        return id.error();
    return !id->isEmpty();
}

Result<bool> save(WorkerServices &services, const Principal &who, const QString &itemId)
{
    Result<QString> existing = savedId(services.database(), who, itemId);
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return false;
    ContentWriter writer(services, who);
    Result<StoredRow> row = writer.upsert(kTable, shared::Uuid::createV7(), { { "article_id", itemId.toStdString() } });
    if (!row)
        return row.error();
    return true;
}

shared::VoidResult unsave(WorkerServices &services, const Principal &who, const QString &itemId)
{
    Result<QString> existing = savedId(services.database(), who, itemId);
    if (!existing)
        return existing.error();
    if (existing->isEmpty())
        return shared::VoidResult::success(); // not saved: unsaving twice is the same as once
    ContentWriter writer(services, who);
    return writer.remove(kTable, *existing);
}

} // namespace quire::server::SavedItems
