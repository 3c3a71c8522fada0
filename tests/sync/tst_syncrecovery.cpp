// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/profile.h"
#include "desktop/core/replica.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace quire::test;
using quire::desktop::SyncEngine;

namespace {
const QString &kPassword = kSyncTestPassword;
constexpr char kChildEnv[] = "QUIRE_SYNC_TEST_WRITE_AND_DIE";

} // namespace

// What happens when things break: the server down or killed mid-push, the
// client killed after a write, access revoked while offline, a restore from
// an older backup, a pull that would empty the replica, and a 100,000-row
// first pull.
class TestSyncRecovery : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_data;
    ServerProcess m_server;

    bool restart()
    {
        m_server.stop();
        ServerProcess::Options options;
        options.dataDir = m_data;
        return m_server.start(options);
    }
    std::unique_ptr<SyncPeer> peer(const QString &name, const QString &email)
    {
        auto p = std::make_unique<SyncPeer>(m_dir.filePath(name));
        p->connectTo(m_server);
        if (!p->signIn(email, kPassword))
            return nullptr;
        return p;
    }
    QByteArray tokenFor(const QString &email)
    {
        TestHttpClient http(m_server.url(), m_server.fingerprint());
        const HttpResult r = http.postJson(
            QStringLiteral("/api/v1/auth/login"),
            quire::shared::toJsonBytes({ { "email", email.toStdString() }, { "password", kPassword.toStdString() } }));
        return QByteArray::fromStdString(r.json().value("access_token", std::string()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_data = m_dir.filePath(QStringLiteral("server"));
        QVERIFY(createUser(m_data, QStringLiteral("admin@example.org"), QStringLiteral("admin"), kPassword));
        for (const char *name : { "ann", "eve", "carol", "dave", "kim", "lee" })
            QVERIFY(createUser(m_data, QStringLiteral("%1@example.org").arg(QLatin1String(name)),
                               QStringLiteral("author"), kPassword));
        QVERIFY(createUser(m_data, QStringLiteral("ed@example.org"), QStringLiteral("editor"), kPassword));
        ServerProcess::Options options;
        options.dataDir = m_data;
        QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));
    }

    void workDoneWhileTheServerIsDownSyncsLater()
    {
        auto a = peer(QStringLiteral("ann-1"), QStringLiteral("ann@example.org"));
        auto b = peer(QStringLiteral("ann-2"), QStringLiteral("ann@example.org"));
        QVERIFY(a && b);
        QVERIFY(m_server.stop());
        const QString id = a->create(QStringLiteral("Written on a plane"), QStringLiteral("No network up here.\n"));
        QVERIFY(a->edit(id, { { "body", "No network up here, still.\n" } }));
        QCOMPARE(a->sync(), SyncEngine::State::Offline);
        QCOMPARE(a->status().pending, 1);
        QVERIFY(a->row(id));
        QVERIFY(restart());
        a->connectTo(m_server);
        b->connectTo(m_server);
        QCOMPARE(a->sync(), SyncEngine::State::Idle);
        QCOMPARE(a->status().pending, 0);
        QCOMPARE(b->sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(b->row(id), "body"), QStringLiteral("No network up here, still.\n"));
    }

    void serverKilledDuringAPushAppliesTheRetryOnce()
    {
        auto a = peer(QStringLiteral("kim-1"), QStringLiteral("kim@example.org"));
        QVERIFY(a);
        const QString body = QStringLiteral("A paragraph of some length to make the batch heavy. ").repeated(40);
        QStringList ids;
        for (int i = 0; i < 400; ++i)
            ids << a->create(QStringLiteral("Guide %1").arg(i), body);
        // Kill the server while the batch is on its way or being applied.
        QTimer::singleShot(40, [this] { m_server.kill(); });
        const SyncEngine::State first = a->sync();
        QVERIFY(first == SyncEngine::State::Offline || first == SyncEngine::State::Idle);
        QVERIFY(restart());
        a->connectTo(m_server);
        QCOMPARE(a->sync(), SyncEngine::State::Idle);
        QCOMPARE(a->status().pending, 0);
        // Exactly once: one revision per created guide, and all of them there.
        auto db = TestDatabase::open(m_server);
        QVERIFY(db);
        auto revisions = (*db)->exec(QStringLiteral("SELECT row_id, count(*) FROM sync_revisions GROUP BY row_id"));
        QVERIFY(revisions);
        QSet<QString> seen;
        while (revisions->next()) {
            if (ids.contains(revisions->value(0).toString())) {
                QCOMPARE(revisions->value(1).toInt(), 1);
                seen.insert(revisions->value(0).toString());
            }
        }
        QCOMPARE(seen.size(), ids.size());
    }

    void clientKilledAfterAWriteKeepsItsOutbox()
    {
        auto a = peer(QStringLiteral("lee-1"), QStringLiteral("lee@example.org"));
        auto b = peer(QStringLiteral("lee-2"), QStringLiteral("lee@example.org"));
        QVERIFY(a && b);
        QCOMPARE(a->sync(), SyncEngine::State::Idle);
        const QString profile = a->ws().profile().directory();
        a.reset(); // the app is closed; another process writes and then dies
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildEnv), profile);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(30'000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit); // SIGKILL, right after the commit
        const QString id = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        QVERIFY2(!id.isEmpty(), child.readAllStandardError().constData());

        auto again = std::make_unique<SyncPeer>(profile);
        again->connectTo(m_server);
        QVERIFY(again->signIn(QStringLiteral("lee@example.org"), kPassword));
        QCOMPARE(again->status().pending, 1);
        QCOMPARE(fieldOf(again->row(id), "title"), QStringLiteral("Written just before the crash"));
        QCOMPARE(again->sync(), SyncEngine::State::Idle);
        QCOMPARE(b->sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(b->row(id), "title"), QStringLiteral("Written just before the crash"));
    }

    void anEditMadeWhileAPushIsInFlightGoesInTheNextPush()
    {
        auto a = peer(QStringLiteral("ann-3"), QStringLiteral("ann@example.org"));
        auto b = peer(QStringLiteral("ann-4"), QStringLiteral("ann@example.org"));
        QVERIFY(a && b);
        const QString id = a->create(QStringLiteral("In flight"), QStringLiteral("first\n"));
        QEventLoop loop;
        QObject::connect(&a->ws().sync(), &SyncEngine::roundFinished, &loop, &QEventLoop::quit);
        a->ws().sync().syncNow(); // the push is now on the wire
        QCOMPARE(a->ws().sync().state(), SyncEngine::State::Syncing);
        QVERIFY(a->edit(id, { { "body", "second, typed during the push\n" } }));
        loop.exec();
        QCOMPARE(a->ws().sync().state(), SyncEngine::State::Idle);
        QCOMPARE(a->status().pending, 0);
        QCOMPARE(fieldOf(a->row(id), "body"), QStringLiteral("second, typed during the push\n"));
        QCOMPARE(b->sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(b->row(id), "body"), QStringLiteral("second, typed during the push\n"));
    }

    void accessRevokedWhileOfflineIsRefusedShownAndCleaned()
    {
        auto owner = peer(QStringLiteral("ed-1"), QStringLiteral("ed@example.org"));
        auto eve = peer(QStringLiteral("eve-1"), QStringLiteral("eve@example.org"));
        QVERIFY(owner && eve);
        // Eve is promoted to editor and sees the editor's draft.
        TestHttpClient http(m_server.url(), m_server.fingerprint());
        const QByteArray admin = tokenFor(QStringLiteral("admin@example.org"));
        const HttpResult users = http.request("GET", QStringLiteral("/api/v1/admin/users?q=eve%40example.org"), {},
                                              { { "Authorization", "Bearer " + admin } });
        QCOMPARE(users.status, 200);
        const QString eveId = QString::fromStdString(users.json()["users"][0]["id"].get<std::string>());
        const auto setRole = [&](const char *role) {
            return http
                .request("PUT", QStringLiteral("/api/v1/admin/users/") + eveId,
                         quire::shared::toJsonBytes({ { "role", role } }),
                         { { "Authorization", "Bearer " + admin }, { "Content-Type", "application/json" } })
                .status;
        };
        QCOMPARE(setRole("editor"), 200);
        const QString draft = owner->create(QStringLiteral("Editor's draft"), QStringLiteral("secret plans\n"));
        QCOMPARE(owner->sync(), SyncEngine::State::Idle);
        QVERIFY(eve->signIn(QStringLiteral("eve@example.org"), kPassword));
        QCOMPARE(eve->sync(), SyncEngine::State::Idle);
        QVERIFY(eve->row(draft));
        // Offline, Eve edits it; meanwhile she is demoted back to author.
        QVERIFY(eve->edit(draft, { { "body", "secret plans, Eve's version\n" } }));
        QCOMPARE(setRole("author"), 200);
        // As an editor she saw every guide on the server; as an author she
        // keeps only her own, so the pull asks before removing the rest.
        QCOMPARE(eve->sync(), SyncEngine::State::NeedsConfirmation);
        QVERIFY(eve->count() > 10);
        QEventLoop loop;
        QObject::connect(&eve->ws().sync(), &SyncEngine::roundFinished, &loop, &QEventLoop::quit);
        eve->ws().sync().confirmMassRemoval();
        loop.exec();
        QCOMPARE(eve->ws().sync().state(), SyncEngine::State::Idle);
        // Refused, kept with its content, and the draft is gone from her replica.
        auto refused = eve->ws().syncRecords().rejections();
        QVERIFY(refused);
        QCOMPARE(refused->size(), 1);
        QCOMPARE(refused->first().code, QStringLiteral("forbidden"));
        QCOMPARE(QString::fromStdString(refused->first().fields["body"].get<std::string>()),
                 QStringLiteral("secret plans, Eve's version\n"));
        QVERIFY(!eve->row(draft));
        QCOMPARE(eve->status().pending, 0);
        QCOMPARE(eve->status().rejected, 1);
        // The queue behind a refusal keeps flowing.
        const QString mine = eve->create(QStringLiteral("Eve's own"), QString());
        QCOMPARE(eve->sync(), SyncEngine::State::Idle);
        QVERIFY(eve->row(mine)->value("rev", 0) > 0);
        QCOMPARE(fieldOf(owner->row(draft), "body"), QStringLiteral("secret plans\n"));
    }

    void aPullThatWouldEmptyTheReplicaAsksFirst()
    {
        auto a = peer(QStringLiteral("carol-1"), QStringLiteral("carol@example.org"));
        auto b = peer(QStringLiteral("carol-2"), QStringLiteral("carol@example.org"));
        QVERIFY(a && b);
        QStringList ids;
        for (int i = 0; i < 12; ++i)
            ids << a->create(QStringLiteral("Guide %1").arg(i), QString());
        QCOMPARE(a->sync(), SyncEngine::State::Idle);
        QCOMPARE(b->sync(), SyncEngine::State::Idle);
        QCOMPARE(b->count(), 12);
        for (int i = 0; i < 10; ++i)
            QVERIFY(a->remove(ids[i]));
        QCOMPARE(a->sync(), SyncEngine::State::Idle);
        QCOMPARE(b->sync(), SyncEngine::State::NeedsConfirmation);
        QCOMPARE(b->count(), 12); // nothing removed before the user agrees
        QEventLoop loop;
        QObject::connect(&b->ws().sync(), &SyncEngine::roundFinished, &loop, &QEventLoop::quit);
        b->ws().sync().confirmMassRemoval();
        loop.exec();
        QCOMPARE(b->ws().sync().state(), SyncEngine::State::Idle);
        QCOMPARE(b->count(), 2);
    }

    void aReplicaAwayLongerThanTheRetentionResyncsAndMissesNoDeletion()
    {
        auto a = peer(QStringLiteral("ann-5"), QStringLiteral("ann@example.org"));
        auto b = peer(QStringLiteral("ann-6"), QStringLiteral("ann@example.org"));
        QVERIFY(a && b);
        const QString id = a->create(QStringLiteral("Short-lived"), QString());
        const QString kept = a->create(QStringLiteral("Long-lived"), QString());
        QCOMPARE(a->sync(), SyncEngine::State::Idle);
        QCOMPARE(b->sync(), SyncEngine::State::Idle);
        QVERIFY(b->row(id));
        QVERIFY(a->remove(id));
        QCOMPARE(a->sync(), SyncEngine::State::Idle);
        // The server forgets the tombstone before B comes back.
        m_server.stop();
        ServerProcess::Options options;
        options.dataDir = m_data;
        options.extraArgs = { QStringLiteral("--sync-retention-days"), QStringLiteral("0") };
        QVERIFY(m_server.start(options));
        a->connectTo(m_server);
        b->connectTo(m_server);
        QVERIFY(b->signIn(QStringLiteral("ann@example.org"), kPassword));
        QCOMPARE(b->sync(), SyncEngine::State::Idle);
        QVERIFY(!b->row(id)); // learnt by a full resync, not missed
        // The history of a live article outlives the retention window; that
        // of a row forgotten entirely goes with it.
        {
            auto db = TestDatabase::open(m_server);
            QVERIFY(db);
            const auto count = [&](const QString &row) {
                auto n = (*db)->scalar(QStringLiteral("SELECT count(*) FROM sync_revisions WHERE row_id = ?"), { row });
                return n ? n->toInt() : -1;
            };
            QCOMPARE(count(id), 0);
            QCOMPARE(count(kept), 1);
        }
        QVERIFY(restart());
        a->connectTo(m_server);
    }

    void aServerRestoredFromAnOlderBackupKeepsUnsyncedWork()
    {
        auto a = peer(QStringLiteral("dave-1"), QStringLiteral("dave@example.org"));
        QVERIFY(a);
        const QString g1 = a->create(QStringLiteral("Before the backup"), QStringLiteral("original\n"));
        QCOMPARE(a->sync(), SyncEngine::State::Idle);
        const QString backup = m_dir.filePath(QStringLiteral("backup.db"));
        QCOMPARE(ServerProcess::run(
                     { QStringLiteral("backup"), QStringLiteral("--data-dir"), m_data, QStringLiteral("--to"), backup })
                     .exitCode,
                 0);
        const QString g2 = a->create(QStringLiteral("After the backup"), QString());
        QCOMPARE(a->sync(), SyncEngine::State::Idle);
        QVERIFY(m_server.stop());
        QCOMPARE(ServerProcess::run({ QStringLiteral("restore"), QStringLiteral("--data-dir"), m_data,
                                      QStringLiteral("--from"), backup })
                     .exitCode,
                 0);
        // Unsynced work made while the server was being restored.
        QVERIFY(a->edit(g1, { { "body", "original, edited offline\n" } }));
        const QString g3 = a->create(QStringLiteral("Made offline"), QString());
        QCOMPARE(a->status().pending, 2);
        ServerProcess::Options options;
        options.dataDir = m_data;
        QVERIFY(m_server.start(options));
        a->connectTo(m_server);
        QVERIFY(a->signIn(QStringLiteral("dave@example.org"), kPassword));
        QCOMPARE(a->sync(), SyncEngine::State::Idle);
        QCOMPARE(a->status().pending, 0);
        QVERIFY(a->status().cursor.startsWith(QStringLiteral("")));
        QCOMPARE(fieldOf(a->row(g1), "body"), QStringLiteral("original, edited offline\n"));
        QVERIFY(a->row(g3));
        // What the restored server lacked, the replica offered back.
        QCOMPARE(fieldOf(a->row(g2), "title"), QStringLiteral("After the backup"));
        auto b = peer(QStringLiteral("dave-2"), QStringLiteral("dave@example.org"));
        QVERIFY(b);
        QCOMPARE(b->sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(b->row(g1), "body"), QStringLiteral("original, edited offline\n"));
        QVERIFY(b->row(g3));
        QVERIFY(b->row(g2));
    }
};

// The child half of clientKilledAfterAWriteKeepsItsOutbox: one local edit,
// committed, then SIGKILL before any push could start.
static int writeAndDie(const QString &profile)
{
    auto ws = quire::desktop::Workspace::open(profile);
    if (!ws)
        return 3;
    auto id = (*ws)->content().create(quire::desktop::ContentStore::articles(),
                                      { { "title", "Written just before the crash" }, { "body", "unsent\n" } },
                                      (*ws)->accountId());
    if (!id)
        return 4;
    printf("%s\n", qPrintable(*id));
    fflush(stdout);
    raise(SIGKILL);
    return 5;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildEnv))
        return writeAndDie(qEnvironmentVariable(kChildEnv));
    TestSyncRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_syncrecovery.moc"
