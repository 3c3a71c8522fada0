// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/serverprocess.h"
#include "tests/sync/syncpeer.h"

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
        // A second round finds nothing to do and changes nothing.
        const QString cursor = peer.status().cursor;
        QCOMPARE(peer.sync(), SyncEngine::State::Idle);
        QCOMPARE(peer.status().cursor, cursor);
        QCOMPARE(peer.count(), 100'000);
    }
};

QTEST_GUILESS_MAIN(TestSyncScale)
#include "tst_syncscale.moc"
