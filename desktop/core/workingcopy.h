// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/synctable.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// The rows the user sees and edits, one table per synced table: read,
// written whole and removed. Writing a row of a searchable table also marks
// it for the search index in the same statement. SyncStore and ContentStore
// go through this one place.
class WorkingCopy
{
public:
    explicit WorkingCopy(shared::Database &db);

    shared::Result<std::optional<nlohmann::json>> row(const shared::SyncTable &table, const QString &id);
    shared::VoidResult write(const shared::SyncTable &table, const nlohmann::json &row);
    shared::VoidResult remove(const shared::SyncTable &table, const QString &id);
    // A row was written: the next search first indexes the marked rows.
    shared::VoidResult markSearchStale();

    // "id, <columns>, rev"
    static QString selectList(const shared::SyncTable &table);
    // The upsert of a whole row, binds in selectList() order.
    static QString upsertSql(const shared::SyncTable &table);

private:
    shared::Database &m_db;
};

} // namespace quire::desktop
