// SPDX-License-Identifier: GPL-3.0-or-later
// The pre-flight checks on the test engine's database with a moved clock
// and a fake Mastodon: a scheduled post's destinations are checked within
// the lead time before they are due (not earlier, not drafts), each
// problem lands in the destination's synced preflight column as the
// creator will read it (a refused token, no credential, media not on the
// server, text too long for the network), a ready destination shows none;
// nothing is checked twice until the post changes or the recheck interval
// passes; the results reach replicas as server changes.
#include "server/publishing/preflightchecker.h"
#include "tests/server/publishing/fakemastodon.h"
#include "tests/server/publishing/publishingfixture.h"

#include <QTest>

using namespace quire;
using namespace quire::server;

class TestPreflightChecker : public test::PublishingFixture
{
    Q_OBJECT

    FakeMastodon m_mastodon;
    QString m_good;
    QString m_revoked;
    QString m_bare; // no credential stored

    std::unique_ptr<PreflightChecker> checker()
    {
        PreflightChecker::Setup setup;
        setup.holder = QStringLiteral("a");
        setup.sole = true;
        setup.vault = m_vault.get();
        setup.addresses = *AddressPolicy::fromAllowList({ QStringLiteral("127.0.0.1") });
        setup.mediaDir = m_dir.filePath(QStringLiteral("media"));
        setup.policy.checkIntervalMs = 3'600'000; // the test runs each pass itself
        setup.policy.firstRunMs = -1;
        auto c = std::make_unique<PreflightChecker>(std::move(setup));
        if (!c->start(*m_db))
            return nullptr;
        return c;
    }

    static int check(PreflightChecker &c)
    {
        shared::Result<int> started = c.runOnce();
        if (!started || !QTest::qWaitFor([&c] { return c.inFlight() == 0; }, 60000))
            return -1;
        return *started;
    }

    QString found(const QString &destination)
    {
        return column(shared::postDestinationsTable(), QStringLiteral("preflight"), destination);
    }
    QString checkedAt(const QString &destination)
    {
        return column(shared::postDestinationsTable(), QStringLiteral("preflight_at"), destination);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(openFixture());
        QVERIFY(m_mastodon.start());
        m_good = platformAt(QStringLiteral("mastodon"), m_mastodon.baseUrl(),
                            { { "token", m_mastodon.token.toStdString() } });
        m_revoked = platformAt(QStringLiteral("mastodon"), m_mastodon.baseUrl(), { { "token", "revoked" } });
        m_bare = shared::Uuid::createV7();
        QVERIFY(write(shared::platformsTable(), m_bare,
                      { { "client_id", m_client.toStdString() },
                        { "kind", "mastodon" },
                        { "display_name", "Bare" },
                        { "base_url", m_mastodon.baseUrl().toStdString() },
                        { "settings", "{}" } }));
        QVERIFY(!m_good.isEmpty() && !m_revoked.isEmpty());
    }

    void cleanupTestCase() { closeFixture(); }

    void findsWhatWouldStopAPostInTime()
    {
        const QString missing = QStringLiteral("/media/") + QString(64, QLatin1Char('b'));
        const auto ready = post(3 * 3'600'000, { m_good, m_revoked, m_bare, m_good }, QStringLiteral("Fine"),
                                { QString(), QString(), QString(), missing });
        const auto tooLong = post(3 * 3'600'000, { m_good }, QString(501, QLatin1Char('x')));
        const auto later = post(10 * 3'600'000, { m_good });
        auto c = checker();
        QVERIFY(c);
        QCOMPARE(check(*c), 5);
        const QStringList d = ready.second;
        QCOMPARE(found(d[0]), QString());
        QVERIFY(!checkedAt(d[0]).isEmpty());
        QVERIFY2(found(d[1]).startsWith(QStringLiteral("unauthorized: ")), qPrintable(found(d[1])));
        QVERIFY(found(d[1]).contains(QStringLiteral("The access token is invalid")));
        QVERIFY2(found(d[2]).startsWith(QStringLiteral("no_credential: ")), qPrintable(found(d[2])));
        QVERIFY2(found(d[3]).startsWith(QStringLiteral("invalid_content: ")), qPrintable(found(d[3])));
        QVERIFY(found(d[3]).contains(missing));
        QVERIFY2(found(tooLong.second[0]).contains(QStringLiteral("501 characters")),
                 qPrintable(found(tooLong.second[0])));
        QVERIFY(checkedAt(later.second[0]).isEmpty()); // not within the lead time yet
        // Only the verify calls reached the network: nothing was posted.
        QVERIFY(m_mastodon.statuses.isEmpty());
        // Told to replicas as a server change, by the publisher's client.
        QVERIFY(scalar(*m_db,
                       QStringLiteral("SELECT COUNT(*) FROM sync_revisions WHERE row_id = ? AND client_id = "
                                      "'publisher'"),
                       { d[1] })
                > 0);

        // Nothing changed: nothing is checked again, until the interval passes.
        m_clock->advanceMs(10 * 60'000);
        QCOMPARE(check(*c), 0);
        m_clock->advanceMs(61 * 60'000);
        QCOMPARE(check(*c), 5);

        // The creator mends the post: it is checked again at once.
        m_clock->advanceMs(1000);
        QVERIFY(write(shared::postsTable(), tooLong.first,
                      { { "client_id", m_client.toStdString() },
                        { "title", "T" },
                        { "body", "Short now" },
                        { "scheduled_at", shared::Timestamp::format(m_clock->now().addMSecs(3'600'000)).toStdString() },
                        { "time_zone", "UTC" },
                        { "status", "scheduled" } }));
        QCOMPARE(check(*c), 1);
        QCOMPARE(found(tooLong.second[0]), QString());
    }

    void draftsAndPastPostsAreNotChecked()
    {
        const auto draft = post(3'600'000, { m_good });
        QVERIFY(write(shared::postsTable(), draft.first,
                      { { "client_id", m_client.toStdString() },
                        { "title", "T" },
                        { "body", "Draft" },
                        { "scheduled_at", shared::Timestamp::format(m_clock->now().addMSecs(3'600'000)).toStdString() },
                        { "time_zone", "UTC" },
                        { "status", "draft" } }));
        auto c = checker();
        QVERIFY(c);
        m_clock->advanceMs(61 * 60'000); // the first test's posts are due again for a recheck, or past
        check(*c);
        QVERIFY(checkedAt(draft.second[0]).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPreflightChecker)
#include "tst_preflightchecker.moc"
