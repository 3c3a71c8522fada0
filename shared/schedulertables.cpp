// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/schedulertables.h"

#include "shared/declaredtables.h"
#include "shared/schedulernames.h"
#include "shared/tr.h"

namespace quire::shared {

namespace {

constexpr int kMaxNameLength = 120;
constexpr int kMaxPostBytes = 100 * 1024;

// The client a row belongs to.
SyncColumn clientReference()
{
    return idReference(QStringLiteral("client_id"), QT_TRANSLATE_NOOP("Quire::Shared", "Client"), clientsTable(),
                       QStringLiteral("client"), true);
}

// An IANA zone name (Europe/Berlin); the server checks it names a zone.
SyncColumn timeZoneColumn()
{
    return { .name = QStringLiteral("time_zone"),
             .label = QT_TRANSLATE_NOOP("Quire::Shared", "Time zone"),
             .maxLength = 64,
             .defaultValue = QString::fromLatin1(kDefaultTimeZone) };
}

// Per-network settings or options as the text of a JSON object (checked by the server).
SyncColumn jsonObjectColumn(const char *name, const char *label)
{
    return { .name = QString::fromLatin1(name),
             .label = label,
             .maxLength = kMaxSchedulerJsonBytes,
             .defaultValue = QStringLiteral("{}") };
}

// A column only the publisher writes.
SyncColumn publisherColumn(const char *name, const char *label, int maxLength, const QString &defaultValue = {})
{
    return { .name = QString::fromLatin1(name),
             .label = label,
             .merge = MergeRule::ServerOwned,
             .maxLength = maxLength,
             .defaultValue = defaultValue };
}

// A creator a user manages; everything else of the scheduler hangs off one.
SyncTable clients()
{
    SyncTable t {
        .name = clientsTable(),
        .columns = {
            { .name = QStringLiteral("name"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Name"),
              .required = true,
              .maxLength = kMaxNameLength,
              .searched = true,
              .sortKey = QStringLiteral("name") },
            { .name = QStringLiteral("handle"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Handle"),
              .maxLength = kMaxNameLength,
              .searched = true },
            { .name = QStringLiteral("notes"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Notes"),
              .maxLength = 5000 },
            timeZoneColumn(),
            tagsColumn(),
        },
        .collection = QStringLiteral("clients"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Client"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Clients"),
        .defaultSort = QStringLiteral("name"),
        .defaultDescending = false,
        .labelColumn = QStringLiteral("name"),
    };
    t.columns += serverColumns(false);
    return t;
}

// One integration of a client with one network. Its credential is kept
// apart, encrypted, and never synced: only when one was stored is.
SyncTable platforms()
{
    SyncTable t {
        .name = platformsTable(),
        .columns = {
            clientReference(),
            { .name = QStringLiteral("kind"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Network"),
              .type = ColumnType::Choice,
              .choices = kPlatformKinds.names(),
              .defaultValue = kPlatformKinds.name(PlatformKind::Webhook),
              .filterKey = QStringLiteral("kind") },
            { .name = QStringLiteral("display_name"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Display name"),
              .required = true,
              .maxLength = kMaxNameLength,
              .searched = true,
              .sortKey = QStringLiteral("name") },
            { .name = QStringLiteral("account_handle"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Account"),
              .maxLength = 200,
              .searched = true },
            // The instance (Mastodon), the PDS (Bluesky) or the webhook's address.
            { .name = QStringLiteral("base_url"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Address"),
              .maxLength = 500 },
            jsonObjectColumn("settings", QT_TRANSLATE_NOOP("Quire::Shared", "Settings")),
            { .name = QStringLiteral("credential_set_at"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Credential stored"),
              .type = ColumnType::Timestamp,
              .merge = MergeRule::ServerOwned },
        },
        .collection = QStringLiteral("platforms"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Platform"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Platforms"),
        .defaultSort = QStringLiteral("name"),
        .defaultDescending = false,
        .labelColumn = QStringLiteral("display_name"),
    };
    t.columns += serverColumns(false);
    return t;
}

// A post of a client, due at scheduled_at (UTC); time_zone is the author's,
// for showing the time as they chose it. Its destinations say where it goes.
SyncTable posts()
{
    SyncTable t {
        .name = postsTable(),
        .columns = {
            clientReference(),
            // An internal label; the networks see only the text.
            { .name = QStringLiteral("title"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Title"),
              .maxLength = kMaxTitleLength,
              .searched = true,
              .sortKey = QStringLiteral("title") },
            { .name = QStringLiteral("body"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Text"),
              .type = ColumnType::Markdown,
              .merge = MergeRule::MarkdownText,
              .maxLength = kMaxPostBytes,
              .searched = true },
            // Before status: scheduling asks for a time.
            { .name = QStringLiteral("scheduled_at"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Scheduled for"),
              .type = ColumnType::Timestamp,
              .sortKey = QStringLiteral("scheduled") },
            timeZoneColumn(),
            { .name = QStringLiteral("status"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Status"),
              .type = ColumnType::Choice,
              .choices = kPostStatuses.names(),
              .defaultValue = kPostStatuses.name(PostStatus::Draft),
              .filterKey = QStringLiteral("status"),
              .counted = true },
        },
        .collection = QStringLiteral("posts"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Post"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Posts"),
        .defaultSort = QStringLiteral("scheduled"),
        .defaultDescending = false,
        .labelColumn = QStringLiteral("title"),
    };
    t.columns += serverColumns(false);
    return t;
}

// Where a post goes: one platform of the post's client, with its own text
// (empty: the post's), media and per-network options. The rest is the
// publisher's: how far it got, the published address, the last error.
SyncTable postDestinations()
{
    SyncTable t {
        .name = postDestinationsTable(),
        .columns = {
            idReference(QStringLiteral("post_id"), QT_TRANSLATE_NOOP("Quire::Shared", "Post"), postsTable(),
                        QStringLiteral("post"), true),
            idReference(QStringLiteral("platform_id"), QT_TRANSLATE_NOOP("Quire::Shared", "Platform"),
                        platformsTable(), QStringLiteral("platform"), true),
            { .name = QStringLiteral("text"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Text for this platform"),
              .type = ColumnType::Markdown,
              .merge = MergeRule::MarkdownText,
              .maxLength = kMaxPostBytes },
            // A JSON list of media addresses (/media/<sha256>).
            { .name = QStringLiteral("media"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Media"),
              .maxLength = kMaxSchedulerJsonBytes,
              .defaultValue = QStringLiteral("[]") },
            jsonObjectColumn("options", QT_TRANSLATE_NOOP("Quire::Shared", "Options")),
            { .name = QStringLiteral("status"),
              .label = QT_TRANSLATE_NOOP("Quire::Shared", "Status"),
              .type = ColumnType::Choice,
              .merge = MergeRule::ServerOwned,
              .choices = kDestinationStatuses.names(),
              .defaultValue = kDestinationStatuses.name(DestinationStatus::Pending),
              .filterKey = QStringLiteral("status") },
            publisherColumn("published_url", QT_TRANSLATE_NOOP("Quire::Shared", "Published at"), 1000),
            publisherColumn("last_error", QT_TRANSLATE_NOOP("Quire::Shared", "Last error"), 2000),
            publisherColumn("attempts", QT_TRANSLATE_NOOP("Quire::Shared", "Attempts"), 9, QStringLiteral("0")),
            // The server's pre-flight checks before the post is due: when it
            // last looked, and what it found ("code: message" lines; empty
            // when everything was ready).
            publisherColumn("preflight_at", QT_TRANSLATE_NOOP("Quire::Shared", "Checked at"), 40),
            publisherColumn("preflight", QT_TRANSLATE_NOOP("Quire::Shared", "Pre-flight problems"), 2000),
        },
        .collection = QStringLiteral("post-destinations"),
        .singular = QT_TRANSLATE_NOOP("Quire::Shared", "Destination"),
        .plural = QT_TRANSLATE_NOOP("Quire::Shared", "Destinations"),
        .defaultSort = QStringLiteral("created"),
    };
    t.columns += serverColumns(false);
    return t;
}

} // namespace

QList<SyncTable> schedulerTables()
{
    return { clients(), platforms(), posts(), postDestinations() };
}

} // namespace quire::shared
