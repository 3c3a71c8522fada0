// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/middleware.h"

namespace quire::server {

class ApiRateLimit;

// One of the API's budgets (ApiRateLimit) as middleware. Two gates, because
// the address is checked before sign-in (before a token costs a database
// lookup) and the user after it: the chain is address gate, sign-in, user
// gate. Only API routes are limited; thread-safe like the limits it holds.
class RateLimitGate final : public Middleware
{
public:
    enum class By { Address, User };

    RateLimitGate(ApiRateLimit &limits, By by);

    std::optional<HttpResponse> before(HttpRequest &request, const Router::Route &route) override;

private:
    ApiRateLimit &m_limits;
    By m_by;
};

} // namespace quire::server
