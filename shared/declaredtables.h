// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/synctable.h"

namespace quire::shared {

// The synced tables Quire ships: articles (the table is still called
// guides), their categories and readers' saved items. The one place a
// column of theirs is written down; see "Adding a content type" in the README.
QList<SyncTable> declaredTables();

} // namespace quire::shared
