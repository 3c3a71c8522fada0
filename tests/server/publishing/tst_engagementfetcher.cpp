// SPDX-License-Identifier: GPL-3.0-or-later
// Engagement fetched back from the networks, on the test engine's database
// with a moved clock: posts the publisher sent to a fake Mastodon and a
// fake Bluesky are asked about through each network's API; a day's row
// holds what that day added, so the days sum to the network's totals; a
// post is not asked again within the interval, nor after its window; a
// webhook (which tells nothing) is never asked; a post the network no
// longer has stores nothing; of two instances only the lease holder asks;
// the credential's use is audited.
#include "server/publishing/engagementfetcher.h"
#include "tests/server/publishing/fakebluesky.h"
#include "tests/server/publishing/fakemastodon.h"
#include "tests/server/publishing/publishingfixture.h"

#include <QTest>

using namespace quire;
using namespace quire::server;

class TestEngagementFetcher : public test::PublishingFixture
{
    Q_OBJECT

    FakeMastodon m_mastodon;
    FakeBluesky m_bluesky;
    FakeHttpServer m_hook;
    QString m_toot;
    QString m_sky;
    QString m_webhook;
    QStringList m_destinations; // mastodon, bluesky, webhook

    std::unique_ptr<EngagementFetcher> fetcher(const QString &holder, shared::Database &db, bool sole = true)
    {
        EngagementFetcher::Setup setup;
        setup.holder = holder;
        setup.sole = sole;
        setup.vault = m_vault.get();
        setup.addresses = *AddressPolicy::fromAllowList({ QStringLiteral("127.0.0.1") });
        setup.policy.checkIntervalMs = 3'600'000; // the test runs each pass itself
        setup.policy.firstRunMs = -1;
        auto f = std::make_unique<EngagementFetcher>(std::move(setup));
        if (!f->start(db))
            return nullptr;
        return f;
    }

    static int fetch(EngagementFetcher &f)
    {
        shared::Result<int> asked = f.runOnce();
        if (!asked || !QTest::qWaitFor([&f] { return f.inFlight() == 0; }, 60000))
            return -1;
        return *asked;
    }

    // likes, comments, shares of a destination on the clock's day.
    QList<qint64> day(const QString &destination)
    {
        const QString when = m_clock->now().date().toString(Qt::ISODate);
        QList<qint64> out;
        for (const char *column : { "likes", "comments", "shares" })
            out << scalar(*m_db,
                          QStringLiteral("SELECT COALESCE(MAX(%1), -1) FROM engagement_metrics "
                                         "WHERE destination_id = ? AND day = ?")
                              .arg(QLatin1String(column)),
                          { destination, when });
        return out;
    }

    QString remoteId(const QString &destination) { return ledger(QStringLiteral("remote_id"), destination); }

private slots:
    void initTestCase()
    {
        QVERIFY(openFixture());
        QVERIFY(m_mastodon.start());
        QVERIFY(m_bluesky.start());
        QVERIFY(m_hook.start());
        m_hook.handler = [](const FakeHttpServer::Seen &) { return FakeHttpServer::answer(200, "{\"id\":\"h1\"}"); };
        m_toot = platformAt(QStringLiteral("mastodon"), m_mastodon.baseUrl(),
                            { { "token", m_mastodon.token.toStdString() } });
        m_sky = platformAt(QStringLiteral("bluesky"), m_bluesky.baseUrl(),
                           { { "identifier", m_bluesky.identifier.toStdString() },
                             { "app_password", m_bluesky.appPassword.toStdString() } });
        m_webhook = platformAt(QStringLiteral("webhook"), QStringLiteral("http://127.0.0.1:%1/h").arg(m_hook.port()),
                               { { "token", "s" } });
        QVERIFY(!m_toot.isEmpty() && !m_sky.isEmpty() && !m_webhook.isEmpty());
        // Published for real, by the publisher, through the fakes.
        m_destinations = post(0, { m_toot, m_sky, m_webhook }, QStringLiteral("Counted")).second;
        auto p = publisher(QStringLiteral("a"), *m_db);
        QVERIFY(p);
        QVERIFY(pass(*p));
        for (const QString &d : std::as_const(m_destinations))
            QCOMPARE(ledger(QStringLiteral("state"), d), QStringLiteral("sent"));
    }

