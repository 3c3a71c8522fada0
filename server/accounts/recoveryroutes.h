// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/accounts/accountstore.h"
#include "server/accounts/mailedlinks.h"
#include "server/http/httpmessage.h"

#include <QList>
#include <QString>

#include <functional>

namespace quire::server {

class Router;
class WorkerServices;

// The mail-token flows under /api/v1/auth: forgot and reset password,
// verify email, resend the verification.
namespace RecoveryRoutes {
void install(Router &router);

// POST /api/v1/auth/forgot-password from `request.json` {email}: the same
// 202 for every address; the readers' page answers through it too.
HttpResponse forgotPassword(HttpRequest &request, WorkerServices &services);

// Mails `user` a fresh verification link (on registration and on request).
void sendVerification(WorkerServices &services, const QString &userId, const QString &email, const QString &name);
// Mails an account an administrator just made a link to choose its first
// password (a reset link that lasts a week); opening it also confirms the address.
void sendWelcome(WorkerServices &services, const QString &userId, const QString &email, const QString &name);
// Mails the new address a link that, opened, makes it the account's email.
void sendEmailChange(WorkerServices &services, const QString &userId, const QString &name, const QString &newEmail);

// What using a mailed link came to: the API and the readers' pages behind
// the links answer from the same outcome, each in its own form.
struct LinkOutcome
{
    enum class Kind { Done, InvalidToken, WeakPassword, EmailTaken, RateLimited, Busy, Error };
    Kind kind = Kind::Error;
    QString message; // for WeakPassword: what the password field should say
    int retryAfter = 0; // for RateLimited
    shared::Error error; // for Error (not for users' eyes)
    StoredUser user; // for a confirmed address
    bool addressChanged = false; // the link made a new address the account's
};

// Sets the password of the link's account (policy checked, hashed on the
// hashing pool, link claimed only then), ends every session and mails a
// notice. `done` runs on the worker's thread.
void resetPassword(WorkerServices &services, const QString &token, const QString &password, const QString &ip,
                   std::function<void(const LinkOutcome &)> done);
// Confirms the address a verify or change link stands for; `kinds` are the
// links the token may be (tried in order).
LinkOutcome confirmAddress(WorkerServices &services, const QString &token, const QList<MailedLinks::Kind> &kinds,
                           const QString &ip);
// The API's answer for an outcome other than Done.
HttpResponse failure(const LinkOutcome &outcome);
} // namespace RecoveryRoutes

} // namespace quire::server
