// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/ratelimitgate.h"

#include "server/http/apiratelimit.h"

namespace quire::server {

RateLimitGate::RateLimitGate(ApiRateLimit &limits, By by)
    : m_limits(limits)
    , m_by(by)
{ }

std::optional<HttpResponse> RateLimitGate::before(HttpRequest &request, const Router::Route &)
{
    if (!ApiRateLimit::applies(request.path))
        return std::nullopt;
    if (m_by == By::Address)
        return m_limits.admitAddress(request.remoteAddress);
    // Anonymous calls are held to their address's budget only.
    if (!request.principal)
        return std::nullopt;
    return m_limits.admitUser(request.principal->userId);
}

} // namespace quire::server
