// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/sync/syncrows.h"
#include "shared/fielderrors.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace quire::server::PromptJson {

// The prompt library's wire form (spec 003): booleans as JSON booleans,
// tags and messages as arrays, model settings as numbers; stored as the
// declared columns' text (shared/prompttables.cpp).

// The columns a version copies: a change of any of them makes a new version.
const QStringList &versionedColumns();

// A prompt in the API's form; `withText` false leaves out content and
// messages (lists stay small).
nlohmann::json prompt(const StoredRow &row, const QString &ownerName, bool withText = true);
// A version in the API's form.
nlohmann::json version(const StoredRow &row, const QString &authorName, bool withText = true);

// The columns a POST or PUT body sets, checked for type and range; every
// problem goes to `errors`. "rev" and "message" are read by the routes.
nlohmann::json toFields(const nlohmann::json &body, shared::FieldErrors &errors);

// The versioned columns of a stored prompt or version.
nlohmann::json versionedValues(const nlohmann::json &values);

// A stored JSON text (messages, variables) as JSON; `fallback` when unreadable.
nlohmann::json storedJson(const nlohmann::json &values, const char *column, nlohmann::json fallback);

} // namespace quire::server::PromptJson
