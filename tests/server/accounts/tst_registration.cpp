// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/accounts/accountfixture.h"

#include <QTest>

using namespace quire::test;

namespace {
QByteArray json(const nlohmann::json &j)
{
    return QByteArray::fromStdString(j.dump());
}
} // namespace

// Registration in open and invite mode: validation, the password policy,
// duplicates and single-use invite codes.
class TestRegistration : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_open;
    AccountFixture m_invite;

    HttpResult registerOn(AccountFixture &fx, const nlohmann::json &body)
    {
        return fx.http().postJson(QStringLiteral("/api/v1/auth/register"), json(body));
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options open;
        open.extraArgs = { QStringLiteral("--registration"), QStringLiteral("open"),
                           QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        QVERIFY2(m_open.start(open), qPrintable(m_open.server().errorString()));
        ServerProcess::Options invite;
        invite.env = { { QStringLiteral("QUIRE_REGISTRATION"), QStringLiteral("invite") } };
        QVERIFY2(m_invite.start(invite), qPrintable(m_invite.server().errorString()));
        QVERIFY(m_invite.createUser(QStringLiteral("admin@example.org"), QStringLiteral("admin"),
                                    QStringLiteral("admin passphrase one")));
    }

    void registersAReader()
    {
        const HttpResult r = registerOn(
            m_open, { { "email", " Ada@Example.org " }, { "password", "analytical engine notes" }, { "name", "Ada" } });
        QCOMPARE(r.status, 201);
        QVERIFY(r.json()["user"]["email"] == "ada@example.org");
        QVERIFY(r.json()["user"]["role"] == "reader");
        QVERIFY(r.json()["user"]["email_verified"] == false);
        QCOMPARE(m_open.login(QStringLiteral("ada@example.org"), QStringLiteral("analytical engine notes")).status,
                 200);
    }

    void duplicateEmail()
    {
        const HttpResult r = registerOn(
            m_open, { { "email", "ADA@example.org" }, { "password", "another long passphrase" }, { "name", "Ada 2" } });
        QCOMPARE(r.status, 409);
        QVERIFY(r.json()["error"]["code"] == "email_taken");
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("short password") << json(
            { { "email", "b@example.org" }, { "password", "elevenchars" }, { "name", "B" } })
                                        << QStringLiteral("password");
        QTest::newRow("common password") << json(
            { { "email", "b@example.org" }, { "password", "123qweasdzxc" }, { "name", "B" } })
                                         << QStringLiteral("password");
        QTest::newRow("common, other case")
            << json({ { "email", "b@example.org" }, { "password", "1QAZ2WSX3EDC" }, { "name", "B" } })
            << QStringLiteral("password");
        QTest::newRow("too long") << json(
            { { "email", "b@example.org" }, { "password", std::string(257, 'x') }, { "name", "B" } })
                                  << QStringLiteral("password");
        QTest::newRow("bad email") << json(
            { { "email", "b-at-example.org" }, { "password", "a long enough passphrase" }, { "name", "B" } })
                                   << QStringLiteral("email");
        QTest::newRow("no name") << json({ { "email", "b@example.org" }, { "password", "a long enough passphrase" } })
                                 << QStringLiteral("name");
        QTest::newRow("role smuggled") << json({ { "email", "b@example.org" },
                                                 { "password", "a long enough passphrase" },
                                                 { "name", "B" },
                                                 { "role", "admin" } })
                                       << QStringLiteral("role");
    }

    void refused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r = m_open.http().postJson(QStringLiteral("/api/v1/auth/register"), body);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
        QCOMPARE(m_open.login(QStringLiteral("b@example.org"), QStringLiteral("a long enough passphrase")).status, 401);
    }

    void passwordLengthCountsCharactersNotBytes()
    {
        // Twelve characters, 36 bytes in UTF-8.
        const HttpResult r
            = registerOn(m_open, { { "email", "u@example.org" }, { "password", "ünïcödé✓✓✓✓✓" }, { "name", "U" } });
        QCOMPARE(r.status, 201);
    }

    void inviteModeNeedsAValidCode()
    {
        const QByteArray admin
            = m_invite.token(QStringLiteral("admin@example.org"), QStringLiteral("admin passphrase one"));
        const HttpResult none = registerOn(
            m_invite, { { "email", "c@example.org" }, { "password", "a long enough passphrase" }, { "name", "C" } });
        QCOMPARE(none.status, 400);
        QVERIFY(none.json()["error"]["fields"].contains("invite_code"));
        const HttpResult bogus = registerOn(m_invite,
                                            { { "email", "c@example.org" },
                                              { "password", "a long enough passphrase" },
                                              { "name", "C" },
                                              { "invite_code", "qi_nope" } });
        QCOMPARE(bogus.status, 400);

        const HttpResult invite
            = m_invite.call("POST", QStringLiteral("/api/v1/admin/invites"), admin, json({ { "role", "author" } }));
        QCOMPARE(invite.status, 201);
        const std::string code = invite.json()["invite_code"];
        const HttpResult ok = registerOn(m_invite,
                                         { { "email", "c@example.org" },
                                           { "password", "a long enough passphrase" },
                                           { "name", "C" },
                                           { "invite_code", code } });
        QCOMPARE(ok.status, 201);
        QVERIFY(ok.json()["user"]["role"] == "author"); // the invite's role
        const HttpResult again = registerOn(m_invite,
                                            { { "email", "d@example.org" },
                                              { "password", "a long enough passphrase" },
                                              { "name", "D" },
                                              { "invite_code", code } });
        QCOMPARE(again.status, 400); // single use
    }
};

QTEST_GUILESS_MAIN(TestRegistration)
#include "tst_registration.moc"
