// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/core/promptquery.h"

#include "desktop/articles/core/articlequery.h"
#include "desktop/core/searchindexer.h"
#include "shared/database.h"
#include "shared/promptnames.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Result;
using shared::VoidResult;

namespace {

// The preferences' sort names (prompt_preferences.sort).
constexpr shared::EnumNames<PromptQuery::Sort, 4> kSortNames { { { { PromptQuery::Sort::Updated, "-updated" },
                                                                   { PromptQuery::Sort::Title, "title" },
                                                                   { PromptQuery::Sort::Name, "name" },
                                                                   { PromptQuery::Sort::Relevance, "relevance" } } } };

Result<QStringList> distinctValues(shared::Database &db, const QString &sql)
{
    Result<QSqlQuery> q = db.exec(sql);
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

} // namespace

QString PromptQuery::sortName(Sort sort)
{
    return kSortNames.name(sort);
}

PromptQuery::Sort PromptQuery::sortFromName(const QString &name)
{
    return kSortNames.fromName(name).value_or(Sort::Updated);
}

Result<QStringList> PromptQuery::knownCategories(shared::Database &db)
{
    return distinctValues(db,
                          QStringLiteral("SELECT min(category) FROM %1 WHERE trim(category) <> '' "
                                         "GROUP BY lower(category) ORDER BY count(*) DESC, lower(category) "
                                         "LIMIT 200")
                              .arg(shared::promptsTable()));
}

Result<QStringList> PromptQuery::knownTags(shared::Database &db)
{
    return distinctValues(db,
                          QStringLiteral("SELECT min(t.value) FROM %1 p, json_each(p.tags) t "
                                         "GROUP BY lower(t.value) ORDER BY count(*) DESC, lower(t.value) "
                                         "LIMIT 200")
                              .arg(shared::promptsTable()));
}

Result<QList<PromptSummary>> PromptQuery::run(shared::Database &db) const
{
    // The same reading of what was typed as the articles' search: quoted
    // prefix terms, so no input is FTS syntax.
    const QString match = ArticleQuery::matchExpression(text);
    const QString columns
        = QStringLiteral("p.id, p.title, p.name, p.category, p.tags, p.is_template, p.kind, p.owner_id, p.updated_at, "
                         "EXISTS (SELECT 1 FROM %1 f WHERE f.prompt_id = p.id AND f.owner_id = ?)")
              .arg(shared::promptFavoritesTable());
    QVariantList binds { userId };
    QString sql;
    if (!match.isEmpty()) {
        if (VoidResult r = SearchIndexer::catchUp(db); !r)
            return r.error();
        sql = QStringLiteral("SELECT %1, snippet(prompts_fts, -1, '[', ']', '…', 8) FROM prompts_fts "
                             "JOIN %2 p ON p.rowid = prompts_fts.rowid WHERE prompts_fts MATCH ?")
                  .arg(columns, shared::promptsTable());
        binds << match;
    } else {
        sql = QStringLiteral("SELECT %1, '' FROM %2 p WHERE 1").arg(columns, shared::promptsTable());
    }
    if (!category.isEmpty()) {
        sql += QStringLiteral(" AND lower(p.category) = lower(?)");
        binds << category.trimmed();
    }
    if (!tag.isEmpty()) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM json_each(p.tags) t WHERE lower(t.value) = lower(?))");
        binds << tag.trimmed();
    }
    if (templatesOnly) {
        sql += QStringLiteral(" AND p.is_template = ?");
        binds << shared::kFlags.name(true);
    }
    if (favouritesOnly) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM %1 f WHERE f.prompt_id = p.id AND "
                              "f.owner_id = ?)")
                   .arg(shared::promptFavoritesTable());
        binds << userId;
    }
    switch (scope) {
    case Scope::All:
        break;
    case Scope::Mine:
        sql += QStringLiteral(" AND p.owner_id = ?");
        binds << userId;
        break;
    case Scope::SharedWithMe:
        sql += QStringLiteral(" AND p.owner_id <> ?");
        binds << userId;
        break;
    }
    switch (sort) {
    case Sort::Relevance:
        sql += match.isEmpty() ? QStringLiteral(" ORDER BY p.updated_at DESC, p.id") : QStringLiteral(" ORDER BY rank");
        break;
    case Sort::Title:
        sql += QStringLiteral(" ORDER BY p.title COLLATE NOCASE, p.id");
        break;
    case Sort::Name:
        sql += QStringLiteral(" ORDER BY p.name COLLATE NOCASE, p.id");
        break;
    case Sort::Updated:
        sql += QStringLiteral(" ORDER BY p.updated_at DESC, p.id");
        break;
    }
    sql += QStringLiteral(" LIMIT %1").arg(limit);
    Result<QSqlQuery> q = db.exec(sql, binds);
    if (!q)
        return q.error();
    QList<PromptSummary> out;
    while (q->next()) {
        PromptSummary s;
        s.id = q->value(0).toString();
        s.title = q->value(1).toString();
        s.name = q->value(2).toString();
        s.category = q->value(3).toString();
        s.tags = shared::listItems(q->value(4).toString());
        s.isTemplate = q->value(5).toString() == shared::kFlags.name(true);
        s.kind = q->value(6).toString();
        s.ownerId = q->value(7).toString();
        s.updatedAt = q->value(8).toString();
        s.favourite = q->value(9).toBool();
        s.snippet = q->value(10).toString();
        out.append(std::move(s));
    }
    return out;
}

} // namespace quire::desktop
