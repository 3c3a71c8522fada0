// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {
class Router;
}

namespace quire::server::CollectionRoutes {

// GET /api/v1/<collection> and /api/v1/<collection>/:id for every declared
// table that names a collection, unless a feature answers that address
// with routes of its own (install after the features). Lists are
// CollectionListing's; an item is the row in RowJson's form. Only what the
// caller may see; writes go through sync or the feature's routes.
void install(Router &router);

} // namespace quire::server::CollectionRoutes
