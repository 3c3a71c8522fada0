// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "server/site/pagecache.h"
#include "shared/result.h"

#include <QByteArray>
#include <QString>

namespace quire::server {

class WorkerServices;

// The readers' site header as a signed-in reader sees it: who they are,
// Saved and a Sign out form, in place of the shared pages' "Sign in". Such
// a page is made for one reader: never taken from or put into the page
// cache, and no other cache may keep it.
namespace AccountHeader {

// The anonymous header's account links (resources/templates/partial-header.html),
// exactly as every shared page carries them.
inline constexpr char kAnonymousLinks[]
    = "<a href=\"/saved\">Saved</a> <a class=\"sign-in\" href=\"/sign-in\">Sign in</a>";

// The account links for a reader named `name` (their email when they have
// no name); the Sign out form carries the session's CSRF token.
QByteArray links(const QString &name, const QString &csrfToken);

// `html` (a page rendered for everyone) with the anonymous links replaced
// by `links`; an error when the page has no such links to replace.
shared::Result<QByteArray> personalise(const QByteArray &html, const QByteArray &links);

// `html` as the reader `userId` sees it: their name (their email when they
// have none) and `csrfToken` in the header's links.
shared::Result<QByteArray> forReader(WorkerServices &services, const QString &userId, const QString &csrfToken,
                                     const QByteArray &html);

// The answer for `page` made for the signed-in reader of `request`
// (`userId`, `csrfToken`): the account header in it, never cached.
HttpResponse respond(WorkerServices &services, const HttpRequest &request, const QString &userId,
                     const QString &csrfToken, const PageCache::Page &page);

} // namespace AccountHeader
} // namespace quire::server
