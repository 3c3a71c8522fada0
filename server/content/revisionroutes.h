// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// An article's saved revisions: list, one whole, two compared, one
// restored (as a new revision, so restoring is itself undoable).
// /api/v1/{guides,case-studies}/:id/revisions[/:rev[/restore]],
// /api/v1/{...}/:id/revisions/compare?from=&to=
namespace RevisionRoutes {
void install(Router &router);
}

} // namespace quire::server
