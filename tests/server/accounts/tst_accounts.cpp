// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/accounts/accountfixture.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <algorithm>
#include <set>

using namespace quire::test;

namespace {
const QString kAdmin = QStringLiteral("admin@example.org");
const QString kAdminPassword = QStringLiteral("admin passphrase one");
const QString kPassword = QStringLiteral("a long enough passphrase");

QByteArray json(const nlohmann::json &j)
{
    return QByteArray::fromStdString(j.dump());
}

QString code(const HttpResult &r)
{
    const auto j = r.json();
    return j.contains("error") ? QString::fromStdString(j["error"]["code"].get<std::string>()) : QString();
}
} // namespace

// Sign-in, sessions, tokens, roles and the audit trail, against the real
// server over TLS with accounts made by `quire-server create-user`.
class TestAccounts : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;
    QByteArray m_adminToken;

private Q_SLOTS:
    void initTestCase()
    {
        // The limits have their own test; here they would only slow things down.
        ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.createUser(kAdmin, QStringLiteral("admin"), kAdminPassword));
        for (const char *role : { "editor", "author", "creator", "reader" })
            QVERIFY(m_fx.createUser(QStringLiteral("%1@example.org").arg(QLatin1String(role)), QLatin1String(role),
                                    kPassword));
        m_adminToken = m_fx.token(kAdmin, kAdminPassword);
        QVERIFY(!m_adminToken.isEmpty());
    }

    void loginAnswersTokensAndUser()
    {
        const HttpResult r = m_fx.login(QStringLiteral("  Editor@Example.ORG "), kPassword);
        QCOMPARE(r.status, 200);
        const auto j = r.json();
        QVERIFY(j["access_token"].get<std::string>().rfind("qa_", 0) == 0);
        QVERIFY(j["refresh_token"].get<std::string>().rfind("qr_", 0) == 0);
        QVERIFY(j["expires_in"] == 900);
        QVERIFY(j["user"]["email"] == "editor@example.org");
        QVERIFY(j["user"]["role"] == "editor");
        QVERIFY(!j["user"].contains("password_hash"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
    }

    void wrongPasswordAndUnknownEmailLookAlike()
    {
        const HttpResult wrong
            = m_fx.login(QStringLiteral("editor@example.org"), QStringLiteral("not the password at all"));
        const HttpResult unknown
            = m_fx.login(QStringLiteral("nobody@example.org"), QStringLiteral("not the password at all"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.body, unknown.body);
    }

    void unknownEmailAnswersAsAWrongPassword()
    {
        // Same status, same body: the answer does not tell whether an email
        // has an account. (That both take the same time is shown by
        // tst_passwordhasher: the unknown account is checked against a hash
        // of the same cost.)
        const auto wrong = m_fx.login(QStringLiteral("author@example.org"), QStringLiteral("wrong password"));
        const auto unknown = m_fx.login(QStringLiteral("ghost@example.org"), QStringLiteral("wrong password"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.body, wrong.body);
    }

    void badLoginBodies()
    {
        QCOMPARE(
            m_fx.http().postJson(QStringLiteral("/api/v1/auth/login"), json({ { "email", "x@example.org" } })).status,
            400);
        QCOMPARE(m_fx.http()
                     .postJson(QStringLiteral("/api/v1/auth/login"),
                               json({ { "email", "x@example.org" }, { "password", "y" }, { "role", "admin" } }))
                     .status,
                 400);
        QCOMPARE(m_fx.http()
                     .request("POST", QStringLiteral("/api/v1/auth/login"), "{}", { { "Content-Type", "text/plain" } })
                     .status,
                 415);
    }

    void registrationIsClosedByDefault()
    {
        const HttpResult r = m_fx.http().postJson(
            QStringLiteral("/api/v1/auth/register"),
            json({ { "email", "new@example.org" }, { "password", kPassword.toStdString() }, { "name", "New" } }));
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("registration_closed"));
    }

    void meNeedsAValidToken()
    {
        QCOMPARE(m_fx.http().get(QStringLiteral("/api/v1/users/me")).status, 401);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), "qa_not-a-token").status, 401);
        const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/users/me"), m_adminToken);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["role"] == "admin");
        QVERIFY(r.json()["preferences"].is_object());
    }

    void meUpdatesOwnFieldsOnly()
    {
        const QByteArray token = m_fx.token(QStringLiteral("reader@example.org"), kPassword);
        const HttpResult ok = m_fx.call(
            "PUT", QStringLiteral("/api/v1/users/me"), token,
            json({ { "name", "Rea Der" },
                   { "preferences", { { "theme", "dark" }, { "language", "de" }, { "notifications", false } } } }));
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.json()["name"] == "Rea Der");
        QVERIFY(ok.json()["preferences"]["theme"] == "dark");
        for (const char *field : { "role", "id", "password_hash", "email_verified" }) {
            nlohmann::json body { { "name", "Sneaky" } };
            body[field] = std::string(field) == "email_verified" ? nlohmann::json(true) : nlohmann::json("admin");
            const HttpResult refused = m_fx.call("PUT", QStringLiteral("/api/v1/users/me"), token, json(body));
            QCOMPARE(refused.status, 400);
            QVERIFY2(refused.json()["error"]["fields"].contains(field), field);
        }
        const HttpResult after = m_fx.call("GET", QStringLiteral("/api/v1/users/me"), token);
        QVERIFY(after.json()["name"] == "Rea Der"); // nothing of the refused bodies applied
        QVERIFY(after.json()["role"] == "reader");
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/users/me"), token,
                           json({ { "preferences", { { "theme", "purple" } } } }))
                     .status,
                 400);
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/users/me"), token,
                           json({ { "avatar_url", "javascript:alert(1)" } }))
                     .status,
                 400);
    }

    void everyOtherRoleIsRefusedEveryAdminEndpoint_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        const QList<std::tuple<QByteArray, QString>> endpoints {
            { "GET", QStringLiteral("/api/v1/admin/users") },
            { "GET", QStringLiteral("/api/v1/admin/users/") },
            { "GET", QStringLiteral("/api/v1/admin/./users") },
            { "GET", QStringLiteral("/api/v1/admin/%2e/users") },
            { "GET", QStringLiteral("//api/v1/admin/./users") },
            { "GET", QStringLiteral("//api/v1//admin/users/") },
            { "POST", QStringLiteral("/api/v1/admin/users") },
            { "PUT", QStringLiteral("/api/v1/admin/users/01890a5d-ac96-774b-bcce-b302099a8057") },
            { "DELETE", QStringLiteral("/api/v1/admin/users/01890a5d-ac96-774b-bcce-b302099a8057") },
            { "POST", QStringLiteral("/api/v1/admin/invites") },
            { "GET", QStringLiteral("/api/v1/admin/audit") },
        };
        for (const char *role : { "editor", "author", "creator", "reader" }) {
            for (const auto &[method, path] : endpoints)
                QTest::addRow("%s %s %s", role, method.constData(), qPrintable(path))
                    << QString::fromLatin1(role) << method << path;
        }
    }

    void everyOtherRoleIsRefusedEveryAdminEndpoint()
    {
        QFETCH(QString, role);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const QByteArray token = m_fx.token(role + QStringLiteral("@example.org"), kPassword);
        QVERIFY(!token.isEmpty());
        const QByteArray body = (method == "PUT" || method == "POST") ? QByteArray("{}") : QByteArray();
        // Raw, so the path reaches the server exactly as written.
        const auto raw = [&](const QByteArray &authorization) {
            QByteArray request
                = method + ' ' + path.toLatin1() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + authorization;
            if (!body.isEmpty())
                request
                    += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
            return m_fx.http().raw(request + "\r\n" + body);
        };
        const HttpResult r = raw("Authorization: Bearer " + token + "\r\n");
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("forbidden"));
        // Without a token it is 401, never the data.
        QCOMPARE(raw(QByteArray()).status, 401);
    }

    void adminListsAndSearchesUsers()
    {
        const HttpResult all = m_fx.call("GET", QStringLiteral("/api/v1/admin/users?per_page=2"), m_adminToken);
        QCOMPARE(all.status, 200);
        QVERIFY(all.json()["users"].size() == 2);
        QVERIFY(all.json()["total"].get<int>() >= 5);
        const HttpResult found = m_fx.call("GET", QStringLiteral("/api/v1/admin/users?q=CREATOR"), m_adminToken);
        QVERIFY(found.json()["total"] == 1);
        QVERIFY(found.json()["users"][0]["email"] == "creator@example.org");
        QVERIFY(m_fx.call("GET", QStringLiteral("/api/v1/admin/users?q=%25"), m_adminToken).json()["total"]
                == 0); // % is literal
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/admin/users?per_page=1000"), m_adminToken).status, 400);
        // Every spelling of the path gets the admin the same answer.
        for (const QByteArray &target : { QByteArray("/api/v1/admin/users/"), QByteArray("//api/v1/admin/./users"),
                                          QByteArray("/api/v1/x/../admin/%2e/users") }) {
            const HttpResult r = m_fx.http().raw("GET " + target
                                                 + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer "
                                                 + m_adminToken + "\r\n\r\n");
            QCOMPARE(r.status, 200);
            QVERIFY(r.json()["total"].get<int>() >= 5);
        }
    }

    void demotedAndDisabledTokensStopAtOnce()
    {
        QVERIFY(m_fx.createUser(QStringLiteral("second-admin@example.org"), QStringLiteral("admin"), kPassword));
        const QByteArray token = m_fx.token(QStringLiteral("second-admin@example.org"), kPassword);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/admin/users"), token).status, 200);
        const QString id = QString::fromStdString(
            m_fx.call("GET", QStringLiteral("/api/v1/users/me"), token).json()["id"].get<std::string>());

        QCOMPARE(
            m_fx.call("PUT", QStringLiteral("/api/v1/admin/users/") + id, m_adminToken, json({ { "role", "author" } }))
                .status,
            200);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/admin/users"), token).status,
                 403); // the same token, next request

        QCOMPARE(
            m_fx.call("PUT", QStringLiteral("/api/v1/admin/users/") + id, m_adminToken, json({ { "disabled", true } }))
                .status,
            200);
        const HttpResult gone = m_fx.call("GET", QStringLiteral("/api/v1/users/me"), token);
        QCOMPARE(gone.status, 401);
        QCOMPARE(m_fx.login(QStringLiteral("second-admin@example.org"), kPassword).status, 403);
        QCOMPARE(code(m_fx.login(QStringLiteral("second-admin@example.org"), kPassword)),
                 QStringLiteral("account_disabled"));
    }

    void lastAdminIsProtected()
    {
        const QString me = QString::fromStdString(
            m_fx.call("GET", QStringLiteral("/api/v1/users/me"), m_adminToken).json()["id"].get<std::string>());
        for (const QByteArray &body : { json({ { "role", "editor" } }), json({ { "disabled", true } }) }) {
            const HttpResult r = m_fx.call("PUT", QStringLiteral("/api/v1/admin/users/") + me, m_adminToken, body);
            QCOMPARE(r.status, 409);
            QCOMPARE(code(r), QStringLiteral("last_admin"));
        }
        QCOMPARE(code(m_fx.call("DELETE", QStringLiteral("/api/v1/admin/users/") + me, m_adminToken)),
                 QStringLiteral("last_admin"));
        QVERIFY(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), m_adminToken).json()["role"] == "admin");
    }

    void adminDeletesAUser()
    {
        QVERIFY(m_fx.createUser(QStringLiteral("leaving@example.org"), QStringLiteral("reader"), kPassword));
        const HttpResult found = m_fx.call("GET", QStringLiteral("/api/v1/admin/users?q=leaving"), m_adminToken);
        const QString id = QString::fromStdString(found.json()["users"][0]["id"].get<std::string>());
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/admin/users/") + id, m_adminToken).status, 204);
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/admin/users/") + id, m_adminToken).status, 404);
        QCOMPARE(m_fx.login(QStringLiteral("leaving@example.org"), kPassword).status, 401);
    }

    void refreshRotatesAndReuseEndsTheFamily()
    {
        const HttpResult first = m_fx.login(QStringLiteral("creator@example.org"), kPassword);
        const std::string r1 = first.json()["refresh_token"];
        const HttpResult second
            = m_fx.http().postJson(QStringLiteral("/api/v1/auth/refresh"), json({ { "refresh_token", r1 } }));
        QCOMPARE(second.status, 200);
        const std::string r2 = second.json()["refresh_token"];
        const QByteArray a2 = QByteArray::fromStdString(second.json()["access_token"]);
        QVERIFY(r2 != r1);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), a2).status, 200);
        const HttpResult third
            = m_fx.http().postJson(QStringLiteral("/api/v1/auth/refresh"), json({ { "refresh_token", r2 } }));
        QCOMPARE(third.status, 200);
        const std::string r3 = third.json()["refresh_token"];
        const QByteArray a3 = QByteArray::fromStdString(third.json()["access_token"]);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), a2).status, 401); // rotated away
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), a3).status, 200);

        // The old token again after its successor was used (so outside any
        // grace, see tst_refreshgrace): someone has a copy, so the whole
        // session ends.
        const HttpResult reuse
            = m_fx.http().postJson(QStringLiteral("/api/v1/auth/refresh"), json({ { "refresh_token", r1 } }));
        QCOMPARE(reuse.status, 401);
        QCOMPARE(code(reuse), QStringLiteral("refresh_token_reused"));
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), a3).status, 401);
        QCOMPARE(m_fx.http().postJson(QStringLiteral("/api/v1/auth/refresh"), json({ { "refresh_token", r3 } })).status,
                 401);

        const HttpResult audit
            = m_fx.call("GET", QStringLiteral("/api/v1/admin/audit?action=refresh_token_reuse"), m_adminToken);
        QVERIFY(audit.json()["total"].get<int>() >= 1);
        QVERIFY(!audit.body.contains(QByteArray::fromStdString(r1))); // no secret in the audit log
    }

    // One client sending the same refresh fifty times at once is not an
    // attack: the rotation happens exactly once (one claim under SQLite's
    // write lock), every request inside the grace window gets that one
    // successor, and the session stays one live session whose tokens work.
    void fiftyParallelRefreshesLeaveOneLiveSession()
    {
        const std::string token = m_fx.login(QStringLiteral("author@example.org"), kPassword).json()["refresh_token"];
        const QByteArray body = json({ { "refresh_token", token } });
        QList<QNetworkAccessManager *> managers;
        QList<QNetworkReply *> replies;
        int done = 0;
        for (int i = 0; i < 50; ++i) {
            auto *nam = new QNetworkAccessManager(this);
            managers << nam;
            QNetworkRequest request(m_fx.server().url().resolved(QUrl(QStringLiteral("/api/v1/auth/refresh"))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            QNetworkReply *reply = nam->post(request, body);
            connect(reply, &QNetworkReply::sslErrors, reply,
                    [reply](const QList<QSslError> &e) { reply->ignoreSslErrors(e); });
            connect(reply, &QNetworkReply::finished, this, [&done] { ++done; });
            replies << reply;
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 50, 60000);
        std::set<std::string> accessTokens, refreshTokens;
        QStringList others; // what the failure message shows
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray answer = reply->readAll();
            if (status != 200) {
                others << QStringLiteral("%1 %2 %3")
                              .arg(status)
                              .arg(reply->errorString(), QString::fromUtf8(answer.left(200)));
                continue;
            }
            const auto j = nlohmann::json::parse(answer.toStdString());
            accessTokens.insert(j["access_token"].get<std::string>());
            refreshTokens.insert(j["refresh_token"].get<std::string>());
        }
        qDeleteAll(managers);
        QVERIFY2(others.isEmpty(), qPrintable(others.join(QLatin1String("; ")))); // nobody signed out
        QCOMPARE(refreshTokens.size(), size_t(1)); // one rotation, one successor
        QCOMPARE(accessTokens.size(), size_t(1));
        const QByteArray access = QByteArray::fromStdString(*accessTokens.cbegin());
        const std::string successor = *refreshTokens.cbegin();
        QVERIFY(successor != token);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), access).status, 200); // not dead at once

        // The successor carries the session on...
        const HttpResult next
            = m_fx.http().postJson(QStringLiteral("/api/v1/auth/refresh"), json({ { "refresh_token", successor } }));
        QCOMPARE(next.status, 200);
        const QByteArray nextAccess = QByteArray::fromStdString(next.json()["access_token"]);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), nextAccess).status, 200);
        // ...and it is still one family: the first token now ends all of it.
        const HttpResult reuse
            = m_fx.http().postJson(QStringLiteral("/api/v1/auth/refresh"), json({ { "refresh_token", token } }));
        QCOMPARE(reuse.status, 401);
        QCOMPARE(code(reuse), QStringLiteral("refresh_token_reused"));
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), nextAccess).status, 401);
    }

    void logoutEndsThisSessionOnly()
    {
        const QByteArray a = m_fx.token(QStringLiteral("editor@example.org"), kPassword);
        const QByteArray b = m_fx.token(QStringLiteral("editor@example.org"), kPassword);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/auth/logout"), a).status, 204);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), a).status, 401);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), b).status, 200);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/auth/logout-all"), b).status, 204);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), b).status, 401);
    }

    void passwordChange()
    {
        QVERIFY(m_fx.createUser(QStringLiteral("changer@example.org"), QStringLiteral("author"), kPassword));
        const QByteArray keep = m_fx.token(QStringLiteral("changer@example.org"), kPassword);
        const QByteArray other = m_fx.token(QStringLiteral("changer@example.org"), kPassword);
        const QString path = QStringLiteral("/api/v1/users/me/password");
        QCOMPARE(m_fx.call("PUT", path, keep,
                           json({ { "current_password", "wrong wrong wrong" },
                                  { "new_password", "a brand new passphrase" } }))
                     .status,
                 403);
        const HttpResult weak = m_fx.call(
            "PUT", path, keep, json({ { "current_password", kPassword.toStdString() }, { "new_password", "short" } }));
        QCOMPARE(weak.status, 400);
        QVERIFY(weak.json()["error"]["fields"].contains("new_password"));
        const HttpResult common
            = m_fx.call("PUT", path, keep,
                        json({ { "current_password", kPassword.toStdString() }, { "new_password", "1qaz2wsx3edc" } }));
        QCOMPARE(common.status, 400);
        QCOMPARE(m_fx.call("PUT", path, keep,
                           json({ { "current_password", kPassword.toStdString() },
                                  { "new_password", "a brand new passphrase" } }))
                     .status,
                 204);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), keep).status, 200); // this session stays
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), other).status, 401); // the others end
        QCOMPARE(m_fx.login(QStringLiteral("changer@example.org"), kPassword).status, 401);
        QCOMPARE(m_fx.login(QStringLiteral("changer@example.org"), QStringLiteral("a brand new passphrase")).status,
                 200);
    }

    void auditTrailCanBeFiltered()
    {
        const HttpResult logins
            = m_fx.call("GET", QStringLiteral("/api/v1/admin/audit?action=login&per_page=100"), m_adminToken);
        QCOMPARE(logins.status, 200);
        QVERIFY(logins.json()["total"].get<int>() >= 5);
        // Held for the loop: a range-for over `logins.json()["entries"]` would
        // walk a temporary destroyed before the loop body (found by ASan).
        const nlohmann::json entries = logins.json()["entries"];
        for (const auto &e : entries)
            QVERIFY(e["action"] == "login");
        const int failedBefore
            = m_fx.call("GET", QStringLiteral("/api/v1/admin/audit?action=login_failed"), m_adminToken)
                  .json()["total"]
                  .get<int>();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_fx.login(QStringLiteral("audited%1@example.org").arg(i), QStringLiteral("nope")).status, 401);
        const HttpResult failed
            = m_fx.call("GET", QStringLiteral("/api/v1/admin/audit?action=login_failed"), m_adminToken);
        QCOMPARE(failed.json()["total"].get<int>(), failedBefore + 3);
        const nlohmann::json failures = failed.json()["entries"];
        for (const auto &e : failures)
            QVERIFY(e["action"] == "login_failed");
        const HttpResult roles
            = m_fx.call("GET", QStringLiteral("/api/v1/admin/audit?action=role_change"), m_adminToken);
        QVERIFY(roles.json()["entries"][0]["details"]["to"] == "author");
        const HttpResult future
            = m_fx.call("GET", QStringLiteral("/api/v1/admin/audit?from=2999-01-01T00:00:00Z"), m_adminToken);
        QVERIFY(future.json()["total"] == 0);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/admin/audit?from=yesterday"), m_adminToken).status, 400);
        // Nothing secret in the trail.
        const HttpResult everything
            = m_fx.call("GET", QStringLiteral("/api/v1/admin/audit?per_page=100"), m_adminToken);
        QVERIFY(!everything.body.contains("qa_") && !everything.body.contains("qr_")
                && !everything.body.contains("passphrase"));
    }

    void aLoginFloodDoesNotStallOtherRequests()
    {
        // Forty sign-ins queue on the hashing pool; health checks sent after
        // them must all be answered before the last sign-in is.
        QList<QNetworkAccessManager *> managers;
        int loginsDone = 0, healthDone = 0, healthBeforeLastLogin = 0;
        const QByteArray body = json({ { "email", "author@example.org" }, { "password", "a wrong password again" } });
        auto post = [&](const QString &path, const QByteArray &payload, std::function<void()> done) {
            auto *nam = new QNetworkAccessManager(this);
            managers << nam;
            QNetworkRequest request(m_fx.server().url().resolved(QUrl(path)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            QNetworkReply *reply = payload.isEmpty() ? nam->get(request) : nam->post(request, payload);
            connect(reply, &QNetworkReply::sslErrors, reply,
                    [reply](const QList<QSslError> &e) { reply->ignoreSslErrors(e); });
            connect(reply, &QNetworkReply::finished, this, std::move(done));
        };
        for (int i = 0; i < 40; ++i)
            post(QStringLiteral("/api/v1/auth/login"), body, [&] { ++loginsDone; });
        QTest::qWait(50); // the logins are in the queue
        for (int i = 0; i < 10; ++i)
            post(QStringLiteral("/health"), {}, [&] {
                ++healthDone;
                healthBeforeLastLogin += loginsDone < 40;
            });
        QTRY_VERIFY_WITH_TIMEOUT(loginsDone == 40 && healthDone == 10, 60000);
        QCOMPARE(healthBeforeLastLogin, 10);
        qDeleteAll(managers);
    }

    void tokensNeverReachTheLog()
    {
        const QByteArray log = m_fx.server().standardError();
        QVERIFY(!log.contains(m_adminToken));
        QVERIFY(!log.contains("passphrase"));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
