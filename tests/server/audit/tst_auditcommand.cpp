// SPDX-License-Identifier: GPL-3.0-or-later
// `quire-server audit verify` and `audit list`, the real process, on the
// engine the tests run on (SQLite, or PostgreSQL as tst_auditcommand_pg):
// entries written through AuditChain, the database tampered with from
// outside, the command names the first bad entry; two connections
// appending at once keep one chain.
#include "server/audit/auditchain.h"
#include "server/serverdatabase.h"
#include "shared/database.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace quire;
using namespace quire::server;
using quire::test::ServerProcess;
using quire::test::TestDatabase;

namespace {

constexpr int kSeeded = 4;

AuditEntry entry(AuditAction action, const QString &subjectId, nlohmann::json details = nlohmann::json::object())
{
    return AuditEntry { action, QStringLiteral("user-1"), QStringLiteral("posts"), subjectId, std::move(details) };
}

shared::VoidResult appendOne(shared::Database &db, const AuditEntry &e)
{
    return db.transaction([&]() -> shared::VoidResult {
        shared::Result<AuditRecord> r = AuditChain::append(db, e);
        return r ? shared::VoidResult::success() : shared::VoidResult(r.error());
    });
}

} // namespace

class TestAuditCommand : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    QString dataDir() const { return m_dir->path(); }

    ServerProcess::RunResult audit(const QStringList &args)
    {
        return ServerProcess::run(QStringList { QStringLiteral("audit") } + args
                                  + QStringList { QStringLiteral("--data-dir"), dataDir() });
    }

    std::unique_ptr<shared::Database> open()
    {
        shared::Result<std::unique_ptr<shared::Database>> db = TestDatabase::openDataDir(dataDir());
        if (!db)
            qWarning() << db.error().message;
        return db ? std::move(db.value()) : nullptr;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // The server's schema, as `serve` would leave it, with a few entries.
        auto db = ServerDatabase::openMigrated(ServerProcess::databaseLocationFor(dataDir()));
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        for (int i = 1; i <= kSeeded; ++i) {
            const shared::VoidResult r = appendOne(
                **db,
                entry(AuditAction::PostPublished, QStringLiteral("post-%1").arg(i), { { "destination", "mastodon" } }));
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        }
    }

    void cleanup()
    {
        ServerProcess::dropDatabaseOf(dataDir());
        m_dir.reset();
    }

    void verifyIntact()
    {
        const ServerProcess::RunResult r = audit({ QStringLiteral("verify") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("audit log intact: 4 entries"), r.out.constData());
        QVERIFY(r.err.isEmpty());
    }

    void verifyDetectsTampering_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QString>("names");
        QTest::newRow("edit a field") << QStringList {
            QStringLiteral("UPDATE audit_chain SET subject_id = 'post-9' WHERE id = 2")
        } << QStringLiteral("entry 2");
        QTest::newRow("delete a middle entry")
            << QStringList { QStringLiteral("DELETE FROM audit_chain WHERE id = 3") } << QStringLiteral("entry 3");
        QTest::newRow("delete the last entry")
            << QStringList { QStringLiteral("DELETE FROM audit_chain WHERE id = 4") } << QStringLiteral("entry 4");
        QTest::newRow("reorder") << QStringList { QStringLiteral("UPDATE audit_chain SET id = -1 WHERE id = 1"),
                                                  QStringLiteral("UPDATE audit_chain SET id = 1 WHERE id = 2"),
                                                  QStringLiteral("UPDATE audit_chain SET id = 2 WHERE id = -1") }
                                 << QStringLiteral("entry 1");
        QTest::newRow("inject CR LF into details")
            << QStringList { QStringLiteral("UPDATE audit_chain SET details = details || ? WHERE id = 3") }
            << QStringLiteral("entry 3");
    }

    void verifyDetectsTampering()
    {
        QFETCH(QStringList, statements);
        QFETCH(QString, names);
        {
            std::unique_ptr<shared::Database> db = open();
            QVERIFY(db);
            for (const QString &sql : statements) {
                const QVariantList binds = sql.contains(QLatin1Char('?'))
                    ? QVariantList { QStringLiteral("\r\n5 2030-01-01T00:00:00.000Z post_deleted actor=x") }
                    : QVariantList {};
                const shared::VoidResult r = db->run(sql, binds);
                QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            }
        }
        const ServerProcess::RunResult r = audit({ QStringLiteral("verify") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.out.contains("intact"));
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(names), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 1); // one line
    }

    // Each entry one line, whatever its text holds; --limit keeps the newest.
    void listPrintsEntriesSafely()
    {
        {
            std::unique_ptr<shared::Database> db = open();
            QVERIFY(db);
            QVERIFY(appendOne(*db,
                              entry(AuditAction::PostCancelled, QStringLiteral("post-x"),
                                    { { "reason", "late\r\n6 2030-01-01T00:00:00.000Z post_deleted\x1b[2K" } })));
            // What an attacker could write directly: a raw line break in a column.
            QVERIFY(db->run(QStringLiteral("UPDATE audit_chain SET subject_id = ? WHERE id = 2"),
                            { QStringLiteral("post-2\r\n9 forged") }));
        }
        const ServerProcess::RunResult all = audit({ QStringLiteral("list") });
        QVERIFY2(all.exitCode == 0, all.err.constData());
        const QList<QByteArray> lines = all.out.trimmed().split('\n');
        QCOMPARE(lines.size(), kSeeded + 1);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QVERIFY2(lines[i].startsWith(QByteArray::number(i + 1) + ' '), lines[i].constData());
            QVERIFY(!lines[i].contains('\r'));
            QVERIFY(!lines[i].contains('\x1b'));
        }
        QVERIFY2(lines[1].contains("subject=posts/post-2\\r\\n9 forged"), lines[1].constData());
        QVERIFY(lines[4].contains("post_cancelled"));

        const ServerProcess::RunResult two
            = audit({ QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("2") });
        QCOMPARE(two.exitCode, 0);
        const QList<QByteArray> last = two.out.trimmed().split('\n');
        QCOMPARE(last.size(), 2);
        QVERIFY(last[0].startsWith("4 "));
        QVERIFY(last[1].startsWith("5 "));
    }

    // Two connections (on PostgreSQL: two sessions, as two instances would
    // have) appending at once: one chain, no entry lost, none twice.
    void concurrentAppendsKeepOneChain()
    {
        constexpr int kEach = 40;
        std::atomic<int> failures { 0 };
        auto writer = [&](const QString &name) {
            return QThread::create([&, name] {
                shared::Result<std::unique_ptr<shared::Database>> db = TestDatabase::openDataDir(dataDir());
                if (!db) {
                    ++failures;
                    return;
                }
                for (int i = 0; i < kEach; ++i) {
                    if (!appendOne(**db, entry(AuditAction::CredentialUsed, QStringLiteral("%1-%2").arg(name).arg(i))))
                        ++failures;
                }
            });
        };
        std::unique_ptr<QThread> a(writer(QStringLiteral("a")));
        std::unique_ptr<QThread> b(writer(QStringLiteral("b")));
        a->start();
        b->start();
        QVERIFY(a->wait(120000));
        QVERIFY(b->wait(120000));
        QCOMPARE(failures.load(), 0);

        const ServerProcess::RunResult r = audit({ QStringLiteral("verify") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith(QStringLiteral("audit log intact: %1 entries").arg(kSeeded + 2 * kEach).toUtf8()),
                 r.out.constData());
        std::unique_ptr<shared::Database> db = open();
        QVERIFY(db);
        shared::Result<QVariant> distinct
            = db->scalar(QStringLiteral("SELECT count(DISTINCT prev_hash) FROM audit_chain"));
        QVERIFY(distinct);
        QCOMPARE(distinct->toInt(), kSeeded + 2 * kEach); // no two entries follow the same one: no fork
    }

    // The head row's lock alone, without the advisory lock that
    // Database::transaction() takes on PostgreSQL: a second appender whose
    // transaction began while the first one's was open waits for it and
    // then follows its entry (unlocked, it would read the old head and fail
    // on the first one's id).
    void headLockHoldsASecondAppender()
    {
        if (!TestDatabase::onPostgres())
            QSKIP("On SQLite a write transaction holds the database's one write lock.");
        std::unique_ptr<shared::Database> first = open();
        std::unique_ptr<shared::Database> watcher = open();
        QVERIFY(first && watcher);
        QVERIFY(first->run(QStringLiteral("BEGIN")));
        QVERIFY(AuditChain::append(*first, entry(AuditAction::PostDeleted, QStringLiteral("first"))));

        QString secondError = QStringLiteral("did not run");
        std::unique_ptr<QThread> second(QThread::create([&] {
            shared::Result<std::unique_ptr<shared::Database>> db = TestDatabase::openDataDir(dataDir());
            if (!db) {
                secondError = db.error().message;
                return;
            }
            if (shared::VoidResult r = (*db)->run(QStringLiteral("BEGIN")); !r) {
                secondError = r.error().message;
                return;
            }
            shared::Result<AuditRecord> r
                = AuditChain::append(**db, entry(AuditAction::PostDeleted, QStringLiteral("second")));
            if (!r) {
                secondError = r.error().message;
                return; // the connection closes with the thread: its transaction ends
            }
            const shared::VoidResult committed = (*db)->run(QStringLiteral("COMMIT"));
            secondError = committed ? QString() : committed.error().message;
        }));
        second->start();
        // The second appender is waiting on a lock (not merely slow to start).
        auto waiting = [&watcher] {
            shared::Result<QVariant> n
                = watcher->scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                                 "current_database() AND wait_event_type = 'Lock'"));
            return n ? n->toInt() : -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(waiting() > 0, 30000);
        QVERIFY(first->run(QStringLiteral("COMMIT")));
        QVERIFY(second->wait(60000));
        QVERIFY2(secondError.isEmpty(), qPrintable(secondError));

        const ServerProcess::RunResult r = audit({ QStringLiteral("verify") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith(QStringLiteral("audit log intact: %1 entries").arg(kSeeded + 2).toUtf8()),
                 r.out.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no subcommand") << QStringList {} << QStringLiteral("verify or list");
        QTest::newRow("unknown subcommand") << QStringList { QStringLiteral("erase") } << QStringLiteral("erase");
        QTest::newRow("bad limit") << QStringList { QStringLiteral("list"), QStringLiteral("--limit"),
                                                    QStringLiteral("x") }
                                   << QStringLiteral("--limit");
        QTest::newRow("limit on verify") << QStringList { QStringLiteral("verify"), QStringLiteral("--limit"),
                                                          QStringLiteral("3") }
                                         << QStringLiteral("--limit");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const ServerProcess::RunResult r = audit(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestAuditCommand)
#include "tst_auditcommand.moc"
