// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace quire::shared {
struct SyncTable;
}

namespace quire::server {

class Router;

// A row's saved revisions, for any declared type: list, one whole, two
// compared (fields, and the lines of its Markdown text), one restored (its
// content, not its place in the workflow; as a new revision, so restoring
// is itself undoable). <base> = /api/v1/<collection>/:id/revisions:
// GET <base>, <base>/:rev, <base>/compare?from=&to=; POST <base>/:rev/restore.
namespace RevisionRoutes {

// One collection whose rows have revisions: a declared table, an optional
// fixed value of one column (an article kind), and the API's form of a row.
struct Collection
{
    const shared::SyncTable *table = nullptr;
    QString presetColumn;
    QString presetValue;
    std::function<nlohmann::json(const nlohmann::json &values, qint64 rev)> form;
    const char *itemKey = "item"; // where a single revision puts the whole row
};

// The routes of `collection` under `base`.
void add(Router &router, const QString &base, const Collection &collection);
// Every declared collection's, where a feature has not added its own
// (install after the features).
void installDeclared(Router &router);

} // namespace RevisionRoutes

} // namespace quire::server
