// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/accounts/principal.h"
#include "server/http/httpmessage.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>

namespace quire::server {

class Router;
class WorkerServices;

// The readers' own pages on the cookie session: /sign-in (its form posts to
// /session), /saved (a reader's saved articles) and the save button's
// POST /saved/<article id>, which answers with a redirect back to the
// article. Usable without JavaScript; forms carry the session's CSRF token.
namespace ReaderPages {

void install(Router &router);

// The save button for article `articleId` as `reader` sees it (their CSRF
// token with it); for no reader, a link to sign in and come back to `path`.
QByteArray saveButton(WorkerServices &services, const Principal *reader, const QString &csrfToken,
                      const QString &articleId, const QString &path);

// The signed-in reader of a browser request and their CSRF token, if its
// session cookie is valid (for pages anyone may open).
std::optional<std::pair<Principal, QString>> reader(const HttpRequest &request, WorkerServices &services);

} // namespace ReaderPages
} // namespace quire::server
