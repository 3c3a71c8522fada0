// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/accounts/principal.h"
#include "shared/result.h"

#include <QUrlQuery>

#include <nlohmann/json.hpp>

namespace quire::shared {
class Database;
}

namespace quire::server {

// One page of an article list for the REST API: the generic listing of
// the articles' declaration (CollectionListing) with the route's kind fixed,
// each row in the API's article form without its body.
namespace ArticleListing {

shared::Result<nlohmann::json> run(shared::Database &db, const Principal &who, const QString &kind,
                                   const QUrlQuery &query);

} // namespace ArticleListing
} // namespace quire::server
