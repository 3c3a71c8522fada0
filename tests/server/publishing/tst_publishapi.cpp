// SPDX-License-Identifier: GPL-3.0-or-later
// The post publisher in the real server (TLS), with no desktop at all: a
// post due in a moment reaches a local fake webhook, signed, and its
// statuses show through the API; POST /posts/:id/publish publishes now or
// retries one failed destination, with its errors and the role matrix
// (author and reader 403, another creator's post 404); a server SIGKILLed
// while the webhook holds its answer sends the same Idempotency-Key after
// its restart, and the ledger ends with one delivery.
#include "server/credentials/credentialkeys.h"
#include "server/publishing/webhookconnector.h"
#include "shared/clock.h"
#include "shared/timestamp.h"
#include "tests/server/outbound/fakehttpserver.h"
#include "tests/server/scheduler/schedulerapifixture.h"
#include "tests/support/testdatabase.h"

#include <QTemporaryDir>
#include <QTest>

using nlohmann::json;
using quire::test::HttpResult;

namespace {

const QByteArray kSecret = "hook-secret-for-tests";

} // namespace

class TestPublishApi : public quire::test::SchedulerApiFixture
{
    Q_OBJECT

    QTemporaryDir m_dataDir;
    FakeHttpServer m_fake;
    QString m_client, m_hook, m_badHook;
    bool m_badRecovers = false;

    QString hookPlatform(const char *path)
    {
        const QString id = make(
            QStringLiteral("platforms"), m_creator,
            { { "client_id", m_client.toStdString() },
              { "kind", "webhook" },
              { "display_name", "Hook" },
              { "base_url",
                QStringLiteral("http://127.0.0.1:%1%2").arg(m_fake.port()).arg(QLatin1String(path)).toStdString() } });
        const HttpResult stored = m_fx.call("POST", QStringLiteral("/api/v1/platforms/%1/credentials").arg(id),
                                            m_creator, quire::test::json({ { "token", kSecret.toStdString() } }));
        return stored.status == 200 ? id : QString();
    }

    // A post to `platforms`, scheduled `inMs` from now (status scheduled),
    // or a draft without a time when inMs < 0.
    QString makePost(const QStringList &platforms, qint64 inMs)
    {
        json destinations = json::array();
        for (const QString &p : platforms)
            destinations.push_back({ { "platform_id", p.toStdString() } });
        json body { { "client_id", m_client.toStdString() },
                    { "title", "T" },
                    { "body", "Hello from the server" },
                    { "destinations", destinations } };
        if (inMs >= 0) {
            body["status"] = "scheduled";
            body["scheduled_at"]
                = quire::shared::Timestamp::format(QDateTime::currentDateTimeUtc().addMSecs(inMs)).toStdString();
        }
        return make(QStringLiteral("posts"), m_creator, body);
    }

    json getPost(const QString &id)
    {
        return m_fx.call("GET", QStringLiteral("/api/v1/posts/") + id, m_creator).json();
    }
    QString statusOf(const QString &id) { return text(getPost(id), "status"); }
    static std::string errorCode(const HttpResult &r) { return r.json()["error"].value("code", std::string()); }

    HttpResult publish(const QString &id, const QByteArray &token, const json &body = json::object())
    {
        return m_fx.call("POST", QStringLiteral("/api/v1/posts/%1/publish").arg(id), token, quire::test::json(body));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        QVERIFY(m_fake.start());
        // Plain literals, not raw strings: moc of Qt 6.4 loses this class after
        // a raw string that holds braces (and the test then has no vtable).
        m_fake.handler = [this](const FakeHttpServer::Seen &seen) {
            const QByteArray ts = seen.headers.value("x-quire-timestamp");
            if (seen.headers.value("x-quire-signature")
                != quire::server::WebhookConnector::signature(kSecret, ts, seen.body))
                return FakeHttpServer::answer(401, "{\"message\":\"bad signature\"}");
            if (seen.target == "/bad" && !m_badRecovers)
                return FakeHttpServer::answer(400, "{\"message\":\"channel closed\"}");
            if (seen.target == "/hold")
                return QByteArray(); // holds the answer
            return FakeHttpServer::answer(200, "{\"id\":\"r1\",\"url\":\"https://hook.example/r1\"}");
        };
        const QString keyFile = m_dataDir.filePath(QStringLiteral("credential.keys"));
        QVERIFY(quire::server::CredentialKeys::createKeyFile(keyFile));
        quire::test::ServerProcess::Options options;
        options.dataDir = m_dataDir.path();
        options.extraArgs << QStringLiteral("--credential-key-file") << keyFile << QStringLiteral("--outbound-allow")
                          << QStringLiteral("127.0.0.1");
        QVERIFY(startWithCreators(options));
        m_client = makeClient(m_creator);
        m_hook = hookPlatform("/hook");
        m_badHook = hookPlatform("/bad");
        QVERIFY(!m_hook.isEmpty() && !m_badHook.isEmpty());
    }

    void cleanupTestCase() { QVERIFY(m_fx.server().stop()); }

