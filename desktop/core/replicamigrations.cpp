// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/replicamigrations.h"

namespace quire::desktop {

const QList<shared::Migration> &replicaMigrations()
{
    static const QList<shared::Migration> migrations{
        {1,
         QStringLiteral("replica_meta"),
         {
             // Per-replica facts the sync engine keeps (server epoch, cursor, last sync).
             QStringLiteral("CREATE TABLE replica_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT"),
         }},
    };
    return migrations;
}

} // namespace quire::desktop
