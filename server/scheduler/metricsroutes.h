// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// The scheduler's metrics under /api/v1/metrics (spec 004): engagement and
// financial numbers summed per day, ISO week or month, per client and
// platform (and currency), as JSON or CSV, for a role that may read
// metrics; financial entries made, replaced and deleted one by one or
// imported from CSV all at once, by a role that may schedule posts. Each
// user sees and names only their own clients and platforms (404 for
// another's).
namespace MetricsRoutes {

void install(Router &router);

} // namespace MetricsRoutes
} // namespace quire::server
