// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/requestscope.h"

#include "server/http/httplogging.h"

#include <exception>

namespace quire::server {

namespace {
thread_local RequestScope::Failure t_current;
} // namespace

RequestScope::RequestScope(Failure failure)
    : m_previous(std::move(t_current))
{
    t_current = std::move(failure);
}

RequestScope::~RequestScope()
{
    t_current = std::move(m_previous);
}

RequestScope::Failure RequestScope::current()
{
    return t_current;
}

void RequestScope::guard(const Failure &failure, const std::function<void()> &work)
{
    const auto fail = [&failure](const char *what) {
        if (failure)
            failure(what);
        else
            qCCritical(lcHttp) << "unexpected exception outside a request:" << what;
    };
    try {
        const RequestScope scope(failure);
        work();
    } catch (const std::exception &e) {
        fail(e.what());
    } catch (...) {
        fail("an exception that is not a std::exception");
    }
}

} // namespace quire::server
