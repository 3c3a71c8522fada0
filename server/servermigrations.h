// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/migration.h"

#include <QList>

namespace quire::server {

// The server database's schema history, oldest first. Append only: a
// released migration is never edited, a change is a new number.
const QList<shared::Migration> &serverMigrations();

} // namespace quire::server
