// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>

namespace quire::shared {
class Database;
}

namespace quire::server {

// Carries the sign-ins of the database a restore replaces into the restored
// one. A backup holds the sessions of its own time: without this, every
// token issued since (every refresh rotates one) would be unknown and every
// client signed out. The replaced database is the truth about who is signed
// in now (sessions ended since the backup stay ended); sessions of accounts
// the backup does not have are left out.
class SessionCarryOver
{
public:
    // Replaces the sessions and refresh tokens of `restored` by those of the
    // database at `previousPath`, in one transaction. Returns how many
    // sessions were carried.
    static shared::Result<int> carry(shared::Database &restored, const QString &previousPath);
    // The same on PostgreSQL, where the replaced tables wait in the schema
    // `previousSchema` of the same database (see PostgresBackup).
    static shared::Result<int> carryFromSchema(shared::Database &restored, const QString &previousSchema);
    // Ends every session of `restored` instead (restore --end-sessions,
    // after a break-in): everyone signs in again.
    static shared::VoidResult endAll(shared::Database &restored);
};

} // namespace quire::server
