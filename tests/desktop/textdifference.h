// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTest>

#include <algorithm>

namespace quire::test {

// Where two texts part, for failure messages: the offset and 160
// characters around it of each, line endings and tabs made visible.
inline QByteArray difference(const QString &actual, const QString &expected)
{
    qsizetype i = 0;
    while (i < actual.size() && i < expected.size() && actual[i] == expected[i])
        ++i;
    const auto around = [i](const QString &s) {
        QString t = s.mid(std::max<qsizetype>(0, i - 60), 160);
        t.replace(QLatin1Char('\n'), QStringLiteral("⏎"));
        t.replace(QLatin1Char('\r'), QStringLiteral("␍"));
        t.replace(QLatin1Char('\t'), QStringLiteral("→"));
        return t;
    };
    return QStringLiteral("differ at %1:\n   actual:   «%2»\n   expected: «%3»")
        .arg(i)
        .arg(around(actual), around(expected))
        .toUtf8();
}

} // namespace quire::test

// QCOMPARE for long texts: says where they part instead of printing both.
#define COMPARE_TEXT(actual, expected)                                                                                 \
    do {                                                                                                               \
        const QString a_ = (actual);                                                                                   \
        const QString e_ = (expected);                                                                                 \
        QVERIFY2(a_ == e_, quire::test::difference(a_, e_).constData());                                               \
    } while (false)
