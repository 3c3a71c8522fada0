// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/servermigrations.h"

namespace quire::server {

const QList<shared::Migration> &serverMigrations()
{
    static const QList<shared::Migration> migrations{
        {1,
         QStringLiteral("server_meta"),
         {
             QStringLiteral("CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT"),
             // The epoch names this database's history; a restore gives it a new one
             // so clients know their cursors no longer apply.
             QStringLiteral("INSERT INTO server_meta(key, value) VALUES ('epoch', lower(hex(randomblob(16))))"),
             QStringLiteral("INSERT INTO server_meta(key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"),
         }},
    };
    return migrations;
}

} // namespace quire::server
