// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/sync/syncaccess.h"

namespace quire::server {

// The rules of a table whose rows are private to their owner: each user
// sees and changes only their own rows, and any role that may write
// content may keep them. Any declared table with an owner_id can use it.
class OwnerOnlyAccess final : public SyncAccess
{
public:
    explicit OwnerOnlyAccess(QString table);

    const shared::SyncTable &table() const override;
    QString visibleWhere(const Principal &who, QVariantList &binds) const override;
    bool visible(const Principal &who, const nlohmann::json &scope) const override;
    nlohmann::json scopeOf(const nlohmann::json &row) const override;
    QString exitReason(const nlohmann::json &before, const nlohmann::json &after) const override;
    shared::VoidResult checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                  const nlohmann::json &after) const override;
    shared::VoidResult beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &before,
                                   nlohmann::json &after, const QString &now) const override;

private:
    QString m_table;
};

} // namespace quire::server
