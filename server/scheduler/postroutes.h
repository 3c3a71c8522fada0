// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;
struct Guard;

// Posts under /api/v1/posts with their destinations: a post's answer holds
// its destinations, and POST and PUT take a `destinations` array (one item
// per platform of the post's client: platform_id, text, media, options)
// written with the post in one transaction. On PUT the array is the whole
// set: a listed platform's destination is kept and changed, a new one made,
// one not listed removed; without it the destinations stay as they are.
namespace PostRoutes {

void install(Router &router, const Guard &guard);

} // namespace PostRoutes
} // namespace quire::server
