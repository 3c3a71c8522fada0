// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// Images: POST /api/v1/media (the bytes as the body; type checked by the
// bytes, size limited by --media-max-bytes), GET /api/v1/media (paged) and
// /api/v1/media/:sha256 (records), and GET /media/:sha256 (the image, for
// the site: cached for a year, the name being its content).
namespace MediaRoutes {
void install(Router &router);
}

} // namespace quire::server