    void cleanupTestCase() { closeFixture(); }

    void daysSumToTheNetworksTotals()
    {
        const QByteArray status = remoteId(m_destinations[0]).toLatin1();
        const QString rkey = remoteId(m_destinations[1]).section(QLatin1Char('/'), -1);
        m_mastodon.counts[status] = { 5, 2, 1 }; // favourites, reblogs, replies
        m_bluesky.counts[rkey] = { 7, 3, 4, 1 }; // likes, reposts, replies, quotes
        auto f = fetcher(QStringLiteral("a"), *m_db);
        QVERIFY(f);
        const qsizetype hookRequests = m_hook.requests.size();
        QCOMPARE(fetch(*f), 2); // the webhook tells nothing and is not asked
        QCOMPARE(m_hook.requests.size(), hookRequests);
        QCOMPARE(day(m_destinations[0]), QList<qint64>({ 5, 1, 2 }));
        QCOMPARE(day(m_destinations[1]), QList<qint64>({ 7, 4, 4 })); // shares: reposts and quotes
        QCOMPARE(day(m_destinations[2]), QList<qint64>({ -1, -1, -1 }));

        // Within the interval nobody is asked again.
        m_clock->advanceMs(10 * 60'000);
        QCOMPARE(fetch(*f), 0);

        // The next day holds what that day added.
        m_clock->advanceMs(24 * 3'600'000);
        m_mastodon.counts[status] = { 9, 2, 3 };
        QCOMPARE(fetch(*f), 2);
        QCOMPARE(day(m_destinations[0]), QList<qint64>({ 4, 2, 0 }));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT SUM(likes) FROM engagement_metrics WHERE destination_id = ?"),
                        { m_destinations[0] }),
                 9);
        QCOMPARE(day(m_destinations[1]), QList<qint64>({ 0, 0, 0 }));
        // Each ask used the credential, and said so in the audit chain.
        QVERIFY(scalar(*m_db,
                       QStringLiteral("SELECT COUNT(*) FROM audit_chain WHERE action = 'credential_used' "
                                      "AND details LIKE '%engagement%'"))
                >= 4);
    }

    void onlyTheLeaseHolderAsks()
    {
        m_clock->advanceMs(2 * 3'600'000);
        auto a = fetcher(QStringLiteral("a"), *m_db, false);
        auto b = fetcher(QStringLiteral("b"), *m_second, false);
        QVERIFY(a && b);
        QCOMPARE(fetch(*a), 2);
        m_clock->advanceMs(61 * 60'000); // past the interval, inside a's lease (two checks long)
        QCOMPARE(fetch(*b), 0);
        QCOMPARE(fetch(*a), 2);
    }

    void aPostTheNetworkLostStoresNothing()
    {
        m_clock->advanceMs(24 * 3'600'000);
        m_mastodon.counts.remove(remoteId(m_destinations[0]).toLatin1()); // 404 now
        auto f = fetcher(QStringLiteral("a"), *m_db);
        QVERIFY(f);
        QCOMPARE(fetch(*f), 2);
        QCOMPARE(day(m_destinations[0]), QList<qint64>({ -1, -1, -1 }));
        QVERIFY(day(m_destinations[1]).first() >= 0);
    }

    void aPostPastItsWindowIsLeftAlone()
    {
        m_clock->advanceMs(31LL * 24 * 3'600'000);
        auto f = fetcher(QStringLiteral("a"), *m_db);
        QVERIFY(f);
        QCOMPARE(fetch(*f), 0);
    }
};

QTEST_GUILESS_MAIN(TestEngagementFetcher)
#include "tst_engagementfetcher.moc"
