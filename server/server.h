// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/result.h"

#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace quire::server {

class ApiRateLimit;
class CachedPages;
class CorsPolicy;
class HttpWorker;
class ListenSockets;
class PasswordHasher;
class RateLimiter;
class LeasedBucketStore;
class Mailer;
class ChangeFeed;
class PageCache;
class ConnectionQuota;
class RateLimitGate;

// The running server: migrates the database, opens the shared port and
// starts one HttpWorker thread per configured thread, each with its
// ServerWorker (the features' side). Shutdown stops accepting first, lets
// in-flight answers go out, then closes the database.
class Server final : public QObject
{
    Q_OBJECT
public:
    Server(ServerContext context, std::optional<QSslConfiguration> tls, QObject *parent = nullptr);
    ~Server() override;

    Router &router() { return m_router; }
    // Hands over the mailer; call before start().
    void setMailer(std::unique_ptr<Mailer> mailer);

    // Starts one worker per socket (the sockets are handed over).
    shared::VoidResult start(ListenSockets sockets);
    void shutdown();

    QString url() const;
    // Where changes made outside a request (the scheduler) are announced.
    ChangeFeed *changes() const { return m_changes.get(); }

private:
    ServerContext m_context;
    std::optional<QSslConfiguration> m_tls;
    Router m_router;
    std::unique_ptr<PasswordHasher> m_hasher;
    // The sign-in buckets of named instances, in the shared database.
    std::unique_ptr<LeasedBucketStore> m_signInBuckets;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<ApiRateLimit> m_apiLimits;
    std::unique_ptr<Mailer> m_mailer;
    std::unique_ptr<ChangeFeed> m_changes;
    std::unique_ptr<PageCache> m_pages;
    std::unique_ptr<ConnectionQuota> m_connections;
    std::unique_ptr<CachedPages> m_cachedPages;
    std::unique_ptr<CorsPolicy> m_cors;
    std::unique_ptr<RateLimitGate> m_addressLimit;
    std::unique_ptr<RateLimitGate> m_userLimit;
    quint16 m_port = 0;
    std::vector<std::unique_ptr<HttpWorker>> m_workers;
    std::vector<QThread *> m_threads;
};

} // namespace quire::server
