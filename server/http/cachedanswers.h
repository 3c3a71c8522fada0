// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace quire::server {

struct HttpRequest;
struct HttpResponse;

// Rendered answers the application keeps (the readers' page cache), which
// the front door serves to simple GET/HEAD requests before routing them.
//
// Contract:
// - `answer` gives exactly the answer the route for `request.path` would
//   give an anonymous caller (validators and gzip included), or returns
//   false to let the request be routed. It is asked before any middleware,
//   so only answers that need no sign-in may be kept.
// - `generation` moves whenever an answer given earlier may be out of date;
//   the worker keeps assembled bytes of answers per generation.
// - Both are called from every worker thread at once: thread-safe.
class CachedAnswers
{
public:
    virtual ~CachedAnswers() = default;

    virtual quint64 generation() const = 0;
    virtual bool answer(const HttpRequest &request, HttpResponse &response) const = 0;
};

} // namespace quire::server
