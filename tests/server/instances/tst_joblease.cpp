// SPDX-License-Identifier: GPL-3.0-or-later
// Two instances on one database, each with its own connection and name:
// a job's lease is held by one at a time and taken over once its holder
// stops renewing it; scheduled articles are published exactly once.
#include "server/articles/schedulepublisher.h"
#include "server/joblease.h"
#include "server/servermigrations.h"
#include "server/sync/syncretention.h"
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/migrator.h"
#include "shared/timestamp.h"
#include "tests/support/mockclock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::server;

namespace {

std::unique_ptr<shared::Database> open(const QString &path)
{
    shared::Result<std::unique_ptr<shared::Database>> db = shared::Database::openSqlite(path);
    return db ? std::move(db.value()) : nullptr;
}

qint64 count(shared::Database &db, const QString &sql)
{
    shared::Result<QVariant> n = db.scalar(sql);
    return n ? n->toLongLong() : -1;
}

} // namespace

class TestJobLease : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<shared::Database> m_a;
    std::unique_ptr<shared::Database> m_b;

    // `n` articles scheduled for `at`, each with an address.
    bool schedule(int n, const QDateTime &at)
    {
        const QString when = shared::Timestamp::format(at);
        return bool(m_a->transaction([&]() -> shared::VoidResult {
            for (int i = 0; i < n; ++i) {
                const QString id = QStringLiteral("a-%1-%2").arg(when).arg(i);
                if (shared::VoidResult r
                    = m_a->run(QStringLiteral(
                                   "INSERT INTO articles(id, kind, title, slug, body, status, publish_at, owner_id, "
                                   "created_at, updated_at, rev) VALUES (?, 'guide', 'T', ?, 'Body', 'scheduled', "
                                   "?, 'u', ?, ?, 1)"),
                               { id, id, when, when, when });
                    !r)
                    return r;
            }
            return shared::VoidResult::success();
        }));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("quire.db"));
        QFile::remove(path);
        m_a = open(path);
        QVERIFY(m_a);
        shared::Migrator migrator(*m_a, serverMigrations());
        QVERIFY(migrator.migrate());
        QVERIFY(shared::DeclaredSchema(shared::DeclaredSchema::Side::Server).apply(*m_a));
        m_b = open(path);
        QVERIFY(m_b);
    }

    void cleanup()
    {
        m_b.reset();
        m_a.reset();
        for (const QString &f : QDir(m_dir.path()).entryList(QDir::Files))
            QFile::remove(m_dir.filePath(f));
    }

    void oneHolderAtATimeAndTakeoverAfterExpiry()
    {
        test::MockClock clock;
        const JobLease a(QStringLiteral("job"), QStringLiteral("alpha"), 10'000);
        const JobLease b(QStringLiteral("job"), QStringLiteral("beta"), 10'000);
        QCOMPARE(a.acquire(*m_a, clock.now()).value(), true);
        QCOMPARE(b.acquire(*m_b, clock.now()).value(), false);
        // Renewed within its time, it stays alpha's however long alpha runs.
        for (int i = 0; i < 5; ++i) {
            clock.advanceMs(9'000);
            QCOMPARE(a.acquire(*m_a, clock.now()).value(), true);
            QCOMPARE(b.acquire(*m_b, clock.now()).value(), false);
        }
        QCOMPARE(JobLease::holderOf(*m_b, QStringLiteral("job"), clock.now()).value(), QStringLiteral("alpha"));
        // Alpha dies (no more renewals): just before expiry beta must still wait.
        clock.advanceMs(9'999);
        QCOMPARE(b.acquire(*m_b, clock.now()).value(), false);
        clock.advanceMs(1);
        QCOMPARE(b.acquire(*m_b, clock.now()).value(), true);
        QCOMPARE(count(*m_a, QStringLiteral("SELECT generation FROM job_leases WHERE name = 'job'")), 2);
        // Alpha comes back: the lease is beta's now, and alpha's release leaves it so.
        QCOMPARE(a.acquire(*m_a, clock.now()).value(), false);
        QVERIFY(a.release(*m_a));
        QCOMPARE(JobLease::holderOf(*m_a, QStringLiteral("job"), clock.now()).value(), QStringLiteral("beta"));
        // A clean stop hands it over at once.
        QVERIFY(b.release(*m_b));
        QCOMPARE(a.acquire(*m_a, clock.now()).value(), true);
    }

    void leasesOfDifferentJobsAreIndependent()
    {
        test::MockClock clock;
        QCOMPARE(JobLease(QStringLiteral("one"), QStringLiteral("alpha"), 1000).acquire(*m_a, clock.now()).value(),
                 true);
        QCOMPARE(JobLease(QStringLiteral("two"), QStringLiteral("beta"), 1000).acquire(*m_b, clock.now()).value(),
                 true);
    }

    // Two instances take turns at the publisher's tick, the holder dies
    // half-way, the other takes over: every article once, one revision each.
    void scheduledArticlesPublishedExactlyOnce()
    {
        test::MockClock clock;
        constexpr int kArticles = 100;
        QVERIFY(schedule(kArticles, clock.now()));
        const JobLease alpha(SchedulePublisher::kLeaseName, QStringLiteral("alpha"), SchedulePublisher::kLeaseMs);
        const JobLease beta(SchedulePublisher::kLeaseName, QStringLiteral("beta"), SchedulePublisher::kLeaseMs);
        clock.advanceMs(1000);
        int byAlpha = 0;
        for (int tick = 0; tick < 3; ++tick) {
            qint64 lastSeq = 0;
            auto a = SchedulePublisher::runOnce(*m_a, alpha, clock.now(), 20, lastSeq);
            QVERIFY(a);
            QVERIFY(a->has_value());
            byAlpha += **a;
            auto b = SchedulePublisher::runOnce(*m_b, beta, clock.now(), 20, lastSeq);
            QVERIFY(b);
            QVERIFY(!b->has_value()); // alpha holds the lease: beta does nothing
            clock.advanceMs(1000);
        }
        QCOMPARE(byAlpha, 60);
        // Alpha is SIGKILLed: beta waits out the lease, then finishes.
        int byBeta = 0;
        for (int tick = 0; tick < 30; ++tick) {
            qint64 lastSeq = 0;
            auto b = SchedulePublisher::runOnce(*m_b, beta, clock.now(), 20, lastSeq);
            QVERIFY(b);
            byBeta += b->value_or(0);
            clock.advanceMs(1000);
        }
        QCOMPARE(byBeta, kArticles - byAlpha);
        QCOMPARE(count(*m_a, QStringLiteral("SELECT count(*) FROM articles WHERE status = 'published'")), kArticles);
        QCOMPARE(count(*m_a, QStringLiteral("SELECT count(*) FROM sync_revisions WHERE client_id = 'scheduler'")),
                 kArticles);
        QCOMPARE(count(*m_a, QStringLiteral("SELECT count(DISTINCT rev) FROM articles")), kArticles);
        // Alpha wakes up, presumed dead: it has lost the lease and does nothing.
        QVERIFY(schedule(5, clock.now()));
        qint64 lastSeq = 0;
        auto late = SchedulePublisher::runOnce(*m_a, alpha, clock.now(), 20, lastSeq);
        QVERIFY(late);
        QVERIFY(!late->has_value());
    }

    // The per-article claim: two instances that read the same due list (as
    // two PostgreSQL transactions can at once) publish each article once;
    // and what another instance has published is not published again, even
    // by a run that holds no lease at all.
    void publishedArticleIsNotClaimedTwice()
    {
        test::MockClock clock;
        QVERIFY(schedule(10, clock.now()));
        QList<QPair<QString, QString>> due;
        {
            auto q = m_b->exec(QStringLiteral("SELECT id, body FROM articles WHERE status = 'scheduled'"));
            QVERIFY(q);
            while (q->next())
                due.append({ q->value(0).toString(), q->value(1).toString() });
        }
        QCOMPARE(due.size(), 10);
        qint64 lastSeq = 0;
        int first = 0;
        int second = 0;
        QVERIFY(m_a->transaction([&]() -> shared::VoidResult {
            auto n = SchedulePublisher::publishClaimed(*m_a, due.mid(0, 6), clock.now(), lastSeq);
            first = n ? *n : -1;
            return shared::VoidResult::success();
        }));
        QVERIFY(m_b->transaction([&]() -> shared::VoidResult {
            auto n = SchedulePublisher::publishClaimed(*m_b, due, clock.now(), lastSeq);
            second = n ? *n : -1;
            return shared::VoidResult::success();
        }));
        QCOMPARE(first, 6);
        QCOMPARE(second, 4); // the stale list's other six were claimed already
        QCOMPARE(count(*m_a, QStringLiteral("SELECT count(*) FROM sync_revisions WHERE client_id = 'scheduler'")), 10);
        QVERIFY(schedule(10, clock.now().addSecs(1)));
        clock.advanceMs(1000);
        QCOMPARE(SchedulePublisher::publishDue(*m_a, clock.now(), lastSeq).value(), 10);
        QCOMPARE(SchedulePublisher::publishDue(*m_b, clock.now(), lastSeq).value(), 0);
        QCOMPARE(count(*m_a, QStringLiteral("SELECT count(*) FROM sync_revisions WHERE client_id = 'scheduler'")), 20);
    }

    void retentionRunsOnOneInstance()
    {
        test::MockClock clock;
        const JobLease alpha(SyncRetention::kLeaseName, QStringLiteral("alpha"), SyncRetention::kLeaseMs);
        const JobLease beta(SyncRetention::kLeaseName, QStringLiteral("beta"), SyncRetention::kLeaseMs);
        const QDateTime cutoff = clock.now().addDays(-90);
        QCOMPARE(SyncRetention::runOnce(*m_a, alpha, clock.now(), cutoff).value(), true);
        QCOMPARE(SyncRetention::runOnce(*m_b, beta, clock.now(), cutoff).value(), false);
        clock.advanceMs(SyncRetention::kIntervalMs);
        QCOMPARE(SyncRetention::runOnce(*m_a, alpha, clock.now(), cutoff).value(), true);
        QCOMPARE(SyncRetention::runOnce(*m_b, beta, clock.now(), cutoff).value(), false);
        clock.advanceMs(SyncRetention::kLeaseMs); // alpha gone
        QCOMPARE(SyncRetention::runOnce(*m_b, beta, clock.now(), cutoff).value(), true);
    }
};

QTEST_GUILESS_MAIN(TestJobLease)
#include "tst_joblease.moc"
