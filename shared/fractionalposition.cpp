// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/fractionalposition.h"

#include "shared/tr.h"

#include <algorithm>
#include <optional>
#include <string>

namespace quire::shared::FractionalPosition {
namespace {

// Base 62 in ASCII order, so digit order is byte order.
constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int kBase = 62;
constexpr char kZero = '0';
constexpr char kTop = 'z';

int digitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 36;
    return -1;
}

// The length of the integer part a head letter announces, or 0 for no head.
int integerLength(char head)
{
    if (head >= 'a' && head <= 'z')
        return head - 'a' + 2;
    if (head >= 'A' && head <= 'Z')
        return 'Z' - head + 2;
    return 0;
}

// The smallest integer part: a key equal to it has no key before it.
const std::string &smallestInteger()
{
    static const std::string s = 'A' + std::string(26, kZero);
    return s;
}

bool validKey(const std::string &key)
{
    if (key.empty() || key == smallestInteger())
        return false;
    const int length = integerLength(key[0]);
    if (length == 0 || std::size_t(length) > key.size())
        return false;
    for (std::size_t i = 1; i < key.size(); ++i) {
        if (digitValue(key[i]) < 0)
            return false;
    }
    return key.size() == std::size_t(length) || key.back() != kZero;
}

// A fraction strictly between fractions a and b (b empty = 1), neither with
// a trailing zero; a < b is the caller's promise.
std::string midpoint(const std::string &a, const std::string &b, bool bOpen)
{
    if (!bOpen) {
        std::size_t n = 0;
        while (n < b.size() && (n < a.size() ? a[n] : kZero) == b[n])
            ++n;
        if (n > 0) {
            std::string key = b.substr(0, n);
            key.append(midpoint(n < a.size() ? a.substr(n) : std::string(), b.substr(n), false));
            return key;
        }
    }
    const int digitA = a.empty() ? 0 : digitValue(a[0]);
    const int digitB = bOpen ? kBase : digitValue(b[0]);
    if (digitB - digitA > 1)
        return std::string(1, kDigits[(digitA + digitB + 1) / 2]);
    if (!bOpen && b.size() > 1)
        return b.substr(0, 1);
    // GCC 12 warns (-Wrestrict, falsely) on operator+ with a returned string.
    std::string key(1, kDigits[digitA]);
    key.append(midpoint(a.empty() ? std::string() : a.substr(1), {}, true));
    return key;
}

std::optional<std::string> incrementInteger(const std::string &x)
{
    std::string digits = x.substr(1);
    char head = x[0];
    bool carry = true;
    for (int i = int(digits.size()) - 1; carry && i >= 0; --i) {
        const int d = digitValue(digits[i]) + 1;
        if (d == kBase) {
            digits[i] = kZero;
        } else {
            digits[i] = kDigits[d];
            carry = false;
        }
    }
    if (!carry)
        return head + digits;
    if (head == 'Z')
        return std::string("a") + kZero;
    if (head == 'z')
        return std::nullopt;
    ++head;
    if (head > 'a')
        digits.push_back(kZero);
    else
        digits.pop_back();
    return head + digits;
}

std::optional<std::string> decrementInteger(const std::string &x)
{
    std::string digits = x.substr(1);
    char head = x[0];
    bool borrow = true;
    for (int i = int(digits.size()) - 1; borrow && i >= 0; --i) {
        const int d = digitValue(digits[i]) - 1;
        if (d < 0) {
            digits[i] = kTop;
        } else {
            digits[i] = kDigits[d];
            borrow = false;
        }
    }
    if (!borrow)
        return head + digits;
    if (head == 'a')
        return std::string("Z") + kTop;
    if (head == 'A')
        return std::nullopt;
    --head;
    if (head < 'Z')
        digits.push_back(kTop);
    else
        digits.pop_back();
    return head + digits;
}

std::string integerPart(const std::string &key)
{
    return key.substr(0, std::size_t(integerLength(key[0])));
}

Error invalid(const QString &message)
{
    return Error::make(ErrorCode::ValidationFailed, message);
}

Result<std::string> keyBetween(const std::string &a, const std::string &b)
{
    if (a.empty() && b.empty())
        return std::string("a") + kZero;
    if (a.empty()) {
        const std::string ib = integerPart(b);
        const std::string fb = b.substr(ib.size());
        if (ib == smallestInteger())
            return ib + midpoint({}, fb, false);
        if (ib < b)
            return ib;
        const auto lower = decrementInteger(ib);
        if (!lower)
            return invalid(Tr::tr("No position is left before %1.").arg(QString::fromLatin1(b)));
        return *lower;
    }
    const std::string ia = integerPart(a);
    const std::string fa = a.substr(ia.size());
    if (b.empty()) {
        const auto higher = incrementInteger(ia);
        return higher ? *higher : ia + midpoint(fa, {}, true);
    }
    const std::string ib = integerPart(b);
    if (ia == ib)
        return ia + midpoint(fa, b.substr(ib.size()), false);
    const auto higher = incrementInteger(ia);
    if (higher && *higher < b)
        return *higher;
    return ia + midpoint(fa, {}, true);
}

Result<QStringList> spreadKeys(int n, const std::string &a, const std::string &b)
{
    QStringList keys;
    if (n <= 0)
        return keys;
    if (b.empty() || a.empty()) {
        // Open at one end: step away from the closed end, which keeps every
        // key at the shortest length the integer part allows.
        std::string edge = b.empty() ? a : b;
        for (int i = 0; i < n; ++i) {
            auto next = b.empty() ? keyBetween(edge, {}) : keyBetween({}, edge);
            if (!next)
                return next.error();
            edge = *next;
            keys.append(QString::fromLatin1(edge));
        }
        if (!b.empty())
            std::reverse(keys.begin(), keys.end());
        return keys;
    }
    // Closed at both ends: halve the interval recursively so no key is
    // longer than log2(n) steps below the midpoint.
    auto middle = keyBetween(a, b);
    if (!middle)
        return middle.error();
    const int half = n / 2;
    auto left = spreadKeys(half, a, *middle);
    if (!left)
        return left.error();
    auto right = spreadKeys(n - half - 1, *middle, b);
    if (!right)
        return right.error();
    keys = *left;
    keys.append(QString::fromLatin1(*middle));
    keys.append(*right);
    return keys;
}

VoidResult checkBounds(const QString &before, const QString &after)
{
    if (!before.isEmpty() && !isValid(before))
        return invalid(Tr::tr("\"%1\" is not a position.").arg(before));
    if (!after.isEmpty() && !isValid(after))
        return invalid(Tr::tr("\"%1\" is not a position.").arg(after));
    if (!before.isEmpty() && !after.isEmpty() && !(before < after))
        return invalid(Tr::tr("Position %1 is not before %2.").arg(before, after));
    return {};
}

} // namespace

bool isValid(const QString &key)
{
    for (const QChar c : key) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return validKey(key.toStdString());
}

Result<QString> between(const QString &before, const QString &after)
{
    if (const auto checked = checkBounds(before, after); !checked)
        return checked.error();
    auto key = keyBetween(before.toStdString(), after.toStdString());
    if (!key)
        return key.error();
    return QString::fromLatin1(*key);
}

Result<QStringList> spread(int n, const QString &before, const QString &after)
{
    if (const auto checked = checkBounds(before, after); !checked)
        return checked.error();
    if (before.isEmpty() && after.isEmpty() && n > 0) {
        // A fresh list: start in the middle so both ends have room.
        auto keys = spreadKeys(n - 1, "a0", {});
        if (!keys)
            return keys;
        keys->prepend(QStringLiteral("a0"));
        return keys;
    }
    return spreadKeys(n, before.toStdString(), after.toStdString());
}

} // namespace quire::shared::FractionalPosition
