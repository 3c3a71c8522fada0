// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts an administrator adds (POST /api/v1/admin/users) against the real
// server over TLS: the new user gets no password but a mailed link to choose
// one, signs in with it, and the audit trail says who added whom; bad bodies
// get field errors, a taken address is refused, and nobody else may add.
#include "tests/server/accounts/accountfixture.h"
#include "tests/server/accounts/outbox.h"

#include <QTest>

using quire::test::AccountFixture;
using quire::test::HttpResult;
using quire::test::ServerProcess;
namespace Outbox = quire::test::Outbox;

namespace {
const QString kAdmin = QStringLiteral("admin@example.org");
const QString kPassword = QStringLiteral("a long enough passphrase");
const QString kChosen = QStringLiteral("the password I chose myself");

QByteArray json(const nlohmann::json &j)
{
    return QByteArray::fromStdString(j.dump());
}

QString code(const HttpResult &r)
{
    const auto j = r.json();
    return j.contains("error") ? QString::fromStdString(j["error"]["code"].get<std::string>()) : QString();
}

// The fields the error names, sorted.
QStringList fieldsOf(const HttpResult &r)
{
    QStringList names;
    const auto j = r.json();
    if (j.contains("error") && j["error"].contains("fields"))
        for (const auto &[name, message] : j["error"]["fields"].items())
            names << QString::fromStdString(name);
    names.sort();
    return names;
}
} // namespace

