// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "server/sync/syncrows.h"

#include <optional>
#include <variant>

namespace quire::server {

class GroupStore;
class Router;

// Prompt groups under /api/v1/groups (spec 003): list, create, read,
// change and delete groups; their members (GroupMemberRoutes) and shares
// (GroupShareRoutes) are installed with them. Reads show what the tables'
// SyncAccess lets the caller see; every write goes through ContentWriter,
// so the same rules, revisions and sync apply as to a replica's push.
namespace GroupRoutes {

void install(Router &router);

// The group the path's :id names if the caller may see it; otherwise the
// answer (404: another's group is not revealed).
std::variant<StoredRow, HttpResponse> findGroup(GroupStore &store, const HttpRequest &request);
// The `rev` a client says it edited, from the body or If-Match.
std::optional<qint64> expectedRev(const HttpRequest &request);
// A field's problem as the answer's validation error.
HttpResponse invalid(const QString &field, const QString &message);

} // namespace GroupRoutes
} // namespace quire::server
