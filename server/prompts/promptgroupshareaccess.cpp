// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptgroupshareaccess.h"

#include "shared/database.h"
#include "shared/permissions.h"
#include "shared/prompttables.h"

#include <QVariant>

namespace quire::server {

using shared::ErrorCode;
using shared::Permission;
using shared::Result;
using shared::VoidResult;

PromptGroupShareAccess::PromptGroupShareAccess()
    : PromptSharedAccess(shared::promptGroupSharesTable())
{ }

VoidResult PromptGroupShareAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                              const nlohmann::json &after) const
{
    if (!shared::hasPermission(who.role, Permission::WriteContent))
        return forbidden(QStringLiteral("Your role (%1) cannot share groups.").arg(shared::roleName(who.role)));
    if (before && text(*before, "owner_id") != who.userId)
        return forbidden(QStringLiteral("Only the group's owner changes its shares."));
    if (after.is_null())
        return VoidResult::success();
    if (text(after, "user_id") == who.userId)
        return refused(ErrorCode::ValidationFailed, QStringLiteral("user_id"),
                       QStringLiteral("You own this group already; share it with someone else."));
    if (before && text(*before, "group_id") != text(after, "group_id"))
        return refused(ErrorCode::Immutable, QStringLiteral("group_id"),
                       QStringLiteral("A share stays with its group; share the other group instead."));
    return VoidResult::success();
}

VoidResult PromptGroupShareAccess::checkWriteWith(shared::Database &db, const Principal &who,
                                                  const std::optional<nlohmann::json> &before,
                                                  nlohmann::json &after) const
{
    if (after.is_null())
        return VoidResult::success(); // the owner (checkWrite) revokes, even after the group is gone
    Result<std::optional<nlohmann::json>> group = liveRow(db, shared::promptGroupsTable(), text(after, "group_id"));
    if (!group)
        return group.error();
    if (!*group)
        return refused(ErrorCode::NotFound, QStringLiteral("group_id"), QStringLiteral("There is no such group."));
    if (text(**group, "owner_id") != who.userId)
        return forbidden(QStringLiteral("Only the group's owner shares it."));
    const QString user = text(after, "user_id");
    if (before && text(*before, "user_id") == user)
        return VoidResult::success();
    Result<QVariant> exists = db.scalar(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), { user });
    if (!exists)
        return exists.error();
    if (exists->isNull())
        return refused(ErrorCode::NotFound, QStringLiteral("user_id"), QStringLiteral("There is no such user."));
    Result<QVariant> already = db.scalar(QStringLiteral("SELECT id FROM %1 WHERE group_id = ? AND user_id = ? "
                                                        "AND id <> ? AND deleted = 0")
                                             .arg(shared::promptGroupSharesTable()),
                                         { text(after, "group_id"), user, text(after, "id") });
    if (!already)
        return already.error();
    if (!already->isNull())
        return refused(ErrorCode::AlreadyExists, QStringLiteral("user_id"),
                       QStringLiteral("The group is shared with this user already; change that share's role."));
    return VoidResult::success();
}

Result<nlohmann::json> PromptGroupShareAccess::derivedValues(shared::Database &, const nlohmann::json &row) const
{
    return nlohmann::json { { "readers", readersText({ text(row, "user_id") }, text(row, "owner_id")).toStdString() } };
}

Result<QList<RowRef>> PromptGroupShareAccess::dependents(shared::Database &,
                                                         const std::optional<nlohmann::json> &before,
                                                         const nlohmann::json &after) const
{
    // Who reads the group follows its shares (a change of role alone
    // recomputes to the same readers and writes nothing).
    const QString group = text(after.is_null() && before ? *before : after, "group_id");
    return QList<RowRef> { RowRef { shared::promptGroupsTable(), group } };
}

} // namespace quire::server
