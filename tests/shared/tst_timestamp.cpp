// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/timestamp.h"

#include <QTest>
#include <QTimeZone>

using namespace quire::shared;

// The one wire format for time: what is accepted, what is refused, what is written.
class TestTimestamp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatsUtcWithMilliseconds()
    {
        const QDateTime t(QDate(2026, 11, 22), QTime(23, 42, 24, 7), Qt::UTC);
        QCOMPARE(Timestamp::format(t), QStringLiteral("2026-11-22T23:42:24.007Z"));
        // A local time is converted, never written with its offset.
        const QDateTime berlin(QDate(2026, 7, 1), QTime(14, 0), QTimeZone("Europe/Berlin"));
        QCOMPARE(Timestamp::format(berlin), QStringLiteral("2026-07-01T12:00:00.000Z"));
        QCOMPARE(Timestamp::formatMs(0), QStringLiteral("1970-01-01T00:00:00.000Z"));
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("canonical") << QStringLiteral("2026-01-31T12:00:00.000Z")
                                   << QStringLiteral("2026-01-31T12:00:00.000Z");
        QTest::newRow("no fraction") << QStringLiteral("2026-01-31T12:00:00Z")
                                     << QStringLiteral("2026-01-31T12:00:00.000Z");
        QTest::newRow("microseconds") << QStringLiteral("2026-01-31T12:00:00.123456Z")
                                      << QStringLiteral("2026-01-31T12:00:00.123Z");
        QTest::newRow("one digit") << QStringLiteral("2026-01-31T12:00:00.5Z")
                                   << QStringLiteral("2026-01-31T12:00:00.500Z");
        QTest::newRow("offset") << QStringLiteral("2026-01-31T14:30:00.000+02:30")
                                << QStringLiteral("2026-01-31T12:00:00.000Z");
        QTest::newRow("negative offset") << QStringLiteral("2026-01-31T07:00:00-05:00")
                                         << QStringLiteral("2026-01-31T12:00:00.000Z");
        QTest::newRow("day rollover") << QStringLiteral("2026-02-01T01:00:00+02:00")
                                      << QStringLiteral("2026-01-31T23:00:00.000Z");
        QTest::newRow("leap day") << QStringLiteral("2028-02-29T00:00:00Z")
                                  << QStringLiteral("2028-02-29T00:00:00.000Z");
        QTest::newRow("no zone") << QStringLiteral("2026-01-31T12:00:00") << QString();
        QTest::newRow("no seconds") << QStringLiteral("2026-01-31T12:00Z") << QString();
        QTest::newRow("date only") << QStringLiteral("2026-01-31") << QString();
        QTest::newRow("space") << QStringLiteral("2026-01-31 12:00:00Z") << QString();
        QTest::newRow("month 13") << QStringLiteral("2026-13-01T00:00:00Z") << QString();
        QTest::newRow("feb 30") << QStringLiteral("2026-02-30T00:00:00Z") << QString();
        QTest::newRow("not leap") << QStringLiteral("2027-02-29T00:00:00Z") << QString();
        QTest::newRow("hour 24") << QStringLiteral("2026-01-31T24:00:00Z") << QString();
        QTest::newRow("offset 25h") << QStringLiteral("2026-01-31T12:00:00+25:00") << QString();
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const std::optional<QDateTime> t = Timestamp::parse(text);
        if (expected.isEmpty()) {
            QVERIFY2(!t, qPrintable(text));
        } else {
            QVERIFY2(t.has_value(), qPrintable(text));
            QCOMPARE(Timestamp::format(*t), expected);
            QCOMPARE(t->timeSpec(), Qt::UTC);
        }
    }

    void roundTrip()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const std::optional<QDateTime> back = Timestamp::parse(Timestamp::format(now));
        QVERIFY(back);
        QCOMPARE(back->toMSecsSinceEpoch(), now.toMSecsSinceEpoch());
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
