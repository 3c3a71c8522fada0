// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace quire::server {

// The transport's own series in the metrics registry: requests by route
// pattern, method and status class, their latency per route, server errors
// and handlers that threw. Labels come from the route table, never the raw
// path, so their number stays bounded whatever clients ask for.
namespace HttpMetrics {

// Requests no route took (404, 405, a bad path) and answers from the page
// cache, under these route labels.
inline constexpr const char *kUnmatched = "(unmatched)";
inline constexpr const char *kPageCache = "(page cache)";

void recordRequest(const QByteArray &route, const QByteArray &method, int status, double seconds);
void recordHandlerFailure();

} // namespace HttpMetrics
} // namespace quire::server
