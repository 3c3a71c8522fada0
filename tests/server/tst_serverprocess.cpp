// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testhttpclient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <csignal>

using namespace quire::test;

// The real quire-server process over TLS on loopback: what it answers,
// how it logs, how it refuses bad requests and how it stops.
class TestServerProcess : public QObject
{
    Q_OBJECT
private:
    ServerProcess m_server;
    std::unique_ptr<TestHttpClient> m_http;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QCOMPARE(m_server.url().scheme(), QStringLiteral("https"));
        QCOMPARE(m_server.url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_server.port() > 0);
        m_http = std::make_unique<TestHttpClient>(m_server.url(), m_server.fingerprint());
    }

    void health()
    {
        const HttpResult r = m_http->get(QStringLiteral("/health"));
        QCOMPARE(r.status, 200);
        const auto j = r.json();
        QVERIFY(j["status"] == "ok");
        QVERIFY(j["database"] == "ok");
        QVERIFY(j["version"] == "0.1.0");
        QVERIFY(j["site_name"] == "Quire");
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    }

    // The configured site name is what readers and the desktop see, escaped.
    void siteNameFromConfig()
    {
        ServerProcess other;
        ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--site-name"), QStringLiteral("Field Notes <&> Co") };
        QVERIFY2(other.start(options), qPrintable(other.errorString()));
        TestHttpClient http(other.url(), other.fingerprint());
        const HttpResult health = http.get(QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QVERIFY(health.json()["site_name"] == "Field Notes <&> Co");
        const HttpResult home = http.get(QStringLiteral("/"));
        QCOMPARE(home.status, 200);
        QVERIFY2(home.body.contains("Field Notes &lt;&amp;&gt; Co"), home.body.left(600).constData());
        QVERIFY(!home.body.contains("Field Notes <&> Co"));
        QVERIFY(other.stop());
    }

    void securityHeaders()
    {
        const HttpResult r = m_http->get(QStringLiteral("/health"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(r.header("Referrer-Policy"), QByteArray("no-referrer"));
        QVERIFY(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        QVERIFY(r.header("Strict-Transport-Security").startsWith("max-age="));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(r.header("X-Request-Id").size(), 16);
        QVERIFY(r.header("Server").isEmpty()); // no version advertised
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown route") << QByteArray("GET") << QStringLiteral("/nowhere") << QByteArray()
                                       << QByteArray() << 404 << QStringLiteral("not_found");
        QTest::newRow("wrong method") << QByteArray("DELETE") << QStringLiteral("/health") << QByteArray()
                                      << QByteArray() << 405 << QStringLiteral("method_not_allowed");
        QTest::newRow("malformed json") << QByteArray("POST") << QStringLiteral("/api/v1/handshake")
                                        << QByteArray("application/json") << QByteArray("{\"client_id\": ") << 400
                                        << QStringLiteral("invalid_json");
        QTest::newRow("json wrong type") << QByteArray("POST") << QStringLiteral("/api/v1/handshake")
                                         << QByteArray("text/plain") << QByteArray("{}") << 415
                                         << QStringLiteral("unsupported_media_type");
        QTest::newRow("fields invalid") << QByteArray("POST") << QStringLiteral("/api/v1/handshake")
                                        << QByteArray("application/json") << QByteArray("{\"schema_version\":\"one\"}")
                                        << 400 << QStringLiteral("validation_failed");
        QTest::newRow("old client")
            << QByteArray("POST") << QStringLiteral("/api/v1/handshake")
            << QByteArray("application/json; charset=utf-8")
            << QByteArray(
                   R"({"client_id":"01890a5d-ac96-774b-bcce-b302099a8057","client_version":"0.0.1","schema_version":0})")
            << 400 << QStringLiteral("validation_failed");
        QTest::newRow("future client")
            << QByteArray("POST") << QStringLiteral("/api/v1/handshake") << QByteArray("application/json")
            << QByteArray(
                   R"({"client_id":"01890a5d-ac96-774b-bcce-b302099a8057","client_version":"9.0.0","schema_version":99})")
            << 409 << QStringLiteral("server_outdated");
    }

    void errors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!contentType.isEmpty())
            headers.append({ "Content-Type", contentType });
        const HttpResult r = m_http->request(method, path, body, headers);
        QCOMPARE(r.status, status);
        const auto j = r.json();
        QVERIFY2(j.contains("error"), r.body.constData());
        QCOMPARE(QString::fromStdString(j["error"]["code"].get<std::string>()), code);
        QVERIFY(j["error"]["message"].is_string() && !j["error"]["message"].get<std::string>().empty());
        QVERIFY(j["error"]["fields"].is_object());
    }

    void malformedJsonNamesTheProblem()
    {
        const HttpResult r = m_http->postJson(QStringLiteral("/api/v1/handshake"), "{\"a\": tru}");
        QCOMPARE(r.status, 400);
        const std::string message = r.json()["error"]["message"].get<std::string>();
        QVERIFY2(message.find("line 1, column") != std::string::npos, message.c_str());
    }

    void validationNamesEachField()
    {
        const HttpResult r
            = m_http->postJson(QStringLiteral("/api/v1/handshake"), R"({"client_id":"nope","surprise":1})");
        QCOMPARE(r.status, 400);
        const auto fields = r.json()["error"]["fields"];
        QVERIFY(fields.contains("client_id"));
        QVERIFY(fields.contains("client_version"));
        QVERIFY(fields.contains("schema_version"));
        QVERIFY(fields.contains("surprise"));
    }

    void methodNotAllowedSaysWhatIs()
    {
        const HttpResult r = m_http->request("PUT", QStringLiteral("/api/v1/handshake"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), QByteArray("POST"));
    }

    void bodyOverLimit()
    {
        const QByteArray big(10 * 1024 * 1024 + 1, ' ');
        const HttpResult r = m_http->postJson(QStringLiteral("/api/v1/handshake"), big);
        QCOMPARE(r.status, 413);
        QVERIFY(r.json()["error"]["code"] == "payload_too_large");
    }

    void handshake()
    {
        const HttpResult r = m_http->postJson(
            QStringLiteral("/api/v1/handshake"),
            R"({"client_id":"01890a5d-ac96-774b-bcce-b302099a8057","client_version":"0.1.0","schema_version":2})");
        QCOMPARE(r.status, 200);
        const auto j = r.json();
        QVERIFY(j["server_version"] == "0.1.0");
        QVERIFY(j["schema_version"] == 2);
        QCOMPARE(j["epoch"].get<std::string>().size(), size_t(32));
    }

    void headHasNoBody()
    {
        const HttpResult r = m_http->raw("HEAD /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
    }

    void pathsNormalisedBeforeRouting_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("trailing slash") << QByteArray("/health/") << 200;
        QTest::newRow("dot segment") << QByteArray("/./health") << 200;
        QTest::newRow("encoded dot") << QByteArray("/%2e/health") << 200;
        QTest::newRow("dot dot") << QByteArray("/api/../health") << 200;
        QTest::newRow("encoded dot dot") << QByteArray("/api/%2E%2E/health") << 200;
        QTest::newRow("double slash inside") << QByteArray("/api/v1//handshake") << 405;
        QTest::newRow("leading double slash") << QByteArray("//health") << 200;
        QTest::newRow("leading double slash, dot") << QByteArray("//health/./") << 200;
        QTest::newRow("leading double slash, deeper") << QByteArray("//api/v1/handshake") << 405;
        QTest::newRow("encoded slash") << QByteArray("/api%2fv1/handshake") << 400;
    }

    void pathsNormalisedBeforeRouting()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        const HttpResult r = m_http->raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(r.status, status);
    }

    void keepAliveServesManyRequests()
    {
        QSslSocket socket;
        const QString fp = m_server.fingerprint();
        connect(&socket, &QSslSocket::sslErrors, &socket,
                [&socket](const QList<QSslError> &e) { socket.ignoreSslErrors(e); });
        socket.connectToHostEncrypted(m_server.url().host(), m_server.port());
        QVERIFY(socket.waitForEncrypted(5000));
        QByteArray all;
        for (int i = 0; i < 20; ++i)
            socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QDeadlineTimer deadline(10000);
        while (all.count("HTTP/1.1 200 OK") < 20 && !deadline.hasExpired()) {
            socket.waitForReadyRead(200);
            all += socket.readAll();
        }
        QCOMPARE(all.count("HTTP/1.1 200 OK"), 20);
    }

    void refusesOldTls()
    {
        QSslSocket socket;
        QSslConfiguration config = socket.sslConfiguration();
        // Deprecated exactly because it is insecure, which is what this checks.
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
        config.setProtocol(QSsl::TlsV1_1);
        QT_WARNING_POP
        socket.setSslConfiguration(config);
        connect(&socket, &QSslSocket::sslErrors, &socket,
                [&socket](const QList<QSslError> &e) { socket.ignoreSslErrors(e); });
        socket.connectToHostEncrypted(m_server.url().host(), m_server.port());
        QVERIFY(!socket.waitForEncrypted(5000));
    }

    // The request log's line for the request `requestId`, parsed.
    nlohmann::json logLineOf(const QByteArray &requestId)
    {
        QByteArray line;
        QDeadlineTimer deadline(5000);
        while (line.isEmpty() && !deadline.hasExpired()) {
            const QList<QByteArray> lines = m_server.standardError().split('\n');
            for (const QByteArray &l : lines) {
                if (l.contains(requestId))
                    line = l;
            }
            if (line.isEmpty())
                QTest::qWait(50); // the server's output is read by the event loop
        }
        if (line.isEmpty())
            return nlohmann::json();
        return nlohmann::json::parse(line.constBegin(), line.constEnd());
    }

    void logsOneJsonLinePerRequest()
    {
        const HttpResult r = m_http->get(QStringLiteral("/health?token=secret-value"));
        QCOMPARE(r.status, 200);
        const nlohmann::json j = logLineOf(r.header("X-Request-Id"));
        QVERIFY2(j.is_object(), "no log line for the request");
        for (const char *key : { "time", "request_id", "method", "path", "status", "duration_ms" })
            QVERIFY2(j.contains(key), key);
        QVERIFY(j["method"] == "GET");
        QVERIFY(j["path"] == "/health");
        QVERIFY(j["status"] == 200);
        QVERIFY(j["duration_ms"].is_number());
        QVERIFY2(!m_server.standardError().contains("secret-value"), "query strings must not be logged");
    }

    void logsTheCpuTimeOfARequestServedOnOneThread()
    {
        // A plain HTTP/1.1 request is answered whole by one worker thread,
        // so its line also says how much CPU time that took, within the
        // wall time (both rounded to the microsecond).
        const HttpResult r = m_http->raw("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(r.status, 200);
        const nlohmann::json j = logLineOf(r.header("X-Request-Id"));
        QVERIFY2(j.is_object(), "no log line for the request");
        QVERIFY2(j.contains("cpu_ms"), "the fast path logs its CPU time");
        QVERIFY(j["cpu_ms"].is_number());
        QVERIFY(j["cpu_ms"].get<double>() >= 0);
        QVERIFY(j["cpu_ms"].get<double>() <= j["duration_ms"].get<double>() + 0.002);
    }

    void healthTurns503WhenTheDatabaseGoesAway()
    {
        // Last: this breaks the server's database on purpose.
        QVERIFY(TestDatabase::takeAway(m_server));
        // Every worker thread has its own connection; each must notice.
        for (int i = 0; i < 6; ++i) {
            TestHttpClient fresh(m_server.url(), m_server.fingerprint());
            const HttpResult r = fresh.get(QStringLiteral("/health"));
            QCOMPARE(r.status, 503);
            const auto j = r.json();
            QVERIFY(j["status"] == "unavailable");
            QVERIFY(j["database"] == "unreachable");
            QVERIFY(j["error"]["code"] == "database_unreachable");
        }
        QVERIFY(TestDatabase::bringBack(m_server));
        QCOMPARE(m_http->get(QStringLiteral("/health")).status, 200);
    }

    void stopsGracefullyOnSigterm()
    {
        // A request in flight when SIGTERM comes is still answered.
        QNetworkAccessManager nam;
        QNetworkRequest request(m_server.url().resolved(QUrl(QStringLiteral("/api/v1/auth/login"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply
            = nam.post(request, R"({"email":"nobody@example.org","password":"hashing takes a while"})");
        connect(reply, &QNetworkReply::sslErrors, reply,
                [reply](const QList<QSslError> &e) { reply->ignoreSslErrors(e); });
        // SIGTERM once the whole request is on the wire.
        bool signalled = false;
        connect(reply, &QNetworkReply::uploadProgress, this, [this, &signalled](qint64 sent, qint64 total) {
            if (!signalled && total > 0 && sent == total) {
                signalled = true;
                ::kill(pid_t(m_server.pid()), SIGTERM);
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
        QVERIFY(signalled);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        QVERIFY(m_server.stop());
        QVERIFY(m_server.standardError().contains("shutting down"));
        // And then nothing is accepted any more.
        QCOMPARE(TestHttpClient(m_server.url(), m_server.fingerprint()).get(QStringLiteral("/health")).status, 0);
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
