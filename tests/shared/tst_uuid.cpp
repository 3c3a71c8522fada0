// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/uuid.h"

#include <QDateTime>
#include <QSet>
#include <QTest>

using namespace quire::shared;

// UUIDv7 ids: format, version bits, time order and uniqueness under load.
class TestUuid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatAndVersion()
    {
        const QString id = Uuid::createV7();
        QCOMPARE(id.size(), 36);
        QVERIFY(Uuid::isValid(id));
        QVERIFY(Uuid::isV7(id));
        QCOMPARE(id, id.toLower());
        QCOMPARE(id[14], QLatin1Char('7'));
        QVERIFY(QStringLiteral("89ab").contains(id[19]));
    }

    void carriesItsTimestamp()
    {
        // Far enough ahead that no id made earlier in this process is later.
        const qint64 ms = QDateTime::currentMSecsSinceEpoch() + 1'000'000'000'000;
        const QString id = Uuid::createV7At(ms);
        QCOMPARE(Uuid::v7Timestamp(id), ms);
    }

    void monotonicWithinOneMillisecond()
    {
        // Ten thousand ids in one millisecond must still sort in creation order.
        const qint64 ms = QDateTime::currentMSecsSinceEpoch() + 10'000'000;
        QString previous;
        QSet<QString> seen;
        for (int i = 0; i < 10'000; ++i) {
            const QString id = Uuid::createV7At(ms);
            QVERIFY2(id > previous, qPrintable(id + QStringLiteral(" <= ") + previous));
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            previous = id;
        }
    }

    void clockGoingBackwardsKeepsOrder()
    {
        const qint64 ms = QDateTime::currentMSecsSinceEpoch() + 20'000'000;
        const QString a = Uuid::createV7At(ms);
        const QString b = Uuid::createV7At(ms - 60'000); // clock stepped back a minute
        QVERIFY(b > a);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("v7");
        QTest::newRow("v7") << QStringLiteral("01890a5d-ac96-774b-bcce-b302099a8057") << true << true;
        QTest::newRow("v7 upper") << QStringLiteral("01890A5D-AC96-774B-BCCE-B302099A8057") << true << true;
        QTest::newRow("v4") << QStringLiteral("f47ac10b-58cc-4372-a567-0e02b2c3d479") << true << false;
        QTest::newRow("v7 wrong variant") << QStringLiteral("01890a5d-ac96-774b-7cce-b302099a8057") << true << false;
        QTest::newRow("no dashes") << QStringLiteral("01890a5dac96774bbcceb302099a8057") << false << false;
        QTest::newRow("braces") << QStringLiteral("{01890a5d-ac96-774b-bcce-b302099a8057}") << false << false;
        QTest::newRow("not hex") << QStringLiteral("01890a5d-ac96-774b-bcce-b302099a805g") << false << false;
        QTest::newRow("empty") << QString() << false << false;
        QTest::newRow("sql") << QStringLiteral("' OR 1=1 --") << false << false;
    }

    void validation()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(bool, v7);
        QCOMPARE(Uuid::isValid(text), valid);
        QCOMPARE(Uuid::isV7(text), v7);
    }
};

QTEST_GUILESS_MAIN(TestUuid)
#include "tst_uuid.moc"
