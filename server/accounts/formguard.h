// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "shared/result.h"

#include <QByteArray>
#include <QString>

namespace quire::server {

class WorkerServices;

// Cross-site request protection for the readers' forms that have no session
// to carry a CSRF token: sign-in, and the pages behind mailed links.
namespace FormGuard {

// The cookie of the signed double-submit. `__Host-`: no other host, not
// even a sibling subdomain, can plant one.
inline constexpr char kCookie[] = "__Host-quire_form";

// True when the browser says the post came from another site: an Origin
// other than the public address (browsers send it with cross-site posts;
// "null" is let through, as Chrome sends it from pages with
// `Referrer-Policy: no-referrer`, ours included), or a Sec-Fetch-Site of
// cross-site or same-site.
bool fromAnotherSite(const HttpRequest &request, const QString &publicBaseUrl);

// What a form page puts in its hidden `csrf_token` field, and the
// Set-Cookie header for the browser (empty when it already holds a cookie).
struct Issued
{
    QString field;
    QByteArray setCookie;
};

// Signed double-submit: a random cookie, and a field that is the HMAC of that
// cookie and `binding` (what the form acts on, such as the mailed link's
// token) under a key kept in the database. Another site can neither read
// nor set the cookie, so it cannot make a field that matches.
shared::Result<Issued> issue(const HttpRequest &request, WorkerServices &services, const QString &binding);

// True when the post is from this site and `field` matches the request's
// cookie and `binding`.
shared::Result<bool> check(const HttpRequest &request, WorkerServices &services, const QString &binding,
                           const QString &field);

} // namespace FormGuard
} // namespace quire::server
