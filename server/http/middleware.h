// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "server/http/router.h"

#include <optional>

namespace quire::server {

// A step the application puts around every routed request (sign-in, CSRF,
// CORS, rate limits): the transport runs the worker's chain in order and
// knows nothing of what each step checks.
//
// Contract:
// - `arrive` runs first, for every request Qt parsed, before its path is
//   normalised or routed (`path` is still empty). An answer ends the request
//   there: no later step's `arrive`, no routing, no handler. The front
//   door's anonymous simple GET/HEAD requests skip it: they carry no Origin,
//   Upgrade, Cookie or Authorization header and no query. Its personal ones
//   (a bearer token or a query, see SimpleRequest) run it as any other.
// - `before` runs once the route is known and a JSON body is parsed, in chain
//   order; it may fill in the request (principal, csrfToken). An answer ends
//   the request: later steps and the handler do not run.
// - `after` runs on every answer on its way out, whoever made it (handler,
//   middleware, the transport's own errors, a cached page), in chain order,
//   once the transport has added its own headers (length, security, cache
//   defaults). It may add headers, never change the body. The worker reuses
//   the assembled answer to a simple request served from CachedAnswers for
//   the same target, so for those, what it adds may depend on the answer
//   only.
// - `allowsUpgrade` is asked before a WebSocket upgrade is handed to the
//   upgrade handler (`request` has method, headers and the raw path); one
//   refusal keeps it from going through.
// - Calls come from the worker's thread, one request at a time; a step shared
//   by workers must be thread-safe. An exception from `arrive` or `before`
//   becomes the request's 500; one from `after` is logged.
class Middleware
{
public:
    virtual ~Middleware() = default;

    virtual std::optional<HttpResponse> arrive(const HttpRequest &) { return std::nullopt; }
    virtual std::optional<HttpResponse> before(HttpRequest &, const Router::Route &) { return std::nullopt; }
    virtual void after(const HttpRequest &, HttpResponse &) const { }
    virtual bool allowsUpgrade(const HttpRequest &) const { return true; }
};

} // namespace quire::server
