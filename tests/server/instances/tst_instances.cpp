// SPDX-License-Identifier: GPL-3.0-or-later
// Several real quire-server processes on one database behind nginx: a
// session made through the balancer works on every instance, scheduled
// articles are published exactly once though the publishing instance is
// SIGKILLed half-way, changes are heard at once on PostgreSQL (LISTEN/
// NOTIFY), the per-account sign-in allowance, the pair's failure
// back-off and the API budget hold across instances, and the data directory
// is shared only by named instances.
#include "server/articles/schedulepublisher.h"
#include "shared/database.h"
#include "shared/fingerprint.h"
#include "shared/timestamp.h"
#include "tests/support/instancecluster.h"
#include "tests/support/testhttpclient.h"

#include <QDeadlineTimer>
#include <QNetworkRequest>
#include <QSet>
#include <QSignalSpy>
#include <QSslError>
#include <QTest>
#include <QThread>
#include <QWebSocket>

using namespace quire;
using namespace quire::test;

namespace {

const QString kEmail = QStringLiteral("editor@example.org");
const QString kPassword = QStringLiteral("correct horse battery staple");

bool createUser(const QString &dataDir)
{
    const auto r
        = ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"), dataDir,
                               QStringLiteral("--email"), kEmail, QStringLiteral("--role"), QStringLiteral("editor") },
                             60000, {}, kPassword.toUtf8() + '\n');
    if (r.exitCode != 0)
        qWarning("create-user failed: %s", r.err.constData());
    return r.exitCode == 0;
}

QByteArray loginBody(const QString &password)
{
    const nlohmann::json body { { "email", kEmail.toStdString() }, { "password", password.toStdString() } };
    return QByteArray::fromStdString(body.dump());
}

qint64 count(const QString &database, const QString &sql)
{
    auto db = shared::Database::open(database);
    if (!db)
        return -1;
    shared::Result<QVariant> n = (*db)->scalar(sql);
    return n ? n->toLongLong() : -1;
}

// A signed-in live sync socket to `base` that trusts the certificate
// `fingerprint`; true once the server said it is ready.
bool openLive(QWebSocket &socket, QSignalSpy &messages, QUrl base, const QString &fingerprint, const QByteArray &token)
{
    QObject::connect(&socket, &QWebSocket::sslErrors, &socket, [&socket, fingerprint](const QList<QSslError> &errors) {
        if (shared::Fingerprint::ofCertificate(socket.sslConfiguration().peerCertificate()) == fingerprint)
            socket.ignoreSslErrors(errors);
    });
    base.setScheme(QStringLiteral("wss"));
    base.setPath(QStringLiteral("/api/v1/sync/live"));
    QNetworkRequest request(base);
    request.setRawHeader("Authorization", "Bearer " + token);
    socket.open(request);
    QDeadlineTimer deadline(10'000);
    while (messages.isEmpty() && !deadline.hasExpired())
        QTest::qWait(20);
    return !messages.isEmpty() && messages.takeFirst().first().toString().contains(QLatin1String("\"ready\""));
}

QStringList serveArgs(const QString &dataDir)
{
    return { QStringLiteral("serve"),    QStringLiteral("--data-dir"), dataDir,
             QStringLiteral("--port"),   QStringLiteral("0"),          QStringLiteral("--listen"),
             QStringLiteral("127.0.0.1") };
}

} // namespace

