// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/utf8.h"

#include "shared/tr.h"

#include <QStringDecoder>

namespace quire::shared::Utf8 {

std::optional<qsizetype> firstInvalid(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        // Table 3-7: the lead byte fixes the length and the range of the
        // second byte, which is what rules out overlong forms, surrogates
        // (ED A0..BF) and code points above U+10FFFF (F4 90.., F5..FF).
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            if (b == 0xE0)
                low = 0xA0;
            else if (b == 0xED)
                high = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            if (b == 0xF0)
                low = 0x90;
            else if (b == 0xF4)
                high = 0x8F;
        } else {
            return i; // C0, C1, F5..FF or a stray continuation byte
        }
        if (i + 1 >= n || p[i + 1] < low || p[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (i + k >= n || p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return std::nullopt;
}

QString decode(QByteArrayView bytes)
{
    // ConvertInitialBom: a leading EF BB BF is text like any other here.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::ConvertInitialBom | QStringDecoder::Flag::Stateless);
    return decoder.decode(bytes);
}

Result<QString> decodeStrict(QByteArrayView bytes, const QString &what)
{
    if (const std::optional<qsizetype> bad = firstInvalid(bytes)) {
        return Error::make(ErrorCode::NotUtf8,
                           Tr::tr("%1 is not UTF-8 text: the byte at offset %2 (0x%3) does not belong to a valid "
                                  "UTF-8 sequence.")
                               .arg(what)
                               .arg(*bad)
                               .arg(quint8(bytes[*bad]), 2, 16, QLatin1Char('0')));
    }
    return decode(bytes);
}

} // namespace quire::shared::Utf8
