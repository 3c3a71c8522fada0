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
// asked to choose one at the first sign-in. Read from the audit trail, which
// records every way a password is set (generated, changed, reset), so no
// column of its own is needed; a trail trimmed past that point only means
// nobody is asked.
namespace OneTimePassword {

// Notes that `userId`'s password was just generated at the console.
shared::VoidResult mark(shared::Database &db, const QString &userId);
// True while the generated password has not been changed or reset since.
shared::Result<bool> isPending(shared::Database &db, const QString &userId);

} // namespace OneTimePassword
} // namespace quire::server
