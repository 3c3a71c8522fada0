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

// A reader's saved articles, for the API and the site's save button alike.
// Saving is idempotent; changes go through the synced table, so they reach
// the reader's other devices.
namespace SavedItems {

// The caller's saved articles that are still published, newest save first.
shared::Result<nlohmann::json> list(shared::Database &db, const Principal &who);
// Whether `who` saved the article.
shared::Result<bool> isSaved(shared::Database &db, const Principal &who, const QString &articleId);
// True when it was newly saved, false when it was saved already.
shared::Result<bool> save(WorkerServices &services, const Principal &who, const QString &articleId);
shared::VoidResult unsave(WorkerServices &services, const Principal &who, const QString &articleId);

} // namespace SavedItems
} // namespace quire::server
