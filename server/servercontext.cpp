// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/servercontext.h"

#include "server/collections/answercache.h"
#include "server/http/httpmessage.h"

namespace quire::server {

WorkerServices::WorkerServices(const ServerContext &context, shared::Database &database, QObject *thread,
                               std::shared_ptr<AccountStore> accounts)
    : m_context(context)
    , m_database(database)
    , m_thread(thread)
    , m_accounts(std::move(accounts))
    , m_answers(std::make_unique<AnswerCache>(database, context.config.apiAnswerCacheEntries))
{ }

WorkerServices::~WorkerServices() = default;

HttpResponse errorResponse(const shared::Error &error)
{
    const int status = shared::httpStatusOf(error.code);
    return status == 500 ? HttpResponse::internalError(error) : HttpResponse::error(status, error);
}

} // namespace quire::server
