// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/auth/principal.h"
#include "shared/result.h"

#include <QUrlQuery>

#include <nlohmann/json.hpp>

namespace quire::shared {
class Database;
}

namespace quire::server {

// One page of an article list for the REST API: what the caller may see,
// filtered by status, category, tag, author and words, sorted and paged.
// Query parameters: page (from 1), per_page (1-100, default 20), status,
// category (id or slug), tag, author (user id), q, sort (updated, created,
// published, title), order (asc, desc).
namespace ArticleListing {

shared::Result<nlohmann::json> run(shared::Database &db, const Principal &who, const QString &kind,
                                   const QUrlQuery &query);

} // namespace ArticleListing
} // namespace quire::server
