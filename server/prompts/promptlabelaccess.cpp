// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptlabelaccess.h"

#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/permissions.h"
#include "shared/promptnames.h"
#include "shared/prompttables.h"

#include <QVariant>

namespace quire::server {

using shared::ErrorCode;
using shared::Permission;
using shared::Result;
using shared::VoidResult;

namespace {

bool isOn(const nlohmann::json &row, const char *flag)
{
    const auto it = row.find(flag);
    return it != row.end() && it->is_string() && it->get<QString>() == shared::kFlags.name(true);
}

} // namespace

PromptLabelAccess::PromptLabelAccess()
    : PromptSharedAccess(shared::promptLabelsTable())
{ }

VoidResult PromptLabelAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                         const nlohmann::json &after) const
{
    if (!shared::hasPermission(who.role, Permission::WriteContent))
        return forbidden(QStringLiteral("Your role (%1) cannot write prompts.").arg(shared::roleName(who.role)));
    if (after.is_null())
        return VoidResult::success();
    if (text(after, "name") == QLatin1String(shared::kLatestLabel))
        return refused(ErrorCode::ValidationFailed, QStringLiteral("name"),
                       QStringLiteral("\"latest\" always means the newest version; choose another label name."));
    if (before && text(*before, "prompt_id") != text(after, "prompt_id"))
        return refused(ErrorCode::Immutable, QStringLiteral("prompt_id"),
                       QStringLiteral("A label stays with its prompt; make a new label on the other prompt."));
    return VoidResult::success();
}

VoidResult PromptLabelAccess::checkWriteWith(shared::Database &db, const Principal &who,
                                             const std::optional<nlohmann::json> &before, nlohmann::json &after) const
{
    const QString promptId = text(before ? *before : after, "prompt_id");
    Result<std::optional<nlohmann::json>> prompt = liveRow(db, shared::promptsTable(), promptId);
    if (!prompt)
        return prompt.error();
    const bool owner = *prompt && text(**prompt, "owner_id") == who.userId;
    if (after.is_null()) {
        if (owner || (!*prompt && before && text(*before, "owner_id") == who.userId))
            return VoidResult::success();
        return forbidden(QStringLiteral("Only the prompt's owner removes its labels."));
    }
    if (!*prompt)
        return refused(ErrorCode::NotFound, QStringLiteral("prompt_id"), QStringLiteral("There is no such prompt."));
    const bool approver = shared::hasPermission(who.role, Permission::EditAnyContent) && canRead(who.userId, **prompt);
    if (!owner && !(approver && before))
        return forbidden(QStringLiteral("Only the prompt's owner sets its labels."));
    const QString name = text(after, "name");
    Result<QVariant> taken = db.scalar(QStringLiteral("SELECT id FROM %1 WHERE prompt_id = ? AND name = ? AND id <> ? "
                                                      "AND deleted = 0")
                                           .arg(shared::promptLabelsTable()),
                                       { promptId, name, text(after, "id") });
    if (!taken)
        return taken.error();
    if (!taken->isNull())
        return refused(ErrorCode::AlreadyExists, QStringLiteral("name"),
                       QStringLiteral("This prompt already has a label named %1; move that one instead.").arg(name));
    for (const char *column : { "version_id", "pending_version_id" }) {
        const QString version = text(after, column);
        if (version.isEmpty())
            continue;
        Result<QVariant> of = db.scalar(
            QStringLiteral("SELECT prompt_id FROM %1 WHERE id = ? AND deleted = 0").arg(shared::promptVersionsTable()),
            { version });
        if (!of)
            return of.error();
        if (of->toString() != promptId)
            return refused(ErrorCode::ValidationFailed, QString::fromLatin1(column),
                           QStringLiteral("A label points at a version of its own prompt."));
    }
    const QString from = before ? text(*before, "version_id") : QString();
    const bool moves = text(after, "version_id") != from;
    const bool gated = isOn(**prompt, "approval_required") && name == QLatin1String(shared::kProductionLabel);
    if (moves && moveNeedsApproval(who, **prompt, name))
        return refused(ErrorCode::ApprovalRequired, QStringLiteral("version_id"),
                       QStringLiteral("Moving production needs an editor's or admin's approval: set "
                                      "pending_version_id to ask for it."));
    if (moves && gated) {
        // An approval: who approved it, and the request it settles is gone.
        after["approved_by"] = who.userId.toStdString();
        after["pending_version_id"] = "";
    }
    const QString pending = text(after, "pending_version_id");
    if (!pending.isEmpty() && pending != (before ? text(*before, "pending_version_id") : QString()))
        after["requested_by"] = who.userId.toStdString();
    return VoidResult::success();
}

bool PromptLabelAccess::moveNeedsApproval(const Principal &who, const nlohmann::json &prompt, const QString &name)
{
    return isOn(prompt, "approval_required") && name == QLatin1String(shared::kProductionLabel)
        && !shared::hasPermission(who.role, Permission::EditAnyContent);
}

Result<nlohmann::json> PromptLabelAccess::derivedValues(shared::Database &db, const nlohmann::json &row) const
{
    return readersOfParent(db, shared::promptsTable(), text(row, "prompt_id"), text(row, "owner_id"));
}

} // namespace quire::server
