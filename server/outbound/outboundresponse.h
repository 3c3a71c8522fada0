// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QUrl>

#include <chrono>
#include <optional>
#include <utility>

namespace quire::server {

// What the other side answered to an outgoing request: any HTTP status
// (a 4xx or 5xx is an answer, not a failure of the request), its headers,
// its body (never more than the client's cap), and Retry-After read.
struct OutboundResponse
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // The URL that answered, after redirects (the name, not the pinned address).
    QUrl url;
    // Retry-After, in seconds or as an HTTP-date, as a wait from when the
    // answer came; nothing when absent or unreadable.
    std::optional<std::chrono::seconds> retryAfter;

    // The first header of that name (case-insensitive), or empty.
    QByteArray header(const QByteArray &name) const;

    // Retry-After's value as a wait from `now`: delay-seconds, or an
    // HTTP-date (IMF-fixdate, RFC 850 or asctime); a date past is no wait.
    static std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now);
};

} // namespace quire::server
