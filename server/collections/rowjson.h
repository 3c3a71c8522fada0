// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/sync/syncrows.h"

#include <QString>

#include <nlohmann/json.hpp>

namespace quire::shared {
struct SyncTable;
}

namespace quire::server::RowJson {

// A row of any declared table in the API's form, derived from its
// declaration: every column by name, List columns as arrays, owner_id as
// "author" {id, name}, and rev. `withText` false leaves out Markdown
// columns (lists stay small; the item's own address has its text).
nlohmann::json toApi(const shared::SyncTable &table, const StoredRow &row, const QString &ownerName,
                     bool withText = true);

} // namespace quire::server::RowJson