    void aDuePostIsPublishedWithNoDesktop()
    {
        const qsizetype before = m_fake.requests.size();
        const QString id = makePost({ m_hook }, 1500);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("published"), 120000);
        QCOMPARE(m_fake.requests.size(), before + 1);
        const json post = getPost(id);
        QCOMPARE(text(post["destinations"][0], "status"), QStringLiteral("published"));
        QCOMPARE(text(post["destinations"][0], "published_url"), QStringLiteral("https://hook.example/r1"));
        QVERIFY(!m_fake.requests.last().headers.value("idempotency-key").isEmpty());
    }

    void publishNowAndRetryOneDestination()
    {
        const QString id = makePost({ m_hook, m_badHook }, -1);
        QCOMPARE(statusOf(id), QStringLiteral("draft"));
        const HttpResult now = publish(id, m_creator);
        QCOMPARE(now.status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("partially_published"), 120000);
        const json post = getPost(id);
        QString failed;
        for (const json &d : post["destinations"]) {
            if (text(d, "status") == QLatin1String("failed")) {
                failed = text(d, "id");
                QVERIFY(text(d, "last_error").contains(QStringLiteral("channel closed")));
            }
        }
        QVERIFY(!failed.isEmpty());
        // A published destination is not retried; the failed one is.
        for (const json &d : post["destinations"]) {
            if (text(d, "status") == QLatin1String("published")) {
                const HttpResult again = publish(id, m_creator, { { "destination_id", d["id"] } });
                QCOMPARE(again.status, 400);
                QCOMPARE(errorCode(again), std::string("validation_failed"));
                QCOMPARE(errorFields(again), QStringList { QStringLiteral("destination_id") });
            }
        }
        m_badRecovers = true;
        QCOMPARE(publish(id, m_creator, { { "destination_id", failed.toStdString() } }).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("published"), 120000);
        m_badRecovers = false;
        const HttpResult done = publish(id, m_creator);
        QCOMPARE(done.status, 400);
        QCOMPARE(errorCode(done), std::string("validation_failed"));
        QCOMPARE(errorFields(done), QStringList { QStringLiteral("status") });
        QCOMPARE(statusOf(id), QStringLiteral("published")); // untouched
    }

    void publishErrorsAndRoles_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("status");
        QTest::newRow("author") << QStringLiteral("author") << 403;
        QTest::newRow("reader") << QStringLiteral("reader") << 403;
        QTest::newRow("stranger") << QStringLiteral("stranger") << 404;
    }

    void publishErrorsAndRoles()
    {
        QFETCH(QString, who);
        QFETCH(int, status);
        const QString id = makePost({ m_hook }, 3'600'000);
        const QByteArray token = who == QLatin1String("stranger") ? m_stranger : tokenOf(who);
        QCOMPARE(publish(id, token).status, status);
        QCOMPARE(statusOf(id), QStringLiteral("scheduled")); // untouched
    }

    void publishRefusals()
    {
        const QString id = makePost({ m_hook }, 3'600'000);
        HttpResult r = publish(id, m_creator, { { "surprise", 1 } });
        QCOMPARE(r.status, 400);
        QCOMPARE(errorFields(r), QStringList { QStringLiteral("surprise") });
        r = publish(id, m_creator, { { "destination_id", "not-a-uuid" } });
        QCOMPARE(r.status, 400);
        QCOMPARE(errorFields(r), QStringList { QStringLiteral("destination_id") });
        r = publish(id, m_creator, { { "destination_id", "0190a5d2-0000-7000-8000-000000000000" } });
        QCOMPARE(r.status, 400);
        QCOMPARE(errorFields(r), QStringList { QStringLiteral("destination_id") });
        // A destination that has not failed is not retried.
        const QString scheduledDestination = text(getPost(id)["destinations"][0], "id");
        r = publish(id, m_creator, { { "destination_id", scheduledDestination.toStdString() } });
        QCOMPARE(r.status, 400);
        QCOMPARE(errorFields(r), QStringList { QStringLiteral("destination_id") });
        QCOMPARE(statusOf(id), QStringLiteral("scheduled")); // untouched
        QCOMPARE(publish(QStringLiteral("0190a5d2-0000-7000-8000-000000000001"), m_creator).status, 404);
        const HttpResult cancelled = m_fx.call("PUT", QStringLiteral("/api/v1/posts/") + id, m_creator,
                                               quire::test::json({ { "status", "cancelled" } }));
        QCOMPARE(cancelled.status, 200);
        r = publish(id, m_creator);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), std::string("validation_failed"));
        QCOMPARE(errorFields(r), QStringList { QStringLiteral("status") });
        QCOMPARE(statusOf(id), QStringLiteral("cancelled")); // untouched
        const QString empty = makePost({}, -1);
        r = publish(empty, m_creator);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorFields(r), QStringList { QStringLiteral("destinations") });
        QCOMPARE(statusOf(empty), QStringLiteral("draft")); // untouched
        // A body that is not an object is refused before anything is looked up.
        r = m_fx.call("POST", QStringLiteral("/api/v1/posts/%1/publish").arg(id), m_creator, "[1]");
        QCOMPARE(r.status, 400);
    }

    // Last: it restarts the server.
    void aKilledServerSendsTheSameKeyAfterItsRestart()
    {
        const QString hold = hookPlatform("/hold");
        QVERIFY(!hold.isEmpty());
        const qsizetype before = m_fake.requests.size();
        const QString id = makePost({ hold }, -1);
        QCOMPARE(publish(id, m_creator).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.requests.size(), before + 1, 120000);
        const QByteArray key = m_fake.requests.last().headers.value("idempotency-key");
        QVERIFY(!key.isEmpty());
        QVERIFY(m_fx.restart(true)); // SIGKILL while the webhook holds its answer
        m_creator = m_fx.token(QStringLiteral("creator@example.org"), quire::test::kContentPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.requests.size(), before + 2, 120000);
        QCOMPARE(m_fake.requests.last().headers.value("idempotency-key"), key);
        auto db = quire::test::TestDatabase::open(m_fx.server());
        QVERIFY(db);
        const auto rows
            = (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM publish_attempts WHERE post_id = ?"), { id });
        QVERIFY(rows);
        QCOMPARE(rows->toInt(), 1);
        QCOMPARE(statusOf(id), QStringLiteral("publishing"));
    }
};

QTEST_GUILESS_MAIN(TestPublishApi)
#include "tst_publishapi.moc"
