// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/apiratelimit.h"
#include "server/http/memorybucketstore.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using quire::server::ApiRateLimit;
using quire::server::BucketStore;
using quire::server::MemoryBucketStore;

namespace {

std::unique_ptr<ApiRateLimit> limiter(int perAddress, int perUser, double scale = 1.0)
{
    return std::make_unique<ApiRateLimit>(ApiRateLimit::Settings { perAddress, perUser, 3600, scale },
                                          std::make_unique<MemoryBucketStore>());
}

// How many requests from `address` get through before the first 429 (at
// most `tries`).
int admittedFrom(ApiRateLimit &limits, const QString &address, int tries = 100)
{
    for (int i = 0; i < tries; ++i) {
        if (limits.admitAddress(QHostAddress(address)))
            return i;
    }
    return tries;
}

} // namespace

// The API's budgets: token buckets per address and per user, shared by all
// threads, in bounded memory.
class TestApiRateLimit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aBucketHoldsItsBudgetAndRefillsEvenly()
    {
        MemoryBucketStore store;
        const BucketStore::Limit limit { 4, 2 }; // 4 per 2 s
        for (int i = 0; i < 4; ++i)
            QVERIFY(store.take("a", 1, limit, 1000).allowed);
        const BucketStore::Decision refused = store.take("a", 1, limit, 1000);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterMs, qint64(500));
        QVERIFY(store.take("b", 1, limit, 1000).allowed); // another key is untouched
        QVERIFY(!store.take("a", 1, limit, 1499).allowed);
        const BucketStore::Decision again = store.take("a", 1, limit, 1500);
        QVERIFY(again.allowed);
        QCOMPARE(again.remaining, 0.0);
        // Idle for long: full again, never more.
        for (int i = 0; i < 4; ++i)
            QVERIFY(store.take("a", 1, limit, 100'000).allowed);
        QVERIFY(!store.take("a", 1, limit, 100'000).allowed);
    }

    void addressesAndUsersHaveTheirOwnBudgets()
    {
        auto limits = limiter(3, 2);
        QCOMPARE(admittedFrom(*limits, QStringLiteral("192.0.2.1")), 3);
        QCOMPARE(admittedFrom(*limits, QStringLiteral("192.0.2.2")), 3);
        // The same IPv4 address written as IPv6 is the same client.
        QCOMPARE(admittedFrom(*limits, QStringLiteral("::ffff:192.0.2.1")), 0);
        // An IPv6 client holds a /64: one budget for all of it.
        QCOMPARE(admittedFrom(*limits, QStringLiteral("2001:db8::1")), 3);
        QCOMPARE(admittedFrom(*limits, QStringLiteral("2001:db8::ffff:2")), 0);
        QCOMPARE(admittedFrom(*limits, QStringLiteral("2001:db8:0:1::1")), 3);

        QVERIFY(!limits->admitUser(QStringLiteral("ann")));
        QVERIFY(!limits->admitUser(QStringLiteral("ann")));
        const std::optional<quire::server::HttpResponse> refused = limits->admitUser(QStringLiteral("ann"));
        QVERIFY(refused);
        QCOMPARE(refused->status, 429);
        bool retryAfter = false, limit = false;
        for (const auto &[name, value] : refused->headers) {
            retryAfter = retryAfter || (name == "Retry-After" && value.toInt() >= 1);
            limit = limit || (name == "RateLimit-Limit" && value == "2");
        }
        QVERIFY(retryAfter && limit);
        QVERIFY(!limits->admitUser(QStringLiteral("ben")));
    }

    void theScaleMultipliesAndZeroTurnsOff()
    {
        auto scaled = limiter(3, 0, 2.0);
        QCOMPARE(admittedFrom(*scaled, QStringLiteral("192.0.2.1")), 6);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(!scaled->admitUser(QStringLiteral("ann")));
        auto off = limiter(0, 0);
        QCOMPARE(admittedFrom(*off, QStringLiteral("192.0.2.1"), 1000), 1000);
        QVERIFY(ApiRateLimit::applies(QStringLiteral("/api/v1/guides")));
        QVERIFY(!ApiRateLimit::applies(QStringLiteral("/guides/a-page")));
        QVERIFY(!ApiRateLimit::applies(QStringLiteral("/health")));
    }

    void memoryStaysBounded()
    {
        MemoryBucketStore store(1000);
        const BucketStore::Limit limit { 10, 0.01 };
        for (int i = 0; i < 100'000; ++i)
            store.take(QByteArray::number(i), 1, limit, 0);
        QVERIFY2(store.size() <= 1000, qPrintable(QString::number(store.size())));
        QVERIFY(store.size() > 0);
    }

    // Many threads on one bucket: exactly its budget gets through.
    void threadsShareOneBudget()
    {
        MemoryBucketStore store;
        const BucketStore::Limit limit { 1000, 0.001 };
        std::atomic_int allowed = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 1000; ++i) {
                    if (store.take("shared", 1, limit, 5).allowed)
                        ++allowed;
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(allowed.load(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestApiRateLimit)
#include "tst_apiratelimit.moc"
