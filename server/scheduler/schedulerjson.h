// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "server/sync/syncrows.h"
#include "shared/fielderrors.h"
#include "shared/jsonreader.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::server {

class SchedulerAccess;

// The scheduler API's form of its rows, both ways, derived from the
// tables' declarations: a body's fields become the stored texts (tags and
// media lists, settings and options objects are JSON in the API and JSON
// text in the row), and a row becomes its answer.
namespace SchedulerJson {

// The access rules of one of the scheduler's tables.
const SchedulerAccess &accessOf(const QString &table);

// The writable columns `body` names, as the row stores them, each checked
// against its declaration; `creating` demands the required ones. Read
// through `reader` (over `body`, recording into `errors`), so the caller
// reads its own keys after and refuses what is left unknown.
nlohmann::json fields(const SchedulerAccess &access, const nlohmann::json &body, shared::JsonReader &reader,
                      bool creating, shared::FieldErrors &errors);

// A row in the API's form: RowJson's, with the JSON texts as JSON.
nlohmann::json toApi(const SchedulerAccess &access, const StoredRow &row, const QString &ownerName,
                     bool withText = true);

// The `rev` a client says it edited, from the body or If-Match.
std::optional<qint64> expectedRev(const HttpRequest &request);

} // namespace SchedulerJson
} // namespace quire::server
