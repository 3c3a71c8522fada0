// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace quire::shared {

// SHA-256 certificate fingerprints as people compare them: upper-case hex
// pairs joined by colons. The server prints its own at start; the desktop
// shows the one it was offered and pins it (trust on first use).
namespace Fingerprint {

QString ofCertificate(const QSslCertificate &certificate);
QString format(const QByteArray &digest);

// Accepts upper or lower case, with or without colons or spaces; nullopt if
// the text is not 32 bytes of hex.
std::optional<QString> normalize(const QString &text);

} // namespace Fingerprint
} // namespace quire::shared
