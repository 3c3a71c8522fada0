// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/fingerprint.h"

#include <QTest>

using namespace quire::shared;

// Certificate fingerprints as people type and compare them.
class TestFingerprint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalize_data()
    {
        const QString canonical = QStringLiteral(
            "78:85:6A:33:70:20:38:8F:02:7F:AC:72:F0:F4:E9:0C:8B:4B:D5:41:70:CF:E9:EC:F1:39:75:AD:D9:E7:F5:77");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("canonical") << canonical << canonical;
        QTest::newRow("lower") << canonical.toLower() << canonical;
        QTest::newRow("bare hex") << QString(canonical).remove(QLatin1Char(':')) << canonical;
        QTest::newRow("spaces") << QString(canonical).replace(QLatin1Char(':'), QLatin1Char(' ')) << canonical;
        QTest::newRow("too short") << canonical.left(60) << QString();
        QTest::newRow("too long") << canonical + QStringLiteral(":00") << QString();
        QTest::newRow("not hex") << QString(canonical).replace(0, 1, QStringLiteral("G")) << QString();
        QTest::newRow("non-ascii digit") << QString(canonical).replace(0, 1, QStringLiteral("٧")) << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const std::optional<QString> result = Fingerprint::normalize(input);
        if (expected.isEmpty())
            QVERIFY(!result);
        else
            QCOMPARE(result.value_or(QString()), expected);
    }

    void formatsDigest() { QCOMPARE(Fingerprint::format(QByteArray::fromHex("00ff10")), QStringLiteral("00:FF:10")); }
};

QTEST_GUILESS_MAIN(TestFingerprint)
#include "tst_fingerprint.moc"
