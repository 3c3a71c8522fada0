// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/owneronlyaccess.h"

#include "shared/jsonqt.h"
#include "shared/permissions.h"
#include "shared/synctable.h"

namespace quire::server {

using shared::Permission;
using shared::VoidResult;

OwnerOnlyAccess::OwnerOnlyAccess(QString table)
    : m_table(std::move(table))
{ }

const shared::SyncTable &OwnerOnlyAccess::table() const
{
    return *shared::SyncSchema::find(m_table);
}

QString OwnerOnlyAccess::visibleWhere(const Principal &who, QVariantList &binds) const
{
    binds << who.userId;
    return QStringLiteral("owner_id = ?");
}

bool OwnerOnlyAccess::visible(const Principal &who, const nlohmann::json &scope) const
{
    return text(scope, "owner_id") == who.userId;
}

nlohmann::json OwnerOnlyAccess::scopeOf(const nlohmann::json &row) const
{
    return { { "owner_id", row.value("owner_id", std::string()) } };
}

QString OwnerOnlyAccess::exitReason(const nlohmann::json &before, const nlohmann::json &after) const
{
    return text(before, "owner_id") != text(after, "owner_id") ? QStringLiteral("access_revoked") : QString();
}

VoidResult OwnerOnlyAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                       const nlohmann::json &) const
{
    if (!shared::hasPermission(who.role, Permission::WriteContent))
        return forbidden(QStringLiteral("Your role (%1) cannot write here.").arg(shared::roleName(who.role)));
    if (before && text(*before, "owner_id") != who.userId)
        return forbidden(QStringLiteral("This belongs to someone else."));
    return VoidResult::success();
}

VoidResult OwnerOnlyAccess::beforeWrite(shared::Database &, const QString &, const std::optional<nlohmann::json> &,
                                        nlohmann::json &, const QString &) const
{
    return VoidResult::success();
}

} // namespace quire::server
