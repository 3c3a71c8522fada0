// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptgroupmemberaccess.h"

#include "shared/database.h"
#include "shared/permissions.h"
#include "shared/promptnames.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"

#include <QVariant>

namespace quire::server {

using shared::ErrorCode;
using shared::Permission;
using shared::Result;
using shared::VoidResult;

PromptGroupMemberAccess::PromptGroupMemberAccess()
    : PromptSharedAccess(shared::promptGroupMembersTable())
{ }

VoidResult PromptGroupMemberAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                               const nlohmann::json &after) const
{
    if (!shared::hasPermission(who.role, Permission::WriteContent))
        return forbidden(QStringLiteral("Your role (%1) cannot change groups.").arg(shared::roleName(who.role)));
    if (after.is_null())
        return VoidResult::success();
    for (const char *column : { "group_id", "prompt_id" }) {
        if (before && text(*before, column) != text(after, column))
            return refused(ErrorCode::Immutable, QString::fromLatin1(column),
                           QStringLiteral("A member stays in its group with its prompt; remove it and add the "
                                          "prompt again instead."));
    }
    const QString label = text(after, "pinned_label");
    if (!label.isEmpty() && (!shared::isSlug(label) || label == QLatin1String(shared::kLatestLabel)))
        return refused(ErrorCode::ValidationFailed, QStringLiteral("pinned_label"),
                       QStringLiteral("Pin a label name like production (leave it empty for the latest version)."));
    return VoidResult::success();
}

VoidResult PromptGroupMemberAccess::checkWriteWith(shared::Database &db, const Principal &who,
                                                   const std::optional<nlohmann::json> &before,
                                                   nlohmann::json &after) const
{
    const nlohmann::json &row = before ? *before : after;
    Result<std::optional<nlohmann::json>> group = liveRow(db, shared::promptGroupsTable(), text(row, "group_id"));
    if (!group)
        return group.error();
    if (!*group) {
        if (after.is_null())
            return VoidResult::success(); // tidying up after a group that is gone
        return refused(ErrorCode::NotFound, QStringLiteral("group_id"), QStringLiteral("There is no such group."));
    }
    Result<bool> editor = canEditGroup(db, **group, who.userId);
    if (!editor)
        return editor.error();
    if (!*editor)
        return forbidden(QStringLiteral("Only the group's owner and its editors change its prompts."));
    if (after.is_null())
        return VoidResult::success();
    const QString promptId = text(after, "prompt_id");
    if (!before) {
        Result<std::optional<nlohmann::json>> prompt = liveRow(db, shared::promptsTable(), promptId);
        if (!prompt)
            return prompt.error();
        if (!*prompt)
            return refused(ErrorCode::NotFound, QStringLiteral("prompt_id"),
                           QStringLiteral("There is no such prompt."));
        const QString promptOwner = text(**prompt, "owner_id");
        if (promptOwner != who.userId && promptOwner != text(**group, "owner_id"))
            return forbidden(QStringLiteral("Add your own prompts, or the group owner's."));
        Result<QVariant> already = db.scalar(QStringLiteral("SELECT id FROM %1 WHERE group_id = ? AND prompt_id = ? "
                                                            "AND deleted = 0")
                                                 .arg(shared::promptGroupMembersTable()),
                                             { text(after, "group_id"), promptId });
        if (!already)
            return already.error();
        if (!already->isNull())
            return refused(ErrorCode::AlreadyExists, QStringLiteral("prompt_id"),
                           QStringLiteral("This prompt is in the group already."));
    }
    if (const QString pinned = text(after, "pinned_version_id"); !pinned.isEmpty()) {
        Result<QVariant> of = db.scalar(
            QStringLiteral("SELECT prompt_id FROM %1 WHERE id = ? AND deleted = 0").arg(shared::promptVersionsTable()),
            { pinned });
        if (!of)
            return of.error();
        if (of->toString() != promptId)
            return refused(ErrorCode::ValidationFailed, QStringLiteral("pinned_version_id"),
                           QStringLiteral("Pin a version of this prompt."));
    }
    return VoidResult::success();
}

Result<nlohmann::json> PromptGroupMemberAccess::derivedValues(shared::Database &db, const nlohmann::json &row) const
{
    Result<std::optional<nlohmann::json>> group = liveRow(db, shared::promptGroupsTable(), text(row, "group_id"));
    if (!group)
        return group.error();
    if (!*group)
        return nlohmann::json::object();
    const QString owner = text(**group, "owner_id");
    return nlohmann::json { { "owner_id", owner.toStdString() },
                            { "readers",
                              readersText(shared::listItems(text(**group, "readers")), owner).toStdString() } };
}

Result<QList<RowRef>> PromptGroupMemberAccess::dependents(shared::Database &,
                                                          const std::optional<nlohmann::json> &before,
                                                          const nlohmann::json &after) const
{
    // The prompt is read by whoever reads a group holding it.
    QList<RowRef> refs;
    if (!after.is_null())
        refs << RowRef { shared::promptsTable(), text(after, "prompt_id") };
    if (before && (after.is_null() || text(*before, "prompt_id") != text(after, "prompt_id")))
        refs << RowRef { shared::promptsTable(), text(*before, "prompt_id") };
    // A member whose readers changed (its group was shared) reaches the prompt too.
    return refs;
}

} // namespace quire::server
