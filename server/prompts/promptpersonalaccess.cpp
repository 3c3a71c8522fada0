// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptpersonalaccess.h"

#include "server/prompts/promptsharedaccess.h"
#include "shared/database.h"
#include "shared/permissions.h"
#include "shared/promptnames.h"
#include "shared/prompttables.h"

#include <QVariant>

namespace quire::server {

using shared::ErrorCode;
using shared::Permission;
using shared::Result;
using shared::VoidResult;

PromptPersonalAccess::PromptPersonalAccess(QString table, Rules rules)
    : m_table(std::move(table))
    , m_rules(rules)
{ }

const shared::SyncTable &PromptPersonalAccess::table() const
{
    return *shared::SyncSchema::find(m_table);
}

QString PromptPersonalAccess::visibleWhere(const Principal &who, QVariantList &binds) const
{
    binds << who.userId;
    return QStringLiteral("owner_id = ?");
}

bool PromptPersonalAccess::visible(const Principal &who, const nlohmann::json &scope) const
{
    return text(scope, "owner_id") == who.userId;
}

nlohmann::json PromptPersonalAccess::scopeOf(const nlohmann::json &row) const
{
    return { { "owner_id", row.value("owner_id", std::string()) } };
}

QString PromptPersonalAccess::exitReason(const nlohmann::json &before, const nlohmann::json &after) const
{
    return text(before, "owner_id") != text(after, "owner_id") ? QStringLiteral("access_revoked") : QString();
}

VoidResult PromptPersonalAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                            const nlohmann::json &after) const
{
    if (!shared::hasPermission(who.role, Permission::SaveItems))
        return forbidden(QStringLiteral("Your role (%1) cannot keep this.").arg(shared::roleName(who.role)));
    if (before && text(*before, "owner_id") != who.userId)
        return forbidden(QStringLiteral("This belongs to someone else."));
    if (before && !after.is_null() && m_rules.immutable)
        return shared::Error::make(ErrorCode::Immutable, QStringLiteral("A record of use never changes."));
    if (before && !after.is_null() && m_rules.aboutReadablePrompt
        && text(*before, "prompt_id") != text(after, "prompt_id"))
        return PromptSharedAccess::refused(ErrorCode::Immutable, QStringLiteral("prompt_id"),
                                           QStringLiteral("This stays with its prompt."));
    return VoidResult::success();
}

VoidResult PromptPersonalAccess::checkWriteWith(shared::Database &db, const Principal &who,
                                                const std::optional<nlohmann::json> &before,
                                                nlohmann::json &after) const
{
    if (after.is_null() || before)
        return VoidResult::success();
    const QString promptId = text(after, "prompt_id");
    if (m_rules.aboutReadablePrompt) {
        Result<std::optional<nlohmann::json>> prompt
            = PromptSharedAccess::liveRow(db, shared::promptsTable(), promptId);
        if (!prompt)
            return prompt.error();
        // Someone else's private prompt answers as one that does not exist.
        if (!*prompt || !PromptSharedAccess::canRead(who.userId, **prompt))
            return PromptSharedAccess::refused(ErrorCode::NotFound, QStringLiteral("prompt_id"),
                                               QStringLiteral("There is no such prompt."));
        if (const QString version = text(after, "version_id"); !version.isEmpty()) {
            Result<QVariant> of = db.scalar(QStringLiteral("SELECT prompt_id FROM %1 WHERE id = ? AND deleted = 0")
                                                .arg(shared::promptVersionsTable()),
                                            { version });
            if (!of)
                return of.error();
            if (of->toString() != promptId)
                return PromptSharedAccess::refused(ErrorCode::ValidationFailed, QStringLiteral("version_id"),
                                                   QStringLiteral("Name a version of this prompt."));
        }
    }
    if (m_rules.onePerPrompt || m_rules.onePerUser) {
        QString sql = QStringLiteral("SELECT id FROM %1 WHERE owner_id = ? AND deleted = 0").arg(m_table);
        QVariantList binds { who.userId };
        if (m_rules.onePerPrompt) {
            sql += QStringLiteral(" AND prompt_id = ?");
            binds << promptId;
        }
        Result<QVariant> existing = db.scalar(sql, binds);
        if (!existing)
            return existing.error();
        if (!existing->isNull())
            return shared::Error::make(m_rules.onePerPrompt ? ErrorCode::AlreadySaved : ErrorCode::AlreadyExists,
                                       m_rules.onePerPrompt ? QStringLiteral("This prompt is a favourite already.")
                                                            : QStringLiteral("You have preferences already; change "
                                                                             "them instead."));
    }
    return VoidResult::success();
}

VoidResult PromptPersonalAccess::beforeWrite(shared::Database &db, const QString &,
                                             const std::optional<nlohmann::json> &, nlohmann::json &after,
                                             const QString &) const
{
    if (!m_rules.keepsVariablesOnlyByChoice)
        return VoidResult::success();
    Result<QVariant> keep = db.scalar(QStringLiteral("SELECT keep_variables FROM %1 WHERE owner_id = ? AND deleted = 0")
                                          .arg(shared::promptPreferencesTable()),
                                      { text(after, "owner_id") });
    if (!keep)
        return keep.error();
    if (keep->toString() != shared::kFlags.name(true))
        after["variables"] = "{}";
    return VoidResult::success();
}

} // namespace quire::server
