// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptgroupaccess.h"

#include "shared/database.h"
#include "shared/permissions.h"
#include "shared/prompttables.h"

#include <QVariant>

namespace quire::server {

using shared::ErrorCode;
using shared::Permission;
using shared::Result;
using shared::VoidResult;

PromptGroupAccess::PromptGroupAccess()
    : PromptSharedAccess(shared::promptGroupsTable())
{ }

VoidResult PromptGroupAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                         const nlohmann::json &after) const
{
    if (!shared::hasPermission(who.role, Permission::WriteContent))
        return forbidden(QStringLiteral("Your role (%1) cannot write groups.").arg(shared::roleName(who.role)));
    if (before && after.is_null() && text(*before, "owner_id") != who.userId)
        return forbidden(QStringLiteral("Only the group's owner deletes it."));
    return VoidResult::success();
}

VoidResult PromptGroupAccess::checkWriteWith(shared::Database &db, const Principal &who,
                                             const std::optional<nlohmann::json> &before, nlohmann::json &after) const
{
    if (!before)
        return VoidResult::success();
    if (after.is_null()) {
        for (const QString &child : { shared::promptGroupMembersTable(), shared::promptGroupSharesTable() }) {
            Result<QVariant> any
                = db.scalar(QStringLiteral("SELECT 1 FROM %1 WHERE group_id = ? AND deleted = 0 LIMIT 1").arg(child),
                            { text(*before, "id") });
            if (!any)
                return any.error();
            if (!any->isNull())
                return shared::Error::make(ErrorCode::HasChildren,
                                           QStringLiteral("Remove the group's prompts and shares before deleting it."));
        }
        return VoidResult::success();
    }
    Result<bool> editor = canEditGroup(db, *before, who.userId);
    if (!editor)
        return editor.error();
    if (!*editor)
        return forbidden(QStringLiteral("Only the group's owner and its editors change it."));
    return VoidResult::success();
}

Result<nlohmann::json> PromptGroupAccess::derivedValues(shared::Database &db, const nlohmann::json &row) const
{
    Result<QStringList> sharees = shareesOf(db, text(row, "id"));
    if (!sharees)
        return sharees.error();
    return nlohmann::json { { "readers", readersText(*sharees, text(row, "owner_id")).toStdString() } };
}

Result<QList<RowRef>> PromptGroupAccess::dependents(shared::Database &db, const std::optional<nlohmann::json> &before,
                                                    const nlohmann::json &after) const
{
    // Members are read by whoever reads the group, and lead on to their prompts.
    if (!before || (!after.is_null() && text(*before, "readers") == text(after, "readers")))
        return QList<RowRef>();
    return rowsWhere(db, shared::promptGroupMembersTable(), QStringLiteral("group_id"), text(*before, "id"));
}

} // namespace quire::server
