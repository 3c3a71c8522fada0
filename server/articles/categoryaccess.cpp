// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/categoryaccess.h"

#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/permissions.h"
#include "shared/synctable.h"

namespace quire::server {

using shared::Error;
using shared::Permission;
using shared::VoidResult;

const shared::SyncTable &CategoryAccess::table() const
{
    return *shared::SyncSchema::find(QStringLiteral("categories"));
}

QString CategoryAccess::visibleWhere(const Principal &, QVariantList &) const
{
    return QStringLiteral("1 = 1");
}

bool CategoryAccess::visible(const Principal &, const nlohmann::json &) const
{
    return true;
}

nlohmann::json CategoryAccess::scopeOf(const nlohmann::json &) const
{
    return nlohmann::json::object();
}

QString CategoryAccess::exitReason(const nlohmann::json &, const nlohmann::json &) const
{
    return {};
}

VoidResult CategoryAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &,
                                      const nlohmann::json &) const
{
    if (!shared::hasPermission(who.role, Permission::ManageCategories))
        return forbidden(QStringLiteral("Your role (%1) cannot manage categories.").arg(shared::roleName(who.role)));
    return VoidResult::success();
}

VoidResult CategoryAccess::beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &,
                                       nlohmann::json &after, const QString &) const
{
    const QString slug = text(after, "slug");
    if (VoidResult free
        = requireFreeSlug(db, QStringLiteral("SELECT id FROM categories WHERE slug = ? AND id <> ? AND deleted = 0"),
                          { id }, slug, QStringLiteral("Another category already has the address %1.").arg(slug));
        !free)
        return free;
    // Walk up from the new parent: meeting this category again would make
    // a loop, and every step must be a live category.
    QString parent = text(after, "parent_id");
    for (int depth = 0; !parent.isEmpty(); ++depth) {
        if (parent == id || depth > 32)
            return Error::make(shared::ErrorCode::ValidationFailed,
                               QStringLiteral("A category cannot be inside itself."),
                               { { QStringLiteral("parent_id"), QStringLiteral("Choose another parent.") } });
        shared::Result<QSqlQuery> up
            = db.exec(QStringLiteral("SELECT parent_id FROM categories WHERE id = ? AND deleted = 0"), { parent });
        if (!up)
            return up.error();
        if (!up->next())
            return Error::make(shared::ErrorCode::ValidationFailed,
                               QStringLiteral("The parent category does not exist."),
                               { { QStringLiteral("parent_id"), QStringLiteral("No such category.") } });
        parent = up->value(0).toString();
    }
    return VoidResult::success();
}

} // namespace quire::server
