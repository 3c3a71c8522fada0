// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/accounts/accountfixture.h"

#include <QTest>

using namespace quire::test;

namespace {
const QString kPassword = QStringLiteral("a long enough passphrase");

QByteArray cookieFrom(const HttpResult &r)
{
    const QByteArray set = r.header("Set-Cookie");
    return set.split(';').first();
}
} // namespace

// Readers' browser sessions (cookie, CSRF) and CORS, against the real server.
class TestWebSession : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;

    HttpResult signIn(const QByteArray &body, const QByteArray &type)
    {
        return m_fx.http().request("POST", QStringLiteral("/session"), body, { { "Content-Type", type } });
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--cors-origins"), QStringLiteral("https://app.example.test"),
                              QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.createUser(QStringLiteral("reader@example.org"), QStringLiteral("reader"), kPassword));
    }

    void signInSetsAHardenedCookie()
    {
        const HttpResult r
            = signIn(R"({"email":"reader@example.org","password":"a long enough passphrase"})", "application/json");
        QCOMPARE(r.status, 200);
        const QByteArray set = r.header("Set-Cookie");
        QVERIFY2(set.startsWith("__Host-quire_session=qw_"), set.constData());
        for (const char *attribute : { "Path=/", "Secure", "HttpOnly", "SameSite=Lax" })
            QVERIFY2(set.contains(attribute), attribute);
        QVERIFY(!set.contains("Domain"));
        QVERIFY(r.json()["csrf_token"].get<std::string>().rfind("qc_", 0) == 0);
        // Every sign-in is a new session.
        const HttpResult again
            = signIn(R"({"email":"reader@example.org","password":"a long enough passphrase"})", "application/json");
        QVERIFY(cookieFrom(again) != cookieFrom(r));
    }

    void formSignInRedirects()
    {
        const HttpResult r = signIn("email=reader%40example.org&password=a+long+enough+passphrase",
                                    "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 303);
        QCOMPARE(r.header("Location"), QByteArray("/"));
        QVERIFY(r.header("Set-Cookie").startsWith("__Host-quire_session="));
        // A wrong password sends the browser back to the sign-in page, which
        // says so; no cookie is set.
        const HttpResult wrong
            = signIn("email=reader%40example.org&password=wrong+wrong+wrong", "application/x-www-form-urlencoded");
        QCOMPARE(wrong.status, 303);
        QVERIFY(wrong.header("Location").startsWith("/sign-in?failed=1"));
        QVERIFY(wrong.header("Set-Cookie").isEmpty());
    }

    void cookieAndBearerNeverCross()
    {
        const HttpResult web
            = signIn(R"({"email":"reader@example.org","password":"a long enough passphrase"})", "application/json");
        const QByteArray cookie = cookieFrom(web);
        QCOMPARE(m_fx.http().request("GET", QStringLiteral("/session"), {}, { { "Cookie", cookie } }).status, 200);
        // The API does not take the cookie...
        QCOMPARE(m_fx.http().request("GET", QStringLiteral("/api/v1/users/me"), {}, { { "Cookie", cookie } }).status,
                 401);
        // ...and the cookie value is no bearer token either.
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), cookie.mid(cookie.indexOf('=') + 1)).status, 401);
        // A bearer token does not open the browser session.
        const QByteArray token = m_fx.token(QStringLiteral("reader@example.org"), kPassword);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/session"), token).status, 401);
    }

    void stateChangesNeedTheCsrfToken()
    {
        const HttpResult web
            = signIn(R"({"email":"reader@example.org","password":"a long enough passphrase"})", "application/json");
        const QByteArray cookie = cookieFrom(web);
        const QByteArray csrf = QByteArray::fromStdString(web.json()["csrf_token"]);
        const HttpResult missing
            = m_fx.http().request("POST", QStringLiteral("/session/logout"), {}, { { "Cookie", cookie } });
        QCOMPARE(missing.status, 403);
        QVERIFY(missing.json()["error"]["code"] == "csrf_failed");
        QCOMPARE(m_fx.http()
                     .request("POST", QStringLiteral("/session/logout"), {},
                              { { "Cookie", cookie }, { "X-CSRF-Token", "qc_forged" } })
                     .status,
                 403);
        // The form field works as well as the header.
        const HttpResult out
            = m_fx.http().request("POST", QStringLiteral("/session/logout"), "csrf_token=" + csrf,
                                  { { "Cookie", cookie }, { "Content-Type", "application/x-www-form-urlencoded" } });
        QCOMPARE(out.status, 303); // the site's sign-out button lands on the start page
        QCOMPARE(out.header("Location"), QByteArray("/"));
        QVERIFY(out.header("Set-Cookie").contains("Max-Age=0"));
        QCOMPARE(m_fx.http().request("GET", QStringLiteral("/session"), {}, { { "Cookie", cookie } }).status, 401);
    }

    void corsOnlyForListedOrigins()
    {
        const HttpResult allowed = m_fx.http().request(
            "OPTIONS", QStringLiteral("/api/v1/users/me"), {},
            { { "Origin", "https://app.example.test" }, { "Access-Control-Request-Method", "GET" } });
        QCOMPARE(allowed.status, 204);
        QCOMPARE(allowed.header("Access-Control-Allow-Origin"), QByteArray("https://app.example.test"));
        QVERIFY(allowed.header("Access-Control-Allow-Headers").contains("Authorization"));
        QVERIFY(allowed.header("Access-Control-Allow-Credentials").isEmpty());
        const HttpResult refused
            = m_fx.http().request("OPTIONS", QStringLiteral("/api/v1/users/me"), {},
                                  { { "Origin", "https://evil.example" }, { "Access-Control-Request-Method", "GET" } });
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.header("Access-Control-Allow-Origin").isEmpty());
        const HttpResult simple
            = m_fx.http().request("GET", QStringLiteral("/health"), {}, { { "Origin", "https://evil.example" } });
        QCOMPARE(simple.status, 200);
        QVERIFY(simple.header("Access-Control-Allow-Origin").isEmpty());
    }

    // The preflight allows every method the API answers to (updates are
    // PATCH), with the headers those requests send, to listed origins only.
    void corsPreflightForEveryMethod_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        const QByteArray app = "https://app.example.test";
        const QByteArray evil = "https://evil.example";
        const QString article = QStringLiteral("/api/v1/guides/01890a5d-ac96-774b-bcce-b302099a8057");
        QTest::newRow("PATCH, listed origin") << app << QByteArray("PATCH") << article << 204;
        QTest::newRow("DELETE, listed origin") << app << QByteArray("DELETE") << article << 204;
        QTest::newRow("POST, listed origin") << app << QByteArray("POST") << QStringLiteral("/api/v1/guides") << 204;
        QTest::newRow("PUT, listed origin") << app << QByteArray("PUT") << QStringLiteral("/api/v1/users/me") << 204;
        QTest::newRow("PATCH, other origin") << evil << QByteArray("PATCH") << article << 403;
    }
    void corsPreflightForEveryMethod()
    {
        QFETCH(QByteArray, origin);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        const HttpResult r
            = m_fx.http().request("OPTIONS", path, {},
                                  { { "Origin", origin },
                                    { "Access-Control-Request-Method", method },
                                    { "Access-Control-Request-Headers", "authorization,content-type,if-match" } });
        QCOMPARE(r.status, status);
        if (status != 204) {
            QVERIFY(r.header("Access-Control-Allow-Origin").isEmpty());
            QVERIFY(r.header("Access-Control-Allow-Methods").isEmpty());
            return;
        }
        QCOMPARE(r.header("Access-Control-Allow-Origin"), origin);
        QList<QByteArray> methods;
        for (const QByteArray &m : r.header("Access-Control-Allow-Methods").split(','))
            methods << m.trimmed();
        QVERIFY2(methods.contains(method), r.header("Access-Control-Allow-Methods").constData());
        QList<QByteArray> headers;
        for (const QByteArray &h : r.header("Access-Control-Allow-Headers").split(','))
            headers << h.trimmed().toLower();
        for (const char *h : { "authorization", "content-type", "if-match" })
            QVERIFY2(headers.contains(h), r.header("Access-Control-Allow-Headers").constData());
    }

    void securityHeadersOnEveryAnswer()
    {
        for (const HttpResult &r :
             { m_fx.http().get(QStringLiteral("/health")), m_fx.http().get(QStringLiteral("/nothing")),
               m_fx.http().get(QStringLiteral("/api/v1/users/me")) }) {
            QVERIFY(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
            QVERIFY(!r.header("Content-Security-Policy").contains("unsafe-inline"));
            QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
            QCOMPARE(r.header("Referrer-Policy"), QByteArray("no-referrer"));
            QVERIFY(r.header("Strict-Transport-Security").startsWith("max-age="));
            QVERIFY(r.header("Server").isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestWebSession)
#include "tst_websession.moc"
