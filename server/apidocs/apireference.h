// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

namespace quire::server {

class Router;

// Serves the API's description: GET /api/v1/openapi.json (OpenAPI 3.1) and
// GET /api/v1/docs, a page rendered from that document on the server (the
// site's stylesheet, no script). Installed last, so the description covers
// every route installed before it, these two included.
namespace ApiReference {

inline constexpr char kDocumentPath[] = "/api/v1/openapi.json";
inline constexpr char kPagePath[] = "/api/v1/docs";

void install(Router &router);

// The reference page for `document`: every operation by tag, each with its
// method, path, summary, who may call it and what it answers; every value
// escaped by the template.
shared::Result<QByteArray> renderPage(const nlohmann::json &document, const QString &siteName);

} // namespace ApiReference

} // namespace quire::server
