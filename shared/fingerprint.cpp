// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/fingerprint.h"

#include <QCryptographicHash>

#include <cctype>

namespace quire::shared::Fingerprint {

QString format(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QString ofCertificate(const QSslCertificate &certificate)
{
    return format(certificate.digest(QCryptographicHash::Sha256));
}

std::optional<QString> normalize(const QString &text)
{
    QByteArray hex;
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c == QLatin1Char(' '))
            continue;
        if (c.unicode() > 0x7f || !std::isxdigit(static_cast<unsigned char>(c.toLatin1())))
            return std::nullopt;
        hex.append(c.toLatin1());
    }
    if (hex.size() != 64)
        return std::nullopt;
    return format(QByteArray::fromHex(hex));
}

} // namespace quire::shared::Fingerprint
