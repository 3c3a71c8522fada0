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

// Builders for columns several declared tables spell alike, so each is
// written down once.
// A column naming one row of the declared table `table` by its id;
// filterable as `filterKey` when one is given.
SyncColumn idReference(const QString &name, const char *label, const QString &table, const QString &filterKey = {},
                       bool required = false);
// The required title of a titled type: searched, sortable as "title".
SyncColumn titleColumn();
// Tags as written, merged as a set, filterable one at a time as "tag".
SyncColumn tagsColumn();

} // namespace quire::shared
