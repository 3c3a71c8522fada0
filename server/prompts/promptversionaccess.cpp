// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptversionaccess.h"

#include "shared/database.h"
#include "shared/permissions.h"
#include "shared/prompttables.h"

#include <QVariant>

namespace quire::server {

using shared::ErrorCode;
using shared::Permission;
using shared::Result;
using shared::VoidResult;

PromptVersionAccess::PromptVersionAccess()
    : PromptSharedAccess(shared::promptVersionsTable())
{ }

VoidResult PromptVersionAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                           const nlohmann::json &after) const
{
    if (!shared::hasPermission(who.role, Permission::WriteContent))
        return forbidden(QStringLiteral("Your role (%1) cannot write prompts.").arg(shared::roleName(who.role)));
    if (before && !after.is_null())
        return refused(ErrorCode::Immutable, QStringLiteral("content"),
                       QStringLiteral("A saved version never changes; save the prompt again to make a new one."));
    return VoidResult::success();
}

VoidResult PromptVersionAccess::checkWriteWith(shared::Database &db, const Principal &who,
                                               const std::optional<nlohmann::json> &before, nlohmann::json &after) const
{
    const QString promptId = text(before ? *before : after, "prompt_id");
    Result<std::optional<nlohmann::json>> prompt = liveRow(db, shared::promptsTable(), promptId);
    if (!prompt)
        return prompt.error();
    if (!*prompt) {
        // A deleted prompt's versions may still be tidied away by their author.
        if (before && text(*before, "owner_id") == who.userId && after.is_null())
            return VoidResult::success();
        return refused(ErrorCode::NotFound, QStringLiteral("prompt_id"), QStringLiteral("There is no such prompt."));
    }
    if (text(**prompt, "owner_id") != who.userId)
        return forbidden(QStringLiteral("Only the prompt's owner saves or deletes its versions."));
    return VoidResult::success();
}

VoidResult PromptVersionAccess::beforeWrite(shared::Database &db, const QString &,
                                            const std::optional<nlohmann::json> &before, nlohmann::json &after,
                                            const QString &) const
{
    if (before)
        return VoidResult::success();
    // Inside the push's transaction, so no other write sees the same maximum.
    Result<QVariant> highest
        = db.scalar(QStringLiteral("SELECT MAX(CAST(number AS INTEGER)) FROM %1 WHERE prompt_id = ?")
                        .arg(shared::promptVersionsTable()),
                    { text(after, "prompt_id") });
    if (!highest)
        return highest.error();
    after["number"] = QString::number(highest->toLongLong() + 1).toStdString();
    return VoidResult::success();
}

Result<nlohmann::json> PromptVersionAccess::derivedValues(shared::Database &db, const nlohmann::json &row) const
{
    return readersOfParent(db, shared::promptsTable(), text(row, "prompt_id"), text(row, "owner_id"));
}

} // namespace quire::server
