// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/corspolicy.h"

namespace quire::server {

CorsPolicy::CorsPolicy(QStringList allowedOrigins, const Router &router)
    : m_origins(std::move(allowedOrigins))
    , m_router(router)
{ }

bool CorsPolicy::listed(const QByteArray &origin) const
{
    return m_origins.contains(QString::fromUtf8(origin));
}

bool CorsPolicy::allows(const QByteArray &origin) const
{
    return origin.isEmpty() || listed(origin);
}

bool CorsPolicy::allowsUpgrade(const HttpRequest &request) const
{
    return allows(request.header("Origin"));
}

std::optional<HttpResponse> CorsPolicy::arrive(const HttpRequest &request)
{
    // A WebSocket upgrade that reaches the dispatcher was not taken: a
    // browser page from an origin off the allow-list may not listen in.
    if (!request.header("Upgrade").isEmpty() && !allows(request.header("Origin")))
        return HttpResponse::error(shared::ErrorCode::CorsRefused,
                                   QStringLiteral("This origin may not open a live connection."));
    if (request.method != QLatin1String("OPTIONS") || request.header("Access-Control-Request-Method").isEmpty())
        return std::nullopt;
    if (!listed(request.header("Origin")))
        return HttpResponse::error(shared::ErrorCode::CorsRefused, QStringLiteral("This origin may not call the API."));
    HttpResponse r;
    r.status = 204;
    // Whatever the routes answer to, so a new method cannot be forgotten here.
    r.headers.append(
        { QByteArrayLiteral("Access-Control-Allow-Methods"), m_router.methods().join(QLatin1String(", ")).toLatin1() });
    r.headers.append({ QByteArrayLiteral("Access-Control-Allow-Headers"),
                       QByteArrayLiteral("Authorization, Content-Type, If-Match") });
    r.headers.append({ QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600") });
    return r;
}

void CorsPolicy::after(const HttpRequest &request, HttpResponse &response) const
{
    // Only origins on the allow-list get an Allow-Origin, and never with credentials.
    const QByteArray origin = request.header("Origin");
    if (!origin.isEmpty() && listed(origin)) {
        response.headers.append({ QByteArrayLiteral("Access-Control-Allow-Origin"), origin });
        response.headers.append({ QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin") });
    }
}

} // namespace quire::server
