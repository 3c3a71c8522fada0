// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/serverdatabase.h"

#include "server/servermigrations.h"
#include "shared/declaredschema.h"
#include "shared/migrator.h"

namespace quire::server {

shared::Result<std::unique_ptr<shared::Database>> ServerDatabase::open(const ServerConfig &config)
{
    return shared::Database::open(config.databaseLocation());
}

shared::Result<std::unique_ptr<shared::Database>> ServerDatabase::openMigrated(const QString &location)
{
    return migrated(shared::Database::open(location));
}

shared::Result<std::unique_ptr<shared::Database>>
ServerDatabase::migrated(shared::Result<std::unique_ptr<shared::Database>> db)
{
    if (!db)
        return db.error();
    shared::Migrator migrator(**db, serverMigrations((*db)->dialect()));
    if (shared::Result<int> applied = migrator.migrate(); !applied)
        return applied.error();
    // Then what the synced types' declarations derive: new tables and
    // columns, the indexes of every declared sort and filter, search.
    if (shared::VoidResult derived = shared::DeclaredSchema(shared::DeclaredSchema::Side::Server).apply(**db); !derived)
        return derived.error();
    return db;
}

} // namespace quire::server
