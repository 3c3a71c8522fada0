// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>

namespace quire::shared {
class Database;
}

namespace quire::server {

// Whether an account still signs in with a password generated at the console
// (create-user without one on standard input: the first admin of
// `./quire.sh run`). Such a password was shown in a terminal, so its owner is
// asked to choose one at the first sign-in. Kept in the users table
// (password_change_required, migration 14): set here, cleared by
// AccountStore::setPasswordHash, the one way a chosen password (changed or
// reset) is stored.
namespace OneTimePassword {

// Notes that `userId`'s password was just generated at the console (and
// records it in the audit trail).
shared::VoidResult mark(shared::Database &db, const QString &userId);
// True while the generated password has not been changed or reset since.
// Unknown users have none pending.
shared::Result<bool> isPending(shared::Database &db, const QString &userId);

} // namespace OneTimePassword
} // namespace quire::server
