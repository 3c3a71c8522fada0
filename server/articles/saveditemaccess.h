// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/sync/syncaccess.h"

namespace quire::server {

// Saved items: a user's own bookmarks, seen and changed by that user only,
// of rows of any declared table they may read (by that table's rules).
class SavedItemAccess final : public SyncAccess
{
public:
    static constexpr char kSavedItems[] = "saved_items";

    // The table holding a live row `id` that `who` may read: `preferred`
    // first, then every table with access rules in their order (ids are
    // unique across tables); none when no such row exists.
    static shared::Result<std::optional<QString>> readableTable(shared::Database &db, const Principal &who,
                                                                const QString &id, const QString &preferred);

    const shared::SyncTable &table() const override;
    QString visibleWhere(const Principal &who, QVariantList &binds) const override;
    bool visible(const Principal &who, const nlohmann::json &scope) const override;
    nlohmann::json scopeOf(const nlohmann::json &row) const override;
    QString exitReason(const nlohmann::json &before, const nlohmann::json &after) const override;
    shared::VoidResult checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                  const nlohmann::json &after) const override;
    shared::VoidResult beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &before,
                                   nlohmann::json &after, const QString &now) const override;
};

} // namespace quire::server
