// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/synctable.h"

namespace quire::shared {

// The synced tables Quire ships: articles (the table is still called
// guides), their categories and readers' saved items. The one place a
// column of theirs is written down; see "Adding a content type" in the README.
QList<SyncTable> declaredTables();

// The columns a synced row owned by a user has besides its own: owner_id
// (filterable as "author", counted when `countedOwner`), created_at and
// updated_at (sortable as "created" and "updated"); set by the server,
// never by a mutation.
QList<SyncColumn> serverColumns(bool countedOwner);

} // namespace quire::shared
