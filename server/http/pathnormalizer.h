// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace quire::server {

// Turns the raw request path into the one form routing and authorisation
// see: percent-decoded once, `.` and `..` resolved (never above the root),
// repeated and trailing slashes dropped. `/admin/users/`, `//admin/./users`
// and `/admin/%2e/users` all become `/admin/users`. A path whose decoded
// segments hide a slash, a backslash or a NUL is refused (nullopt), since
// another layer could split it differently.
namespace PathNormalizer {
std::optional<QString> normalize(const QByteArray &rawPath);
}

} // namespace quire::server
