// SPDX-License-Identifier: GPL-3.0-or-later
// A server's own database connection on the engine the run uses: text comes
// back as it went in, a lost PostgreSQL session comes back as it was set up,
// and a lost listening connection is replaced without losing a notice.
#include "server/serverconfig.h"
#include "server/sync/changefeed.h"
#include "server/sync/changewatcher.h"
#include "shared/database.h"
#include "shared/sqldialect.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using quire::test::ServerProcess;
using quire::test::TestDatabase;

class TestDatabaseConnection : public QObject
{
    Q_OBJECT
private:
    ServerProcess m_server;

    std::unique_ptr<quire::shared::Database> open()
    {
        auto db = TestDatabase::open(m_server);
        if (!db)
            qFatal("cannot open the server's database: %s", qPrintable(db.error().message));
        return std::move(db.value());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }

    void textRoundTripsExactly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("plain words");
        QTest::newRow("empty") << QStringLiteral("");
        // Qt's PostgreSQL driver reads with QString::fromUtf8, which drops
        // one leading U+FEFF; SQLite takes one as a byte-order mark.
        QTest::newRow("leading BOM") << QString(QChar(0xFEFF) + QStringLiteral("after the mark"));
        QTest::newRow("two leading BOMs") << (QString(2, QChar(0xFEFF)) + QStringLiteral("x"));
        QTest::newRow("only a BOM") << QString(QChar(0xFEFF));
        QTest::newRow("leading U+FFFE") << QString(QChar(0xFFFE) + QStringLiteral("swapped?"));
        QTest::newRow("BOM inside") << QString(QStringLiteral("a") + QChar(0xFEFF) + QStringLiteral("b"));
        QTest::newRow("U+FFFF") << QString(QStringLiteral("end") + QChar(0xFFFF));
        QTest::newRow("astral") << QStringLiteral("\U0001F600 and \U00010348");
    }

    // Written through a bound parameter, read back, and found again by the
    // same value in a WHERE: the three must agree on both engines.
    void textRoundTripsExactly()
    {
        QFETCH(QString, text);
        auto db = open();
        QVERIFY(db->run(QStringLiteral("CREATE TEMPORARY TABLE kept (n INTEGER, v TEXT)")));
        QVERIFY(db->run(QStringLiteral("INSERT INTO kept (n, v) VALUES (1, ?)"), { text }));
        auto read = db->scalar(QStringLiteral("SELECT v FROM kept WHERE n = 1"));
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QCOMPARE(read->toString(), text);
        auto found = db->scalar(QStringLiteral("SELECT count(*) FROM kept WHERE v = ?"), { text });
        QVERIFY(found);
        QCOMPARE(found->toInt(), 1);
    }

    // A session ended under the server (the database restarted, an admin
    // ended it) is opened again by the next statement, with what the first
    // was told: relaxed commits stay relaxed, times stay UTC.
    void aLostSessionComesBackAsItWasSetUp()
    {
        if (!TestDatabase::onPostgres())
            QSKIP("PostgreSQL sessions only: an SQLite connection is a file, not a session");
        auto db = open();
        QVERIFY(db->commitWithoutWaitingForDisk());
        auto pid = db->scalar(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pid);
        auto other = open();
        QVERIFY(other->scalar(QStringLiteral("SELECT pg_terminate_backend(?)"), { pid->toInt() }));
        QVERIFY(!db->scalar(QStringLiteral("SELECT 1"))); // learns the session is gone
        auto again = db->scalar(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        QVERIFY(again->toInt() != pid->toInt());
        QCOMPARE(db->scalar(QStringLiteral("SHOW synchronous_commit"))->toString(), QStringLiteral("off"));
        QCOMPARE(db->scalar(QStringLiteral("SHOW TimeZone"))->toString(), QStringLiteral("UTC"));
    }

    // Another instance's change reaches this one through LISTEN; when that
    // connection dies, a new one listens and the change made meanwhile is
    // announced (the hour-long poll below could not have).
    void aLostListenerIsReplaced()
    {
        if (!TestDatabase::onPostgres())
            QSKIP("LISTEN/NOTIFY is PostgreSQL's; on SQLite the watcher only polls");
        quire::server::ServerConfig config;
        config.dataDir = m_server.dataDir();
        config.databaseUrl = ServerProcess::databaseLocationFor(m_server.dataDir());
        quire::server::ChangeFeed feed;
        quire::server::ChangeWatcher watcher(config, &feed);
        QVERIFY(watcher.start(3'600'000));
        QCOMPARE(watcher.listens(), 1);
        QSignalSpy announced(&feed, &quire::server::ChangeFeed::changed);

        auto other = open();
        const QString take = other->dialect().takeChangeNumbers();
        auto first = other->scalar(take, { 1 });
        QVERIFY(first);
        QTRY_VERIFY_WITH_TIMEOUT(!announced.isEmpty(), 10000);
        QCOMPARE(announced.last().at(0).toLongLong(), first->toLongLong());

        auto ended = other->scalar(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                                  "WHERE datname = current_database() AND query LIKE 'LISTEN%'"));
        QVERIFY(ended);
        QCOMPARE(ended->toInt(), 1);
        auto second = other->scalar(take, { 1 }); // while no one listens
        QVERIFY(second);
        QTRY_COMPARE_WITH_TIMEOUT(watcher.listens(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(announced.last().at(0).toLongLong(), second->toLongLong(), 10000);

        const qsizetype before = announced.size();
        auto third = other->scalar(take, { 1 }); // heard on the new connection
        QVERIFY(third);
        QTRY_VERIFY_WITH_TIMEOUT(announced.size() > before, 10000);
        QCOMPARE(announced.last().at(0).toLongLong(), third->toLongLong());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseConnection)
#include "tst_databaseconnection.moc"
