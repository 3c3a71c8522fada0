// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/core/promptlookup.h"

#include "desktop/articles/core/articlequery.h"
#include "desktop/core/searchindexer.h"
#include "desktop/core/workingcopy.h"
#include "shared/database.h"
#include "shared/promptnames.h"
#include "shared/synctable.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Result;

namespace {

const shared::SyncTable &promptsTable()
{
    return *shared::SyncSchema::find(QStringLiteral("prompts"));
}

} // namespace

PromptLookup::PromptLookup(shared::Database &db, QString userId)
    : m_db(db)
    , m_userId(std::move(userId))
{ }

Result<QList<PromptSummary>> PromptLookup::list(const Filter &filter) const
{
    const QString match = ArticleQuery::matchExpression(filter.search);
    QVariantList binds { m_userId };
    const QString favorite
        = QStringLiteral("EXISTS (SELECT 1 FROM prompt_favorites f WHERE f.prompt_id = p.id AND f.owner_id = ?)");
    QString sql = QStringLiteral("SELECT p.id, p.title, p.name, p.category, p.tags, p.is_template, %1, p.updated_at ")
                      .arg(favorite);
    if (!match.isEmpty()) {
        if (shared::VoidResult r = SearchIndexer::catchUp(m_db); !r)
            return r.error();
        sql += QStringLiteral(
            "FROM prompts_fts JOIN prompts p ON p.rowid = prompts_fts.rowid WHERE prompts_fts MATCH ?");
        binds << match;
    } else {
        sql += QStringLiteral("FROM prompts p WHERE 1");
    }
    if (!filter.tag.trimmed().isEmpty()) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM json_each(p.tags) t WHERE lower(t.value) = lower(?))");
        binds << filter.tag.trimmed();
    }
    if (filter.templatesOnly) {
        sql += QStringLiteral(" AND p.is_template = ?");
        binds << shared::kFlags.name(true);
    }
    if (filter.favoritesOnly) {
        sql += QStringLiteral(" AND ") + favorite;
        binds << m_userId;
    }
    sql += match.isEmpty() ? QStringLiteral(" ORDER BY p.title COLLATE NOCASE, p.id")
                           : QStringLiteral(" ORDER BY rank");
    sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    Result<QSqlQuery> q = m_db.exec(sql, binds);
    if (!q)
        return q.error();
    QList<PromptSummary> out;
    while (q->next()) {
        out << PromptSummary { q->value(0).toString(),
                               q->value(1).toString(),
                               q->value(2).toString(),
                               q->value(3).toString(),
                               shared::listItems(q->value(4).toString()),
                               q->value(5).toString() == shared::kFlags.name(true),
                               q->value(6).toBool(),
                               q->value(7).toString() };
    }
    return out;
}

Result<std::optional<nlohmann::json>> PromptLookup::find(const QString &idOrName) const
{
    WorkingCopy rows(m_db);
    Result<std::optional<nlohmann::json>> byId = rows.row(promptsTable(), idOrName);
    if (!byId || *byId)
        return byId;
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT id FROM prompts WHERE name = ? ORDER BY owner_id <> ?, updated_at DESC, id LIMIT 1"),
        { idOrName.trimmed(), m_userId });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<nlohmann::json>();
    return rows.row(promptsTable(), q->value(0).toString());
}

Result<QString> PromptLookup::favoriteId(const QString &promptId) const
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT id FROM prompt_favorites WHERE prompt_id = ? AND owner_id = ? ORDER BY id LIMIT 1"),
        { promptId, m_userId });
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

} // namespace quire::desktop
