// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/imagetype.h"

#include "shared/tr.h"

namespace quire::shared {

namespace {

quint32 be16(const QByteArray &b, qsizetype at)
{
    return (quint32(uchar(b[at])) << 8) | uchar(b[at + 1]);
}

quint32 be32(const QByteArray &b, qsizetype at)
{
    return (be16(b, at) << 16) | be16(b, at + 2);
}

quint32 le16(const QByteArray &b, qsizetype at)
{
    return quint32(uchar(b[at])) | (quint32(uchar(b[at + 1])) << 8);
}

quint32 le24(const QByteArray &b, qsizetype at)
{
    return le16(b, at) | (quint32(uchar(b[at + 2])) << 16);
}

Error refused(const QString &message)
{
    return Error::make(ErrorCode::UnsupportedMediaType, message);
}

Error damaged(const char *format)
{
    return refused(Tr::tr("The file looks like a %1 image but is damaged or cut short.").arg(QLatin1String(format)));
}

Result<ImageType> png(const QByteArray &b)
{
    // Signature, then IHDR first; the last chunk must be IEND, so a file cut
    // short in transit is refused rather than stored broken.
    static const QByteArray iend = QByteArray::fromHex("0000000049454e44ae426082");
    if (b.size() < 8 + 25 + 12 || b.mid(12, 4) != "IHDR" || be32(b, 8) != 13 || !b.endsWith(iend))
        return damaged("PNG");
    return ImageType { QStringLiteral("image/png"), int(be32(b, 16)), int(be32(b, 20)) };
}

Result<ImageType> jpeg(const QByteArray &b)
{
    qsizetype at = 2;
    while (at + 4 <= b.size()) {
        if (uchar(b[at]) != 0xFF)
            return damaged("JPEG");
        const uchar marker = uchar(b[at + 1]);
        if (marker == 0xFF) {
            ++at; // fill byte
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            at += 2;
            continue;
        }
        const qsizetype length = be16(b, at + 2);
        if (length < 2 || at + 2 + length > b.size())
            return damaged("JPEG");
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) {
            if (length < 7)
                return damaged("JPEG");
            // The end-of-image marker must come; trailing bytes after it are tolerated.
            if (!b.mid(at).contains(QByteArray::fromHex("ffd9")))
                return damaged("JPEG");
            return ImageType { QStringLiteral("image/jpeg"), int(be16(b, at + 7)), int(be16(b, at + 5)) };
        }
        at += 2 + length;
    }
    return damaged("JPEG");
}

Result<ImageType> gif(const QByteArray &b)
{
    if (b.size() < 14 || !b.endsWith(';'))
        return damaged("GIF");
    return ImageType { QStringLiteral("image/gif"), int(le16(b, 6)), int(le16(b, 8)) };
}

Result<ImageType> webp(const QByteArray &b)
{
    if (b.size() < 30 || qsizetype(le16(b, 4) | (le16(b, 6) << 16)) + 8 != b.size())
        return damaged("WebP");
    const QByteArray chunk = b.mid(12, 4);
    if (chunk == "VP8 ") {
        if (uchar(b[23]) != 0x9d || uchar(b[24]) != 0x01 || uchar(b[25]) != 0x2a)
            return damaged("WebP");
        return ImageType { QStringLiteral("image/webp"), int(le16(b, 26) & 0x3fff), int(le16(b, 28) & 0x3fff) };
    }
    if (chunk == "VP8L") {
        if (uchar(b[20]) != 0x2f)
            return damaged("WebP");
        const quint32 bits = le16(b, 21) | (le16(b, 23) << 16);
        return ImageType { QStringLiteral("image/webp"), int((bits & 0x3fff) + 1), int(((bits >> 14) & 0x3fff) + 1) };
    }
    if (chunk == "VP8X")
        return ImageType { QStringLiteral("image/webp"), int(le24(b, 24) + 1), int(le24(b, 27) + 1) };
    return damaged("WebP");
}

} // namespace

Result<ImageType> ImageType::sniff(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return Error::make(ErrorCode::ValidationFailed, Tr::tr("The file is empty."));
    Result<ImageType> found = refused(Tr::tr("Only PNG, JPEG, WebP and GIF images can be uploaded."));
    if (bytes.startsWith(QByteArray::fromHex("89504e470d0a1a0a")))
        found = png(bytes);
    else if (bytes.startsWith(QByteArray::fromHex("ffd8ff")))
        found = jpeg(bytes);
    else if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        found = gif(bytes);
    else if (bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        found = webp(bytes);
    else {
        // Markup (SVG, HTML) gets its own reason: it is refused on purpose.
        QByteArray head = bytes.left(512).trimmed();
        if (head.startsWith("\xEF\xBB\xBF"))
            head = head.mid(3).trimmed();
        if (head.startsWith('<'))
            return refused(Tr::tr("SVG and other markup files are not accepted: they can carry scripts. Export the "
                                  "image as PNG or WebP."));
    }
    if (!found)
        return found;
    if (found->width < 1 || found->height < 1 || found->width > kMaxSide || found->height > kMaxSide)
        return refused(Tr::tr("Images must be between 1 and %1 pixels on each side.").arg(kMaxSide));
    return found;
}

} // namespace quire::shared
