// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/role.h"

#include <QList>
#include <QString>

namespace quire::shared {

// What a role may do. The matrix in permissions.cpp is the only place this
// is decided: the server checks it for every route and synced mutation, the
// desktop uses it to offer only actions that will be accepted, and the
// README shows the same table.
enum class Permission {
    ManageUsers, // list, change role, disable, delete accounts
    ReadAudit, // read the audit log
    ManageInvites, // issue and revoke invite codes
    ManageCategories, // create, rename, nest categories
    WriteContent, // create and edit one's own guides, case studies, prompts, courses
    EditAnyContent, // edit content other people own
    SubmitForReview, // move own content to "in review"
    PublishContent, // publish, unpublish, schedule articles
    SchedulePosts, // schedule and publish social posts
    ReadMetrics, // engagement and financial metrics
    SaveItems, // readers' bookmarks
};

bool hasPermission(Role role, Permission permission);
QString permissionName(Permission permission);
QList<Permission> allPermissions();

} // namespace quire::shared
