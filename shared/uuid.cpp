// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/uuid.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <array>
#include <mutex>

namespace quire::shared::Uuid {
namespace {

struct V7State
{
    std::mutex mutex;
    qint64 lastMs = -1;
    quint16 counter = 0; // the 12-bit rand_a field, used as a counter
};

V7State &state()
{
    static V7State s;
    return s;
}

QString format(const std::array<quint8, 16> &b)
{
    static constexpr char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.append(QLatin1Char('-'));
        out.append(QLatin1Char(hex[b[size_t(i)] >> 4]));
        out.append(QLatin1Char(hex[b[size_t(i)] & 0xf]));
    }
    return out;
}

QString build(qint64 ms, quint16 counter)
{
    std::array<quint8, 16> b {};
    for (int i = 0; i < 6; ++i)
        b[size_t(i)] = quint8((quint64(ms) >> (8 * (5 - i))) & 0xff);
    b[6] = quint8(0x70 | ((counter >> 8) & 0x0f));
    b[7] = quint8(counter & 0xff);
    const quint64 rnd = QRandomGenerator::system()->generate64();
    for (int i = 8; i < 16; ++i)
        b[size_t(i)] = quint8((rnd >> (8 * (15 - i))) & 0xff);
    b[8] = quint8(0x80 | (b[8] & 0x3f)); // RFC 9562 variant 10xx
    return format(b);
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace

QString createV7At(qint64 unixMs)
{
    V7State &s = state();
    std::lock_guard lock(s.mutex);
    qint64 ms = unixMs;
    if (ms <= s.lastMs) {
        // Same (or an earlier) millisecond: keep ids increasing by counting up,
        // and borrow the next millisecond when the counter runs out.
        ms = s.lastMs;
        if (++s.counter > 0x0fff) {
            ++ms;
            s.counter = quint16(QRandomGenerator::system()->bounded(0x0800));
        }
    } else {
        // A random start in the lower half leaves room to count up.
        s.counter = quint16(QRandomGenerator::system()->bounded(0x0800));
    }
    s.lastMs = ms;
    return build(ms, s.counter);
}

QString createV7()
{
    return createV7At(QDateTime::currentMSecsSinceEpoch());
}

bool isValid(const QString &text)
{
    if (text.size() != 36)
        return false;
    for (int i = 0; i < 36; ++i) {
        const bool dash = (i == 8 || i == 13 || i == 18 || i == 23);
        if (dash != (text[i] == QLatin1Char('-')))
            return false;
        if (!dash && hexValue(text[i]) < 0)
            return false;
    }
    return true;
}

bool isV7(const QString &text)
{
    if (!isValid(text))
        return false;
    const int variant = hexValue(text[19]);
    return text[14] == QLatin1Char('7') && variant >= 8 && variant <= 11;
}

qint64 v7Timestamp(const QString &text)
{
    if (!isV7(text))
        return -1;
    qint64 ms = 0;
    for (int i = 0; i < 13; ++i) {
        if (i == 8)
            continue;
        ms = (ms << 4) | hexValue(text[i]);
    }
    return ms;
}

} // namespace quire::shared::Uuid
