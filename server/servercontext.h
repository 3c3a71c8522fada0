// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/serverconfig.h"

#include <QString>

namespace quire::shared {
class Database;
}

namespace quire::server {

class Router;

// What every worker shares, fixed before the first worker starts and only
// read afterwards, so no locking is needed.
struct ServerContext
{
    ServerConfig config;
    QString version;
    QString epoch;        // changes when the database is restored from a backup
    QString fingerprint;  // of the TLS certificate; empty over plain HTTP
    const Router *router = nullptr;
};

// What a request handler may use: the shared context and the database
// connection of the worker thread it runs on.
class WorkerServices
{
public:
    WorkerServices(const ServerContext &context, shared::Database &database)
        : m_context(context)
        , m_database(database)
    {}

    const ServerContext &context() const { return m_context; }
    shared::Database &database() { return m_database; }

private:
    const ServerContext &m_context;
    shared::Database &m_database;
};

} // namespace quire::server
