// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/schedulerrules.h"

#include "server/scheduler/scheduleraccess.h"
#include "shared/schedulertables.h"

namespace quire::server {

QList<const SyncAccess *> schedulerAccessRules()
{
    using Rules = SchedulerAccess::Rules;
    const QString clientId = QStringLiteral("client_id");
    // A client takes its platforms and posts along, a post or a platform its
    // destinations: a REST delete and a replica's leave the same rows.
    static const SchedulerAccess clients(
        shared::clientsTable(),
        Rules { .hasTimeZone = true,
                .children = { { shared::platformsTable(), clientId }, { shared::postsTable(), clientId } } });
    static const SchedulerAccess platforms(
        shared::platformsTable(),
        Rules { .jsonObjects = { QStringLiteral("settings") },
                .hasAddress = true,
                .holdsCredential = true,
                .children = { { shared::postDestinationsTable(), QStringLiteral("platform_id") } } });
    static const SchedulerAccess posts(
        shared::postsTable(),
        Rules { .hasTimeZone = true,
                .authorStatuses = true,
                .children = { { shared::postDestinationsTable(), QStringLiteral("post_id") } } });
    static const SchedulerAccess destinations(shared::postDestinationsTable(),
                                              Rules { .jsonObjects = { QStringLiteral("options") },
                                                      .jsonLists = { QStringLiteral("media") },
                                                      .platformOfPostsClient = true });
    return { &clients, &platforms, &posts, &destinations };
}

} // namespace quire::server
