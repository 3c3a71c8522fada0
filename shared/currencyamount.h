// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace quire::shared {

// Money as the scheduler's financial metrics keep it: a whole number of the
// currency's minor unit (cents; yen have none, dinars three) beside an ISO
// 4217 code, never a floating-point number, so sums are exact and amounts
// of different currencies are never added by accident.
class CurrencyAmount
{
public:
    // At most this many digits before the point: sums of years of daily
    // rows stay far inside 64 bits.
    static constexpr int kMaxWholeDigits = 12;

    // The digits after the point `code` has, or -1 when it names no
    // currency (codes are upper case, like EUR).
    static int minorDigits(QStringView code);
    static bool isCurrency(QStringView code) { return minorDigits(code) >= 0; }
    // "12.5" EUR -> 1250: digits, at most one point and no more digits after
    // it than the currency has; no sign, no separators. nullopt otherwise.
    static std::optional<qint64> parse(QStringView text, QStringView code);
    // 1250 EUR -> "12.50", 1250 JPY -> "1250".
    static QString format(qint64 minor, QStringView code);
};

} // namespace quire::shared
