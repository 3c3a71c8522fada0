// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptsharedaccess.h"

#include "server/sync/syncrows.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/promptnames.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

namespace {

QStringList peopleOf(const nlohmann::json &row)
{
    const auto it = row.find("readers");
    QStringList people = shared::listItems(it != row.end() && it->is_string() ? it->get<QString>() : QString());
    const auto owner = row.find("owner_id");
    if (owner != row.end() && owner->is_string())
        people << owner->get<QString>();
    return people;
}

} // namespace

PromptSharedAccess::PromptSharedAccess(QString table)
    : m_table(std::move(table))
{ }

const shared::SyncTable &PromptSharedAccess::table() const
{
    return *shared::SyncSchema::find(m_table);
}

QString PromptSharedAccess::visibleWhere(const Principal &who, QVariantList &binds) const
{
    // Readers are a JSON list of ids: an id appears quoted exactly once.
    binds << who.userId << QStringLiteral("%\"%1\"%").arg(who.userId);
    return QStringLiteral("(owner_id = ? OR readers LIKE ?)");
}

bool PromptSharedAccess::visible(const Principal &who, const nlohmann::json &scope) const
{
    return !who.userId.isEmpty() && canRead(who.userId, scope);
}

nlohmann::json PromptSharedAccess::scopeOf(const nlohmann::json &row) const
{
    return { { "owner_id", row.value("owner_id", std::string()) },
             { "readers", row.value("readers", std::string("[]")) } };
}

QString PromptSharedAccess::exitReason(const nlohmann::json &before, const nlohmann::json &after) const
{
    const QStringList now = peopleOf(after);
    for (const QString &person : peopleOf(before)) {
        if (!now.contains(person))
            return QStringLiteral("access_revoked");
    }
    return {};
}

VoidResult PromptSharedAccess::beforeWrite(shared::Database &, const QString &, const std::optional<nlohmann::json> &,
                                           nlohmann::json &, const QString &) const
{
    return VoidResult::success();
}

bool PromptSharedAccess::canRead(const QString &userId, const nlohmann::json &row)
{
    return peopleOf(row).contains(userId);
}

Result<std::optional<nlohmann::json>> PromptSharedAccess::liveRow(shared::Database &db, const QString &table,
                                                                  const QString &id)
{
    const shared::SyncTable *t = shared::SyncSchema::find(table);
    if (!t || id.isEmpty())
        return std::optional<nlohmann::json>();
    SyncRows rows(db, *t);
    Result<std::optional<StoredRow>> row = rows.load(id);
    if (!row)
        return row.error();
    if (!*row || (*row)->deleted)
        return std::optional<nlohmann::json>();
    return std::optional<nlohmann::json>((*row)->values);
}

Result<QStringList> PromptSharedAccess::shareesOf(shared::Database &db, const QString &groupId)
{
    Result<QSqlQuery> q = db.exec(QStringLiteral("SELECT user_id FROM %1 WHERE group_id = ? AND deleted = 0")
                                      .arg(shared::promptGroupSharesTable()),
                                  { groupId });
    if (!q)
        return q.error();
    QStringList users;
    while (q->next())
        users << q->value(0).toString();
    return users;
}

Result<bool> PromptSharedAccess::canEditGroup(shared::Database &db, const nlohmann::json &group, const QString &userId)
{
    if (text(group, "owner_id") == userId)
        return true;
    Result<QVariant> share
        = db.scalar(QStringLiteral("SELECT 1 FROM %1 WHERE group_id = ? "
                                   "AND user_id = ? AND role = ? AND deleted = 0")
                        .arg(shared::promptGroupSharesTable()),
                    { text(group, "id"), userId, shared::kShareRoles.name(shared::ShareRole::Editor) });
    if (!share)
        return share.error();
    return !share->isNull();
}

QString PromptSharedAccess::readersText(QStringList ids, const QString &owner)
{
    ids.removeAll(owner);
    ids.removeAll(QString());
    ids.sort();
    ids.removeDuplicates();
    return shared::listText(ids);
}

shared::Error PromptSharedAccess::refused(shared::ErrorCode code, const QString &field, const QString &message)
{
    return shared::Error::make(code, message, { { field, message } });
}

Result<nlohmann::json> PromptSharedAccess::readersOfParent(shared::Database &db, const QString &parentTable,
                                                           const QString &parentId, const QString &owner)
{
    Result<std::optional<nlohmann::json>> parent = liveRow(db, parentTable, parentId);
    if (!parent)
        return parent.error();
    const QStringList people = *parent ? peopleOf(**parent) : QStringList();
    return nlohmann::json { { "readers", readersText(people, owner).toStdString() } };
}

Result<QList<RowRef>> PromptSharedAccess::rowsWhere(shared::Database &db, const QString &table, const QString &column,
                                                    const QString &value)
{
    // Names from code only; the value is bound.
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND deleted = 0").arg(table, column), { value });
    if (!q)
        return q.error();
    QList<RowRef> refs;
    while (q->next())
        refs << RowRef { table, q->value(0).toString() };
    return refs;
}

} // namespace quire::server
