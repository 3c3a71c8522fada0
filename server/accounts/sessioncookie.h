// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

// The readers' session cookie. `__Host-` makes browsers insist on Secure,
// Path=/ and no Domain, so no other host can plant or read it.
inline constexpr char kSessionCookie[] = "__Host-quire_session";

} // namespace quire::server
