// SPDX-License-Identifier: GPL-3.0-or-later
// The readers' pages behind the links the server mails, used as a browser
// would against a real quire-server over TLS: ask for the mail, read it from
// the outbox, open the link (a page with a form and the right headers, and
// nothing changed yet), send the form (refused without its CSRF field or
// cookie, from another site, with a weak or mistyped password), then sign in
// through the API. Expired, used and unknown links each get their page, and
// no token ever reaches the server's log.
#include "shared/database.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/server/accounts/outbox.h"
#include "tests/support/testdatabase.h"

#include <QRegularExpression>
#include <QTest>

using quire::test::AccountFixture;
using quire::test::HttpResult;
namespace Outbox = quire::test::Outbox;

namespace {

const QString kPassword = QStringLiteral("a long enough passphrase");
const QString kNewPassword = QStringLiteral("the new passphrase here");
const QByteArray kSite = "https://docs.example.test";
const QByteArray kForm = "application/x-www-form-urlencoded";

QByteArray json(const nlohmann::json &j)
{
    return QByteArray::fromStdString(j.dump());
}

QByteArray formValue(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

// The value of the hidden field `name` in a page.
QByteArray hiddenField(const QByteArray &page, const QByteArray &name)
{
    const QByteArray marker = "name=\"" + name + "\" value=\"";
    const qsizetype at = page.indexOf(marker);
    if (at < 0)
        return {};
    const qsizetype start = at + marker.size();
    return page.mid(start, page.indexOf('"', start) - start);
}

// A browser's view of one form page: the page, its form fields and the cookie it set.
struct OpenedLink
{
    HttpResult page;
    QByteArray token;
    QByteArray csrf;
    QByteArray cookie;
};

} // namespace

class TestMailedLinks : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;
    QString m_outbox;
    QStringList m_tokensSeen;

    HttpResult api(const QString &path, const nlohmann::json &body, const QByteArray &token = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", "application/json" } };
        if (!token.isEmpty())
            headers.append({ "Authorization", "Bearer " + token });
        return m_fx.http().request(path.startsWith(QLatin1String("/api/v1/users/me")) ? "PUT" : "POST", path,
                                   json(body), headers);
    }

    // The link in the next mail to `to` (from the `n`th in the outbox on), as a path on the server.
    QString nextLink(int n, const QString &to)
    {
        const std::optional<Outbox::Mail> mail = Outbox::waitForMailTo(m_outbox, n, to);
        if (!mail)
            return {};
        m_tokensSeen << Outbox::tokenIn(mail->text);
        return Outbox::linkIn(mail->text);
    }

    // A fresh link of the kind at `path`, for an account made for it.
    QString freshLink(const QString &path, const QString &email)
    {
        const int before = Outbox::count(m_outbox);
        if (path == QLatin1String("/verify-email")) {
            // Accounts made on the command line are verified already.
            api(QStringLiteral("/api/v1/auth/register"),
                { { "email", email.toStdString() }, { "password", kPassword.toStdString() }, { "name", "Neu" } });
            return nextLink(before + 1, email);
        }
        if (!m_fx.createUser(email, QStringLiteral("reader"), kPassword))
            return {};
        if (path == QLatin1String("/reset-password")) {
            api(QStringLiteral("/api/v1/auth/forgot-password"), { { "email", email.toStdString() } });
        } else {
            api(QStringLiteral("/api/v1/users/me/email"),
                { { "password", kPassword.toStdString() },
                  { "new_email", QStringLiteral("new.").append(email).toStdString() } },
                m_fx.token(email, kPassword));
        }
        return nextLink(before + 1, path == QLatin1String("/confirm-email") ? QStringLiteral("new.") + email : email);
    }

    OpenedLink open(const QString &link)
    {
        OpenedLink opened;
        opened.page = m_fx.http().get(link);
        opened.token = hiddenField(opened.page.body, "token");
        opened.csrf = hiddenField(opened.page.body, "csrf_token");
        opened.cookie = opened.page.header("Set-Cookie").split(';').first();
        return opened;
    }

