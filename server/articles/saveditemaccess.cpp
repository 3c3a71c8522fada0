// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/saveditemaccess.h"

#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/permissions.h"
#include "shared/synctable.h"

namespace quire::server {

using shared::Error;
using shared::Permission;
using shared::VoidResult;

const shared::SyncTable &SavedItemAccess::table() const
{
    return *shared::SyncSchema::find(QStringLiteral("saved_items"));
}

QString SavedItemAccess::visibleWhere(const Principal &who, QVariantList &binds) const
{
    binds << who.userId;
    return QStringLiteral("owner_id = ?");
}

bool SavedItemAccess::visible(const Principal &who, const nlohmann::json &scope) const
{
    return text(scope, "owner_id") == who.userId;
}

nlohmann::json SavedItemAccess::scopeOf(const nlohmann::json &row) const
{
    return { { "owner_id", row.value("owner_id", std::string()) } };
}

QString SavedItemAccess::exitReason(const nlohmann::json &, const nlohmann::json &) const
{
    return {}; // the owner never changes
}

VoidResult SavedItemAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                       const nlohmann::json &) const
{
    if (!shared::hasPermission(who.role, Permission::SaveItems))
        return forbidden(QStringLiteral("Your role (%1) cannot save items.").arg(shared::roleName(who.role)));
    if (before && text(*before, "owner_id") != who.userId)
        return forbidden(QStringLiteral("This saved item belongs to someone else."));
    return VoidResult::success();
}

VoidResult SavedItemAccess::beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &,
                                        nlohmann::json &after, const QString &) const
{
    const QString article = text(after, "article_id");
    // Only what the saver may read: a published article, or their own.
    shared::Result<QVariant> readable
        = db.scalar(QStringLiteral("SELECT 1 FROM articles WHERE id = ? AND deleted = 0 "
                                   "AND (status = ? OR owner_id = ?)"),
                    { article, shared::contentStatusName(shared::ContentStatus::Published), text(after, "owner_id") });
    if (!readable)
        return readable.error();
    if (readable->isNull())
        return Error::make(shared::ErrorCode::NotFound, QStringLiteral("There is no such published article."),
                           { { QStringLiteral("article_id"), QStringLiteral("No such article.") } });
    shared::Result<QVariant> twice
        = db.scalar(QStringLiteral("SELECT id FROM saved_items WHERE owner_id = ? AND article_id = ? AND id <> ? "
                                   "AND deleted = 0"),
                    { text(after, "owner_id"), article, id });
    if (!twice)
        return twice.error();
    if (!twice->isNull())
        return Error::make(shared::ErrorCode::AlreadySaved, QStringLiteral("This article is saved already."));
    return VoidResult::success();
}

} // namespace quire::server
