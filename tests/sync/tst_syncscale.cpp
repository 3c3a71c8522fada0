// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"
#include "tests/support/processio.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/sync/syncpeer.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::test;
using quire::desktop::SyncEngine;

// A first pull of 100,000 guides arrives whole, in pages, and a second sync
// then has nothing to do. (How fast is measured in bench/, not here.)
class TestSyncScale : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aHundredThousandRowInitialPullIsPaged()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("server"));
        const QString password = QStringLiteral("correct horse battery staple");
        QVERIFY(createUser(data, QStringLiteral("big@example.org"), QStringLiteral("author"), password));
        QVERIFY(seedGuides(data, QStringLiteral("big@example.org"), 100'000, 1024));
        ServerProcess server;
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(server.start(options), qPrintable(server.errorString()));

        SyncPeer peer(dir.filePath(QStringLiteral("replica")));
        peer.connectTo(server);
        QVERIFY(peer.signIn(QStringLiteral("big@example.org"), password));
        QCOMPARE(peer.sync(600'000), SyncEngine::State::Idle);
        QCOMPARE(peer.count(), 100'000);
        QCOMPARE(peer.status().pending, 0);
        QVERIFY(peer.status().cursor.endsWith(QStringLiteral(":100000")));
        // Paged: one request per page, never one giant answer.
        const QByteArray log = server.standardError();
        QVERIFY2(log.count("/api/v1/sync/pull") >= 100'000 / SyncEngine::kPullPageSize,
                 qPrintable(QString::number(log.count("/api/v1/sync/pull"))));
        // A second round finds nothing to do and changes nothing, and reads
        // next to nothing of the replica: counting its 100,000 rows (a
        // megabyte or more of index) is not work a sync without news does.
        const QString cursor = peer.status().cursor;
        const qint64 before = bytesReadSoFar();
        QCOMPARE(peer.sync(), SyncEngine::State::Idle);
        const qint64 read = bytesReadSoFar() - before;
        QVERIFY2(read < 512 * 1024, qPrintable(QStringLiteral("%1 bytes read").arg(read)));
        QCOMPARE(peer.status().cursor, cursor);
        QCOMPARE(peer.count(), 100'000);
    }

    // A first pull is applied page by page, each page whole in one replica
    // transaction with its cursor, and asks for the largest page the server
    // gives: the replica grows in steps of at most one page (the client
    // never applies more than one at a time), and the round makes as few
    // requests and commits as the row count allows.
    void aFirstPullAppliesOneFullPagePerCommit()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("server"));
        const QString password = QStringLiteral("correct horse battery staple");
        constexpr int kPage = quire::shared::SyncProtocol::kMaxPullLimit;
        constexpr int kRows = 2 * kPage + 7;
        QVERIFY(createUser(data, QStringLiteral("pages@example.org"), QStringLiteral("author"), password));
        QVERIFY(seedGuides(data, QStringLiteral("pages@example.org"), kRows, 256));
        ServerProcess server;
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(server.start(options), qPrintable(server.errorString()));

        SyncPeer peer(dir.filePath(QStringLiteral("replica")));
        peer.connectTo(server);
        QVERIFY(peer.signIn(QStringLiteral("pages@example.org"), password));
        // What the replica holds after each commit, with its cursor.
        QList<QPair<qint64, qint64>> commits;
        QObject::connect(&peer.ws().sync(), &SyncEngine::statusChanged, &peer.ws().sync(), [&] {
            const QString cursor = peer.status().cursor;
            const qint64 seq = cursor.section(QLatin1Char(':'), 1).toLongLong();
            if (!cursor.isEmpty() && (commits.isEmpty() || commits.last().second != seq))
                commits.append({ peer.count(), seq });
        });
        QCOMPARE(peer.sync(600'000), SyncEngine::State::Idle);
        QCOMPARE(peer.count(), kRows);
        const QList<QPair<qint64, qint64>> expected { { kPage, kPage }, { 2 * kPage, 2 * kPage }, { kRows, kRows } };
        QCOMPARE(commits, expected);
        QCOMPARE(server.standardError().count("/api/v1/sync/pull"), 3);
    }

    // A first pull cut off in the middle (the server killed after some
    // pages were written) resumes from the last page the replica
    // committed: every row arrives, none twice, none lost.
    void anInterruptedFirstPullResumesWhereItStopped()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("server"));
        const QString password = QStringLiteral("correct horse battery staple");
        constexpr int kRows = 30'000;
        QVERIFY(createUser(data, QStringLiteral("cut@example.org"), QStringLiteral("author"), password));
        QVERIFY(seedGuides(data, QStringLiteral("cut@example.org"), kRows, 1024));
        ServerProcess server;
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(server.start(options), qPrintable(server.errorString()));

        SyncPeer peer(dir.filePath(QStringLiteral("replica")));
        peer.connectTo(server);
        QVERIFY(peer.signIn(QStringLiteral("cut@example.org"), password));
        SyncEngine &engine = peer.ws().sync();
        bool killed = false;
        QObject::connect(&engine, &SyncEngine::statusChanged, &engine, [&] {
            if (!killed && !peer.status().cursor.isEmpty()) {
                killed = true; // after the first page committed, with more on the way
                server.kill();
            }
        });
        QCOMPARE(peer.sync(600'000), SyncEngine::State::Offline);
        QVERIFY(killed);
        // What was committed is whole pages with their cursor: the rows up
        // to the cursor (the seeded revs are 1..kRows), nothing past it.
        const QString cut = peer.status().cursor;
        const qint64 cutSeq = cut.section(QLatin1Char(':'), 1).toLongLong();
        QVERIFY2(cutSeq > 0 && cutSeq < kRows, qPrintable(cut));
        QCOMPARE(peer.count(), cutSeq);

        QVERIFY2(server.start(options), qPrintable(server.errorString()));
        peer.connectTo(server);
        QCOMPARE(peer.sync(600'000), SyncEngine::State::Idle);
        QCOMPARE(peer.count(), kRows);
        QCOMPARE(peer.status().cursor.section(QLatin1Char(':'), 1).toLongLong(), qint64(kRows));
        // Resumed, not started over: the new server was asked only for what
        // came after the cut.
        const QByteArray log = server.standardError();
        QVERIFY2(log.count("/api/v1/sync/pull") <= (kRows - cutSeq) / SyncEngine::kPullPageSize + 1,
                 qPrintable(QString::number(log.count("/api/v1/sync/pull"))));
        // Every server row is here once, with the server's values.
        auto db = TestDatabase::open(server);
        QVERIFY(db);
        QSqlQuery q((*db)->handle());
        QVERIFY(q.exec(QStringLiteral("SELECT id, title FROM articles ORDER BY rev DESC LIMIT 3")));
        while (q.next())
            QCOMPARE(fieldOf(peer.row(q.value(0).toString()), "title"), q.value(1).toString());
    }
};

QTEST_GUILESS_MAIN(TestSyncScale)
#include "tst_syncscale.moc"
