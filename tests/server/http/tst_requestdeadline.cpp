// SPDX-License-Identifier: GPL-3.0-or-later
// The slow-client rule alone, on a clock the test moves: a head has its own
// deadline however it trickles in; a body gets the same grace, then must
// keep to the least rate on average; nothing being read has no deadline.
#include "server/http/requestdeadline.h"

#include <QTest>

using quire::server::RequestDeadline;

class TestRequestDeadline : public QObject
{
    Q_OBJECT

private slots:
    void rule_data()
    {
        QTest::addColumn<QString>("reading"); // "head", "body" or "idle"
        QTest::addColumn<qint64>("elapsedMs"); // since it began
        QTest::addColumn<qint64>("bodyArrived"); // of 100,000 bytes
        QTest::addColumn<bool>("missed");
        QTest::newRow("head in time") << QStringLiteral("head") << qint64(999) << qint64(0) << false;
        QTest::newRow("head at the limit") << QStringLiteral("head") << qint64(1000) << qint64(0) << false;
        QTest::newRow("head late") << QStringLiteral("head") << qint64(1001) << qint64(0) << true;
        QTest::newRow("body in its grace, nothing yet") << QStringLiteral("body") << qint64(1000) << qint64(0) << false;
        QTest::newRow("body after grace, too slow") << QStringLiteral("body") << qint64(3000) << qint64(3000) << true;
        QTest::newRow("body after grace, fast enough")
            << QStringLiteral("body") << qint64(3000) << qint64(4000) << false;
        QTest::newRow("idle for long") << QStringLiteral("idle") << qint64(60'000) << qint64(0) << false;
    }
    // Limits: a one-second head, 2,000 bytes a second after it.
    void rule()
    {
        QFETCH(QString, reading);
        QFETCH(qint64, elapsedMs);
        QFETCH(qint64, bodyArrived);
        QFETCH(bool, missed);
        const RequestDeadline::Limits limits { 1000, 2000 };
        RequestDeadline d;
        const qint64 start = 1'000'000;
        if (reading == QLatin1String("head")) {
            d.readingHead(start);
            d.readingHead(start + elapsedMs / 2); // more bytes do not move the deadline
        } else if (reading == QLatin1String("body")) {
            d.readingBody(100'000, start);
            d.readingBody(std::uint64_t(100'000 - bodyArrived), start + elapsedMs);
        } else {
            d.readingHead(start);
            d.idle();
        }
        QCOMPARE(d.missed(limits, start + elapsedMs), missed);
    }

    // No least rate set: a body is never too slow, a head still is.
    void noLeastRate()
    {
        // Steady-clock times, never 0 (0 means "not reading").
        RequestDeadline d;
        d.readingBody(10, 5000);
        QVERIFY(!d.missed({ 1000, 0 }, 3'600'000));
        d.idle();
        d.readingHead(5000);
        QVERIFY(d.missed({ 1000, 0 }, 6001));
    }
};

QTEST_GUILESS_MAIN(TestRequestDeadline)
#include "tst_requestdeadline.moc"
