// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/accounts/accountstore.h"
#include "server/http/httpmessage.h"

#include <QString>

#include <functional>

namespace quire::server {

class WorkerServices;

// Checking an email and password, shared by the API sign-in and the
// readers' browser sign-in: rate limits and back-off first, then Argon2id
// on the hashing pool (against a dummy hash for unknown addresses, so the
// time taken tells nothing), the audit entry, and a rehash when due.
namespace SignIn {

struct Outcome
{
    enum class Kind { Ok, Invalid, Disabled, RateLimited, Busy, Error };
    Kind kind = Kind::Error;
    StoredUser user; // for Ok
    int retryAfter = 0; // for RateLimited
    QString error; // for Error (not for users' eyes)
};

// `done` runs on the worker's thread.
void verify(WorkerServices &services, const QString &email, const QString &password, const QString &ip,
            std::function<void(const Outcome &)> done);

// The standard answer for a failed outcome (401, 403, 429, 503 or 500).
HttpResponse failure(const Outcome &outcome);

} // namespace SignIn
} // namespace quire::server
