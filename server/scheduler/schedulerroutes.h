// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "server/sync/syncrows.h"

#include <QString>

#include <variant>

namespace quire::server {

class ContentWriter;
class Router;
class WorkerServices;

// The creators' scheduler's API (spec 004) under /api/v1: clients and
// platforms (list, create, read, change, delete), and posts with their
// destinations (PostRoutes). Only a role that may schedule posts gets in;
// each user sees only their own rows (404 for another's), and every write
// goes through ContentWriter, so the rules, revisions and sync are those
// of a replica's push.
namespace SchedulerRoutes {

void install(Router &router);

// The row the path's :id names in `table` if the caller may see it;
// otherwise the answer (404: another's row is not revealed).
std::variant<StoredRow, HttpResponse> find(ContentWriter &writer, const QString &table, const HttpRequest &request);
// A page of `table` the caller may see (declared filters, sorts, search,
// cursor), kept while nothing changed.
HttpResponse list(HttpRequest &request, WorkerServices &services, const QString &table);

} // namespace SchedulerRoutes
} // namespace quire::server
