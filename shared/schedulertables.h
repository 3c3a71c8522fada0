// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/synctable.h"

namespace quire::shared {

// The creators' scheduler's synced tables (spec 004): the clients a user
// manages, each client's platform integrations, posts and each post's
// destinations (one per platform, with its own text variant). Declared once
// here; credentials are not synced (server/credentials/), and the
// server-owned columns are the publisher's.
QList<SyncTable> schedulerTables();

// The tables' names, spelled only here.
inline QString clientsTable()
{
    return QStringLiteral("clients");
}
inline QString platformsTable()
{
    return QStringLiteral("platforms");
}
inline QString postsTable()
{
    return QStringLiteral("posts");
}
inline QString postDestinationsTable()
{
    return QStringLiteral("post_destinations");
}

// The longest JSON text of settings, options and media lists.
inline constexpr int kMaxSchedulerJsonBytes = 64 * 1024;

} // namespace quire::shared
