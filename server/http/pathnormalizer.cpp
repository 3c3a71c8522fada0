// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/pathnormalizer.h"

#include <QByteArrayList>
#include <QStringList>

namespace quire::server::PathNormalizer {

std::optional<QString> normalize(const QByteArray &rawPath)
{
    QByteArray path = rawPath;
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path.truncate(q);
    if (const qsizetype h = path.indexOf('#'); h >= 0)
        path.truncate(h);
    if (!path.startsWith('/'))
        return std::nullopt;
    QStringList segments;
    const QByteArrayList parts = path.split('/');
    for (const QByteArray &part : parts) {
        const QByteArray decoded = QByteArray::fromPercentEncoding(part);
        if (decoded.contains('/') || decoded.contains('\\') || decoded.contains('\0'))
            return std::nullopt;
        const QString segment = QString::fromUtf8(decoded);
        if (segment.contains(QChar::ReplacementCharacter))
            return std::nullopt; // not UTF-8
        if (segment.isEmpty() || segment == QLatin1String("."))
            continue;
        if (segment == QLatin1String("..")) {
            if (!segments.isEmpty())
                segments.removeLast();
            continue;
        }
        segments << segment;
    }
    return QLatin1Char('/') + segments.join(QLatin1Char('/'));
}

} // namespace quire::server::PathNormalizer
