// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace quire::server {

// Bearer secrets: 256 random bits, URL-safe, with a short prefix saying what
// they are ("qa_" access, "qr_" refresh, "qt_" one-time mail tokens) so a
// leaked one is recognisable. Only their SHA-256 is ever stored.
namespace Tokens {

QString generate(const char *prefix);
// Hex SHA-256 of the token text: what the database keeps and looks up.
QString hash(const QString &token);
// Constant-time comparison for secrets held in memory.
bool equal(const QByteArray &a, const QByteArray &b);

// Seals `plain` (XSalsa20-Poly1305) under a key derived from the token
// `keyToken` with BLAKE2b, unrelated to the SHA-256 the database keeps: only
// someone who holds that token can open it, not someone who reads the
// database. `open` answers an empty array when the box does not open.
QByteArray seal(const QByteArray &plain, const QString &keyToken);
QByteArray open(const QByteArray &box, const QString &keyToken);

} // namespace Tokens
} // namespace quire::server
