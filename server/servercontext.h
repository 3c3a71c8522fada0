// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/serverconfig.h"
#include "shared/result.h"

#include <QObject>
#include <QString>

#include <memory>

namespace quire::shared {
class Database;
}

namespace quire::server {

class AccountStore;
class PasswordHasher;
class RateLimiter;
class Mailer;
class AnswerCache;
class ChangeFeed;
class CredentialVault;
class PageCache;
struct HttpResponse;

// What every worker shares, fixed before the first worker starts and only
// read afterwards (the hasher is thread-safe), so no locking is needed.
struct ServerContext
{
    ServerConfig config;
    QString version;
    QString epoch; // changes when the database is restored from a backup
    QString fingerprint; // of the TLS certificate; empty over plain HTTP
    PasswordHasher *hasher = nullptr;
    RateLimiter *limiter = nullptr;
    Mailer *mailer = nullptr;
    ChangeFeed *changes = nullptr; // synced data changed: live sockets hear of it
    PageCache *pages = nullptr; // rendered readers' pages, emptied on every change
    // Seals platform credentials; null when no keys are configured (the
    // credential routes then answer credentials_not_configured).
    const CredentialVault *vault = nullptr;
    QString siteName; // the config's site_name
    QString publicBaseUrl; // for links in mail, set once the port is known
};

// What a request handler may use: the shared context and the database
// connection (and stores over it) of the worker thread it runs on. An
// asynchronous handler's callbacks come back on that thread via `thread()`.
// The account store comes from the application (made over `database`), so
// that this platform layer names the accounts feature but never includes it.
class WorkerServices
{
public:
    WorkerServices(const ServerContext &context, shared::Database &database, QObject *thread,
                   std::shared_ptr<AccountStore> accounts);
    ~WorkerServices();

    const ServerContext &context() const { return m_context; }
    shared::Database &database() { return m_database; }
    AccountStore &accounts() { return *m_accounts; }
    PasswordHasher &hasher() { return *m_context.hasher; }
    RateLimiter &limiter() { return *m_context.limiter; }
    Mailer &mailer() { return *m_context.mailer; }
    const CredentialVault *vault() const { return m_context.vault; }
    QObject *thread() const { return m_thread; }
    // Read-only answers kept while the synced data is unchanged.
    AnswerCache &answers() { return *m_answers; }

private:
    const ServerContext &m_context;
    shared::Database &m_database;
    QObject *m_thread;
    std::shared_ptr<AccountStore> m_accounts;
    std::unique_ptr<AnswerCache> m_answers;
};

// The API's answer for `error`, with the HTTP status its code is declared
// with (shared/errorcode.cpp). A 500 is logged and the client learns no more.
HttpResponse errorResponse(const shared::Error &error);

} // namespace quire::server
