// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

namespace quire::server {

// The failure path of the request being handled on this thread. Work that
// leaves for another thread and comes back (the password hashing pool)
// takes it along, so an exception thrown there still ends in a logged 500
// for that request instead of ending the process.
class RequestScope
{
public:
    // Answers the request with a 500 and logs `what`; safe from any thread.
    using Failure = std::function<void(const char *what)>;

    // Makes `failure` the current one on this thread until destroyed.
    explicit RequestScope(Failure failure);
    ~RequestScope();
    RequestScope(const RequestScope &) = delete;
    RequestScope &operator=(const RequestScope &) = delete;

    // The failure of the request this thread is handling; empty outside one.
    static Failure current();

    // Runs `work` with `failure` current; any exception, std:: or not,
    // goes to `failure` (or only to the log when it is empty).
    static void guard(const Failure &failure, const std::function<void()> &work);

private:
    Failure m_previous;
};

} // namespace quire::server
