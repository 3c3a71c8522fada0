// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QString>

namespace quire::shared {

// What an uploaded image is, read from its bytes (never from its name or
// declared type): PNG, JPEG, WebP or GIF with sane dimensions. Everything
// else is refused with a reason a person can act on; SVG and other markup
// above all, since it can carry scripts.
struct ImageType
{
    QString mime; // image/png, image/jpeg, image/webp, image/gif
    int width = 0;
    int height = 0;

    static Result<ImageType> sniff(const QByteArray &bytes);

    static constexpr int kMaxSide = 20000;
};

} // namespace quire::shared
