// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/prompttables.h"

#include "shared/declaredtables.h"
#include "shared/promptnames.h"
#include "shared/tr.h"

namespace quire::shared {

namespace {

constexpr int kMaxPromptBytes = 1024 * 1024;

// Who besides the owner may read a row: the user ids of the groups' sharees
// (and owners) that reach it. Kept by the server when a share or a group's
// members change, so a share's end is an ordinary scope exit for sync.
SyncColumn readersColumn()
{
    return { .name = QStringLiteral("readers"),
             .label = QT_TRANSLATE_NOOP("Quire::Shared", "Shared with"),
             .type = ColumnType::List,
             .merge = MergeRule::ServerOwned,
             .defaultValue = QStringLiteral("[]"),
             .filterKey = QStringLiteral("reader") };
}

// The prompt a row belongs to.
SyncColumn promptReference()
{
    return idReference(QStringLiteral("prompt_id"), QT_TRANSLATE_NOOP("Quire::Shared", "Prompt"), promptsTable(),
                       QStringLiteral("prompt"), true);
}

// The group a row belongs to.
SyncColumn groupReference()
{
    return idReference(QStringLiteral("group_id"), QT_TRANSLATE_NOOP("Quire::Shared", "Group"), promptGroupsTable(),
                       QStringLiteral("group"), true);
}

// An optional pointer at one version of a prompt.
SyncColumn versionReference(const char *name, const char *label)
{
    return idReference(QString::fromLatin1(name), label, promptVersionsTable());
}

// What a prompt or a group is for, in the owner's words; searched.
SyncColumn descriptionColumn()
{
    return { .name = QStringLiteral("description"),
             .label = QT_TRANSLATE_NOOP("Quire::Shared", "Description"),
             .maxLength = 2000,
             .searched = true };
}

SyncColumn flagColumn(const char *name, const char *label, const QString &filterKey = {})
{
    return { .name = QString::fromLatin1(name),
             .label = label,
             .type = ColumnType::Choice,
             .choices = kFlags.names(),
             .defaultValue = kFlags.name(false),
             .filterKey = filterKey };
}

// The model settings a prompt or a version carries as data: the provider's
// model name, and temperature and max tokens as decimal text (checked by the server).
QList<SyncColumn> modelSettings()
{
    return {
        { .name = QStringLiteral("model"), .label = QT_TRANSLATE_NOOP("Quire::Shared", "Model"), .maxLength = 120 },
        { .name = QStringLiteral("temperature"),
          .label = QT_TRANSLATE_NOOP("Quire::Shared", "Temperature"),
          .maxLength = 8 },
        { .name = QStringLiteral("max_tokens"),
          .label = QT_TRANSLATE_NOOP("Quire::Shared", "Max tokens"),
          .maxLength = 9 },
    };
}

// The template itself: text, or chat messages (a JSON list of {role, content}).
QList<SyncColumn> promptBody(MergeRule textMerge, MergeRule otherMerge)
{
    QList<SyncColumn> c {
        { .name = QStringLiteral("kind"),
          .label = QT_TRANSLATE_NOOP("Quire::Shared", "Kind"),
          .type = ColumnType::Choice,
          .merge = otherMerge,
          .choices = kPromptKinds.names(),
          .defaultValue = kPromptKinds.name(PromptKind::Text),
          .filterKey = QStringLiteral("kind") },
        { .name = QStringLiteral("content"),
          .label = QT_TRANSLATE_NOOP("Quire::Shared", "Content"),
          .type = ColumnType::Markdown,
          .merge = textMerge,
          .maxLength = kMaxPromptBytes,
          .searched = true },
        { .name = QStringLiteral("messages"),
          .label = QT_TRANSLATE_NOOP("Quire::Shared", "Messages"),
          .merge = otherMerge,
          .maxLength = kMaxPromptBytes,
          .defaultValue = QStringLiteral("[]") },
    };
    for (SyncColumn s : modelSettings()) {
        s.merge = otherMerge;
        c << s;
    }
    return c;
}

SyncTable prompts()
{
    SyncTable t {
        .name = promptsTable(),
        .columns = {
            titleColumn(),
            // What programs ask for (by-name); unique per owner, made from the title when left out.
            { .name = QStringLiteral("name"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Name"),
              .type = ColumnType::Slug,
              .maxLength = 120,
              .sortKey = QStringLiteral("name") },
            descriptionColumn(),
            { .name = QStringLiteral("category"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Category"),
              .maxLength = 80,
              .filterKey = QStringLiteral("category"),
              .counted = true },
            tagsColumn(),
            flagColumn("is_template", QT_TRANSLATE_NOOP("Quire::Shared", "Template"), QStringLiteral("template")),
            // When on, moving the production label waits for an editor's or admin's approval.
            flagColumn("approval_required", QT_TRANSLATE_NOOP("Quire::Shared", "Approval for production")),
            // A branch names the prompt it came from and the version it started at.
            idReference(QStringLiteral("branch_of"), QT_TRANSLATE_NOOP("Quire::Shared", "Branch of"),
                        promptsTable(), QStringLiteral("branch_of")),
            versionReference("branch_base", QT_TRANSLATE_NOOP("Quire::Shared", "Branched from version")),
            readersColumn(),
        },
        .collection = QStringLiteral("prompts"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Prompt"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Prompts"),
        .defaultSort = QStringLiteral("updated"),
        .labelColumn = QStringLiteral("title"),
    };
    t.columns += promptBody(MergeRule::MarkdownText, MergeRule::LastArrival);
    t.columns += serverColumns(true);
    return t;
}

// An immutable snapshot of a prompt's content and settings. The server
// numbers it (1, 2, 3… per prompt, in arrival order) and refuses changes.
SyncTable promptVersions()
{
    SyncTable t {
        .name = promptVersionsTable(),
        .columns = {
            promptReference(),
            { .name = QStringLiteral("number"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Version"),
              .merge = MergeRule::ServerOwned,
              .maxLength = 12 },
            { .name = QStringLiteral("message"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Message"),
              .maxLength = 500 },
            readersColumn(),
        },
        .collection = QStringLiteral("prompt-versions"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Prompt version"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Prompt versions"),
        .defaultSort = QStringLiteral("created"),
    };
    t.columns += promptBody(MergeRule::LastArrival, MergeRule::LastArrival);
    t.columns += serverColumns(false);
    return t;
}

// A named pointer at one version of a prompt (production, staging, …). It
// moves only by an explicit change of version_id; with approval on, a
// writer's move of production waits in pending_version_id.
SyncTable promptLabels()
{
    SyncTable t {
        .name = promptLabelsTable(),
        .columns = {
            promptReference(),
            { .name = QStringLiteral("name"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Label"),
              .type = ColumnType::Slug,
              .required = true,
              .maxLength = 40,
              .sortKey = QStringLiteral("name") },
            versionReference("version_id", QT_TRANSLATE_NOOP("Quire::Shared", "Version")),
            versionReference("pending_version_id", QT_TRANSLATE_NOOP("Quire::Shared", "Waiting for approval")),
            { .name = QStringLiteral("requested_by"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Requested by"),
              .type = ColumnType::Id,
              .merge = MergeRule::ServerOwned },
            { .name = QStringLiteral("approved_by"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Approved by"),
              .type = ColumnType::Id,
              .merge = MergeRule::ServerOwned },
            readersColumn(),
        },
        .collection = QStringLiteral("prompt-labels"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Prompt label"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Prompt labels"),
        .defaultSort = QStringLiteral("name"),
        .defaultDescending = false,
        .labelColumn = QStringLiteral("name"),
    };
    t.columns += serverColumns(false);
    return t;
}

SyncTable promptGroups()
{
    SyncTable t {
        .name = promptGroupsTable(),
        .columns = {
            { .name = QStringLiteral("name"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Name"),
              .required = true,
              .maxLength = 120,
              .searched = true,
              .sortKey = QStringLiteral("name") },
            descriptionColumn(),
            readersColumn(),
        },
        .collection = QStringLiteral("groups"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Group"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Groups"),
        .defaultSort = QStringLiteral("name"),
        .defaultDescending = false,
        .labelColumn = QStringLiteral("name"),
    };
    t.columns += serverColumns(false);
    return t;
}

// One prompt in a group. `position` is a sort key between its neighbours'
// (fractional, compared as text, the id breaking ties), so a move is one
// row's change and concurrent moves on two replicas settle to one order.
SyncTable promptGroupMembers()
{
    SyncTable t {
        .name = promptGroupMembersTable(),
        .columns = {
            groupReference(),
            promptReference(),
            { .name = QStringLiteral("position"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Position"),
              .required = true,
              .maxLength = 64,
              .sortKey = QStringLiteral("position"),
              .caseSensitive = true }, // fractional keys compare by their bytes
            // Pinned to one version, or to a label; neither: the latest.
            versionReference("pinned_version_id", QT_TRANSLATE_NOOP("Quire::Shared", "Pinned version")),
            { .name = QStringLiteral("pinned_label"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Pinned label"),
              .maxLength = 40 },
            readersColumn(),
        },
        .collection = QStringLiteral("group-members"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Group member"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Group members"),
        .defaultSort = QStringLiteral("position"),
        .defaultDescending = false,
    };
    t.columns += serverColumns(false);
    return t;
}

// A group shared with one user; the group's owner makes and revokes it.
SyncTable promptGroupShares()
{
    SyncTable t {
        .name = promptGroupSharesTable(),
        .columns = {
            groupReference(),
            { .name = QStringLiteral("user_id"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Shared with"),
              .type = ColumnType::Id,
              .required = true,
              .filterKey = QStringLiteral("user") },
            { .name = QStringLiteral("role"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Permission"),
              .type = ColumnType::Choice,
              .choices = kShareRoles.names(),
              .defaultValue = kShareRoles.name(ShareRole::Viewer) },
            readersColumn(),
        },
        .collection = QStringLiteral("group-shares"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Group share"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Group shares"),
        .defaultSort = QStringLiteral("created"),
    };
    t.columns += serverColumns(false);
    return t;
}

// A user's star on a prompt they may read; private to them.
SyncTable promptFavorites()
{
    SyncTable t {
        .name = promptFavoritesTable(),
        .columns = {
            promptReference(),
        },
        .collection = QStringLiteral("prompt-favorites"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Favourite"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Favourites"),
        .defaultSort = QStringLiteral("created"),
    };
    t.columns += serverColumns(false);
    return t;
}

// One use of a prompt version; private to the user. Variable values are
// kept only when the user's preferences say so; `output` is a Run's answer.
SyncTable promptUsage()
{
    SyncTable t {
        .name = promptUsageTable(),
        .columns = {
            promptReference(),
            versionReference("version_id", QT_TRANSLATE_NOOP("Quire::Shared", "Version")),
            { .name = QStringLiteral("use"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Used as"),
              .type = ColumnType::Choice,
              .required = true,
              .choices = kPromptUses.names(),
              .defaultValue = kPromptUses.name(PromptUse::Copied),
              .filterKey = QStringLiteral("use"),
              .counted = true },
            { .name = QStringLiteral("variables"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Variables"),
              .maxLength = 65536,
              .defaultValue = QStringLiteral("{}") },
            { .name = QStringLiteral("output"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Answer"),
              .maxLength = kMaxPromptBytes },
            { .name = QStringLiteral("source"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Where"),
              .maxLength = 120 },
            // How many uses the row stands for: 1 for a person's; a program's
            // fetches have one row per key, version and UTC day, which the
            // server counts up in place (server/prompts/promptfetchusage).
            { .name = QStringLiteral("count"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Times"),
              .maxLength = 12,
              .defaultValue = QStringLiteral("1") },
        },
        .collection = QStringLiteral("prompt-usage"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Use"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Usage history"),
        .defaultSort = QStringLiteral("created"),
    };
    t.columns += serverColumns(false);
    return t;
}

// A user's settings for the library; one row per user (the server keeps
// the first and answers it to GET /users/me).
SyncTable promptPreferences()
{
    SyncTable t {
        .name = promptPreferencesTable(),
        .columns = {
            { .name = QStringLiteral("default_view"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Default view"),
              .maxLength = 40,
              .defaultValue = QStringLiteral("library") },
            { .name = QStringLiteral("sort"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Sort"),
              .maxLength = 40,
              .defaultValue = QStringLiteral("-updated") },
            flagColumn("keep_variables", QT_TRANSLATE_NOOP("Quire::Shared", "Keep variable values in the history")),
        },
        .collection = QStringLiteral("prompt-preferences"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Preferences"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Preferences"),
        .defaultSort = QStringLiteral("created"),
    };
    t.columns += serverColumns(false);
    return t;
}

} // namespace

QList<SyncTable> promptTables()
{
    return { prompts(),           promptVersions(),  promptLabels(), promptGroups(),     promptGroupMembers(),
             promptGroupShares(), promptFavorites(), promptUsage(),  promptPreferences() };
}

} // namespace quire::shared
