// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/synctable.h"

namespace quire::shared {

// The prompt library's synced tables (spec 003): prompts, their immutable
// versions and movable labels, ordered groups with members and shares,
// favourites, usage history and preferences. Declared once here; see
// "The prompt library" in the README for the rules the server adds.
QList<SyncTable> promptTables();

} // namespace quire::shared
