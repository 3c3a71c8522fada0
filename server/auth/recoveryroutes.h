// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace quire::server {

class Router;
class WorkerServices;
struct StoredUser;

// The mail-token flows under /api/v1/auth: forgot and reset password,
// verify email, resend the verification.
namespace RecoveryRoutes {
void install(Router &router);

// Mails `user` a fresh verification link (on registration and on request).
void sendVerification(WorkerServices &services, const QString &userId, const QString &email, const QString &name);
// Mails the new address a link that, opened, makes it the account's email.
void sendEmailChange(WorkerServices &services, const QString &userId, const QString &name, const QString &newEmail);
} // namespace RecoveryRoutes

} // namespace quire::server
