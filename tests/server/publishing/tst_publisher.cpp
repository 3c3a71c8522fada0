// SPDX-License-Identifier: GPL-3.0-or-later
// The post publisher in the test's process, on the test engine's database
// (SQLite or PostgreSQL) with a moved clock, against a local fake webhook
// that checks each request: a post due is delivered signed, once, with its
// idempotency key, and its statuses (ledger, destination, post) follow as
// server changes; 503 and 429 retry with backoff, Retry-After honoured; a
// 400 fails with the answer's message; two destinations end partially
// published; a claim whose holder died is taken over with the same key;
// two instances claim each delivery once.
#include "server/credentials/credentialkeys.h"
#include "server/media/mediastore.h"
#include "server/publishing/postpublisher.h"
#include "server/publishing/publishledger.h"
#include "server/publishing/webhookconnector.h"
#include "server/scheduler/platformcredentials.h"
#include "server/serverdatabase.h"
#include "server/sync/syncaccess.h"
#include "server/sync/syncrows.h"
#include "shared/database.h"
#include "shared/schedulertables.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"
#include "tests/server/outbound/fakehttpserver.h"
#include "tests/server/publishing/fakemastodon.h"
#include "tests/server/publishing/publishingfixture.h"
#include "tests/support/instancecluster.h"
#include "tests/support/mockclock.h"
#include "tests/support/serverprocess.h"

#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::server;
using nlohmann::json;

namespace {

const QByteArray kSecret = "webhook-s3cret";

} // namespace

class TestPublisher : public test::PublishingFixture
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_fake;

    // A webhook platform at the fake's `path`, with its secret stored.
    QString platform(const QString &path = QStringLiteral("/hook"))
    {
        return platformAt(QStringLiteral("webhook"),
                          QStringLiteral("http://127.0.0.1:%1%2").arg(m_fake->port()).arg(path),
                          { { "token", kSecret.toStdString() } });
    }
