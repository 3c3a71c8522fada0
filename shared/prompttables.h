// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/synctable.h"

namespace quire::shared {

// The prompt library's synced tables (spec 003): prompts, their immutable
// versions and movable labels, ordered groups with members and shares,
// favourites, usage history and preferences. Declared once here; see
// "The prompt library" in the README for the rules the server adds.
QList<SyncTable> promptTables();

// The tables' names, spelled only here: the declarations and every query and
// rule on the server and the desktop take them from these.
inline QString promptsTable()
{
    return QStringLiteral("prompts");
}
inline QString promptVersionsTable()
{
    return QStringLiteral("prompt_versions");
}
inline QString promptLabelsTable()
{
    return QStringLiteral("prompt_labels");
}
inline QString promptGroupsTable()
{
    return QStringLiteral("prompt_groups");
}
inline QString promptGroupMembersTable()
{
    return QStringLiteral("prompt_group_members");
}
inline QString promptGroupSharesTable()
{
    return QStringLiteral("prompt_group_shares");
}
inline QString promptFavoritesTable()
{
    return QStringLiteral("prompt_favorites");
}
inline QString promptUsageTable()
{
    return QStringLiteral("prompt_usage");
}
inline QString promptPreferencesTable()
{
    return QStringLiteral("prompt_preferences");
}

} // namespace quire::shared
