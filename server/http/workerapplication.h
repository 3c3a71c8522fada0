// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <functional>
#include <memory>
#include <vector>

class QAbstractHttpServer;
class QObject;

namespace quire::server {

class Middleware;
class UpgradeHandler;
class WorkerServices;

// The application's side of one HttpWorker: what its route handlers are
// given, the middleware chain around them and the WebSocket upgrades.
//
// Contract: made by the WorkerApplication::Factory in the worker's thread
// when the worker starts, used only there, and destroyed there when the
// worker drains (before its endpoint). What it returns stays valid as long
// as it lives.
class WorkerApplication
{
public:
    // What a worker offers the application when it starts.
    struct Host
    {
        QObject *thread = nullptr; // lives in the worker's thread; a parent for its objects
        QAbstractHttpServer *endpoint = nullptr; // emits the WebSocket connections
        int idleMs = 0; // connections that move no bytes this long are closed
    };
    // Called once per worker, in its thread; an error stops the server's start.
    using Factory = std::function<shared::Result<std::unique_ptr<WorkerApplication>>(const Host &host)>;

    virtual ~WorkerApplication() = default;

    // Handed to every route handler of this worker.
    virtual WorkerServices &services() = 0;
    // Run in this order around every routed request (see Middleware).
    virtual const std::vector<Middleware *> &middleware() const = 0;
    // Takes WebSocket upgrades; null: none are taken.
    virtual UpgradeHandler *upgrades() { return nullptr; }
};

} // namespace quire::server