private slots:
    void initTestCase()
    {
        QVERIFY(openFixture());
        m_fake = std::make_unique<FakeHttpServer>();
        QVERIFY(m_fake->start());
    }

    void init()
    {
        m_fake->requests.clear();
        // Plain literals, not raw strings: moc of Qt 6.4 loses this class after
        // a raw string that holds braces (and the test then has no vtable).
        m_fake->handler = [](const FakeHttpServer::Seen &) {
            return FakeHttpServer::answer(200, "{\"id\":\"remote-1\",\"url\":\"https://hook.example/p/1\"}");
        };
    }

    void cleanupTestCase() { closeFixture(); }

    void deliversWhenDueSignedAndOnce()
    {
        auto p = publisher(QStringLiteral("a"), *m_db);
        QVERIFY(p);
        const auto made = post(2000, { platform() }, QStringLiteral("Launch day"));
        const QString postId = made.first;
        const QStringList destinations = made.second;
        const qint64 revBefore
            = column(shared::postDestinationsTable(), QStringLiteral("rev"), destinations[0]).toLongLong();
        QVERIFY(pass(*p));
        QCOMPARE(m_fake->requests.size(), 0); // not yet due
        QCOMPARE(column(shared::postsTable(), QStringLiteral("status"), postId), QStringLiteral("scheduled"));

        m_clock->advanceMs(2000);
        QVERIFY(pass(*p));
        QCOMPARE(m_fake->requests.size(), 1);
        const FakeHttpServer::Seen &seen = m_fake->requests.first();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.target, QByteArray("/hook"));
        const QByteArray timestamp = seen.headers.value("x-quire-timestamp");
        QVERIFY(!timestamp.isEmpty());
        QCOMPARE(seen.headers.value("x-quire-signature"), WebhookConnector::signature(kSecret, timestamp, seen.body));
        QCOMPARE(QString::fromLatin1(seen.headers.value("idempotency-key")),
                 ledger(QStringLiteral("idempotency_key"), destinations[0]));
        const json body = json::parse(seen.body.toStdString());
        QCOMPARE(body.value("text", std::string()), std::string("Launch day"));
        QCOMPARE(body.value("post_id", std::string()), postId.toStdString());
        QCOMPARE(body.value("destination_id", std::string()), destinations[0].toStdString());

        QCOMPARE(ledger(QStringLiteral("state"), destinations[0]), QStringLiteral("sent"));
        QCOMPARE(ledger(QStringLiteral("remote_id"), destinations[0]), QStringLiteral("remote-1"));
        QCOMPARE(column(shared::postDestinationsTable(), QStringLiteral("status"), destinations[0]),
                 QStringLiteral("published"));
        QCOMPARE(column(shared::postDestinationsTable(), QStringLiteral("published_url"), destinations[0]),
                 QStringLiteral("https://hook.example/p/1"));
        QCOMPARE(column(shared::postsTable(), QStringLiteral("status"), postId), QStringLiteral("published"));
        // Server changes: a new rev replicas pull, and a revision by the publisher.
        QVERIFY(column(shared::postDestinationsTable(), QStringLiteral("rev"), destinations[0]).toLongLong()
                > revBefore);
        QVERIFY(
            scalar(*m_db,
                   QStringLiteral("SELECT COUNT(*) FROM sync_revisions WHERE row_id = ? AND client_id = 'publisher'"),
                   { destinations[0] })
            > 0);
        // Audited, without the secret.
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT COUNT(*) FROM audit_chain WHERE action = 'post_published' AND "
                                       "subject_id = ?"),
                        { postId }),
                 1);
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM audit_chain WHERE action = 'credential_used'")) > 0);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM audit_chain WHERE details LIKE ?"),
                        { QStringLiteral("%") + QString::fromLatin1(kSecret) + QStringLiteral("%") }),
                 0);

        // Nothing is sent twice.
        m_clock->advanceMs(600'000);
        QVERIFY(pass(*p));
        QCOMPARE(m_fake->requests.size(), 1);
    }

    void retriesTransientAnswers_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<qint64>("earliestMs"); // the retry is not sooner
        QTest::addColumn<qint64>("latestMs"); // and not later
        QTest::newRow("503") << FakeHttpServer::answer(503, "busy") << qint64(2000) << qint64(4000);
        QTest::newRow("429 Retry-After seconds")
            << FakeHttpServer::answer(429, "slow down", { { "Retry-After", "120" } }) << qint64(120'000)
            << qint64(120'000);
        QTest::newRow("503 Retry-After date")
            << FakeHttpServer::answer(503, "later",
                                      { { "Retry-After",
                                          QLocale::c()
                                              .toString(QDateTime::currentDateTimeUtc().addSecs(3600),
                                                        QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                                              .toLatin1() } })
            << qint64(3000'000) << qint64(3'700'000);
    }

    void retriesTransientAnswers()
    {
        QFETCH(QByteArray, first);
        QFETCH(qint64, earliestMs);
        QFETCH(qint64, latestMs);
        auto p = publisher(QStringLiteral("a"), *m_db);
        QVERIFY(p);
        int calls = 0;
        m_fake->handler
            = [&](const FakeHttpServer::Seen &) { return ++calls == 1 ? first : FakeHttpServer::answer(201, "{}"); };
        const auto made = post(0, { platform() });
        const QString postId = made.first;
        const QStringList destinations = made.second;
        QVERIFY(pass(*p));
        QCOMPARE(calls, 1);
        QCOMPARE(ledger(QStringLiteral("state"), destinations[0]), QStringLiteral("retry"));
        QCOMPARE(column(shared::postDestinationsTable(), QStringLiteral("status"), destinations[0]),
                 QStringLiteral("pending"));
        QVERIFY(!column(shared::postDestinationsTable(), QStringLiteral("last_error"), destinations[0]).isEmpty());
        QCOMPARE(column(shared::postsTable(), QStringLiteral("status"), postId), QStringLiteral("publishing"));
        const QDateTime next = *shared::Timestamp::parse(ledger(QStringLiteral("next_attempt_at"), destinations[0]));
        const qint64 wait = m_clock->now().msecsTo(next);
        QVERIFY2(wait >= earliestMs - 1000 && wait <= latestMs + 1000, qPrintable(QString::number(wait)));

        m_clock->set(next.addMSecs(-500));
        QVERIFY(pass(*p));
        QCOMPARE(calls, 1); // not before its time
        m_clock->set(next);
        QVERIFY(pass(*p));
        QCOMPARE(calls, 2);
        QCOMPARE(m_fake->requests[0].headers.value("idempotency-key"),
                 m_fake->requests[1].headers.value("idempotency-key"));
        QCOMPARE(ledger(QStringLiteral("state"), destinations[0]), QStringLiteral("sent"));
        QCOMPARE(ledger(QStringLiteral("attempts"), destinations[0]), QStringLiteral("2"));
        QCOMPARE(column(shared::postsTable(), QStringLiteral("status"), postId), QStringLiteral("published"));
    }

    void failsWithTheAnswersMessage()
    {
        auto p = publisher(QStringLiteral("a"), *m_db);
        QVERIFY(p);
        m_fake->handler = [](const FakeHttpServer::Seen &) {
            return FakeHttpServer::answer(400, "{\"message\":\"text is too long for this channel\"}");
        };
        const auto made = post(0, { platform() });
        const QString postId = made.first;
        const QStringList destinations = made.second;
        QVERIFY(pass(*p));
        QCOMPARE(ledger(QStringLiteral("state"), destinations[0]), QStringLiteral("failed"));
        QCOMPARE(ledger(QStringLiteral("error_code"), destinations[0]), QStringLiteral("rejected"));
        QCOMPARE(column(shared::postDestinationsTable(), QStringLiteral("status"), destinations[0]),
                 QStringLiteral("failed"));
        QVERIFY(column(shared::postDestinationsTable(), QStringLiteral("last_error"), destinations[0])
                    .contains(QStringLiteral("text is too long for this channel")));
        QCOMPARE(column(shared::postsTable(), QStringLiteral("status"), postId), QStringLiteral("failed"));
        m_clock->advanceMs(3'600'000);
        QVERIFY(pass(*p));
        QCOMPARE(m_fake->requests.size(), 1); // failed stays failed
    }

    void partialSuccessThenRetryOne()
    {
        auto p = publisher(QStringLiteral("a"), *m_db);
        QVERIFY(p);
        bool badRecovers = false;
        m_fake->handler = [&](const FakeHttpServer::Seen &seen) {
            if (seen.target == "/bad" && !badRecovers)
                return FakeHttpServer::answer(403, "{\"error\":\"not allowed\"}");
            return FakeHttpServer::answer(200, "{}");
        };
        const auto made = post(0, { platform(QStringLiteral("/ok")), platform(QStringLiteral("/bad")) });
        const QString postId = made.first;
        const QStringList destinations = made.second;
        QVERIFY(pass(*p));
        QCOMPARE(m_fake->requests.size(), 2);
        QCOMPARE(column(shared::postDestinationsTable(), QStringLiteral("status"), destinations[0]),
                 QStringLiteral("published"));
        QCOMPARE(column(shared::postDestinationsTable(), QStringLiteral("status"), destinations[1]),
                 QStringLiteral("failed"));
        QCOMPARE(column(shared::postsTable(), QStringLiteral("status"), postId), QStringLiteral("partially_published"));

        // Only a failed one can be retried; the published one never again.
        qint64 lastSeq = 0;
        shared::Result<bool> again(false);
        (void)m_db->transaction([&]() -> shared::VoidResult {
            again = PublishLedger::retryFailed(*m_db, postId, destinations[0], m_clock->now(), lastSeq);
            return shared::VoidResult::success();
        });
        QVERIFY(again && !*again);
        badRecovers = true;
        (void)m_db->transaction([&]() -> shared::VoidResult {
            again = PublishLedger::retryFailed(*m_db, postId, destinations[1], m_clock->now(), lastSeq);
            return shared::VoidResult::success();
        });
        QVERIFY(again && *again);
        QVERIFY(pass(*p));
        QCOMPARE(m_fake->requests.size(), 3);
        QCOMPARE(m_fake->requests[2].target, QByteArray("/bad"));
        QCOMPARE(m_fake->requests[1].headers.value("idempotency-key"),
                 m_fake->requests[2].headers.value("idempotency-key"));
        QCOMPARE(column(shared::postsTable(), QStringLiteral("status"), postId), QStringLiteral("published"));
    }

    // The images a destination names go from the media store to the
    // network (Mastodon here: uploaded, then the status); one the server
    // does not have fails that destination before anything is sent.
    void mediaTravelsFromTheStoreToTheNetwork()
    {
        FakeMastodon mastodon;
        QVERIFY(mastodon.start());
        auto p = publisher(QStringLiteral("a"), *m_db);
        QVERIFY(p);
        const QByteArray image = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(400, 'i');
        const QString at = shared::Timestamp::format(m_clock->now());
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO users(id, email, name, role, password_hash, created_at, "
                                         "updated_at) VALUES (?, 'owner@example.com', 'Owner', 'creator', 'x', ?, ?) "
                                         "ON CONFLICT(id) DO NOTHING"),
                          { kOwner, at, at }));
        MediaStore store(*m_db, m_dir.filePath(QStringLiteral("media")));
        const auto stored = store.put(image, QStringLiteral("image/png"), 10, 10, kOwner);
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
        const QString address = QStringLiteral("/media/") + stored->first.sha256;
        const QString toot
            = platformAt(QStringLiteral("mastodon"), mastodon.baseUrl(), { { "token", mastodon.token.toStdString() } });
        const QString missing = QStringLiteral("/media/") + QString(64, QLatin1Char('a'));
        const auto made = post(0, { toot, toot }, QStringLiteral("With a picture"), { address, missing });
        QVERIFY(pass(*p));
        QCOMPARE(mastodon.uploads.size(), 1);
        QCOMPARE(mastodon.uploads.first().bytes, image);
        QCOMPARE(mastodon.uploads.first().mime, QByteArray("image/png"));
        QCOMPARE(mastodon.statuses.size(), 1);
        QCOMPARE(QString::fromStdString(mastodon.statuses.first().body["status"].get<std::string>()),
                 QStringLiteral("With a picture"));
        QCOMPARE(ledger(QStringLiteral("state"), made.second[0]), QStringLiteral("sent"));
        QCOMPARE(ledger(QStringLiteral("state"), made.second[1]), QStringLiteral("failed"));
        QCOMPARE(ledger(QStringLiteral("error_code"), made.second[1]), QStringLiteral("invalid_content"));
        QVERIFY(ledger(QStringLiteral("error_message"), made.second[1]).contains(missing));
        QCOMPARE(column(shared::postsTable(), QStringLiteral("status"), made.first),
                 QStringLiteral("partially_published"));
    }

    void aDeadHoldersClaimIsTakenOverWithTheSameKey()
    {
        auto a = publisher(QStringLiteral("a"), *m_db);
        QVERIFY(a);
        m_fake->handler = [](const FakeHttpServer::Seen &) { return QByteArray(); }; // holds the answer
        const auto made = post(0, { platform() });
        const QString postId = made.first;
        const QStringList destinations = made.second;
        QVERIFY(a->runOnce());
        QTRY_COMPARE_WITH_TIMEOUT(m_fake->requests.size(), 1, 120000);
        QCOMPARE(ledger(QStringLiteral("state"), destinations[0]), QStringLiteral("claimed"));
        QCOMPARE(column(shared::postDestinationsTable(), QStringLiteral("status"), destinations[0]),
                 QStringLiteral("publishing"));
        a.reset(); // dies with the delivery unanswered

        auto b = publisher(QStringLiteral("b"), *m_second);
        QVERIFY(b);
        m_fake->handler = [](const FakeHttpServer::Seen &) { return FakeHttpServer::answer(200, "{}"); };
        QVERIFY(pass(*b));
        QCOMPARE(m_fake->requests.size(), 1); // the lease still runs
        m_clock->advanceMs(61'000);
        QVERIFY(pass(*b));
        QCOMPARE(m_fake->requests.size(), 2);
        QCOMPARE(m_fake->requests[0].headers.value("idempotency-key"),
                 m_fake->requests[1].headers.value("idempotency-key"));
        QCOMPARE(ledger(QStringLiteral("state"), destinations[0]), QStringLiteral("sent"));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM publish_attempts WHERE post_id = ?"), { postId }),
                 1);
        QCOMPARE(column(shared::postsTable(), QStringLiteral("status"), postId), QStringLiteral("published"));
    }

    void twoInstancesClaimEachDeliveryOnce()
    {
        auto a = publisher(QStringLiteral("a"), *m_db);
        auto b = publisher(QStringLiteral("b"), *m_second);
        QVERIFY(a && b);
        const QString hook = platform();
        QStringList all;
        for (int i = 0; i < 30; ++i)
            all += post(0, { hook }).second;
        // Interleaved passes, each on its own connection.
        for (int round = 0; round < 3; ++round) {
            QVERIFY(a->runOnce());
            QVERIFY(b->runOnce());
        }
        QTRY_COMPARE_WITH_TIMEOUT(a->inFlight() + b->inFlight(), 0, 120000);
        QCOMPARE(m_fake->requests.size(), 30);
        QSet<QByteArray> keys;
        for (const FakeHttpServer::Seen &seen : std::as_const(m_fake->requests))
            keys.insert(seen.headers.value("idempotency-key"));
        QCOMPARE(keys.size(), 30);
        for (const QString &d : std::as_const(all))
            QCOMPARE(ledger(QStringLiteral("state"), d), QStringLiteral("sent"));
    }

    // Two real quire-server processes on one database (PostgreSQL under
    // QUIRE_TEST_POSTGRES): each delivery goes out once, whoever claims it.
    void twoServerInstancesClaimEachDeliveryOnce()
    {
        const QString keys = m_dir.filePath(QStringLiteral("credential.keys"));
        test::InstanceCluster cluster;
        test::InstanceCluster::Options options;
        options.balancer = false;
        options.extraArgs << QStringLiteral("--credential-key-file") << keys << QStringLiteral("--outbound-allow")
                          << QStringLiteral("127.0.0.1");
        QVERIFY2(cluster.start(options), qPrintable(cluster.errorString()));
        auto clusterDb = shared::Database::open(cluster.databaseLocation());
        QVERIFY(clusterDb);
        // The helpers write to the cluster's database at the servers' time.
        std::swap(m_db, clusterDb.value());
        m_clock->set(QDateTime::currentDateTimeUtc());
        m_client = shared::Uuid::createV7();
        QVERIFY(write(shared::clientsTable(), m_client, { { "name", "Ada" }, { "time_zone", "UTC" } }));
        const QString hook = platform();
        QStringList all;
        for (int i = 0; i < 40; ++i)
            all += post(1000, { hook }).second;
        const bool sent = QTest::qWaitFor(
            [&] {
                return scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM publish_attempts WHERE state = 'sent'"))
                    == 40;
            },
            240000);
        // Deliveries only: the servers' pre-flight checks use the credential too.
        const qint64 holders = scalar(*m_db,
                                      QStringLiteral("SELECT COUNT(*) FROM audit_chain WHERE action = "
                                                     "'credential_used' AND details LIKE ?"),
                                      { QStringLiteral("%\"purpose\":\"publish\"%") });
        std::swap(m_db, clusterDb.value());
        QVERIFY(sent);
        QCOMPARE(m_fake->requests.size(), 40);
        QSet<QByteArray> seen;
        for (const FakeHttpServer::Seen &r : std::as_const(m_fake->requests))
            seen.insert(r.headers.value("idempotency-key"));
        QCOMPARE(seen.size(), 40);
        QCOMPARE(holders, 40); // one credential use per delivery: none claimed twice
        cluster.stop();
    }

    void backoffGrowsWithJitterAndHonoursRetryAfter()
    {
        PostPublisher::Policy policy;
        policy.backoffBaseMs = 1000;
        policy.backoffMaxMs = 60'000;
        QCOMPARE(PostPublisher::backoffMs(policy, 1, std::nullopt, 0.0), qint64(500));
        QCOMPARE(PostPublisher::backoffMs(policy, 1, std::nullopt, 1.0), qint64(1000));
        QCOMPARE(PostPublisher::backoffMs(policy, 3, std::nullopt, 1.0), qint64(4000));
        QCOMPARE(PostPublisher::backoffMs(policy, 30, std::nullopt, 1.0), qint64(60'000)); // capped
        QCOMPARE(PostPublisher::backoffMs(policy, 1, std::chrono::seconds(90), 0.5), qint64(90'000));
    }
};

QTEST_GUILESS_MAIN(TestPublisher)
#include "tst_publisher.moc"
