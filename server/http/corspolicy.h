// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/middleware.h"

#include <QStringList>

namespace quire::server {

class Router;

// Which browser pages from other origins may use the API: an allow-list of
// origins. Answers preflights (with every method the routes answer to),
// refuses WebSocket upgrades from other origins and marks the answers to
// allowed ones with Access-Control-Allow-Origin (never with credentials).
// Read-only once made, so workers share one.
class CorsPolicy final : public Middleware
{
public:
    CorsPolicy(QStringList allowedOrigins, const Router &router);

    // No Origin: not a browser, nothing for CORS to protect.
    bool allows(const QByteArray &origin) const;

    std::optional<HttpResponse> arrive(const HttpRequest &request) override;
    void after(const HttpRequest &request, HttpResponse &response) const override;
    bool allowsUpgrade(const HttpRequest &request) const override;

private:
    bool listed(const QByteArray &origin) const;

    QStringList m_origins;
    const Router &m_router;
};

} // namespace quire::server
