// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/migration.h"
#include "shared/sqldialect.h"

#include <QList>

namespace quire::server {

// The server database's schema history, oldest first. Append only: a
// released migration is never edited, a change is a new number. The same
// numbered steps on both engines, spelled for `dialect`'s.
const QList<shared::Migration> &serverMigrations(const shared::SqlDialect &dialect = shared::SqlDialect::sqlite());

} // namespace quire::server
