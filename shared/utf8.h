// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArrayView>
#include <QString>

#include <optional>
#include <string>

namespace quire::shared {

// UTF-8 text in and out of QString without changing a byte. Qt's
// QString::fromUtf8 drops a leading byte-order mark, so text that starts
// with U+FEFF would lose it on the way in; here every well-formed sequence
// (noncharacters such as U+FFFF and a BOM anywhere included) is kept and
// only ill-formed UTF-8 (Unicode table 3-7) is refused.
namespace Utf8 {

// Offset of the first byte that is not part of well-formed UTF-8, or
// nullopt when all of `bytes` is well formed.
std::optional<qsizetype> firstInvalid(QByteArrayView bytes);
inline bool isValid(QByteArrayView bytes)
{
    return !firstInvalid(bytes).has_value();
}

// The text of well-formed UTF-8, every character kept (a leading BOM too).
// Ill-formed bytes become U+FFFD; check with isValid() or decodeStrict() first.
QString decode(QByteArrayView bytes);
inline QString decode(const std::string &bytes)
{
    return decode(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
}

// decode(), or an Error "not_utf8" naming `what` and where the bad byte is.
Result<QString> decodeStrict(QByteArrayView bytes, const QString &what);

} // namespace Utf8
} // namespace quire::shared
