// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/accounts/principal.h"
#include "shared/result.h"

#include <nlohmann/json.hpp>

namespace quire::shared {
class Database;
}

namespace quire::server {

class WorkerServices;

// A user's saved items, for the API and the site's save button alike: rows
// of any declared table the user may read (articles, categories, a type
// added later), named by id. Saving is idempotent; changes go through the
// synced table, so they reach the user's other devices.
namespace SavedItems {

// The caller's saved items they may still read, newest save first: each
// with item_table, item_id (also as article_id), title (the row's label)
// and saved_at; an article also with kind, summary and, while published,
// its url.
shared::Result<nlohmann::json> list(shared::Database &db, const Principal &who);
// Whether `who` saved the row `itemId`.
shared::Result<bool> isSaved(shared::Database &db, const Principal &who, const QString &itemId);
// True when it was newly saved, false when it was saved already; not_found
// when there is no row `itemId` that `who` may read.
shared::Result<bool> save(WorkerServices &services, const Principal &who, const QString &itemId);
shared::VoidResult unsave(WorkerServices &services, const Principal &who, const QString &itemId);

} // namespace SavedItems
} // namespace quire::server
