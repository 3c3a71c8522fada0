// SPDX-License-Identifier: GPL-3.0-or-later
// Two LeasedBucketStores on one database stand for two server instances:
// what both allow together never exceeds a bucket's budget, the bucket
// refills over time, unspent slices go back when they expire or the store
// stops, and a slice lost with a dead instance comes back with the refill.
// The benchmark compares a request's cost against the memory store.
#include "server/accounts/leasedbucketstore.h"
#include "server/http/memorybucketstore.h"
#include "server/servermigrations.h"
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/migrator.h"
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

} // namespace

class TestLeasedBucketStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<shared::Database> m_a;
    std::unique_ptr<shared::Database> m_b;
    bool m_aDead = false; // store A's instance was killed: it reaches no database

    std::unique_ptr<LeasedBucketStore> storeA(LeasedBucketStore::Settings settings = {})
    {
        return std::make_unique<LeasedBucketStore>([this] { return m_aDead ? nullptr : m_a.get(); }, settings);
    }
    std::unique_ptr<LeasedBucketStore> storeB(LeasedBucketStore::Settings settings = {})
    {
        return std::make_unique<LeasedBucketStore>([this] { return m_b.get(); }, settings);
    }

    // How many of `n` requests `store` allows at the mock clock's time.
    static int takeMany(BucketStore &store, int n, const BucketStore::Limit &limit)
    {
        const qint64 now = shared::Clock::instance().nowMs();
        int allowed = 0;
        for (int i = 0; i < n; ++i)
            allowed += store.take("k", 1, limit, now).allowed ? 1 : 0;
        return allowed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("quire.db"));
        m_a = open(path);
        QVERIFY(m_a);
        shared::Migrator migrator(*m_a, serverMigrations());
        QVERIFY(migrator.migrate());
        QVERIFY(shared::DeclaredSchema(shared::DeclaredSchema::Side::Server).apply(*m_a));
        m_b = open(path);
        QVERIFY(m_b);
    }

    void init()
    {
        m_aDead = false;
        QVERIFY(m_a->run(QStringLiteral("DELETE FROM rate_buckets")));
    }

    // Requests alternating (or in runs) between two instances are allowed
    // exactly the budget, not twice it; and leases are per slice.
    void budgetHeldAcrossTwoStores_data()
    {
        QTest::addColumn<double>("capacity");
        QTest::addColumn<double>("sliceFraction");
        QTest::addColumn<int>("runLength"); // requests on one store before the other's turn
        QTest::newRow("600, slices of 60, alternating") << 600.0 << 0.1 << 1;
        QTest::newRow("600, slices of 60, runs of 7") << 600.0 << 0.1 << 7;
        QTest::newRow("7, slices of 4, alternating") << 7.0 << 0.5 << 1;
        QTest::newRow("1, one slice") << 1.0 << 0.1 << 1;
    }
    void budgetHeldAcrossTwoStores()
    {
        QFETCH(double, capacity);
        QFETCH(double, sliceFraction);
        QFETCH(int, runLength);
        test::MockClock clock;
        const BucketStore::Limit limit { capacity, capacity / 60 };
        auto a = storeA({ sliceFraction, 5'000 });
        auto b = storeB({ sliceFraction, 5'000 });
        int allowed = 0;
        for (int i = 0; i < int(capacity) * 3; ++i) {
            BucketStore &store = (i / runLength) % 2 == 0 ? *a : *b;
            allowed += store.take("k", 1, limit, clock.nowMs()).allowed ? 1 : 0;
        }
        QCOMPARE(allowed, int(capacity));
        // A database lease per slice, not per request.
        const double slice = std::max(1.0, std::ceil(capacity * sliceFraction));
        QVERIFY2(a->leases() + b->leases() <= qint64(std::ceil(capacity / slice)) + 2,
                 qPrintable(QString::number(a->leases() + b->leases())));
        // Both refuse now, and say when to come back.
        const BucketStore::Decision refused = b->take("k", 1, limit, clock.nowMs());
        QVERIFY(!refused.allowed);
        QVERIFY(refused.retryAfterMs > 0);
    }

    // The shared bucket refills at its rate, and both stores together get
    // what it refilled, no more.
    void refillsOverTime()
    {
        test::MockClock clock;
        const BucketStore::Limit limit { 10, 1 }; // ten, one more a second
        auto a = storeA({ 0.5, 5'000 });
        auto b = storeB({ 0.5, 5'000 });
        QCOMPARE(takeMany(*a, 20, limit) + takeMany(*b, 20, limit), 10);
        clock.advanceMs(3'000);
        QCOMPARE(takeMany(*b, 2, limit) + takeMany(*a, 20, limit) + takeMany(*b, 20, limit), 3);
        clock.advanceMs(60'000); // full again, never more than full
        QCOMPARE(takeMany(*a, 3, limit) + takeMany(*b, 30, limit) + takeMany(*a, 30, limit), 10);
    }

    // What a store leased and did not spend goes back: at a clean stop, and
    // once the slice's lease expired.
    void unspentSlicesGoBack()
    {
        test::MockClock clock;
        const BucketStore::Limit limit { 100, 0.0001 }; // no refill to speak of
        auto a = storeA({ 0.1, 5'000 });
        auto b = storeB({ 0.1, 5'000 });
        QCOMPARE(takeMany(*a, 1, limit), 1); // A holds the other nine of its slice
        clock.advanceMs(6'000); // the slice expired
        QVERIFY(a->take("other", 1, limit, clock.nowMs()).allowed); // any request gives expired slices back
        QCOMPARE(takeMany(*b, 200, limit), 99);

        QVERIFY(m_a->run(QStringLiteral("DELETE FROM rate_buckets")));
        a = storeA({ 0.1, 5'000 });
        QCOMPARE(takeMany(*a, 1, limit), 1);
        a.reset(); // a clean stop
        b = storeB({ 0.1, 5'000 });
        QCOMPARE(takeMany(*b, 200, limit), 99);
    }

    // An instance killed with a slice never gives it back; the bucket's
    // refill brings that share back within slice / rate.
    void deadInstanceShareComesBack()
    {
        test::MockClock clock;
        const BucketStore::Limit limit { 100, 100.0 / 60 };
        auto a = storeA({ 0.1, 5'000 });
        QCOMPARE(takeMany(*a, 1, limit), 1); // A leased ten
        m_aDead = true;
        a.reset(); // SIGKILL: nothing given back
        auto b = storeB({ 0.1, 5'000 });
        QCOMPARE(takeMany(*b, 200, limit), 90); // A's slice is out
        clock.advanceMs(6'100); // the lease is over and the bucket refilled ten
        QCOMPARE(takeMany(*b, 200, limit), 10);
    }

    // The cost of one allowed request at a sustained rate (the budget of
    // 600 a minute spent evenly, so every request is allowed): in memory,
    // and leased from the database (amortised over the slice's requests).
    void benchTake_data()
    {
        QTest::addColumn<bool>("leased");
        QTest::newRow("memory") << false;
        QTest::newRow("leased from the database") << true;
    }
    void benchTake()
    {
        QFETCH(bool, leased);
        // The leased store on a connection set up as the server's.
        const QString path = m_dir.filePath(QStringLiteral("quire.db"));
        std::unique_ptr<BucketStore> store;
        if (leased)
            store = std::make_unique<LeasedBucketStore>([path] { return LeasedBucketStore::threadConnection(path); });
        else
            store = std::make_unique<MemoryBucketStore>();
        const BucketStore::Limit limit { 600, 10 };
        qint64 now = 1'000'000;
        qint64 refused = 0;
        qint64 requests = 0;
        QBENCHMARK
        {
            now += 100; // one token refilled per request
            ++requests;
            refused += store->take("bench", 1, limit, now).allowed ? 0 : 1;
        }
        QCOMPARE(refused, 0);
        // A lease per slice (60) or expired slice (50 requests here), not per request.
        if (auto *l = dynamic_cast<LeasedBucketStore *>(store.get()))
            QVERIFY2(l->leases() <= requests / 40 + 1, qPrintable(QStringLiteral("%1 leases").arg(l->leases())));
    }
};

QTEST_GUILESS_MAIN(TestLeasedBucketStore)
#include "tst_leasedbucketstore.moc"