    HttpResult post(const QString &path, const QByteArray &body, const QByteArray &cookie,
                    const QList<QPair<QByteArray, QByteArray>> &extra = { { "Origin", kSite } })
    {
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", kForm } };
        if (!cookie.isEmpty())
            headers.append({ "Cookie", cookie });
        headers += extra;
        return m_fx.http().request("POST", path, body, headers);
    }

    bool verified(const QString &email)
    {
        const HttpResult me = m_fx.call("GET", QStringLiteral("/api/v1/users/me"), m_fx.token(email, kPassword));
        return me.status == 200 && me.json().value("email_verified", false);
    }

    // Makes every unused link expire (the server shares its database in WAL mode).
    bool expireLinks()
    {
        auto db = quire::test::TestDatabase::open(m_fx.server());
        return db.ok()
            && (*db)
                   ->run(QStringLiteral(
                       "UPDATE email_tokens SET expires_at = '2000-01-01T00:00:00.000Z' WHERE used_at IS NULL"))
                   .ok();
    }

private Q_SLOTS:
    void initTestCase()
    {
        quire::test::ServerProcess::Options options;
        options.extraArgs
            = { QStringLiteral("--public-url"), QString::fromLatin1(kSite),           QStringLiteral("--registration"),
                QStringLiteral("open"),         QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        // Everything the server can log, so the last test sees any token in it.
        options.env = { { QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true") } };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        m_outbox = m_fx.server().dataDir() + QStringLiteral("/outbox");
    }

    void resetPasswordInTheBrowser()
    {
        const QString email = QStringLiteral("forgetful@example.org");
        QVERIFY(m_fx.createUser(email, QStringLiteral("author"), kPassword));
        const QByteArray session = m_fx.token(email, kPassword);
        const int before = Outbox::count(m_outbox);
        QCOMPARE(api(QStringLiteral("/api/v1/auth/forgot-password"), { { "email", email.toStdString() } }).status, 202);
        const QString link = nextLink(before + 1, email);
        QVERIFY2(link.startsWith(QLatin1String("/reset-password?token=qt_")), qPrintable(link));

        // Opening the link: a form, kept by no cache, its address sent nowhere.
        const OpenedLink opened = open(link);
        QCOMPARE(opened.page.status, 200);
        QVERIFY(opened.page.header("Content-Type").startsWith("text/html"));
        QCOMPARE(opened.page.header("Referrer-Policy"), QByteArray("no-referrer"));
        QCOMPARE(opened.page.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(opened.page.header("Content-Security-Policy").contains("style-src 'self'"));
        const QByteArray setCookie = opened.page.header("Set-Cookie");
        QVERIFY2(setCookie.startsWith("__Host-quire_form=") && setCookie.contains("; Secure")
                     && setCookie.contains("; HttpOnly") && setCookie.contains("SameSite=Strict"),
                 setCookie.constData());
        QVERIFY(opened.page.body.contains("<form class=\"account\" method=\"post\" action=\"/reset-password\">"));
        QVERIFY(opened.page.body.contains("autocomplete=\"new-password\""));
        QVERIFY(opened.page.body.contains(email.toUtf8()));
        QCOMPARE(QString::fromLatin1(opened.token), m_tokensSeen.last());
        QVERIFY(!opened.csrf.isEmpty());
        QCOMPARE(m_fx.login(email, kPassword).status, 200); // opening changed nothing

        const QByteArray good = "token=" + opened.token + "&password=" + formValue(kNewPassword)
            + "&password_confirm=" + formValue(kNewPassword);
        // Refused: without the CSRF field, without the cookie, with another
        // page's field, from another site.
        QCOMPARE(post(QStringLiteral("/reset-password"), good, opened.cookie).status, 403);
        QCOMPARE(post(QStringLiteral("/reset-password"), good + "&csrf_token=" + opened.csrf, {}).status, 403);
        QCOMPARE(post(QStringLiteral("/reset-password"), good + "&csrf_token=" + opened.csrf,
                      "__Host-quire_form=qf_0123456789012345678901234567890123456789012")
                     .status,
                 403);
        QCOMPARE(post(QStringLiteral("/reset-password"), good + "&csrf_token=" + opened.csrf, opened.cookie,
                      { { "Origin", "https://evil.example" } })
                     .status,
                 403);
        const HttpResult crossSite = post(QStringLiteral("/reset-password"), good + "&csrf_token=" + opened.csrf,
                                          opened.cookie, { { "Sec-Fetch-Site", "cross-site" } });
        QCOMPARE(crossSite.status, 403);
        QVERIFY(crossSite.body.contains("role=\"alert\""));
        QCOMPARE(m_fx.login(email, kPassword).status, 200); // still the old password

        // The policy's message, and a mistyped confirmation, in the form.
        const QByteArray csrf = "&csrf_token=" + opened.csrf;
        HttpResult r = post(QStringLiteral("/reset-password"),
                            "token=" + opened.token + "&password=1qaz2wsx3edc&password_confirm=1qaz2wsx3edc" + csrf,
                            opened.cookie);
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("role=\"alert\""));
        QVERIFY2(r.body.contains("common"), r.body.constData());
        QVERIFY(r.body.contains("action=\"/reset-password\"")); // the form again, to try once more
        r = post(QStringLiteral("/reset-password"),
                 "token=" + opened.token + "&password=short&password_confirm=short" + csrf, opened.cookie);
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("at least 12 characters"));
        r = post(QStringLiteral("/reset-password"),
                 "token=" + opened.token + "&password=" + formValue(kNewPassword)
                     + "&password_confirm=" + formValue(kPassword) + csrf,
                 opened.cookie);
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("not the same"));
        QCOMPARE(m_fx.login(email, kPassword).status, 200);

        r = post(QStringLiteral("/reset-password"), good + csrf, opened.cookie);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("Your password was changed"));
        QVERIFY(r.body.contains("href=\"/sign-in\""));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(m_fx.login(email, kNewPassword).status, 200);
        QCOMPARE(m_fx.login(email, kPassword).status, 401);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), session).status, 401); // every session ended

        // The link is spent: opening or sending it again says so.
        r = m_fx.http().get(link);
        QCOMPARE(r.status, 410);
        QVERIFY(r.body.contains("used already"));
        r = post(QStringLiteral("/reset-password"), good + csrf, opened.cookie);
        QCOMPARE(r.status, 410);
        QCOMPARE(m_fx.login(email, kNewPassword).status, 200);
    }

    void verifyAddressInTheBrowser()
    {
        const QString email = QStringLiteral("newcomer@example.org");
        const int before = Outbox::count(m_outbox);
        QCOMPARE(api(QStringLiteral("/api/v1/auth/register"),
                     { { "email", email.toStdString() }, { "password", kPassword.toStdString() }, { "name", "Neu" } })
                     .status,
                 201);
        const QString link = nextLink(before + 1, email);
        QVERIFY2(link.startsWith(QLatin1String("/verify-email?token=qt_")), qPrintable(link));

        // Mail scanners open links: a GET only shows the button.
        const OpenedLink opened = open(link);
        QCOMPARE(opened.page.status, 200);
        QCOMPARE(opened.page.header("Referrer-Policy"), QByteArray("no-referrer"));
        QCOMPARE(opened.page.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(opened.page.body.contains("action=\"/verify-email\""));
        QVERIFY(opened.page.body.contains("<button type=\"submit\">Confirm my address</button>"));
        QVERIFY(opened.page.body.contains(email.toUtf8()));
        QVERIFY(!verified(email));

        const QByteArray body = "token=" + opened.token;
        QCOMPARE(post(QStringLiteral("/verify-email"), body, opened.cookie).status, 403);
        QCOMPARE(post(QStringLiteral("/verify-email"), body + "&csrf_token=" + opened.csrf, opened.cookie,
                      { { "Origin", "https://evil.example" } })
                     .status,
                 403);
        QVERIFY(!verified(email));
        const HttpResult r = post(QStringLiteral("/verify-email"), body + "&csrf_token=" + opened.csrf, opened.cookie);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("Your address is confirmed"));
        QVERIFY(r.body.contains("href=\"/sign-in\""));
        QVERIFY(verified(email));
        QCOMPARE(m_fx.http().get(link).status, 410);
    }

    void confirmNewAddressInTheBrowser()
    {
        const QString link = freshLink(QStringLiteral("/confirm-email"), QStringLiteral("mover@example.org"));
        QVERIFY2(link.startsWith(QLatin1String("/confirm-email?token=qt_")), qPrintable(link));
        const OpenedLink opened = open(link);
        QCOMPARE(opened.page.status, 200);
        QVERIFY(opened.page.body.contains("action=\"/confirm-email\""));
        QVERIFY(opened.page.body.contains("new.mover@example.org"));
        QCOMPARE(m_fx.login(QStringLiteral("mover@example.org"), kPassword).status, 200); // not changed by opening

        const QByteArray body = "token=" + opened.token;
        QCOMPARE(post(QStringLiteral("/confirm-email"), body + "&csrf_token=forged", opened.cookie).status, 403);
        const HttpResult r = post(QStringLiteral("/confirm-email"), body + "&csrf_token=" + opened.csrf, opened.cookie);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("new.mover@example.org"));
        QVERIFY(r.body.contains("href=\"/sign-in\""));
        QCOMPARE(m_fx.login(QStringLiteral("new.mover@example.org"), kPassword).status, 200);
        QCOMPARE(m_fx.login(QStringLiteral("mover@example.org"), kPassword).status, 401);
    }

    void aLinkOfOneKindOpensNoOtherPage()
    {
        const QString link = freshLink(QStringLiteral("/reset-password"), QStringLiteral("kinds@example.org"));
        const QString query = link.mid(link.indexOf(QLatin1Char('?')));
        QCOMPARE(m_fx.http().get(QStringLiteral("/verify-email") + query).status, 404);
        QCOMPARE(m_fx.http().get(QStringLiteral("/confirm-email") + query).status, 404);
        QCOMPARE(m_fx.http().get(link).status, 200);
    }

    void deadLinks_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QString>("next");
        int i = 0;
        for (const char *path : { "/reset-password", "/verify-email", "/confirm-email" }) {
            const QString next = QLatin1String(path) == QLatin1String("/reset-password")
                ? QStringLiteral("/forgot-password")
                : QStringLiteral("/sign-in");
            QTest::addRow("%s, expired", path) << path << "expired" << 410 << "has expired" << next;
            QTest::addRow("%s, used", path) << path << "used" << 410 << "used already" << next;
            QTest::addRow("%s, unknown", path) << path << "unknown" << 404 << "does not work" << next;
            QTest::addRow("%s, no token", path) << path << "none" << 404 << "does not work" << next;
            ++i;
        }
    }
    void deadLinks()
    {
        QFETCH(QString, path);
        QFETCH(QString, state);
        QFETCH(int, status);
        QFETCH(QString, says);
        QFETCH(QString, next);
        static int account = 0;
        QString link = freshLink(path, QStringLiteral("dead%1@example.org").arg(++account));
        QVERIFY(link.startsWith(path));
        const OpenedLink opened = open(link); // a form, good until the link dies
        QCOMPARE(opened.page.status, 200);
        if (state == QLatin1String("expired")) {
            QVERIFY(expireLinks());
        } else if (state == QLatin1String("used")) {
            const bool reset = path == QLatin1String("/reset-password");
            const HttpResult used = api(reset ? QStringLiteral("/api/v1/auth/reset-password")
                                              : QStringLiteral("/api/v1/auth/verify-email"),
                                        reset ? nlohmann::json { { "token", opened.token.toStdString() },
                                                                 { "password", kNewPassword.toStdString() } }
                                              : nlohmann::json { { "token", opened.token.toStdString() } });
            QVERIFY(used.status == 200 || used.status == 204);
        } else if (state == QLatin1String("unknown")) {
            link = path + QStringLiteral("?token=qt_notOneTheServerEverSent0000000000000000000");
        } else {
            link = path;
        }
        const HttpResult r = m_fx.http().get(link);
        QCOMPARE(r.status, status);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        QVERIFY2(r.body.contains(says.toUtf8()), r.body.constData());
        QVERIFY(r.body.contains("href=\"" + next.toUtf8() + "\""));
        QVERIFY(r.header("Set-Cookie").isEmpty()); // no form, no cookie
        QVERIFY(!r.body.contains("<form class=\"account\""));
        // The form opened before the link died is refused with the same page.
        const HttpResult sent = post(path,
                                     "token=" + opened.token + "&csrf_token=" + opened.csrf + "&password="
                                         + formValue(kNewPassword) + "&password_confirm=" + formValue(kNewPassword),
                                     opened.cookie);
        if (state == QLatin1String("expired") || state == QLatin1String("used")) {
            QCOMPARE(sent.status, status);
            QVERIFY(sent.body.contains(says.toUtf8()));
        }
    }

    void askingForALinkInTheBrowser()
    {
        QCOMPARE(m_fx.http().get(QStringLiteral("/sign-in")).body.contains("href=\"/forgot-password\""), true);
        HttpResult r = m_fx.http().get(QStringLiteral("/forgot-password"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("action=\"/forgot-password\""));
        QVERIFY(m_fx.createUser(QStringLiteral("asker@example.org"), QStringLiteral("reader"), kPassword));
        const int before = Outbox::count(m_outbox);
        const HttpResult known = post(QStringLiteral("/forgot-password"), "email=asker%40example.org", {});
        const HttpResult unknown = post(QStringLiteral("/forgot-password"), "email=nobody%40example.org", {});
        QCOMPARE(known.status, 200);
        QCOMPARE(known.body, unknown.body); // the same page for every address
        QVERIFY(known.body.contains("Check your mail"));
        QVERIFY(nextLink(before + 1, QStringLiteral("asker@example.org"))
                    .startsWith(QLatin1String("/reset-password?token=qt_")));
        r = post(QStringLiteral("/forgot-password"), "email=", {});
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("role=\"alert\""));
        QCOMPARE(post(QStringLiteral("/forgot-password"), "email=asker%40example.org", {},
                      { { "Origin", "https://evil.example" } })
                     .status,
                 403);
        QTest::qWait(300);
        QCOMPARE(Outbox::count(m_outbox), before + 1); // nothing for the stranger or the foreign form
    }

    // Last: everything above went through the log.
    void noTokenInTheLog()
    {
        QVERIFY(m_fx.server().stop());
        const QByteArray log = m_fx.server().standardError();
        QVERIFY2(log.contains("\"path\":\"/reset-password\""), log.right(800).constData()); // requests were logged
        QVERIFY(log.contains("\"method\":\"POST\",\"path\":\"/verify-email\""));
        QVERIFY(m_tokensSeen.size() > 10);
        for (const QString &token : std::as_const(m_tokensSeen)) {
            QVERIFY(!token.isEmpty());
            {
                const qsizetype at = log.indexOf(token.toLatin1());
                QVERIFY2(at < 0, log.mid(qMax(qsizetype(0), at - 400), 500).constData());
            }
        }
        QVERIFY(!log.contains("token="));
        QVERIFY(!log.contains("csrf_token"));
        QVERIFY(!log.contains("qf_"));
    }
};

QTEST_GUILESS_MAIN(TestMailedLinks)
#include "tst_mailedlinks.moc"
