// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// POST /api/v1/posts/:id/publish: the author's "publish now". Without a
// body (or with {}) the post becomes due now (a draft, scheduled, failed or
// partially published one; what was sent stays sent); with
// {"destination_id": …} only that failed destination is tried again, with
// its idempotency key. 202 with the post; the publisher takes it within
// moments. schedule_posts only; another user's post is not found (404); a
// cancelled, published or publishing post, one without destinations, or a
// destination that has not failed answers 409 nothing_to_publish.
namespace PublishRoutes {

void install(Router &router);

} // namespace PublishRoutes
} // namespace quire::server
