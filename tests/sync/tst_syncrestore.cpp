// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/jsonqt.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quire::test;
using quire::desktop::SyncEngine;

namespace {

const QString kAnn = QStringLiteral("ann@example.org");
const QString kBefore = QStringLiteral("First paragraph.\n\nSecond paragraph.\n");
const QString kEditedAfterBackup = QStringLiteral("First paragraph, edited after the backup.\n\nSecond paragraph.\n");

} // namespace

// A server restored from a backup while two replicas hold what was written
// after it: the replicas offer it back through the ordinary push and merge,
// so nothing they held is lost, and the restore keeps them signed in. Real
// server process, real `quire-server backup` and `restore`.
class TestSyncRestore : public QObject
{
    Q_OBJECT
private:
    struct World
    {
        ReplicaPair pair;
        QString g1;
        QString g2;
        QString backup;
    };

    // G1 made and synced by both, a backup, then G2 made and G1 edited on A,
    // and both replicas synced: both hold what the backup lacks.
    static QString prepare(World &w)
    {
        if (QString problem = w.pair.start({ { kAnn, QStringLiteral("author") } }); !problem.isEmpty())
            return problem;
        SyncPeer &a = *w.pair.a;
        SyncPeer &b = *w.pair.b;
        w.g1 = a.create(QStringLiteral("G1"), kBefore);
        if (a.sync() != SyncEngine::State::Idle || b.sync() != SyncEngine::State::Idle)
            return QStringLiteral("first sync failed: ") + a.lastError() + b.lastError();
        w.backup = w.pair.dir.filePath(QStringLiteral("backup.db"));
        const ServerProcess::RunResult backedUp
            = ServerProcess::run({ QStringLiteral("backup"), QStringLiteral("--data-dir"), w.pair.server.dataDir(),
                                   QStringLiteral("--to"), w.backup });
        if (backedUp.exitCode != 0)
            return QStringLiteral("backup failed: ") + QString::fromUtf8(backedUp.err);
        // Both sign in anew, as a refresh would: tokens the backup never saw.
        if (!a.signIn(kAnn, kSyncTestPassword) || !b.signIn(kAnn, kSyncTestPassword))
            return QStringLiteral("sign-in after the backup failed");
        w.g2 = a.create(QStringLiteral("G2"), QStringLiteral("Made after the backup.\n"));
        if (!a.edit(w.g1, { { "body", kEditedAfterBackup.toStdString() } }))
            return QStringLiteral("edit failed");
        if (a.sync() != SyncEngine::State::Idle || b.sync() != SyncEngine::State::Idle)
            return QStringLiteral("second sync failed: ") + a.lastError() + b.lastError();
        if (fieldOf(b.row(w.g1), "body") != kEditedAfterBackup || !b.row(w.g2))
            return QStringLiteral("B did not get the changes made after the backup");
        return {};
    }

    // Stops the server, restores the backup with the real command and starts
    // it again on the same address (the replicas keep their settings).
    static QString restore(World &w, const QStringList &extra = {})
    {
        const quint16 port = w.pair.server.port();
        const QString data = w.pair.server.dataDir();
        if (!w.pair.server.stop())
            return QStringLiteral("server did not stop");
        const ServerProcess::RunResult restored
            = ServerProcess::run(QStringList { QStringLiteral("restore"), QStringLiteral("--data-dir"), data,
                                               QStringLiteral("--from"), w.backup }
                                 + extra);
        if (restored.exitCode != 0)
            return QStringLiteral("restore failed: ") + QString::fromUtf8(restored.err);
        ServerProcess::Options options;
        options.dataDir = data;
        options.extraArgs = { QStringLiteral("--port"), QString::number(port) };
        if (!w.pair.server.start(options))
            return w.pair.server.errorString();
        return {};
    }

    static QByteArray tokenFor(const ServerProcess &server, const QString &email)
    {
        TestHttpClient http(server.url(), server.fingerprint());
        const HttpResult r
            = http.postJson(QStringLiteral("/api/v1/auth/login"),
                            quire::shared::toJsonBytes(
                                { { "email", email.toStdString() }, { "password", kSyncTestPassword.toStdString() } }));
        return QByteArray::fromStdString(r.json().value("access_token", std::string()));
    }

    static HttpResult api(const ServerProcess &server, const QByteArray &method, const QString &path,
                          const nlohmann::json &body = nullptr)
    {
        TestHttpClient http(server.url(), server.fingerprint());
        QList<QPair<QByteArray, QByteArray>> headers { { "Authorization", "Bearer " + tokenFor(server, kAnn) } };
        if (!body.is_null())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return http.request(method, path, body.is_null() ? QByteArray() : quire::shared::toJsonBytes(body), headers);
    }

private Q_SLOTS:
    void aRestoreLosesNothingTheReplicasHold_data()
    {
        QTest::addColumn<QString>("serverBody"); // G1 edited on the restored server first; empty: not
        QTest::addColumn<QString>("expectedBody");
        QTest::addColumn<bool>("conflict");
        QTest::newRow("server untouched since the restore") << QString() << kEditedAfterBackup << false;
        QTest::newRow("server edited elsewhere in the text")
            << QStringLiteral("First paragraph.\n\nSecond paragraph, edited on the restored server.\n")
            << QStringLiteral("First paragraph, edited after the backup.\n\nSecond paragraph, edited on the "
                              "restored server.\n")
            << false;
        QTest::newRow("server edited the same words")
            << QStringLiteral("First paragraph, rewritten on the restored server.\n\nSecond paragraph.\n")
            << QStringLiteral("First paragraph, rewritten on the restored server.\n\nSecond paragraph.\n") << true;
    }

