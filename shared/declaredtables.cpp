// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/declaredtables.h"

#include "shared/articlekind.h"
#include "shared/contentstatus.h"
#include "shared/prompttables.h"
#include "shared/schedulertables.h"
#include "shared/tr.h"

namespace quire::shared {

QList<SyncColumn> serverColumns(bool countedOwner)
{
    return {
        { .name = QStringLiteral("owner_id"),
          .label = QT_TRANSLATE_NOOP("Quire::Shared", "Author"),
          .type = ColumnType::Id,
          .merge = MergeRule::ServerOwned,
          .filterKey = QStringLiteral("author"),
          .counted = countedOwner },
        { .name = QStringLiteral("created_at"),
          .label = QT_TRANSLATE_NOOP("Quire::Shared", "Created"),
          .type = ColumnType::Timestamp,
          .merge = MergeRule::ServerOwned,
          .sortKey = QStringLiteral("created") },
        { .name = QStringLiteral("updated_at"),
          .label = QT_TRANSLATE_NOOP("Quire::Shared", "Last changed"),
          .type = ColumnType::Timestamp,
          .merge = MergeRule::ServerOwned,
          .sortKey = QStringLiteral("updated") },
    };
}

SyncColumn idReference(const QString &name, const char *label, const QString &table, const QString &filterKey,
                       bool required)
{
    return { .name = name,
             .label = label,
             .type = ColumnType::Id,
             .required = required,
             .filterKey = filterKey,
             .references = table };
}

SyncColumn titleColumn()
{
    return { .name = QStringLiteral("title"),
             .label = QT_TRANSLATE_NOOP("Quire::Shared", "Title"),
             .required = true,
             .maxLength = kMaxTitleLength,
             .searched = true,
             .sortKey = QStringLiteral("title") };
}

SyncColumn tagsColumn()
{
    return { .name = QStringLiteral("tags"),
             .label = QT_TRANSLATE_NOOP("Quire::Shared", "Tags"),
             .type = ColumnType::List,
             .merge = MergeRule::SetUnion,
             .defaultValue = QStringLiteral("[]"),
             .filterKey = QStringLiteral("tag") };
}

namespace {

SyncTable articles()
{
    SyncTable t {
        .name = QStringLiteral("articles"),
        .columns = {
            titleColumn(),
            { .name = QStringLiteral("body"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Text"),
              .type = ColumnType::Markdown,
              .merge = MergeRule::MarkdownText,
              .maxLength = kMaxBodyBytes,
              .searched = true },
            { .name = QStringLiteral("status"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Status"),
              .type = ColumnType::Choice,
              .choices = contentStatusNames(),
              .defaultValue = contentStatusName(ContentStatus::Draft),
              .filterKey = QStringLiteral("status"),
              .counted = true },
            { .name = QStringLiteral("kind"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Kind"),
              .type = ColumnType::Choice,
              .choices = articleKindNames(),
              .defaultValue = articleKindName(ArticleKind::Guide),
              .filterKey = QStringLiteral("kind"),
              .counted = true },
            { .name = QStringLiteral("slug"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Address"),
              .type = ColumnType::Slug, .maxLength = 120 },
            { .name = QStringLiteral("summary"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Summary"),
              .maxLength = 500, .searched = true },
            { .name = QStringLiteral("publish_at"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Publish on"),
              .type = ColumnType::Timestamp },
            { .name = QStringLiteral("published_at"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Published"),
              .type = ColumnType::Timestamp,
              .merge = MergeRule::ServerOwned,
              .sortKey = QStringLiteral("published") },
            // Category ids; tags as written (a tag's page is its lower-cased text).
            { .name = QStringLiteral("categories"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Categories"),
              .type = ColumnType::List,
              .merge = MergeRule::SetUnion,
              .defaultValue = QStringLiteral("[]"),
              .filterKey = QStringLiteral("category"),
              .references = QStringLiteral("categories") },
            tagsColumn(),
            // The cover image: a /media/<sha256> address or an https URL.
            { .name = QStringLiteral("cover"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Cover image"),
              .type = ColumnType::ImageRef, .maxLength = 300 },
            { .name = QStringLiteral("seo_title"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "SEO title"),
              .maxLength = 120 },
            { .name = QStringLiteral("seo_description"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "SEO description"),
              .maxLength = 300 },
        },
        .collection = QStringLiteral("articles"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Article"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Articles"),
        .defaultSort = QStringLiteral("updated"),
        .labelColumn = QStringLiteral("title"),
    };
    t.columns += serverColumns(true);
    return t;
}

// Admin-managed topics for articles; parent_id nests them (empty: top level).
SyncTable categories()
{
    SyncTable t {
        .name = QStringLiteral("categories"),
        .columns = {
            { .name = QStringLiteral("name"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Name"),
              .required = true, .maxLength = 80, .sortKey = QStringLiteral("name") },
            { .name = QStringLiteral("slug"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Address"),
              .type = ColumnType::Slug, .required = true, .maxLength = 80 },
            { .name = QStringLiteral("parent_id"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Parent category"),
              .maxLength = 36,
              .filterKey = QStringLiteral("parent"),
              .references = QStringLiteral("categories") },
            { .name = QStringLiteral("description"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Description"),
              .maxLength = 500 },
        },
        .collection = QStringLiteral("categories"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Category"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Categories"),
        .defaultSort = QStringLiteral("name"),
        .defaultDescending = false,
        .labelColumn = QStringLiteral("name"),
    };
    t.columns += serverColumns(false);
    return t;
}

// A user's bookmark of a row of any declared table they may read; each user
// sees only their own. The row is named by its id (article_id, the name from
// when only articles could be saved) and its table (item_table), which the
// server finds from the id: a client, old or new, only names the row.
SyncTable savedItems()
{
    SyncTable t {
        .name = QStringLiteral("saved_items"),
        .columns = {
            idReference(QStringLiteral("article_id"), QT_TRANSLATE_NOOP("Quire::Shared", "Article"),
                        QStringLiteral("articles"), QStringLiteral("article"), true),
            // Rows saved before other types could be are articles: the
            // default fills them in when the column is added.
            { .name = QStringLiteral("item_table"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Kind of item"),
              .merge = MergeRule::ServerOwned,
              .maxLength = 64,
              .defaultValue = QStringLiteral("articles") },
        },
        .collection = QStringLiteral("saved-items"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Saved item"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Saved items"),
        .defaultSort = QStringLiteral("created"),
    };
    t.columns += serverColumns(false);
    return t;
}

} // namespace

QList<SyncTable> declaredTables()
{
    return QList<SyncTable> { articles(), categories(), savedItems() } + promptTables() + schedulerTables();
}

} // namespace quire::shared
