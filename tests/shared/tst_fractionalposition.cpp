// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/fractionalposition.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>

using namespace quire::shared;

namespace {

// The order SQLite's BINARY collation and the desktop use: bytes, memcmp.
bool bytesBefore(const QString &a, const QString &b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    const int common = std::memcmp(x.constData(), y.constData(), size_t(qMin(x.size(), y.size())));
    return common < 0 || (common == 0 && x.size() < y.size());
}

} // namespace

// Order keys for group members: always strictly between, valid, short for
// the patterns people use, and in the same order as bytes.
class TestFractionalPosition : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void betweenIsStrictlyBetween_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("empty list") << QString() << QString();
        QTest::newRow("after the first") << QStringLiteral("a0") << QString();
        QTest::newRow("before the first") << QString() << QStringLiteral("a0");
        QTest::newRow("neighbours") << QStringLiteral("a0") << QStringLiteral("a1");
        QTest::newRow("fraction") << QStringLiteral("a0") << QStringLiteral("a0V");
        QTest::newRow("deep fraction") << QStringLiteral("a0zzzz1") << QStringLiteral("a0zzzz2");
        QTest::newRow("integer lengths") << QStringLiteral("Zz") << QStringLiteral("a0");
        QTest::newRow("top of a length") << QStringLiteral("az") << QString();
        QTest::newRow("bottom of a length") << QString() << QStringLiteral("Z0");
        QTest::newRow("largest integer") << QStringLiteral("z") + QString(26, QLatin1Char('z')) << QString();
        QTest::newRow("just above smallest")
            << QString() << QStringLiteral("A") + QString(26, QLatin1Char('0')) + QLatin1Char('1');
    }
    void betweenIsStrictlyBetween()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        const auto key = FractionalPosition::between(before, after);
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message));
        QVERIFY2(FractionalPosition::isValid(*key), qPrintable(*key));
        if (!before.isEmpty())
            QVERIFY2(bytesBefore(before, *key), qPrintable(before + QStringLiteral(" !< ") + *key));
        if (!after.isEmpty())
            QVERIFY2(bytesBefore(*key, after), qPrintable(*key + QStringLiteral(" !< ") + after));
    }

    void refusesBadBounds_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("equal") << QStringLiteral("a1") << QStringLiteral("a1");
        QTest::newRow("reversed") << QStringLiteral("a2") << QStringLiteral("a1");
        QTest::newRow("trailing zero") << QStringLiteral("a10") << QString();
        QTest::newRow("bad head") << QStringLiteral("!") << QString();
        QTest::newRow("short integer") << QStringLiteral("b1") << QString();
        QTest::newRow("not a digit") << QString() << QStringLiteral("a-");
        QTest::newRow("not ascii") << QString() << QStringLiteral("a\u00e9");
        QTest::newRow("smallest") << QString() << QStringLiteral("A") + QString(26, QLatin1Char('0'));
    }
    void refusesBadBounds()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        const auto key = FractionalPosition::between(before, after);
        QVERIFY(!key.ok());
        QVERIFY(key.error().is(ErrorCode::ValidationFailed));
        QVERIFY(!FractionalPosition::spread(3, before, after).ok());
    }

    // Common patterns must stay short: appending and prepending grow
    // logarithmically, inserting at one spot about a character per five.
    void commonPatternsStayShort_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("maxLength");
        QTest::newRow("append") << QStringLiteral("append") << 10'000 << 5;
        QTest::newRow("prepend") << QStringLiteral("prepend") << 10'000 << 5;
        QTest::newRow("after the first") << QStringLiteral("afterFirst") << 600 << 150;
        QTest::newRow("before the last") << QStringLiteral("beforeLast") << 600 << 150;
    }
    void commonPatternsStayShort()
    {
        QFETCH(QString, pattern);
        QFETCH(int, count);
        QFETCH(int, maxLength);
        QStringList keys { *FractionalPosition::between({}, {}) };
        keys.append(*FractionalPosition::between(keys.first(), {}));
        for (int i = 0; i < count; ++i) {
            int at = 0;
            if (pattern == QLatin1String("append"))
                at = int(keys.size());
            else if (pattern == QLatin1String("afterFirst"))
                at = 1;
            else if (pattern == QLatin1String("beforeLast"))
                at = int(keys.size()) - 1;
            const QString before = at > 0 ? keys.at(at - 1) : QString();
            const QString after = at < keys.size() ? keys.at(at) : QString();
            const auto key = FractionalPosition::between(before, after);
            QVERIFY(key.ok());
            QVERIFY2(key->size() <= maxLength, qPrintable(*key));
            keys.insert(at, *key);
        }
        for (int i = 1; i < keys.size(); ++i)
            QVERIFY2(bytesBefore(keys.at(i - 1), keys.at(i)),
                     qPrintable(keys.at(i - 1) + QLatin1Char(' ') + keys.at(i)));
    }

    // Random insertions anywhere (the shape of drag-and-drop reordering) keep
    // the list strictly ordered and every key valid.
    void randomInsertionsKeepOrder_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("count");
        for (quint32 seed : { 1u, 7u, 42u, 2024u, 65535u })
            QTest::addRow("seed %u", seed) << seed << 2000;
    }
    void randomInsertionsKeepOrder()
    {
        QFETCH(quint32, seed);
        QFETCH(int, count);
        QRandomGenerator random(seed);
        QStringList keys;
        for (int i = 0; i < count; ++i) {
            const int at = int(random.bounded(keys.size() + 1));
            const QString before = at > 0 ? keys.at(at - 1) : QString();
            const QString after = at < keys.size() ? keys.at(at) : QString();
            const auto key = FractionalPosition::between(before, after);
            QVERIFY2(key.ok(), qPrintable(before + QLatin1Char(' ') + after));
            QVERIFY(FractionalPosition::isValid(*key));
            QVERIFY(before.isEmpty() || bytesBefore(before, *key));
            QVERIFY(after.isEmpty() || bytesBefore(*key, after));
            keys.insert(at, *key);
        }
        QStringList sorted = keys;
        std::sort(sorted.begin(), sorted.end(), bytesBefore);
        QCOMPARE(sorted, keys);
        // QString's order (what the desktop's models sort by) agrees.
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, keys);
    }

    void spreadMakesOrderedFreshKeys_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<int>("maxLength");
        QTest::newRow("none") << 0 << QString() << QString() << 0;
        QTest::newRow("one") << 1 << QString() << QString() << 2;
        QTest::newRow("a fresh list") << 1000 << QString() << QString() << 3;
        QTest::newRow("after a key") << 100 << QStringLiteral("a5") << QString() << 3;
        QTest::newRow("before a key") << 100 << QString() << QStringLiteral("a5") << 3;
        QTest::newRow("between neighbours") << 1000 << QStringLiteral("a5") << QStringLiteral("a6") << 5;
    }
    void spreadMakesOrderedFreshKeys()
    {
        QFETCH(int, n);
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(int, maxLength);
        const auto keys = FractionalPosition::spread(n, before, after);
        QVERIFY(keys.ok());
        QCOMPARE(keys->size(), n);
        QString previous = before;
        for (const QString &key : *keys) {
            QVERIFY2(FractionalPosition::isValid(key), qPrintable(key));
            QVERIFY2(key.size() <= maxLength, qPrintable(key));
            QVERIFY(previous.isEmpty() || bytesBefore(previous, key));
            previous = key;
        }
        QVERIFY(after.isEmpty() || n == 0 || bytesBefore(keys->last(), after));
    }
};

QTEST_APPLESS_MAIN(TestFractionalPosition)
#include "tst_fractionalposition.moc"
