// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/server.h"

#include "server/accounts/leasedbucketstore.h"
#include "server/accounts/passwordhasher.h"
#include "server/accounts/ratelimiter.h"
#include "server/http/apiratelimit.h"
#include "server/http/connectionquota.h"
#include "server/http/corspolicy.h"
#include "server/http/httpworker.h"
#include "server/http/listensockets.h"
#include "server/http/memorybucketstore.h"
#include "server/http/ratelimitgate.h"
#include "server/mail/mailer.h"
#include "server/serverlogging.h"
#include "server/serverworker.h"
#include "server/site/cachedpages.h"
#include "server/site/pagecache.h"
#include "server/sync/changefeed.h"

#include <QThread>

#include <unistd.h>

namespace quire::server {

using shared::Error;

namespace {

// Where the budgets live. Named instances share a database and so share
// the budgets through it, in leased slices; a single server keeps them in
// memory, which costs a request less and loses nothing a restart would
// not (README, "Several instances", measured in tst_leasedbucketstore).
std::unique_ptr<BucketStore> bucketStore(const ServerConfig &config)
{
    if (!config.instanceNamed)
        return std::make_unique<MemoryBucketStore>();
    return std::make_unique<LeasedBucketStore>(
        [path = config.databaseLocation()] { return LeasedBucketStore::threadConnection(path); });
}

} // namespace

Server::Server(ServerContext context, std::optional<QSslConfiguration> tls, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_tls(std::move(tls))
{
    // Hashing gets half the cores: page reads keep the rest under a login flood.
    m_hasher = std::make_unique<PasswordHasher>(PasswordHasher::Params {}, std::max(1, m_context.config.threads / 2));
    m_context.hasher = m_hasher.get();
    const ServerConfig &config = m_context.config;
    m_limiter = std::make_unique<RateLimiter>(config.rateLimitScale);
    if (config.instanceNamed) {
        m_signInBuckets = std::make_unique<LeasedBucketStore>(
            [path = config.databaseLocation()] { return LeasedBucketStore::threadConnection(path); });
        m_limiter->setSharedStore(m_signInBuckets.get());
    }
    m_context.limiter = m_limiter.get();
    m_apiLimits = std::make_unique<ApiRateLimit>(
        ApiRateLimit::Settings { config.apiRateLimitPerAddress, config.apiRateLimitPerUser,
                                 config.apiRateLimitWindowSeconds, config.rateLimitScale },
        bucketStore(config));
    m_addressLimit = std::make_unique<RateLimitGate>(*m_apiLimits, RateLimitGate::By::Address);
    m_userLimit = std::make_unique<RateLimitGate>(*m_apiLimits, RateLimitGate::By::User);
    m_cors = std::make_unique<CorsPolicy>(config.corsOrigins, m_router);
    m_changes = std::make_unique<ChangeFeed>();
    m_context.changes = m_changes.get();
    m_pages = std::make_unique<PageCache>();
    m_context.pages = m_pages.get();
    m_cachedPages = std::make_unique<CachedPages>(*m_pages);
    m_connections = std::make_unique<ConnectionQuota>(m_context.config.maxConnectionsPerAddress);
    // Direct: whichever worker committed a change empties the cache at once,
    // before its answer goes out, so no reader sees the old page after.
    PageCache *pages = m_pages.get();
    connect(
        m_changes.get(), &ChangeFeed::changed, m_changes.get(), [pages] { pages->clear(); }, Qt::DirectConnection);
}

Server::~Server()
{
    shutdown();
}

void Server::setMailer(std::unique_ptr<Mailer> mailer)
{
    m_mailer = std::move(mailer);
    m_context.mailer = m_mailer.get();
}

shared::VoidResult Server::start(ListenSockets sockets)
{
    m_port = sockets.port();
    m_context.publicBaseUrl = m_context.config.publicBaseUrl(m_port);
    const ServerConfig &config = m_context.config;
    HttpWorker::Settings settings;
    settings.router = &m_router;
    settings.idleMs = config.idleTimeoutSeconds * 1000;
    settings.request.headMs = config.requestHeadTimeoutSeconds * 1000;
    settings.request.minBodyRate = config.minBodyBytesPerSecond;
    settings.maxBody = config.maxBodyBytes;
    settings.maxUpload = config.mediaMaxBytes;
    settings.quota = m_connections.get();
    settings.cache = m_cachedPages.get();
    const ServerWorker::SharedSteps steps { m_cors.get(), m_addressLimit.get(), m_userLimit.get() };
    const WorkerApplication::Factory application
        = [this, steps](const WorkerApplication::Host &host) { return ServerWorker::make(m_context, steps, host); };
    std::vector<int> fds = sockets.release();
    for (size_t i = 0; i < fds.size(); ++i) {
        auto worker = std::make_unique<HttpWorker>(settings, application, fds[i], m_tls);
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("http-%1").arg(i));
        worker->moveToThread(thread);
        thread->start();
        m_threads.push_back(thread);
        shared::VoidResult started;
        HttpWorker *w = worker.get();
        QMetaObject::invokeMethod(
            w, [w, &started] { started = w->start(); }, Qt::BlockingQueuedConnection);
        m_workers.push_back(std::move(worker));
        if (!started) {
            for (size_t j = i + 1; j < fds.size(); ++j)
                ::close(fds[j]);
            shutdown();
            return started.error();
        }
    }
    qCInfo(lcServer) << "started" << m_workers.size() << "workers on port" << m_port;
    return shared::VoidResult::success();
}

void Server::shutdown()
{
    if (m_workers.empty())
        return;
    for (auto &worker : m_workers) {
        HttpWorker *w = worker.get();
        QMetaObject::invokeMethod(
            w, [w] { w->stopAccepting(); }, Qt::BlockingQueuedConnection);
    }
    for (auto &worker : m_workers) {
        HttpWorker *w = worker.get();
        QMetaObject::invokeMethod(
            w, [w] { w->drainAndClose(5000); }, Qt::BlockingQueuedConnection);
    }
    for (QThread *thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    m_workers.clear();
    qDeleteAll(m_threads);
    m_threads.clear();
    if (m_mailer)
        m_mailer->flush(); // mail already promised goes out before we exit
    qCInfo(lcServer) << "stopped";
}

QString Server::url() const
{
    const QHostAddress &a = m_context.config.listenAddress;
    QString host = a.toString();
    if (a.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3").arg(m_context.config.scheme(), host).arg(m_port);
}

} // namespace quire::server
