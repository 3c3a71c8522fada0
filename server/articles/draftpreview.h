// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// Drafts shown through a signed link that expires: whoever may see an
// article asks for a link (POST /api/v1/guides/:id/preview-link, or
// /case-studies/), and anyone holding it sees the article's current text at
// /preview/<token> until it expires, without signing in. The token is the
// article id and the expiry, signed with HMAC-SHA256 under a secret kept in
// the database; it is never logged.
namespace DraftPreview {
void install(Router &router);
}

} // namespace quire::server
