// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/serverworker.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/signinguard.h"
#include "server/http/instanceheader.h"
#include "server/servercontext.h"
#include "server/serverlogging.h"
#include "server/serverdatabase.h"
#include "server/sync/changefeed.h"
#include "server/sync/livehub.h"
#include "shared/database.h"

namespace quire::server {

namespace {

// How often live sockets are pinged at most; more often when the idle
// timeout is shorter.
constexpr int kLivePingMs = 30'000;
// How much of the database file each worker reads through a memory map at
// most (SQLite caps it at its own limit, 2 GB in Debian's build).
constexpr qint64 kMappedBytes = qint64(4) << 30;

} // namespace

shared::Result<std::unique_ptr<WorkerApplication>> ServerWorker::make(const ServerContext &context,
                                                                      const SharedSteps &steps, const Host &host)
{
    auto db = ServerDatabase::open(context.config);
    if (!db)
        return db.error();
    // Reads through a memory map of the file instead of a read() per page
    // not in SQLite's small page cache: a by-name prompt fetch among 100,000
    // prompts lands on pages all over the file, and the copies were a
    // quarter of its time. Writes still go through the log as before.
    if (shared::VoidResult mapped = (*db)->mapForReading(kMappedBytes); !mapped)
        qCWarning(lcServer) << "reading the database without a memory map:" << mapped.error().message;
    std::unique_ptr<ServerWorker> worker(new ServerWorker);
    worker->m_database = std::move(db.value());
    worker->m_services = std::make_unique<WorkerServices>(context, *worker->m_database, host.thread,
                                                          std::make_shared<AccountStore>(*worker->m_database));
    worker->m_signIn = std::make_unique<SignInGuard>(worker->m_services->accounts(), worker->m_services->answers());
    worker->m_instanceHeader = std::make_unique<InstanceHeader>(context.config.instanceName);
    // The address's budget before sign-in costs a database lookup; the
    // user's after it, once the user is known.
    for (Middleware *step : { static_cast<Middleware *>(worker->m_instanceHeader.get()), steps.cors, steps.addressLimit,
                              static_cast<Middleware *>(worker->m_signIn.get()), steps.userLimit }) {
        if (step)
            worker->m_middleware.push_back(step);
    }
    WorkerServices *services = worker->m_services.get();
    worker->m_live = std::make_unique<LiveHub>(
        [services](const QString &token) { return services->accounts().authenticate(token); }, host.endpoint);
    // Pings well inside the idle timeout keep a quiet live socket open.
    worker->m_live->setPingInterval(std::min(kLivePingMs, host.idleMs / 3));
    if (context.changes)
        QObject::connect(context.changes, &ChangeFeed::changed, worker->m_live.get(), &LiveHub::notifyAll);
    return std::unique_ptr<WorkerApplication>(std::move(worker));
}

ServerWorker::~ServerWorker() = default;

WorkerServices &ServerWorker::services()
{
    return *m_services;
}

UpgradeHandler *ServerWorker::upgrades()
{
    return m_live.get();
}

} // namespace quire::server
