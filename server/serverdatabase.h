// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/serverconfig.h"
#include "shared/database.h"

#include <memory>

namespace quire::server {

// Opens a connection to the server's database as its configuration says
// (PostgreSQL with --database-url, else SQLite in the data directory):
// every part of the server that needs one goes through here.
class ServerDatabase
{
public:
    static shared::Result<std::unique_ptr<shared::Database>> open(const ServerConfig &config);
    // Opens `location` (a postgresql:// URL or an SQLite file) and brings its
    // schema up to date: the numbered migrations, then what the declared
    // types derive.
    static shared::Result<std::unique_ptr<shared::Database>> openMigrated(const QString &location);
    static shared::Result<std::unique_ptr<shared::Database>>
    migrated(shared::Result<std::unique_ptr<shared::Database>> db);
};

} // namespace quire::server
