// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/saveditemaccess.h"

#include "server/accounts/accountstore.h"
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
    return *shared::SyncSchema::find(QLatin1String(kSavedItems));
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
    const QString item = text(after, "article_id");
    // Only what the saver may read, by the rules of the row's own table.
    shared::Result<std::optional<StoredUser>> saver = AccountStore(db).findById(text(after, "owner_id"));
    if (!saver)
        return saver.error();
    std::optional<QString> table;
    if (*saver) {
        Principal who;
        who.userId = (*saver)->user.id;
        who.email = (*saver)->user.email;
        who.role = (*saver)->user.role;
        who.emailVerified = (*saver)->user.emailVerified;
        shared::Result<std::optional<QString>> found = readableTable(db, who, item, text(after, "item_table"));
        if (!found)
            return found.error();
        table = *found;
    }
    if (!table)
        return Error::make(shared::ErrorCode::NotFound, QStringLiteral("There is nothing you may read with that id."),
                           { { QStringLiteral("article_id"), QStringLiteral("No such item.") } });
    after["item_table"] = table->toStdString();
    shared::Result<QVariant> twice
        = db.scalar(QStringLiteral("SELECT id FROM saved_items WHERE owner_id = ? AND article_id = ? AND id <> ? "
                                   "AND deleted = 0"),
                    { text(after, "owner_id"), item, id });
    if (!twice)
        return twice.error();
    if (!twice->isNull())
        return Error::make(shared::ErrorCode::AlreadySaved, QStringLiteral("This item is saved already."));
    return VoidResult::success();
}

shared::Result<std::optional<QString>> SavedItemAccess::readableTable(shared::Database &db, const Principal &who,
                                                                      const QString &id, const QString &preferred)
{
    QList<const SyncAccess *> candidates;
    for (const SyncAccess *access : SyncAccess::all()) {
        if (access->table().name == QLatin1String(kSavedItems))
            continue; // a bookmark of a bookmark names nothing to read
        if (access->table().name == preferred)
            candidates.prepend(access);
        else
            candidates.append(access);
    }
    for (const SyncAccess *access : std::as_const(candidates)) {
        QVariantList binds { id };
        const QString visible = access->visibleWhere(who, binds);
        shared::Result<QVariant> readable = db.scalar(
            QStringLiteral("SELECT 1 FROM %1 WHERE id = ? AND deleted = 0 AND %2").arg(access->table().name, visible),
            binds);
        if (!readable)
            return readable.error();
        if (!readable->isNull())
            return std::optional<QString>(access->table().name);
    }
    return std::optional<QString>();
}

} // namespace quire::server