    void aRestoreLosesNothingTheReplicasHold()
    {
        QFETCH(QString, serverBody);
        QFETCH(QString, expectedBody);
        QFETCH(bool, conflict);
        World w;
        const QString prepared = prepare(w);
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        const QString restored = restore(w);
        QVERIFY2(restored.isEmpty(), qPrintable(restored));
        ServerProcess &server = w.pair.server;
        // The restored server has neither G2 nor the edit of G1.
        QCOMPARE(api(server, "GET", QStringLiteral("/api/v1/guides/") + w.g2).status, 404);
        HttpResult g1 = api(server, "GET", QStringLiteral("/api/v1/guides/") + w.g1);
        QCOMPARE(g1.status, 200);
        QCOMPARE(QString::fromStdString(g1.json().value("body", std::string())), kBefore);
        if (!serverBody.isEmpty()) {
            const HttpResult edited = api(server, "PATCH", QStringLiteral("/api/v1/guides/") + w.g1,
                                          { { "body", serverBody.toStdString() } });
            QCOMPARE(edited.status, 200);
        }

        // Both replicas come back without signing in again.
        SyncPeer &a = *w.pair.a;
        SyncPeer &b = *w.pair.b;
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(a.sync(), SyncEngine::State::Idle);

        g1 = api(server, "GET", QStringLiteral("/api/v1/guides/") + w.g1);
        QCOMPARE(QString::fromStdString(g1.json().value("body", std::string())), expectedBody);
        const HttpResult g2 = api(server, "GET", QStringLiteral("/api/v1/guides/") + w.g2);
        QCOMPARE(g2.status, 200);
        QCOMPARE(QString::fromStdString(g2.json().value("body", std::string())),
                 QStringLiteral("Made after the backup.\n"));
        for (SyncPeer *peer : { &a, &b }) {
            QCOMPARE(fieldOf(peer->row(w.g1), "body"), expectedBody);
            QCOMPARE(fieldOf(peer->row(w.g2), "body"), QStringLiteral("Made after the backup.\n"));
            QCOMPARE(peer->status().pending, 0);
            QCOMPARE(peer->status().rejected, 0);
        }
        // Where the restored server changed the same words, the replicas'
        // version is not dropped: it is in a conflict record; elsewhere
        // nothing is reported.
        for (SyncPeer *peer : { &a, &b }) {
            bool kept = false;
            for (const auto &c : peer->conflicts())
                kept = kept || (c.conflict.rowId == w.g1 && c.conflict.clientValue == kEditedAfterBackup.toStdString());
            QCOMPARE(kept, conflict);
            QCOMPARE(peer->status().conflicts, conflict ? 1 : 0);
        }
    }

    void aRestoreThatEndsTheSessionsKeepsTheWorkAndSaysWhy()
    {
        World w;
        const QString prepared = prepare(w);
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        const QString restored = restore(w, { QStringLiteral("--end-sessions") });
        QVERIFY2(restored.isEmpty(), qPrintable(restored));
        SyncPeer &a = *w.pair.a;
        const QString offline = a.create(QStringLiteral("Written while signed out"), QString());
        QCOMPARE(a.sync(), SyncEngine::State::SignedOut);
        QCOMPARE(a.ws().sync().lastError()->code, QStringLiteral("session_unknown"));
        QVERIFY2(a.lastError().contains(QStringLiteral("restored from a backup")), qPrintable(a.lastError()));
        // Nothing was dropped while signed out.
        QCOMPARE(a.status().pending, 1);
        QCOMPARE(fieldOf(a.row(w.g1), "body"), kEditedAfterBackup);
        QVERIFY(a.row(w.g2));
        QVERIFY(a.signIn(kAnn, kSyncTestPassword));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(api(w.pair.server, "GET", QStringLiteral("/api/v1/guides/") + w.g2).status, 200);
        QCOMPARE(api(w.pair.server, "GET", QStringLiteral("/api/v1/guides/") + offline).status, 200);
        const HttpResult g1 = api(w.pair.server, "GET", QStringLiteral("/api/v1/guides/") + w.g1);
        QCOMPARE(QString::fromStdString(g1.json().value("body", std::string())), kEditedAfterBackup);
        QCOMPARE(a.status().rejected, 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncRestore)

#include "tst_syncrestore.moc"