class TestInstances : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Sign in through nginx; the instance's name in X-Quire-Instance shows
    // the requests spread over both, and the session is good on each.
    void sessionsValidOnEveryInstanceBehindBalancer()
    {
        InstanceCluster cluster;
        QVERIFY2(cluster.start({}), qPrintable(cluster.errorString()));
        QVERIFY(createUser(cluster.dataDir()));
        TestHttpClient http(cluster.url(), cluster.fingerprint());

        const HttpResult login = http.postJson(QStringLiteral("/api/v1/auth/login"), loginBody(kPassword));
        QVERIFY2(login.status == 200, login.body.constData());
        const QByteArray token = QByteArray::fromStdString(login.json()["access_token"].get<std::string>());
        QVERIFY(!token.isEmpty());

        QSet<QByteArray> served;
        for (int i = 0; i < 12; ++i) {
            const HttpResult me = http.request("GET", QStringLiteral("/api/v1/users/me"), {},
                                               { { "Authorization", "Bearer " + token } });
            QVERIFY2(me.status == 200, me.body.constData());
            QCOMPARE(me.json()["email"].get<std::string>(), kEmail.toStdString());
            served.insert(me.header("X-Quire-Instance"));
        }
        QCOMPARE(served, (QSet<QByteArray> { "quire-1", "quire-2" }));
        // And /health names the instance that answered.
        const HttpResult health = http.get(QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(QByteArray::fromStdString(health.json()["instance"].get<std::string>()),
                 health.header("X-Quire-Instance"));

        // One instance is SIGKILLed: the client carries on through the
        // balancer, on the other, with the same session.
        cluster.instance(0).kill();
        for (int i = 0; i < 6; ++i) {
            const HttpResult me = http.request("GET", QStringLiteral("/api/v1/users/me"), {},
                                               { { "Authorization", "Bearer " + token } });
            QVERIFY2(me.status == 200, me.body.constData());
            QCOMPARE(me.header("X-Quire-Instance"), QByteArray("quire-2"));
        }
    }

    // A readers' page cached on one instance follows a change made through
    // another: the other's ChangeWatcher sees the database's change counter
    // move and empties its page cache.
    void pageChangedOnOneInstanceIsFreshOnTheOther()
    {
        InstanceCluster cluster;
        InstanceCluster::Options o;
        o.balancer = false;
        QVERIFY2(cluster.start(o), qPrintable(cluster.errorString()));
        QVERIFY(createUser(cluster.dataDir()));
        TestHttpClient first(cluster.instance(0).url(), cluster.fingerprint());
        TestHttpClient second(cluster.instance(1).url(), cluster.fingerprint());
        const HttpResult login = first.postJson(QStringLiteral("/api/v1/auth/login"), loginBody(kPassword));
        QVERIFY2(login.status == 200, login.body.constData());
        const QList<QPair<QByteArray, QByteArray>> auth {
            { "Authorization", "Bearer " + QByteArray::fromStdString(login.json()["access_token"].get<std::string>()) },
            { "Content-Type", "application/json" }
        };
        const nlohmann::json article {
            { "title", "First title" }, { "slug", "shared-page" }, { "body", "Words." }, { "status", "published" }
        };
        const HttpResult created
            = first.request("POST", QStringLiteral("/api/v1/guides"), QByteArray::fromStdString(article.dump()), auth);
        QVERIFY2(created.status == 201, created.body.constData());
        const QString id = QString::fromStdString(created.json()["id"].get<std::string>());
        QDeadlineTimer shown(10'000);
        HttpResult page;
        do {
            page = second.get(QStringLiteral("/guides/shared-page"));
        } while (!page.body.contains("First title") && !shown.hasExpired() && (QThread::msleep(100), true));
        QVERIFY2(page.body.contains("First title"), page.body.constData());
        QVERIFY(second.get(QStringLiteral("/guides/shared-page")).body.contains("First title")); // cached now

        const HttpResult changed = first.request("PATCH", QStringLiteral("/api/v1/guides/") + id,
                                                 QByteArray(R"({"title":"Second title"})"), auth);
        QVERIFY2(changed.status == 200, changed.body.constData());
        QDeadlineTimer fresh(10'000);
        do {
            page = second.get(QStringLiteral("/guides/shared-page"));
        } while (!page.body.contains("Second title") && !fresh.hasExpired() && (QThread::msleep(100), true));
        QVERIFY2(page.body.contains("Second title"), page.body.constData());
        QCOMPARE(page.header("X-Quire-Instance"), QByteArray("quire-2"));
    }

    // A change made on one instance reaches live replicas connected to the
    // others: two sockets through nginx (round-robin puts one on each) and
    // one straight to the second instance, the change made on the first.
    void liveNoticesReachEveryInstance()
    {
        InstanceCluster cluster;
        QVERIFY2(cluster.start({}), qPrintable(cluster.errorString()));
        QVERIFY(createUser(cluster.dataDir()));
        TestHttpClient first(cluster.instance(0).url(), cluster.fingerprint());
        const HttpResult login = first.postJson(QStringLiteral("/api/v1/auth/login"), loginBody(kPassword));
        QVERIFY2(login.status == 200, login.body.constData());
        const QByteArray token = QByteArray::fromStdString(login.json()["access_token"].get<std::string>());
        const QUrl targets[] = { cluster.url(), cluster.url(), cluster.instance(1).url() };
        std::vector<std::unique_ptr<QWebSocket>> sockets;
        std::vector<std::unique_ptr<QSignalSpy>> heard;
        for (const QUrl &target : targets) {
            sockets.push_back(std::make_unique<QWebSocket>());
            heard.push_back(std::make_unique<QSignalSpy>(sockets.back().get(), &QWebSocket::textMessageReceived));
            QVERIFY2(openLive(*sockets.back(), *heard.back(), target, cluster.fingerprint(), token),
                     qPrintable(target.toString()));
        }
        const HttpResult created
            = first.request("POST", QStringLiteral("/api/v1/guides"), QByteArray(R"({"title":"Heard everywhere"})"),
                            { { "Authorization", "Bearer " + token }, { "Content-Type", "application/json" } });
        QVERIFY2(created.status == 201, created.body.constData());
        for (size_t i = 0; i < heard.size(); ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(!heard[i]->isEmpty(), 10'000);
            QVERIFY2(heard[i]->first().first().toString().contains(QLatin1String("\"changed\"")),
                     qPrintable(heard[i]->first().first().toString()));
        }
    }

    // On PostgreSQL the other instances hear a commit at once (NOTIFY in
    // the writing transaction, LISTEN in each watcher), not at their next
    // look at the counter: the look is an hour apart here, so only the
    // notice can bring the live message and empty the reader's page cache,
    // which the very next request then shows.
    void changesHeardAtOnceOnPostgres()
    {
        if (ServerProcess::postgresCluster().isEmpty())
            QSKIP("LISTEN/NOTIFY is PostgreSQL's; on SQLite the watcher polls");
        InstanceCluster cluster;
        InstanceCluster::Options o;
        o.balancer = false;
        o.extraArgs << QStringLiteral("--change-poll-seconds") << QStringLiteral("3600");
        QVERIFY2(cluster.start(o), qPrintable(cluster.errorString()));
        QVERIFY(createUser(cluster.dataDir()));
        TestHttpClient first(cluster.instance(0).url(), cluster.fingerprint());
        TestHttpClient second(cluster.instance(1).url(), cluster.fingerprint());
        const HttpResult login = first.postJson(QStringLiteral("/api/v1/auth/login"), loginBody(kPassword));
        QVERIFY2(login.status == 200, login.body.constData());
        const QByteArray token = QByteArray::fromStdString(login.json()["access_token"].get<std::string>());
        const QList<QPair<QByteArray, QByteArray>> auth { { "Authorization", "Bearer " + token },
                                                          { "Content-Type", "application/json" } };
        QWebSocket socket;
        QSignalSpy heard(&socket, &QWebSocket::textMessageReceived);
        QVERIFY(openLive(socket, heard, cluster.instance(1).url(), cluster.fingerprint(), token));
        // The page is asked for (and its absence cached, if at all) first.
        QCOMPARE(second.get(QStringLiteral("/guides/heard-page")).status, 404);

        const nlohmann::json article {
            { "title", "First title" }, { "slug", "heard-page" }, { "body", "Words." }, { "status", "published" }
        };
        const HttpResult created
            = first.request("POST", QStringLiteral("/api/v1/guides"), QByteArray::fromStdString(article.dump()), auth);
        QVERIFY2(created.status == 201, created.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!heard.isEmpty(), 10'000);
        QVERIFY2(heard.takeFirst().first().toString().contains(QLatin1String("\"changed\"")), "not a change notice");
        HttpResult page = second.get(QStringLiteral("/guides/heard-page"));
        QVERIFY2(page.body.contains("First title"), page.body.constData());
        QVERIFY(second.get(QStringLiteral("/guides/heard-page")).body.contains("First title")); // cached now

        const QString id = QString::fromStdString(created.json()["id"].get<std::string>());
        const HttpResult changed = first.request("PATCH", QStringLiteral("/api/v1/guides/") + id,
                                                 QByteArray(R"({"title":"Second title"})"), auth);
        QVERIFY2(changed.status == 200, changed.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!heard.isEmpty(), 10'000);
        // The cache was emptied before the live message went out.
        page = second.get(QStringLiteral("/guides/heard-page"));
        QVERIFY2(page.body.contains("Second title"), page.body.constData());
        QCOMPARE(page.header("X-Quire-Instance"), QByteArray("quire-2"));
    }

    // Scheduled articles come due over a few seconds; the instance holding
    // the publishing lease is SIGKILLed once a third are out; another takes
    // the lease over and every article is published exactly once.
    void scheduledPublishingOnceDespiteKilledInstance()
    {
        const int articles = qEnvironmentVariableIntValue("QUIRE_INSTANCES_ARTICLES") > 0
            ? qEnvironmentVariableIntValue("QUIRE_INSTANCES_ARTICLES")
            : 10'000;
        InstanceCluster cluster;
        InstanceCluster::Options o;
        o.instances = 3;
        o.balancer = false;
        QVERIFY2(cluster.start(o), qPrintable(cluster.errorString()));
        {
            auto db = shared::Database::open(cluster.databaseLocation());
            QVERIFY(db);
            const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(2);
            QVERIFY((*db)->transaction([&]() -> shared::VoidResult {
                for (int i = 0; i < articles; ++i) {
                    // Due over six seconds, in order.
                    const QString due = shared::Timestamp::format(start.addMSecs(qint64(i) * 6000 / articles));
                    const QString id = QStringLiteral("scheduled-%1").arg(i);
                    if (shared::VoidResult r = (*db)->run(
                            QStringLiteral("INSERT INTO articles(id, kind, title, slug, body, status, publish_at, "
                                           "owner_id, created_at, updated_at, rev) VALUES (?, 'guide', 'Due', ?, "
                                           "'Body', 'scheduled', ?, 'nobody', ?, ?, 0)"),
                            { id, id, due, due, due });
                        !r)
                        return r;
                }
                return shared::VoidResult::success();
            }));
        }
        const QString published = QStringLiteral("SELECT count(*) FROM articles WHERE status = 'published'");
        QDeadlineTimer firstThird(60'000);
        while (count(cluster.databaseLocation(), published) < articles / 3 && !firstThird.hasExpired())
            QThread::msleep(50);
        QVERIFY(!firstThird.hasExpired());
        const int holder = cluster.leaseHolder(server::SchedulePublisher::kLeaseName);
        QVERIFY(holder >= 0);
        cluster.instance(holder).kill();
        const qint64 atKill = count(cluster.databaseLocation(), published);
        QVERIFY2(atKill < articles, "the kill came too late to be mid-run");

        QDeadlineTimer all(120'000);
        while (count(cluster.databaseLocation(), published) < articles && !all.hasExpired())
            QThread::msleep(200);
        QCOMPARE(count(cluster.databaseLocation(), published), articles);
        const int successor = cluster.leaseHolder(server::SchedulePublisher::kLeaseName);
        QVERIFY(successor >= 0 && successor != holder);
        // Exactly once: one revision by the scheduler per article, and each
        // publication its own change number.
        QCOMPARE(count(cluster.databaseLocation(),
                       QStringLiteral("SELECT count(*) FROM sync_revisions WHERE client_id = 'scheduler'")),
                 articles);
        QCOMPARE(count(cluster.databaseLocation(),
                       QStringLiteral("SELECT count(DISTINCT row_id) FROM sync_revisions WHERE client_id = "
                                      "'scheduler'")),
                 articles);
        QCOMPARE(count(cluster.databaseLocation(),
                       QStringLiteral("SELECT count(DISTINCT rev) FROM articles WHERE status = 'published'")),
                 articles);
        qInfo("%d articles; %lld published before instance %d was killed", articles, atKill, holder + 1);
    }

    // The per-account sign-in allowance lives in the database: failures
    // spread over two instances use one allowance, so the second instance
    // refuses the sixth attempt although it has seen only three (scale 0.5:
    // five unknown-address attempts per account; each instance alone would
    // allow five). The pair's failure back-off is in the database too: after
    // three failures, two of them on the first instance, the second makes
    // the pair wait; the test waits each back-off out (Retry-After), so the
    // sixth attempt's 429 is the allowance's.
    void signInAllowanceHoldsAcrossInstances()
    {
        InstanceCluster cluster;
        InstanceCluster::Options o;
        o.balancer = false;
        o.extraArgs << QStringLiteral("--rate-limit-scale") << QStringLiteral("0.5");
        QVERIFY2(cluster.start(o), qPrintable(cluster.errorString()));
        QVERIFY(createUser(cluster.dataDir()));
        TestHttpClient first(cluster.instance(0).url(), cluster.fingerprint());
        TestHttpClient second(cluster.instance(1).url(), cluster.fingerprint());
        auto waitOut = [](const HttpResult &r) { QTest::qWait(r.header("Retry-After").toInt() * 1000 + 100); };
        for (int attempt = 0; attempt < 5; ++attempt) {
            TestHttpClient &http = attempt % 2 == 0 ? first : second;
            TestHttpClient &other = attempt % 2 == 0 ? second : first;
            const HttpResult r
                = http.postJson(QStringLiteral("/api/v1/auth/login"), loginBody(QStringLiteral("wrong password")));
            QVERIFY2(r.status == 401, r.body.constData());
            if (attempt >= 2) {
                // From the third failure on the pair waits, on the other
                // instance too (after the third, the second instance has
                // seen one failure only); wait that out.
                const HttpResult held
                    = other.postJson(QStringLiteral("/api/v1/auth/login"), loginBody(QStringLiteral("wrong password")));
                QCOMPARE(held.status, 429);
                waitOut(held);
            }
        }
        const HttpResult refused
            = second.postJson(QStringLiteral("/api/v1/auth/login"), loginBody(QStringLiteral("wrong password")));
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.header("X-Quire-Instance"), QByteArray("quire-2"));
    }

    // The API budget per address holds across instances: requests through
    // nginx alternate between two instances and are refused at the budget
    // (40 here, leased in slices of 4), not at twice it. The window is an
    // hour, so the refill during the test adds no whole request.
    void apiBudgetHoldsAcrossInstances()
    {
        InstanceCluster cluster;
        InstanceCluster::Options o;
        o.extraArgs << QStringLiteral("--api-rate-limit-address") << QStringLiteral("40")
                    << QStringLiteral("--api-rate-limit-window") << QStringLiteral("3600");
        QVERIFY2(cluster.start(o), qPrintable(cluster.errorString()));
        TestHttpClient http(cluster.url(), cluster.fingerprint());
        int allowed = 0;
        QSet<QByteArray> served;
        QSet<QByteArray> refusedBy;
        for (int i = 0; i < 80; ++i) {
            const HttpResult r = http.get(QStringLiteral("/api/v1/openapi.json"));
            served.insert(r.header("X-Quire-Instance"));
            if (r.status == 200) {
                ++allowed;
            } else {
                QVERIFY2(r.status == 429, r.body.constData());
                QVERIFY(r.header("Retry-After").toInt() >= 1);
                refusedBy.insert(r.header("X-Quire-Instance"));
            }
        }
        QCOMPARE(served.size(), 2);
        QCOMPARE(refusedBy.size(), 2);
        // At most the budget; at worst one slice is still held by the other
        // instance when both stop.
        QVERIFY2(allowed <= 40 && allowed >= 36, qPrintable(QString::number(allowed)));
    }

    // Named instances share a data directory on purpose; a server without a
    // name still keeps it to itself, and two instances may not share a name.
    void dataDirectorySharedOnlyByNamedInstances()
    {
        InstanceCluster cluster;
        InstanceCluster::Options o;
        o.balancer = false;
        o.instances = 1;
        QVERIFY2(cluster.start(o), qPrintable(cluster.errorString()));
        ServerProcess::RunResult unnamed = ServerProcess::run(serveArgs(cluster.dataDir()));
        QCOMPARE(unnamed.exitCode, 1);
        QVERIFY2(unnamed.err.contains("in use by another quire-server"), unnamed.err.constData());
        ServerProcess::RunResult sameName = ServerProcess::run(
            serveArgs(cluster.dataDir()) << QStringLiteral("--instance-name") << InstanceCluster::instanceName(0));
        QCOMPARE(sameName.exitCode, 1);
        QVERIFY2(sameName.err.contains("named quire-1"), sameName.err.constData());
        cluster.stop();

        ServerProcess alone;
        ServerProcess::Options a;
        a.dataDir = cluster.dataDir();
        QVERIFY2(alone.start(a), qPrintable(alone.errorString()));
        ServerProcess::RunResult named = ServerProcess::run(
            serveArgs(cluster.dataDir()) << QStringLiteral("--instance-name") << QStringLiteral("x"));
        QCOMPARE(named.exitCode, 1);
        QVERIFY2(named.err.contains("has no --instance-name"), named.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestInstances)
#include "tst_instances.moc"