class TestAdminUsers : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;
    QString m_outbox;
    QByteArray m_adminToken;

    HttpResult add(const nlohmann::json &body, const QByteArray &token)
    {
        return m_fx.call("POST", QStringLiteral("/api/v1/admin/users"), token, json(body));
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--public-url"), QStringLiteral("https://docs.example.test"),
                              QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        m_outbox = m_fx.server().dataDir() + QStringLiteral("/outbox");
        QVERIFY(m_fx.createUser(kAdmin, QStringLiteral("admin"), kPassword));
        QVERIFY(m_fx.createUser(QStringLiteral("editor@example.org"), QStringLiteral("editor"), kPassword));
        m_adminToken = m_fx.token(kAdmin, kPassword);
        QVERIFY(!m_adminToken.isEmpty());
    }

    void addedUserChoosesAPasswordFromTheMail()
    {
        const int before = Outbox::count(m_outbox);
        const HttpResult r
            = add({ { "name", "Nia New" }, { "email", " Nia@Example.ORG " }, { "role", "author" } }, m_adminToken);
        QCOMPARE(r.status, 201);
        const auto user = r.json();
        QVERIFY(user["email"] == "nia@example.org");
        QVERIFY(user["name"] == "Nia New");
        QVERIFY(user["role"] == "author");
        QVERIFY(user["email_verified"] == false);
        QVERIFY(!user.contains("password_hash"));
        const QString id = QString::fromStdString(user["id"].get<std::string>());

        // No password works before the owner chooses one.
        QCOMPARE(m_fx.login(QStringLiteral("nia@example.org"), kChosen).status, 401);

        const std::optional<Outbox::Mail> mail
            = Outbox::waitForMailTo(m_outbox, before + 1, QStringLiteral("nia@example.org"));
        QVERIFY(mail);
        QVERIFY2(mail->text.contains(QStringLiteral("https://docs.example.test/reset-password?token=qt_")),
                 qPrintable(mail->text));
        QVERIFY(mail->text.contains(QStringLiteral("Nia New")));
        const QString token = Outbox::tokenIn(mail->text);
        QVERIFY(!token.isEmpty());
        const HttpResult reset
            = m_fx.http().postJson(QStringLiteral("/api/v1/auth/reset-password"),
                                   json({ { "token", token.toStdString() }, { "password", kChosen.toStdString() } }));
        QCOMPARE(reset.status, 204);

        const HttpResult login = m_fx.login(QStringLiteral("nia@example.org"), kChosen);
        QCOMPARE(login.status, 200);
        QVERIFY(login.json()["user"]["role"] == "author");
        // Opening the mailed link proved the address.
        QVERIFY(login.json()["user"]["email_verified"] == true);

        // The trail says which admin added whom, and with which role (the
        // console's create-user writes the same action with no actor).
        const QString adminId = QString::fromStdString(
            m_fx.call("GET", QStringLiteral("/api/v1/users/me"), m_adminToken).json()["id"].get<std::string>());
        const HttpResult audit = m_fx.call(
            "GET", QStringLiteral("/api/v1/admin/audit?action=user_created&actor=") + adminId, m_adminToken);
        QCOMPARE(audit.status, 200);
        QCOMPARE(audit.json()["entries"].size(), size_t(1));
        const auto entry = audit.json()["entries"][0];
        QVERIFY(entry["target_id"] == id.toStdString());
        QVERIFY(entry["actor_id"] == adminId.toStdString());
        QVERIFY(entry["details"]["role"] == "author");
        // By name and email, as a person reads the log, not as ids.
        QVERIFY(entry["actor_email"] == kAdmin.toStdString());
        QVERIFY(entry["actor_name"].is_string());
        QVERIFY(entry["target_email"] == "nia@example.org");
        QVERIFY(entry["target_name"] == "Nia New");
        // The console's create-user has no actor: named by nobody.
        const HttpResult console
            = m_fx.call("GET", QStringLiteral("/api/v1/admin/audit?action=user_created"), m_adminToken);
        const nlohmann::json consoleAnswer = console.json();
        bool sawConsole = false;
        for (const auto &e : consoleAnswer["entries"])
            if (e["actor_id"].is_null()) {
                sawConsole = true;
                QVERIFY(e["actor_name"].is_null());
                QVERIFY(e["actor_email"].is_null());
                QVERIFY(e["target_email"].is_string());
            }
        QVERIFY(sawConsole);

        // The new account is in the admins' list at once.
        const HttpResult listed = m_fx.call("GET", QStringLiteral("/api/v1/admin/users?q=nia"), m_adminToken);
        QVERIFY(listed.json()["total"] == 1);
    }

    void badBodiesGetFieldErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QStringList>("fields");
        const QString invalid = QStringLiteral("validation_failed");
        QTest::newRow("no email") << json({ { "name", "A" } }) << 400 << invalid
                                  << QStringList { QStringLiteral("email") };
        QTest::newRow("not an email") << json({ { "name", "A" }, { "email", "nobody" } }) << 400 << invalid
                                      << QStringList { QStringLiteral("email") };
        QTest::newRow("blank name") << json({ { "name", "   " }, { "email", "blank@example.org" } }) << 400 << invalid
                                    << QStringList { QStringLiteral("name") };
        QTest::newRow("unknown role") << json({ { "name", "A" }, { "email", "a@example.org" }, { "role", "king" } })
                                      << 400 << invalid << QStringList { QStringLiteral("role") };
        QTest::newRow("several at once") << json({ { "role", "king" } }) << 400 << invalid
                                         << QStringList { QStringLiteral("email"), QStringLiteral("name"),
                                                          QStringLiteral("role") };
        QTest::newRow("address taken") << json(
            { { "name", "Again" }, { "email", "EDITOR@example.org" }, { "role", "reader" } })
                                       << 409 << QStringLiteral("email_taken")
                                       << QStringList { QStringLiteral("email") };
    }

    void badBodiesGetFieldErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, errorCode);
        QFETCH(QStringList, fields);
        const int mails = Outbox::count(m_outbox);
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/admin/users"), m_adminToken, body);
        QCOMPARE(r.status, status);
        QCOMPARE(code(r), errorCode);
        QCOMPARE(fieldsOf(r), fields);
        QCOMPARE(Outbox::count(m_outbox), mails); // nobody was mailed
    }

    void onlyAdminsAddUsers()
    {
        const QByteArray editor = m_fx.token(QStringLiteral("editor@example.org"), kPassword);
        QVERIFY(!editor.isEmpty());
        const HttpResult r = add({ { "name", "Sneaky" }, { "email", "sneaky@example.org" } }, editor);
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("forbidden"));
        QVERIFY(m_fx.call("GET", QStringLiteral("/api/v1/admin/users?q=sneaky"), m_adminToken).json()["total"] == 0);
    }
};

QTEST_MAIN(TestAdminUsers)
#include "tst_adminusers.moc"
