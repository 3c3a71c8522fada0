// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QRandomGenerator>

namespace quire::test {

// Real images of each accepted type, made here: PNG and JPEG by Qt's
// writers, GIF and WebP as the smallest valid files of their formats.
namespace TestImages {

inline QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

inline QByteArray png(int w = 3, int h = 2, QRgb colour = qRgb(200, 30, 30))
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(colour);
    return encoded(image, "PNG");
}

inline QByteArray jpeg(int w = 4, int h = 5)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(qRgb(10, 120, 200));
    return encoded(image, "JPEG");
}

// Random pixels do not compress: a PNG of about 3 bytes per pixel.
inline QByteArray noisePng(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x)
            image.setPixel(x, y, random.generate() | 0xff000000);
    }
    return encoded(image, "PNG");
}

inline QByteArray gif()
{
    return QByteArray::fromHex(
        "47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b");
}

inline QByteArray webp()
{
    return QByteArray::fromHex("524946461a000000574542505650384c0d0000002f00000010071011118888fe0700");
}

} // namespace TestImages
} // namespace quire::test
