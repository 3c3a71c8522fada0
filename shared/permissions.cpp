// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/permissions.h"

#include <array>

namespace quire::shared {
namespace {

struct Row
{
    Permission permission;
    const char *name;
    // admin, editor, author, creator, reader
    std::array<bool, 5> allowed;
};

// The permission matrix. Keep README.md's table in step with it.
constexpr std::array<Row, 11> kMatrix { {
    { Permission::ManageUsers, "manage_users", { true, false, false, false, false } },
    { Permission::ReadAudit, "read_audit", { true, false, false, false, false } },
    { Permission::ManageInvites, "manage_invites", { true, false, false, false, false } },
    { Permission::ManageCategories, "manage_categories", { true, true, false, false, false } },
    { Permission::WriteContent, "write_content", { true, true, true, true, false } },
    { Permission::EditAnyContent, "edit_any_content", { true, true, false, false, false } },
    { Permission::SubmitForReview, "submit_for_review", { true, true, true, true, false } },
    { Permission::PublishContent, "publish_content", { true, true, false, false, false } },
    { Permission::SchedulePosts, "schedule_posts", { true, true, false, true, false } },
    { Permission::ReadMetrics, "read_metrics", { true, true, false, true, false } },
    { Permission::SaveItems, "save_items", { true, true, true, true, true } },
} };

std::size_t roleIndex(Role role)
{
    switch (role) {
    case Role::Admin:
        return 0;
    case Role::Editor:
        return 1;
    case Role::Author:
        return 2;
    case Role::Creator:
        return 3;
    case Role::Reader:
        return 4;
    }
    return 4;
}

} // namespace

bool hasPermission(Role role, Permission permission)
{
    for (const Row &row : kMatrix) {
        if (row.permission == permission)
            return row.allowed[roleIndex(role)];
    }
    return false; // unknown permissions are denied
}

QString permissionName(Permission permission)
{
    for (const Row &row : kMatrix) {
        if (row.permission == permission)
            return QString::fromLatin1(row.name);
    }
    return {};
}

QList<Permission> allPermissions()
{
    QList<Permission> all;
    for (const Row &row : kMatrix)
        all << row.permission;
    return all;
}

} // namespace quire::shared
