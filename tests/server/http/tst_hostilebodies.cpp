// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile JSON against a real quire-server: numbers beyond any range,
// duplicate keys, nesting far too deep and wrong types for every field of
// the routes that read JSON, plus live-channel messages of the wrong shape.
// Each must be answered 400 naming the problem (or the socket closed), and
// the server must keep serving: /health answers after every case and the
// process exits cleanly at the end, never with an abort.
#include "shared/fingerprint.h"
#include "tests/server/accounts/accountfixture.h"

#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSslError>
#include <QTest>
#include <QWebSocket>

using quire::test::AccountFixture;
using quire::test::HttpResult;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple 42");
constexpr int kTimeoutMs = 15000;

enum class Caller { Nobody, Author };

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class TestHostileBodies : public QObject
{
    Q_OBJECT

private:
    AccountFixture m_fx;
    QByteArray m_author;

    HttpResult post(const QString &path, Caller caller, const QByteArray &body)
    {
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", "application/json" } };
        if (caller == Caller::Author)
            headers.append({ "Authorization", "Bearer " + m_author });
        return m_fx.http().request("POST", path, body, headers);
    }

    bool stillServing()
    {
        const HttpResult health = m_fx.http().get(QStringLiteral("/health"));
        return health.status == 200;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_fx.start(), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.createUser(QStringLiteral("author@example.org"), QStringLiteral("author"), kPassword));
        m_author = m_fx.token(QStringLiteral("author@example.org"), kPassword);
        QVERIFY(!m_author.isEmpty());
    }

    // Bodies no parser may read two ways: refused before any route sees them.
    void unreadableJson_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("caller");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("problem"); // part of the message

        const QList<std::pair<const char *, Caller>> routes {
            { "/api/v1/auth/login", Caller::Nobody }, { "/api/v1/handshake", Caller::Nobody },
            { "/api/v1/saved", Caller::Author },      { "/api/v1/guides", Caller::Author },
            { "/api/v1/sync/push", Caller::Author },  { "/session", Caller::Nobody },
        };
        const QList<std::tuple<const char *, QByteArray, QString>> bodies {
            { "1e400", R"({"email":"a@b.c","password":1e400})", QStringLiteral("1e400 is out of range") },
            { "-1e400", R"({"email":"a@b.c","password":-1e400})", QStringLiteral("-1e400 is out of range") },
            { "1e-400", R"({"email":"a@b.c","password":1e-400})", QStringLiteral("1e-400 is out of range") },
            { "huge integer", R"({"email":"a@b.c","password":123456789012345678901234567890})",
              QStringLiteral("123456789012345678901234567890 is out of range") },
            { "huge negative integer", R"({"title":-99999999999999999999})",
              QStringLiteral("-99999999999999999999 is out of range") },
            { "duplicate key", R"({"title":"a","title":"b"})", QStringLiteral("\"title\" appears twice") },
            { "duplicate nested key", R"({"x":[{"y":{"k":1,"k":1}}]})", QStringLiteral("\"k\" appears twice") },
            { "duplicate key on line 3", "{\n  \"a\": 1,\n  \"a\": 2\n}", QStringLiteral("line 3, column 3") },
            { "100000 [", QByteArray(100000, '['), QStringLiteral("nested deeper than 128 levels") },
            { "deep but closed", nested(5000), QStringLiteral("nested deeper than 128 levels") },
            { "deep objects", QByteArray("{\"a\":").repeated(1000) + "1" + QByteArray(1000, '}'),
              QStringLiteral("nested deeper than 128 levels") },
            { "truncated", R"({"email":"a@b.c")", QStringLiteral("line 1, column 17") },
            { "invalid UTF-8", "{\"title\":\"\xC0\xAF\"}", QStringLiteral("ill-formed UTF-8") },
            { "empty", QByteArray(), QStringLiteral("line 1, column 1") },
        };
        for (const auto &[path, caller] : routes) {
            for (const auto &[name, body, problem] : bodies) {
                QTest::addRow("%s %s", path, name) << QString::fromLatin1(path) << int(caller) << body << problem;
            }
        }
    }

    void unreadableJson()
    {
        QFETCH(QString, path);
        QFETCH(int, caller);
        QFETCH(QByteArray, body);
        QFETCH(QString, problem);
        const HttpResult r = post(path, Caller(caller), body);
        QVERIFY2(r.status == 400, qPrintable(QString::number(r.status) + QLatin1Char(' ') + QString::fromUtf8(r.body)));
        const nlohmann::json error = r.json()["error"];
        QCOMPARE(QString::fromStdString(error.value("code", std::string())), QStringLiteral("invalid_json"));
        const QString message = QString::fromStdString(error.value("message", std::string()));
        QVERIFY2(message.contains(problem), qPrintable(message));
        QVERIFY(stillServing());
    }

    // Well-formed JSON with a wrong type in one field: the route's own
    // validation answers 400 and names the field; nothing throws.
    void wrongTypes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("caller");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");

        const QByteArray client = R"("client_id":"0190b6a0-0000-7000-8000-000000000001")";
        const QList<std::tuple<const char *, const char *, Caller, QByteArray, const char *>> rows {
            { "login email number", "/api/v1/auth/login", Caller::Nobody, R"({"email":1,"password":"x"})", "email" },
            { "login email array", "/api/v1/auth/login", Caller::Nobody, R"({"email":[],"password":"x"})", "email" },
            { "login password float", "/api/v1/auth/login", Caller::Nobody, R"({"email":"a@b.c","password":1e300})",
              "password" },
            { "login password object", "/api/v1/auth/login", Caller::Nobody, R"({"email":"a@b.c","password":{}})",
              "password" },
            { "login password null", "/api/v1/auth/login", Caller::Nobody, R"({"email":"a@b.c","password":null})",
              "password" },
            { "handshake client_id", "/api/v1/handshake", Caller::Nobody,
              R"({"client_id":5,"client_version":"1.0","schema_version":2})", "client_id" },
            { "handshake client_version", "/api/v1/handshake", Caller::Nobody,
              "{" + client + R"(,"client_version":[],"schema_version":2})", "client_version" },
            { "handshake schema_version text", "/api/v1/handshake", Caller::Nobody,
              "{" + client + R"(,"client_version":"1.0","schema_version":"1"})", "schema_version" },
            { "handshake schema_version fraction", "/api/v1/handshake", Caller::Nobody,
              "{" + client + R"(,"client_version":"1.0","schema_version":1.5})", "schema_version" },
            { "handshake schema_version beyond int64", "/api/v1/handshake", Caller::Nobody,
              "{" + client + R"(,"client_version":"1.0","schema_version":9223372036854775809})", "schema_version" },
            { "handshake schema_version max uint64", "/api/v1/handshake", Caller::Nobody,
              "{" + client + R"(,"client_version":"1.0","schema_version":18446744073709551615})", "schema_version" },
            { "saved article_id number", "/api/v1/saved", Caller::Author, R"({"article_id":5})", "" },
            { "saved article_id object", "/api/v1/saved", Caller::Author, R"({"article_id":{"a":1}})", "" },
            { "saved article_id null", "/api/v1/saved", Caller::Author, R"({"article_id":null})", "" },
            { "saved not an object", "/api/v1/saved", Caller::Author, R"(["article_id"])", "" },
            { "guide title", "/api/v1/guides", Caller::Author, R"({"title":5})", "title" },
            { "guide slug", "/api/v1/guides", Caller::Author, R"({"title":"t","slug":[]})", "slug" },
            { "guide summary", "/api/v1/guides", Caller::Author, R"({"title":"t","summary":{}})", "summary" },
            { "guide body", "/api/v1/guides", Caller::Author, R"({"title":"t","body":1.5})", "body" },
            { "guide status", "/api/v1/guides", Caller::Author, R"({"title":"t","status":true})", "status" },
            { "guide publish_at", "/api/v1/guides", Caller::Author, R"({"title":"t","publish_at":1})", "publish_at" },
            { "guide cover", "/api/v1/guides", Caller::Author, R"({"title":"t","cover":[1]})", "cover" },
            { "guide seo_title", "/api/v1/guides", Caller::Author, R"({"title":"t","seo_title":{}})", "seo_title" },
            { "guide seo_description", "/api/v1/guides", Caller::Author, R"({"title":"t","seo_description":7})",
              "seo_description" },
            { "guide tags", "/api/v1/guides", Caller::Author, R"({"title":"t","tags":[1]})", "tags" },
            { "guide categories", "/api/v1/guides", Caller::Author, R"({"title":"t","categories":"x"})", "categories" },
            { "guide not an object", "/api/v1/guides", Caller::Author, R"("title")", "body" },
            { "push client_id", "/api/v1/sync/push", Caller::Author,
              R"({"client_id":1,"schema_version":2,"mutations":[]})", "client_id" },
            { "push mutations", "/api/v1/sync/push", Caller::Author,
              "{" + client + R"(,"schema_version":2,"mutations":{}})", "mutations" },
            { "push acked beyond int64", "/api/v1/sync/push", Caller::Author,
              "{" + client + R"(,"schema_version":2,"acked":18446744073709551615,"mutations":[]})", "acked" },
            { "push mutation id", "/api/v1/sync/push", Caller::Author,
              "{" + client + R"(,"schema_version":2,"mutations":[{"id":"1"}]})", "mutations.0.id" },
            { "session email", "/session", Caller::Nobody, R"({"email":true,"password":"x"})", "email" },
        };
        for (const auto &[name, path, caller, body, field] : rows)
            QTest::newRow(name) << QString::fromLatin1(path) << int(caller) << body << QString::fromLatin1(field);
    }

    void wrongTypes()
    {
        QFETCH(QString, path);
        QFETCH(int, caller);
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r = post(path, Caller(caller), body);
        QVERIFY2(r.status == 400, qPrintable(QString::number(r.status) + QLatin1Char(' ') + QString::fromUtf8(r.body)));
        const nlohmann::json error = r.json()["error"];
        QCOMPARE(QString::fromStdString(error.value("code", std::string())), QStringLiteral("validation_failed"));
        if (!field.isEmpty()) {
            QVERIFY2(error["fields"].contains(field.toStdString()), r.body.constData());
        }
        QVERIFY(stillServing());
    }

    // The live channel reads client messages with the same parser and
    // checks each member's type: a bad message closes that socket only.
    void liveMessages_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("type is a number") << QStringLiteral(R"({"type":1})");
        QTest::newRow("token is a number") << QStringLiteral(R"({"type":"auth","access_token":1e400})");
        QTest::newRow("duplicate type") << QStringLiteral(R"({"type":"ping","type":"auth"})");
        QTest::newRow("deep") << QString::fromLatin1(QByteArray(100000, '['));
        QTest::newRow("not an object") << QStringLiteral("[]");
    }

    void liveMessages()
    {
        QFETCH(QString, message);
        QWebSocket socket;
        const QString fingerprint = m_fx.server().fingerprint();
        connect(&socket, &QWebSocket::sslErrors, &socket, [&socket, fingerprint](const QList<QSslError> &errors) {
            if (quire::shared::Fingerprint::ofCertificate(socket.sslConfiguration().peerCertificate()) == fingerprint)
                socket.ignoreSslErrors(errors);
        });
        QUrl url = m_fx.server().url();
        url.setScheme(QStringLiteral("wss"));
        url.setPath(QStringLiteral("/api/v1/sync/live"));
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(QNetworkRequest(url));
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kTimeoutMs);
        socket.sendTextMessage(message);
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, kTimeoutMs);
        QVERIFY2(socket.closeCode() != QWebSocketProtocol::CloseCodeNormal, qPrintable(socket.closeReason()));
        QVERIFY(stillServing());
    }

    void cleanupTestCase()
    {
        QVERIFY(stillServing());
        // A clean exit: the process never aborted along the way.
        QVERIFY(m_fx.server().stop());
    }
};

QTEST_MAIN(TestHostileBodies)

#include "tst_hostilebodies.moc"
