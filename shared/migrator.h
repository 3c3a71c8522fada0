// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/migration.h"
#include "shared/result.h"

#include <QList>

namespace quire::shared {

class Database;

// Brings a database to the newest schema this binary knows. Migrations are
// numbered from 1 without gaps; each runs in its own transaction and is
// recorded in `schema_migrations`, so a failed step leaves the previous,
// consistent version behind. The server and the desktop replica share this
// mechanism with their own migration lists.
class Migrator
{
public:
    Migrator(Database &database, QList<Migration> migrations);

    int latestVersion() const;
    // The newest applied version (0 for an empty database).
    Result<int> currentVersion();
    // Applies what is missing and returns how many steps ran. Refuses a
    // database newer than this binary, or one that is not a Quire database.
    Result<int> migrate();

private:
    VoidResult ensureBookkeeping();
    VoidResult apply(const Migration &migration);

    Database &m_database;
    QList<Migration> m_migrations;
};

} // namespace quire::shared
