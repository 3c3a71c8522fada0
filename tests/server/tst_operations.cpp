// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"
#include "shared/protocol.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testhttpclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple 42");

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// One plain HTTP request to the metrics address: status line and body.
std::pair<QByteArray, QByteArray> plainGet(quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray all;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
        all += socket.readAll();
    all += socket.readAll();
    const qsizetype end = all.indexOf("\r\n\r\n");
    return { all.left(all.indexOf("\r\n")), end < 0 ? QByteArray() : all.mid(end + 4) };
}

// The value of one series (its name with labels, exactly as exposed); -1 when absent.
double valueOf(const QByteArray &exposition, const QByteArray &series)
{
    for (const QByteArray &line : exposition.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

// What operators and load balancers use: the health probes, the Prometheus
// metrics on their own address, and backups with retention and a restore
// drill, all with the real server.
class TestOperations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void healthProbes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("state");
        QTest::newRow("live") << QByteArray("GET") << QStringLiteral("/health/live") << 200 << QStringLiteral("live");
        QTest::newRow("ready") << QByteArray("GET") << QStringLiteral("/health/ready") << 200
                               << QStringLiteral("ready");
        QTest::newRow("live, HEAD") << QByteArray("HEAD") << QStringLiteral("/health/live") << 200 << QString();
        QTest::newRow("ready, HEAD") << QByteArray("HEAD") << QStringLiteral("/health/ready") << 200 << QString();
        QTest::newRow("health as before")
            << QByteArray("GET") << QStringLiteral("/health") << 200 << QStringLiteral("ok");
        QTest::newRow("ready, POST") << QByteArray("POST") << QStringLiteral("/health/ready") << 405 << QString();
        QTest::newRow("live, DELETE") << QByteArray("DELETE") << QStringLiteral("/health/live") << 405 << QString();
        QTest::newRow("no such probe") << QByteArray("GET") << QStringLiteral("/health/started") << 404 << QString();
    }
    void healthProbes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, state);
        if (!m_shared.server().pid())
            QVERIFY2(m_shared.start(), qPrintable(m_shared.server().errorString()));
        const HttpResult r = m_shared.http().request(method, path);
        QVERIFY2(r.status == status, r.body.constData());
        if (!state.isEmpty())
            QVERIFY2(r.json()["status"] == state.toStdString(), r.body.constData());
    }

    void notReadyWhenTheDatabaseIsGone()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(TestDatabase::takeAway(server));
        // Every worker has its own connection; each must say so. Live stays
        // live: restarting the process would not bring the database back.
        for (int i = 0; i < 6; ++i) {
            TestHttpClient fresh(server.url(), server.fingerprint());
            const HttpResult ready = fresh.get(QStringLiteral("/health/ready"));
            QCOMPARE(ready.status, 503);
            const auto j = ready.json();
            QVERIFY(j["status"] == "not_ready");
            QVERIFY(j["error"]["code"] == "database_unreachable");
            QVERIFY(!j["reason"].get<std::string>().empty());
            QCOMPARE(fresh.get(QStringLiteral("/health/live")).status, 200);
        }
        QVERIFY(TestDatabase::bringBack(server));
        for (int i = 0; i < 6; ++i)
            QCOMPARE(TestHttpClient(server.url(), server.fingerprint()).get(QStringLiteral("/health/ready")).status,
                     200);
    }

    void notReadyWhenMigrationsAreMissing()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        // As if the file were swapped for one an older build wrote: the
        // newest migration is not recorded.
        {
            auto db = TestDatabase::open(server);
            QVERIFY(db);
            QVERIFY((*db)->run(QStringLiteral(
                "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)")));
        }
        const HttpResult ready
            = TestHttpClient(server.url(), server.fingerprint()).get(QStringLiteral("/health/ready"));
        QCOMPARE(ready.status, 503);
        QVERIFY2(ready.json()["reason"].get<std::string>().find("schema") != std::string::npos, ready.body.constData());
    }

    void metricsOnTheirOwnAddress()
    {
        const quint16 metricsPort = freePort();
        QVERIFY(metricsPort > 0);
        AccountFixture fx;
        ServerProcess::Options options;
        options.extraArgs << QStringLiteral("--metrics-listen") << QStringLiteral("127.0.0.1:%1").arg(metricsPort);
        QVERIFY2(fx.start(options), qPrintable(fx.server().errorString()));
        QVERIFY(fx.createUser(QStringLiteral("admin@example.org"), QStringLiteral("admin"), kPassword));

        const auto [status0, before] = plainGet(metricsPort, "/metrics");
        QVERIFY2(status0 == "HTTP/1.1 200 OK", status0.constData());
        QVERIFY(before.contains("# TYPE quire_database_query_duration_seconds histogram\n"));
        QVERIFY(valueOf(before, "quire_database_connections") >= 2); // a connection per worker at least

        for (int i = 0; i < 3; ++i)
            QCOMPARE(fx.http().get(QStringLiteral("/health/live")).status, 200);
        QCOMPARE(fx.http().get(QStringLiteral("/api/v1/no/such/thing")).status, 404);
        const QByteArray token = fx.token(QStringLiteral("admin@example.org"), kPassword);
        QVERIFY(!token.isEmpty());
        const HttpResult pushed = fx.pushUpsert(token, QStringLiteral("articles"), quire::shared::Uuid::createV7(),
                                                { { "title", "Counted" }, { "kind", "guide" } });
        QVERIFY2(pushed.status == 200, pushed.body.constData());
        const HttpResult pulled = fx.call(
            "GET", QStringLiteral("/api/v1/sync/pull?schema_version=%1").arg(quire::shared::Protocol::kSchemaVersion),
            token);
        QVERIFY2(pulled.status == 200, pulled.body.constData());

        // The public port never serves the metrics.
        const HttpResult publicMetrics = fx.http().get(QStringLiteral("/metrics"));
        QCOMPARE(publicMetrics.status, 404);
        QVERIFY(!publicMetrics.body.contains("quire_http_requests_total"));

        const auto [status1, after] = plainGet(metricsPort, "/metrics");
        QCOMPARE(status1, QByteArray("HTTP/1.1 200 OK"));
        QVERIFY2(after.contains("# HELP quire_http_requests_total HTTP requests answered"), after.constData());
        QVERIFY(after.contains("# TYPE quire_http_requests_total counter\n"));
        QVERIFY(after.contains("# TYPE quire_http_request_duration_seconds histogram\n"));
        const QByteArray liveSeries = "quire_http_requests_total{route=\"/health/live\",method=\"GET\",status=\"2xx\"}";
        QVERIFY2(valueOf(after, liveSeries) >= 3, after.constData());
        QVERIFY(valueOf(after, "quire_http_request_duration_seconds_count{route=\"/health/live\"}") >= 3);
        // Unknown paths count under one label, never their own.
        QVERIFY(valueOf(after, "quire_http_requests_total{route=\"(unmatched)\",method=\"GET\",status=\"4xx\"}") >= 1);
        QVERIFY(!after.contains("/api/v1/no/such/thing"));
        QVERIFY(valueOf(after, "quire_http_requests_total{route=\"/api/v1/sync/push\",method=\"POST\",status=\"2xx\"}")
                == 1);
        QCOMPARE(valueOf(after, "quire_sync_pushes_total"), 1.0);
        QCOMPARE(valueOf(after, "quire_sync_pushed_rows_total"), 1.0);
        QCOMPARE(valueOf(after, "quire_sync_pulls_total"), 1.0);
        QVERIFY(valueOf(after, "quire_sync_pulled_rows_total") >= 0);
        QVERIFY(valueOf(after, "quire_database_query_duration_seconds_count")
                > valueOf(before, "quire_database_query_duration_seconds_count"));
        // Anything else on the metrics address is a 404.
        QCOMPARE(plainGet(metricsPort, "/health").first, QByteArray("HTTP/1.1 404 Not Found"));
        QVERIFY(fx.server().stop());
    }

    void metricsListenIsValidated_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("no port") << QStringLiteral("127.0.0.1");
        QTest::newRow("not an address") << QStringLiteral("localhost:9464");
        QTest::newRow("port too big") << QStringLiteral("127.0.0.1:70000");
    }
    void metricsListenIsValidated()
    {
        QFETCH(QString, value);
        QTemporaryDir dir;
        const auto r = ServerProcess::run({ QStringLiteral("serve"), QStringLiteral("--data-dir"), dir.path(),
                                            QStringLiteral("--metrics-listen"), value });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--metrics-listen"), r.err.constData());
    }

    void backupRetentionKeepsTheNewest()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTemporaryDir backups;
        const QStringList args { QStringLiteral("backup"), QStringLiteral("--data-dir"),
                                 server.dataDir(),         QStringLiteral("--into"),
                                 backups.path(),           QStringLiteral("--keep"),
                                 QStringLiteral("1") };
        const auto first = ServerProcess::run(args);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QStringList afterFirst = QDir(backups.path()).entryList({ TestDatabase::backupPattern() });
        QCOMPARE(afterFirst.size(), 1);
        QTest::qWait(5); // a new name: they are stamped to the millisecond
        const auto second = ServerProcess::run(args);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QVERIFY(second.out.contains("removed old backup"));
        const QStringList afterSecond = QDir(backups.path()).entryList(QDir::Files);
        QCOMPARE(afterSecond.size(), 1); // nothing half-written left either
        QVERIFY(afterSecond.first() > afterFirst.first());
        QVERIFY(!TestDatabase::epochOfBackup(QDir(backups.path()).filePath(afterSecond.first())).isEmpty());
        // --keep belongs to --into.
        const auto usage = ServerProcess::run(
            { QStringLiteral("backup"), QStringLiteral("--data-dir"), server.dataDir(), QStringLiteral("--to"),
              backups.filePath(QStringLiteral("x.db")), QStringLiteral("--keep"), QStringLiteral("1") });
        QCOMPARE(usage.exitCode, 2);
    }

    void restoreDrill()
    {
        // Back up a server with content, restore into a fresh data directory,
        // start a server there and read the content back through the API.
        AccountFixture fx;
        QVERIFY2(fx.start(), qPrintable(fx.server().errorString()));
        QVERIFY(fx.createUser(QStringLiteral("admin@example.org"), QStringLiteral("admin"), kPassword));
        const QByteArray token = fx.token(QStringLiteral("admin@example.org"), kPassword);
        const HttpResult created = fx.call("POST", QStringLiteral("/api/v1/guides"), token,
                                           R"({"title":"Survives the drill","slug":"survives-the-drill"})");
        QVERIFY2(created.status == 201, created.body.constData());
        const QString id = QString::fromStdString(created.json()["id"].get<std::string>());
        const QString epochBefore = TestDatabase::epochOf(fx.server());
        QVERIFY(!epochBefore.isEmpty());

        QTemporaryDir backups;
        const auto backup = ServerProcess::run({ QStringLiteral("backup"), QStringLiteral("--data-dir"),
                                                 fx.server().dataDir(), QStringLiteral("--into"), backups.path(),
                                                 QStringLiteral("--keep"), QStringLiteral("3") });
        QVERIFY2(backup.exitCode == 0, backup.err.constData());
        const QStringList files = QDir(backups.path()).entryList({ TestDatabase::backupPattern() });
        QCOMPARE(files.size(), 1);
        QVERIFY(fx.server().stop()); // the machine is gone

        QTemporaryDir fresh;
        const auto restore
            = ServerProcess::run({ QStringLiteral("restore"), QStringLiteral("--data-dir"), fresh.path(),
                                   QStringLiteral("--from"), QDir(backups.path()).filePath(files.first()) });
        QVERIFY2(restore.exitCode == 0, restore.err.constData());
        AccountFixture again;
        ServerProcess::Options options;
        options.dataDir = fresh.path();
        QVERIFY2(again.start(options), qPrintable(again.server().errorString()));
        QCOMPARE(again.http().get(QStringLiteral("/health/ready")).status, 200);
        const QByteArray token2 = again.token(QStringLiteral("admin@example.org"), kPassword);
        QVERIFY(!token2.isEmpty()); // the account came back too
        const HttpResult read = again.call("GET", QStringLiteral("/api/v1/guides/") + id, token2);
        QVERIFY2(read.status == 200, read.body.constData());
        QVERIFY(read.json()["title"] == "Survives the drill");
        // A restored database is another history: clients learn it from a new epoch.
        const nlohmann::json hello { { "client_id", quire::shared::Uuid::createV7().toStdString() },
                                     { "client_version", "1.0.0" },
                                     { "schema_version", quire::shared::Protocol::kSchemaVersion } };
        const HttpResult handshake
            = again.http().postJson(QStringLiteral("/api/v1/handshake"), QByteArray::fromStdString(hello.dump()));
        QVERIFY2(handshake.status == 200, handshake.body.constData());
        const QString epochAfter = QString::fromStdString(handshake.json()["epoch"].get<std::string>());
        QVERIFY(!epochAfter.isEmpty());
        QVERIFY(epochAfter != epochBefore);
    }

    void backupUnitsVerify()
    {
        const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
        if (analyze.isEmpty())
            QSKIP("systemd-analyze is not installed");
        // The installed units name /usr/bin/quire-server; verify copies that
        // name this build's binary instead, so verify can check it exists.
        QTemporaryDir dir;
        for (const char *name :
             { "quire-server.service", "quire-server-backup.service", "quire-server-backup.timer" }) {
            QFile in(QStringLiteral(QUIRE_SOURCE_DIR "/installer/") + QLatin1String(name));
            QVERIFY(in.open(QIODevice::ReadOnly));
            QByteArray text = in.readAll();
            text.replace("/usr/bin/quire-server", QFileInfo(ServerProcess::binary()).absoluteFilePath().toUtf8());
            QFile out(dir.filePath(QLatin1String(name)));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(text);
        }
        QProcess verify;
        verify.start(analyze,
                     { QStringLiteral("verify"), QStringLiteral("--man=no"),
                       dir.filePath(QStringLiteral("quire-server-backup.timer")),
                       dir.filePath(QStringLiteral("quire-server-backup.service")),
                       dir.filePath(QStringLiteral("quire-server.service")) });
        QVERIFY(verify.waitForFinished(60000));
        const QByteArray output = verify.readAllStandardError() + verify.readAllStandardOutput();
        // Without a running systemd (a container) verify cannot start; that
        // is not the units' fault.
        if (verify.exitCode() != 0
            && (output.contains("Failed to initialize manager") || output.contains("System has not been booted")))
            QSKIP(
                qPrintable(QStringLiteral("systemd-analyze cannot run here: ") + QString::fromUtf8(output.left(200))));
        QVERIFY2(verify.exitCode() == 0, output.constData());
        QVERIFY2(!output.contains("quire-server-backup"), output.constData()); // no warnings about our units
    }

    void cleanupTestCase()
    {
        if (m_shared.server().pid())
            QVERIFY(m_shared.server().stop());
    }

private:
    AccountFixture m_shared;
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
