// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/sync/syncaccess.h"

#include <QStringList>

namespace quire::server {

// What the prompt library's shared tables have in common: a row is read by
// its owner and by the users its server-owned `readers` column names, which
// follow the shares of the groups that reach the row (kept by the derived-
// values hook, see SyncAccess::derivedValues). Losing a reader is a scope
// exit, so a revoked share empties the sharee's replica through pulls.
// Admins and editors see no more than anyone: a prompt library is personal
// and only sharing opens it (unlike articles, which editors review).
class PromptSharedAccess : public SyncAccess
{
public:
    explicit PromptSharedAccess(QString table);

    const shared::SyncTable &table() const override;
    QString visibleWhere(const Principal &who, QVariantList &binds) const override;
    bool visible(const Principal &who, const nlohmann::json &scope) const override;
    nlohmann::json scopeOf(const nlohmann::json &row) const override;
    QString exitReason(const nlohmann::json &before, const nlohmann::json &after) const override;
    shared::VoidResult beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &before,
                                   nlohmann::json &after, const QString &now) const override;

    // Whether `userId` owns `row` or is one of its readers.
    static bool canRead(const QString &userId, const nlohmann::json &row);
    // The live row `id` of `table`, nullopt when missing or deleted.
    static shared::Result<std::optional<nlohmann::json>> liveRow(shared::Database &db, const QString &table,
                                                                 const QString &id);
    // The users a group is shared with (its live shares).
    static shared::Result<QStringList> shareesOf(shared::Database &db, const QString &groupId);
    // Whether `userId` owns the group or holds an editor share of it.
    static shared::Result<bool> canEditGroup(shared::Database &db, const nlohmann::json &group, const QString &userId);
    // The readers text: `ids` without `owner`, without repeats, sorted (so
    // an unchanged set is an unchanged value).
    static QString readersText(QStringList ids, const QString &owner);
    // A change refused because of what it would make (409 or 400 codes).
    static shared::Error refused(shared::ErrorCode code, const QString &field, const QString &message);

protected:
    // {"readers": …} for a row read by whoever reads its parent row (a
    // version by the readers of its prompt), without the row's own owner.
    static shared::Result<nlohmann::json> readersOfParent(shared::Database &db, const QString &parentTable,
                                                          const QString &parentId, const QString &owner);
    // The live rows of `table` whose column `column` is `value`.
    static shared::Result<QList<RowRef>> rowsWhere(shared::Database &db, const QString &table, const QString &column,
                                                   const QString &value);

private:
    QString m_table;
};

} // namespace quire::server
