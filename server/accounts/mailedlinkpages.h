// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// The readers' pages behind the links the server mails (see MailedLinks):
// choosing a new password, confirming an address, confirming a new
// address, and the form that asks for a reset link. Opening a link (GET)
// never changes anything, since mail scanners open links too: the page
// shows a form whose post does it. The forms are anonymous, so a signed
// double-submit bound to the link's token guards them (FormGuard); a link
// that is expired, used or unknown gets a page saying which.
namespace MailedLinkPages {
void install(Router &router);
} // namespace MailedLinkPages

} // namespace quire::server
