// SPDX-License-Identifier: GPL-3.0-or-later
// The readers' own pages against a real quire-server over TLS: the sign-in
// page and its form, safe redirects, the save button for signed-in readers
// (with CSRF), the saved list, and signing out; one Content-Security-Policy
// on every kind of page.
#include "server/http/contentsecuritypolicy.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/server/accounts/outbox.h"

#include <QHostAddress>
#include <QTest>
#include <QUrl>

using quire::test::AccountFixture;
using quire::test::HttpResult;

namespace {
const QString kPassword = QStringLiteral("correct horse battery staple 42");
const QByteArray kForm = "application/x-www-form-urlencoded";

QByteArray cookieFrom(const HttpResult &r)
{
    return r.header("Set-Cookie").split(';').first();
}
} // namespace

class TestReaderSite : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;
    QString m_articleId;

    HttpResult postForm(const QString &path, const QByteArray &body, const QByteArray &cookie = {},
                        const QByteArray &origin = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", kForm } };
        if (!cookie.isEmpty())
            headers.append({ "Cookie", cookie });
        if (!origin.isEmpty())
            headers.append({ "Origin", origin });
        return m_fx.http().request("POST", path, body, headers);
    }

    QByteArray signIn(const QByteArray &next = "/")
    {
        const HttpResult r = postForm(QStringLiteral("/session"),
                                      "email=reader%40example.org&password=correct+horse+battery+staple+42&next="
                                          + QUrl::toPercentEncoding(QString::fromLatin1(next)));
        return r.status == 303 ? cookieFrom(r) : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        quire::test::ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--registration"), QStringLiteral("open") };
        QVERIFY(m_fx.start(options));
        QVERIFY(m_fx.createUser(QStringLiteral("editor@example.org"), QStringLiteral("editor"), kPassword));
        QVERIFY(m_fx.createUser(QStringLiteral("reader@example.org"), QStringLiteral("reader"), kPassword));
        const QByteArray editor = m_fx.token(QStringLiteral("editor@example.org"), kPassword);
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/guides"), editor,
                                 "{\"title\":\"Worth keeping\",\"slug\":\"worth-keeping\",\"body\":\"Text.\","
                                 "\"cover\":\"https://images.example.test/cover.png\"}");
        QCOMPARE(r.status, 201);
        m_articleId = QString::fromStdString(r.json()["id"]);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(m_articleId), editor).status, 200);
    }

    void theSignInPage()
    {
        HttpResult r = m_fx.http().get(QStringLiteral("/sign-in?next=%2Fguides%2Fworth-keeping"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.count("<main"), 1);
        QVERIFY(r.body.contains("<label for=\"email\">"));
        QVERIFY(r.body.contains("<label for=\"password\">"));
        QVERIFY(r.body.contains("autocomplete=\"current-password\""));
        QVERIFY(r.body.contains("name=\"next\" value=\"/guides/worth-keeping\""));
        // What comes in the address is escaped, and foreign destinations are dropped.
        r = m_fx.http().get(QStringLiteral("/sign-in?next=%2F%22%3E%3Cscript%3E"));
        QVERIFY(!r.body.contains("<script>"));
        r = m_fx.http().get(QStringLiteral("/sign-in?failed=1&next=//evil.example"));
        QCOMPARE(r.status, 401);
        QVERIFY(r.body.contains("role=\"alert\""));
        QVERIFY(r.body.contains("name=\"next\" value=\"/\""));
    }

    void signingInGoesBackSafely_data()
    {
        QTest::addColumn<QByteArray>("next");
        QTest::addColumn<QByteArray>("location");
        QTest::newRow("article") << QByteArray("/guides/worth-keeping") << QByteArray("/guides/worth-keeping");
        QTest::newRow("protocol-relative") << QByteArray("//evil.example/") << QByteArray("/");
        QTest::newRow("absolute") << QByteArray("https://evil.example/") << QByteArray("/");
        QTest::newRow("backslash") << QByteArray("/\\evil.example") << QByteArray("/");
        QTest::newRow("javascript") << QByteArray("javascript:alert(1)") << QByteArray("/");
        QTest::newRow("empty") << QByteArray() << QByteArray("/");
    }
    void signingInGoesBackSafely()
    {
        QFETCH(QByteArray, next);
        QFETCH(QByteArray, location);
        const HttpResult r = postForm(QStringLiteral("/session"),
                                      "email=reader%40example.org&password=correct+horse+battery+staple+42&next="
                                          + QUrl::toPercentEncoding(QString::fromLatin1(next)));
        QCOMPARE(r.status, 303);
        QCOMPARE(r.header("Location"), location);
    }

    void registration()
    {
        HttpResult r = m_fx.http().get(QStringLiteral("/register"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("autocomplete=\"new-password\""));
        // Refused: the page again, saying why, with what was typed (escaped, never the password).
        r = postForm(QStringLiteral("/register"), "name=%22%3E%3Cscript%3Ex&email=new%40example.org&password=short");
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("role=\"alert\""));
        QVERIFY(r.body.contains("href=\"#password\""));
        QVERIFY(r.body.contains("value=\"new@example.org\""));
        QVERIFY(r.body.contains("&quot;&gt;&lt;script&gt;x"));
        QVERIFY(!r.body.contains("<script>"));
        QVERIFY(!r.body.contains("value=\"short\""));
        r = postForm(QStringLiteral("/register"), "name=Rea&email=not-an-email&password=correct+horse+battery+staple");
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("href=\"#email\""));
        r = postForm(QStringLiteral("/register"),
                     "name=Again&email=reader%40example.org&password=correct+horse+battery+staple");
        QCOMPARE(r.status, 409);
        // Accepted: on to signing in, which works with the new account.
        r = postForm(QStringLiteral("/register"),
                     "name=New+Reader&email=new%40example.org&password=correct+horse+battery+staple");
        QCOMPARE(r.status, 303);
        QCOMPARE(r.header("Location"), QByteArray("/sign-in?registered=1"));
        QVERIFY(m_fx.http().get(QStringLiteral("/sign-in?registered=1")).body.contains("role=\"status\""));
        r = postForm(QStringLiteral("/session"), "email=new%40example.org&password=correct+horse+battery+staple");
        QCOMPARE(r.status, 303);
        QVERIFY(r.header("Set-Cookie").startsWith("__Host-quire_session="));
    }

    // Cached pages may be answered before Qt's parser sees the request; a
    // connection mixing them with other requests keeps every answer, in order.
    void pipelinedRequestsKeepTheirOrder()
    {
        QVERIFY(m_fx.http().get(QStringLiteral("/guides/worth-keeping")).status == 200); // now cached
        const QByteArray get = "GET /guides/worth-keeping HTTP/1.1\r\nHost: x\r\nAccept-Encoding: identity\r\n\r\n";
        const QByteArray request = get + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + get;
        const HttpResult r = m_fx.http().raw(request, QHostAddress(), 3);
        QCOMPARE(r.wire.count("HTTP/1.1 200"), 3);
        const qsizetype first = r.wire.indexOf("<h1>Worth keeping</h1>");
        const qsizetype health = r.wire.indexOf("\"status\"");
        const qsizetype last = r.wire.lastIndexOf("<h1>Worth keeping</h1>");
        QVERIFY(first > 0 && health > first && last > health);
        // A request with a cookie is never answered from the shared cache.
        const HttpResult withCookie = m_fx.http().raw(
            "GET /guides/worth-keeping HTTP/1.1\r\nHost: x\r\nCookie: __Host-quire_session=nonsense\r\n\r\n");
        QCOMPARE(withCookie.status, 200);
        QCOMPARE(QByteArray(withCookie.wire.contains("private, no-store") ? "private" : "shared"),
                 QByteArray("shared"));
    }

    void loginCsrfIsRefused()
    {
        const HttpResult r = postForm(QStringLiteral("/session"),
                                      "email=reader%40example.org&password=correct+horse+battery+staple+42", {},
                                      "https://evil.example");
        QCOMPARE(r.status, 403);
        QVERIFY(r.header("Set-Cookie").isEmpty());
    }

    // The stylesheet and cover images load on every kind of page: the same
    // policy everywhere, defined once; the API's answers load nothing.
    void oneContentSecurityPolicy_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("signedIn");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("ifNoneMatch");
        // A live link of each mailed kind, as a reader gets it.
        const QString outbox = m_fx.server().dataDir() + QStringLiteral("/outbox");
        int before = quire::test::Outbox::count(outbox);
        m_fx.http().postJson(QStringLiteral("/api/v1/auth/forgot-password"), R"({"email":"reader@example.org"})");
        const std::optional<quire::test::Outbox::Mail> reset
            = quire::test::Outbox::waitForMailTo(outbox, before + 1, QStringLiteral("reader@example.org"));
        before = quire::test::Outbox::count(outbox);
        m_fx.http().postJson(QStringLiteral("/api/v1/auth/register"),
                             R"({"email":"csp@example.org","password":"correct horse battery staple 42","name":"C"})");
        const std::optional<quire::test::Outbox::Mail> verify
            = quire::test::Outbox::waitForMailTo(outbox, before + 1, QStringLiteral("csp@example.org"));
        before = quire::test::Outbox::count(outbox);
        m_fx.call("PUT", QStringLiteral("/api/v1/users/me/email"),
                  m_fx.token(QStringLiteral("csp@example.org"), kPassword),
                  R"({"password":"correct horse battery staple 42","new_email":"csp2@example.org"})");
        const std::optional<quire::test::Outbox::Mail> confirm
            = quire::test::Outbox::waitForMailTo(outbox, before + 1, QStringLiteral("csp2@example.org"));
        QVERIFY(reset && verify && confirm);
        const QByteArray etag = m_fx.http().get(QStringLiteral("/guides/worth-keeping")).header("ETag");
        QVERIFY(!etag.isEmpty());

        QTest::newRow("home") << QStringLiteral("/") << false << 200 << QByteArray();
        QTest::newRow("article") << QStringLiteral("/guides/worth-keeping") << false << 200 << QByteArray();
        QTest::newRow("article, revalidated") << QStringLiteral("/guides/worth-keeping") << false << 304 << etag;
        QTest::newRow("article, signed in") << QStringLiteral("/guides/worth-keeping") << true << 200 << QByteArray();
        QTest::newRow("listing") << QStringLiteral("/guides") << false << 200 << QByteArray();
        QTest::newRow("sign-in") << QStringLiteral("/sign-in") << false << 200 << QByteArray();
        QTest::newRow("sign-in, failed") << QStringLiteral("/sign-in?failed=1") << false << 401 << QByteArray();
        QTest::newRow("register") << QStringLiteral("/register") << false << 200 << QByteArray();
        QTest::newRow("saved") << QStringLiteral("/saved") << true << 200 << QByteArray();
        QTest::newRow("search") << QStringLiteral("/search?q=worth") << false << 200 << QByteArray();
        QTest::newRow("404") << QStringLiteral("/guides/nothing-here") << false << 404 << QByteArray();
        QTest::newRow("404, unknown address") << QStringLiteral("/no/such/page") << false << 404 << QByteArray();
        QTest::newRow("forgot password") << QStringLiteral("/forgot-password") << false << 200 << QByteArray();
        QTest::newRow("reset password") << quire::test::Outbox::linkIn(reset->text) << false << 200 << QByteArray();
        QTest::newRow("verify address") << quire::test::Outbox::linkIn(verify->text) << false << 200 << QByteArray();
        QTest::newRow("confirm new address")
            << quire::test::Outbox::linkIn(confirm->text) << false << 200 << QByteArray();
        QTest::newRow("dead link") << QStringLiteral("/reset-password?token=qt_unknown") << false << 404
                                   << QByteArray();
    }
    void oneContentSecurityPolicy()
    {
        QFETCH(QString, path);
        QFETCH(bool, signedIn);
        QFETCH(int, status);
        QFETCH(QByteArray, ifNoneMatch);
        QList<QPair<QByteArray, QByteArray>> headers { { "Accept", "text/html,*/*;q=0.8" } }; // as a browser asks
        if (signedIn)
            headers.append({ "Cookie", signIn() });
        if (!ifNoneMatch.isEmpty())
            headers.append({ "If-None-Match", ifNoneMatch });
        const HttpResult r = m_fx.http().request("GET", path, {}, headers);
        QCOMPARE(r.status, status);
        const QByteArray policy = r.header("Content-Security-Policy");
        QCOMPARE(policy, QByteArray(quire::server::ContentSecurityPolicy::kSitePages));
        QVERIFY(policy.contains("default-src 'none'"));
        QVERIFY(policy.contains("style-src 'self'"));
        QVERIFY(policy.contains("img-src 'self' https:")); // media from here, covers from https hosts
        QVERIFY(policy.contains("frame-ancestors 'none'"));
        QVERIFY(!policy.contains("script-src"));
        QVERIFY(!policy.contains("unsafe-inline"));
        if (status == 200)
            QVERIFY(r.body.contains("<link rel=\"stylesheet\" href=\"/assets/site.css\">"));
        if (path == QLatin1String("/guides/worth-keeping") && status == 200)
            QVERIFY(r.body.contains("<img src=\"https://images.example.test/cover.png\""));
    }

    void theApiLoadsNothing()
    {
        for (const QString &path : { QStringLiteral("/health"), QStringLiteral("/api/v1/nothing"),
                                     QStringLiteral("/feed.xml"), QStringLiteral("/assets/site.css") }) {
            const QByteArray policy = m_fx.http().get(path).header("Content-Security-Policy");
            QVERIFY2(!policy.contains("style-src") || path == QLatin1String("/feed.xml"), qPrintable(path));
            QVERIFY(policy.startsWith("default-src 'none'"));
        }
        QCOMPARE(m_fx.http().get(QStringLiteral("/health")).header("Content-Security-Policy"),
                 QByteArray(quire::server::ContentSecurityPolicy::kOther));
    }

    // The start page is titled by the site's name once ("Quire", never
    // "Quire · Quire"); other pages by their heading and the site's name.
    void pageTitlesNameTheSiteOnce_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("title");
        QTest::newRow("home") << QStringLiteral("/") << QByteArray("<title>Quire</title>");
        QTest::newRow("guides") << QStringLiteral("/guides") << QByteArray("<title>Guides · Quire</title>");
        QTest::newRow("article") << QStringLiteral("/guides/worth-keeping")
                                 << QByteArray("<title>Worth keeping · Quire</title>");
        QTest::newRow("search") << QStringLiteral("/search") << QByteArray("<title>Search · Quire</title>");
    }
    void pageTitlesNameTheSiteOnce()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, title);
        const HttpResult r = m_fx.http().get(path);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains(title), r.body.left(400).constData());
        QCOMPARE(r.body.count("<title>"), 1);
    }

    // Every page's header has a way to sign in, to the site's sign-in page.
    void theHeaderLinksToSignIn()
    {
        for (const QString &path : { QStringLiteral("/"), QStringLiteral("/guides/worth-keeping"),
                                     QStringLiteral("/search?q=worth"), QStringLiteral("/no-such-page") }) {
            const HttpResult r = m_fx.http().request("GET", path, {}, { { "Accept", "text/html,*/*;q=0.8" } });
            const qsizetype header = r.body.indexOf("<header");
            const qsizetype link = r.body.indexOf("<a class=\"sign-in\" href=\"/sign-in\">Sign in</a>");
            QVERIFY2(header >= 0 && link > header && link < r.body.indexOf("</header>"), qPrintable(path));
        }
        QCOMPARE(m_fx.http().get(QStringLiteral("/sign-in")).status, 200);
    }

    // A signed-in reader's pages say who they are in the header, with Saved
    // and a Sign out form; they are made for that reader, while anonymous
    // readers keep the shared (cached) pages with "Sign in", before and after.
    void theHeaderKnowsASignedInReader_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("start page") << QStringLiteral("/");
        QTest::newRow("listing") << QStringLiteral("/guides");
        QTest::newRow("article") << QStringLiteral("/guides/worth-keeping");
        QTest::newRow("search") << QStringLiteral("/search?q=worth");
    }
    void theHeaderKnowsASignedInReader()
    {
        QFETCH(QString, path);
        const QByteArray signInLink = "<a class=\"sign-in\" href=\"/sign-in\">Sign in</a>";
        const auto header = [](const QByteArray &body) {
            const qsizetype from = body.indexOf("<header");
            return from < 0 ? QByteArray() : body.mid(from, body.indexOf("</header>") - from);
        };
        HttpResult anonymous = m_fx.http().get(path); // the shared page, now cached where pages are
        QCOMPARE(anonymous.status, 200);
        QVERIFY(header(anonymous.body).contains(signInLink));
        QVERIFY(!anonymous.body.contains("Sign out"));
        // Shared caches keep it apart from a signed-in reader's page.
        QCOMPARE(anonymous.header("Vary"), QByteArray("Accept-Encoding, Cookie"));

        const QByteArray cookie = signIn();
        QVERIFY(!cookie.isEmpty());
        const HttpResult mine = m_fx.http().request("GET", path, {}, { { "Cookie", cookie } });
        QCOMPARE(mine.status, 200);
        const QByteArray signedIn = header(mine.body);
        QVERIFY2(!signedIn.contains(signInLink), signedIn.constData());
        QVERIFY2(signedIn.contains("Signed in as <strong>reader</strong>"), signedIn.constData());
        QVERIFY(signedIn.contains("<a href=\"/saved\">Saved</a>"));
        QVERIFY(signedIn.contains("<form class=\"sign-out\" method=\"post\" action=\"/session/logout\">"));
        QVERIFY(signedIn.contains("<button type=\"submit\">Sign out</button>"));
        const int at = int(signedIn.indexOf("name=\"csrf_token\" value=\"")) + 25;
        const QByteArray csrf = signedIn.mid(at, signedIn.indexOf('"', at) - at);
        QVERIFY(csrf.startsWith("qc_"));
        QCOMPARE(mine.header("Cache-Control"), QByteArray("private, no-store"));
        QVERIFY(mine.header("ETag").isEmpty());
        QVERIFY(mine.header("Vary").contains("Cookie"));

        // The reader's page went into no shared cache: anonymous readers,
        // through the front door or not, still get "Sign in".
        anonymous = m_fx.http().get(path);
        QCOMPARE(anonymous.status, 200);
        QVERIFY(header(anonymous.body).contains(signInLink));
        QVERIFY(!anonymous.body.contains("Signed in as"));
        QVERIFY(!anonymous.body.contains(csrf));
        const HttpResult other
            = m_fx.http().request("GET", path, {}, { { "Cookie", "__Host-quire_session=nonsense" } });
        QVERIFY(header(other.body).contains(signInLink));

        // The header's form signs out; the same cookie then gets the shared page.
        QCOMPARE(postForm(QStringLiteral("/session/logout"), "csrf_token=" + csrf, cookie).status, 303);
        const HttpResult after = m_fx.http().request("GET", path, {}, { { "Cookie", cookie } });
        QVERIFY(header(after.body).contains(signInLink));
        QVERIFY(!after.body.contains("Signed in as"));
    }

    // Search snippets are the text a reader sees: the index holds Markdown,
    // the snippet has no `##`, `1.` or `**`, and the words found are marked.
    void searchSnippetsAreTheReadersText()
    {
        const QByteArray editor = m_fx.token(QStringLiteral("editor@example.org"), kPassword);
        HttpResult r = m_fx.call(
            "POST", QStringLiteral("/api/v1/guides"), editor,
            "{\"title\":\"Descaling\",\"slug\":\"descaling\",\"summary\":\"Keep the kettle clean.\","
            "\"body\":\"## Steps\\n\\n1. Rinse the **kettle** with *vinegar*\\n2. Boil [water](https://example.org) "
            "twice\\n\\n| Step | Time |\\n|---|---|\\n| Soak | 1 h |\\n\"}");
        QCOMPARE(r.status, 201);
        const QString id = QString::fromStdString(r.json()["id"]);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id), editor).status, 200);
        r = m_fx.http().get(QStringLiteral("/search?q=rinse"));
        QCOMPARE(r.status, 200);
        const qsizetype hit = r.body.indexOf("href=\"/guides/descaling\"");
        QVERIFY(hit > 0);
        const QByteArray item = r.body.mid(hit, r.body.indexOf("</li>", hit) - hit);
        QVERIFY2(item.contains(
                     "<p>Steps <mark>Rinse</mark> the kettle with vinegar Boil water twice Step Time Soak 1 h</p>"),
                 item.constData());
        for (const char *syntax : { "##", "1.", "**", "*vinegar", "](", "|" })
            QVERIFY2(!item.contains(syntax), syntax);
        // A word only the summary has: the snippet is the summary's.
        r = m_fx.http().get(QStringLiteral("/search?q=clean"));
        QVERIFY2(r.body.contains("<p>Keep the kettle <mark>clean</mark>.</p>"), r.body.constData());
    }

    // An address the site does not have answers with the site's own 404
    // page (its layout, a search box, a way home); the API's stays JSON.
    void unknownPagesAreTheSitesOwn404_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown address") << QStringLiteral("/no-such-page");
        QTest::newRow("deeper") << QStringLiteral("/a/b/c");
        QTest::newRow("unknown article") << QStringLiteral("/guides/nothing-here");
        QTest::newRow("no page number") << QStringLiteral("/guides?page=0");
        QTest::newRow("unknown category") << QStringLiteral("/categories/no-such");
    }
    void unknownPagesAreTheSitesOwn404()
    {
        QFETCH(QString, path);
        // As a browser asks.
        const HttpResult r = m_fx.http().request("GET", path, {}, { { "Accept", "text/html,*/*;q=0.8" } });
        QCOMPARE(r.status, 404);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        QVERIFY(r.body.contains("<title>Page not found · Quire</title>"));
        QVERIFY(r.body.contains("<link rel=\"stylesheet\" href=\"/assets/site.css\">"));
        QVERIFY(r.body.contains("<header class=\"site\""));
        QVERIFY(r.body.contains("<form role=\"search\" action=\"/search\" method=\"get\">"));
        QVERIFY(r.body.contains("<a href=\"/\">Back to the start page</a>"));
    }

    void theApisUnknownAddressesStayJson()
    {
        // Even asked for HTML, the API answers JSON; and a script that does
        // not ask for HTML gets JSON for an unknown page too.
        const HttpResult asked = m_fx.http().request("GET", QStringLiteral("/api/v1/nothing"), {},
                                                     { { "Accept", "text/html,*/*;q=0.8" } });
        QCOMPARE(asked.status, 404);
        QVERIFY(asked.header("Content-Type").startsWith("application/json"));
        const HttpResult script = m_fx.http().get(QStringLiteral("/no/such/page"));
        QCOMPARE(script.status, 404);
        QCOMPARE(QString::fromStdString(script.json()["error"]["code"]), QStringLiteral("not_found"));

        const HttpResult r = m_fx.http().get(QStringLiteral("/api/v1/nothing"));
        QCOMPARE(r.status, 404);
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        QCOMPARE(QString::fromStdString(r.json()["error"]["code"]), QStringLiteral("not_found"));
        // A path a route has, with another method, is still 405.
        QCOMPARE(m_fx.http().request("DELETE", QStringLiteral("/guides"), {}, {}).status, 405);
    }

    void theSaveButton()
    {
        // Anonymous readers get the shared page with a way to sign in.
        HttpResult r = m_fx.http().get(QStringLiteral("/guides/worth-keeping"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("/sign-in?next=%2Fguides%2Fworth-keeping"));
        QVERIFY(!r.body.contains("action=\"/saved/"));

        const QByteArray cookie = signIn();
        QVERIFY(!cookie.isEmpty());
        r = m_fx.http().request("GET", QStringLiteral("/guides/worth-keeping"), {}, { { "Cookie", cookie } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Cache-Control"), QByteArray("private, no-store"));
        QVERIFY(r.body.contains("action=\"/saved/" + m_articleId.toLatin1() + "\""));
        QVERIFY(r.body.contains("aria-pressed=\"false\""));
        const int at = int(r.body.indexOf("name=\"csrf_token\" value=\"")) + 25;
        const QByteArray csrf = r.body.mid(at, r.body.indexOf('"', at) - at);
        QVERIFY(csrf.startsWith("qc_"));
        // The anonymous cached page never shows a reader's button.
        QVERIFY(!m_fx.http().get(QStringLiteral("/guides/worth-keeping")).body.contains("csrf_token"));

        // Without the token: refused, nothing saved.
        QCOMPARE(postForm(QStringLiteral("/saved/") + m_articleId, "action=save", cookie).status, 403);
        r = postForm(QStringLiteral("/saved/") + m_articleId, "action=save&csrf_token=" + csrf, cookie);
        QCOMPARE(r.status, 303);
        QCOMPARE(r.header("Location"), QByteArray("/guides/worth-keeping"));
        r = m_fx.http().request("GET", QStringLiteral("/guides/worth-keeping"), {}, { { "Cookie", cookie } });
        QVERIFY(r.body.contains("aria-pressed=\"true\""));
        // The same list as the API's.
        const QByteArray token = m_fx.token(QStringLiteral("reader@example.org"), kPassword);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/saved"), token).json()["items"].size(), size_t(1));
        r = m_fx.http().request("GET", QStringLiteral("/saved"), {}, { { "Cookie", cookie } });
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("href=\"/guides/worth-keeping\""));

        r = postForm(QStringLiteral("/saved/") + m_articleId, "action=remove&csrf_token=" + csrf, cookie);
        QCOMPARE(r.status, 303);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/saved"), token).json()["items"].size(), size_t(0));
        QCOMPARE(postForm(QStringLiteral("/saved/not-an-article"), "csrf_token=" + csrf, cookie).status, 404);

        // Signed out: /saved asks to sign in again.
        QCOMPARE(postForm(QStringLiteral("/session/logout"), "csrf_token=" + csrf, cookie).status, 303);
        r = m_fx.http().request("GET", QStringLiteral("/saved"), {}, { { "Cookie", cookie } });
        QCOMPARE(r.status, 303);
        QVERIFY(r.header("Location").startsWith("/sign-in"));
    }
};

QTEST_GUILESS_MAIN(TestReaderSite)
#include "tst_readersite.moc"
