// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/fielderrors.h"

#include <QString>

#include <nlohmann/json.hpp>

namespace quire::server {

// The REST API's shape of an article, mapped to and from the synced row:
// lists are arrays here and JSON text in the row; timestamps and ids are
// the row's own.
namespace ArticleJson {

// `row` holds the table's columns and "id"; `authorName` may be empty.
nlohmann::json toApi(const nlohmann::json &row, qint64 rev, const QString &authorName);
// The synced fields for the API fields in `body` (unknown fields are an
// error, so a typo never passes silently). `kind` is the collection's.
nlohmann::json toFields(const nlohmann::json &body, const QString &kind, shared::FieldErrors &errors);

} // namespace ArticleJson
} // namespace quire::server
