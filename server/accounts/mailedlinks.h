// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace quire::server {

// The links the server mails, in one table: the readers' page each one
// opens and the purpose of the single-use token it carries, so the mail and
// the page behind it cannot drift apart.
namespace MailedLinks {

enum class Kind {
    ResetPassword, // forgot password: choose a new one
    VerifyEmail, // a new account's address
    ConfirmNewEmail, // an address change, mailed to the new address
};

// The site path of the page, e.g. "/reset-password".
QString path(Kind kind);
// The purpose stored with the token in email_tokens.
QString purpose(Kind kind);
// The absolute link for a mail: built from the configured public address,
// never from a request's Host header, which a client controls.
QString url(const QString &publicBaseUrl, Kind kind, const QString &token);

} // namespace MailedLinks
} // namespace quire::server
