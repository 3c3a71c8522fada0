// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/workerapplication.h"

#include <memory>
#include <vector>

namespace quire::shared {
class Database;
}

namespace quire::server {

class InstanceHeader;
class LiveHub;
class SignInGuard;
struct ServerContext;

// The application's side of one HTTP worker: its own database connection
// and the services over it, the middleware chain (the instance's name on
// every answer, CORS, the address's rate
// limit, sign-in with CSRF, the user's rate limit) and the live hub that
// takes the worker's WebSocket upgrades.
class ServerWorker final : public WorkerApplication
{
public:
    // The steps every worker shares (thread-safe), made by the Server; any
    // may be null.
    struct SharedSteps
    {
        Middleware *cors = nullptr;
        Middleware *addressLimit = nullptr;
        Middleware *userLimit = nullptr;
    };

    // Runs in the worker's thread (WorkerApplication::Factory).
    static shared::Result<std::unique_ptr<WorkerApplication>> make(const ServerContext &context,
                                                                   const SharedSteps &steps, const Host &host);
    ~ServerWorker() override;

    WorkerServices &services() override;
    const std::vector<Middleware *> &middleware() const override { return m_middleware; }
    UpgradeHandler *upgrades() override;

private:
    ServerWorker() = default;

    // Destroyed in reverse: the hub and the guard before the services and
    // the database they use.
    std::unique_ptr<shared::Database> m_database;
    std::unique_ptr<WorkerServices> m_services;
    std::unique_ptr<SignInGuard> m_signIn;
    std::unique_ptr<InstanceHeader> m_instanceHeader;
    std::unique_ptr<LiveHub> m_live;
    std::vector<Middleware *> m_middleware;
};

} // namespace quire::server
