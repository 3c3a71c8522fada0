// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/accounts/accountfixture.h"

#include <QTest>

using namespace quire::test;

namespace {
const QString kAdmin = QStringLiteral("admin@example.org");
const QString kAdminPassword = QStringLiteral("admin passphrase one");
const QString kUser = QStringLiteral("writer@example.org");
const QString kPassword = QStringLiteral("a long enough passphrase");

struct Pair
{
    std::string access;
    std::string refresh;
};

Pair pairOf(const HttpResult &r)
{
    const auto j = r.json();
    return { j.value("access_token", std::string()), j.value("refresh_token", std::string()) };
}

QString code(const HttpResult &r)
{
    const auto j = r.json();
    return j.contains("error") ? QString::fromStdString(j["error"]["code"].get<std::string>()) : QString();
}
} // namespace

// The grace window of refresh-token rotation: an answer lost to a crash or
// a dropped connection, or two refreshes sent at once, must not sign the
// user out; a spent token shown again after the window still ends the
// session and is audited.
class TestRefreshGrace : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx; // the default window (30 s)
    AccountFixture m_short; // a one-second window, to show what happens after it

    HttpResult refresh(AccountFixture &fx, const std::string &token)
    {
        return fx.http().postJson(QStringLiteral("/api/v1/auth/refresh"),
                                  QByteArray::fromStdString(nlohmann::json { { "refresh_token", token } }.dump()));
    }
    int me(AccountFixture &fx, const std::string &access)
    {
        return fx.call("GET", QStringLiteral("/api/v1/users/me"), QByteArray::fromStdString(access)).status;
    }
    std::string signIn(AccountFixture &fx)
    {
        return fx.login(kUser, kPassword).json().value("refresh_token", std::string());
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.createUser(kUser, QStringLiteral("author"), kPassword));
        options.extraArgs << QStringLiteral("--refresh-reuse-grace-seconds") << QStringLiteral("1");
        QVERIFY2(m_short.start(options), qPrintable(m_short.server().errorString()));
        QVERIFY(m_short.createUser(kUser, QStringLiteral("author"), kPassword));
        QVERIFY(m_short.createUser(kAdmin, QStringLiteral("admin"), kAdminPassword));
    }

    // The answer to a refresh never arrives (the connection dropped after
    // the server committed the rotation): the client asks again with the
    // token it still has and gets the same successor.
    void aLostAnswerIsAnsweredAgain()
    {
        const std::string r1 = signIn(m_fx);
        const HttpResult lost = refresh(m_fx, r1);
        QCOMPARE(lost.status, 200);
        const HttpResult again = refresh(m_fx, r1);
        QCOMPARE(again.status, 200);
        const Pair p = pairOf(again);
        QCOMPARE(p.refresh, pairOf(lost).refresh);
        QCOMPARE(p.access, pairOf(lost).access);
        QVERIFY(again.json()["expires_in"].get<int>() > 0);
        QVERIFY(again.json()["user"]["email"] == kUser.toStdString());
        QCOMPARE(me(m_fx, p.access), 200);
        // The family goes on as usual.
        const HttpResult next = refresh(m_fx, p.refresh);
        QCOMPARE(next.status, 200);
        QCOMPARE(me(m_fx, pairOf(next).access), 200);
    }

    // The server is killed after committing a rotation and before its
    // answer left: after the restart the client is still signed in.
    void aKillBetweenCommitAndAnswerKeepsTheClientSignedIn()
    {
        const std::string r1 = signIn(m_fx);
        QCOMPARE(refresh(m_fx, r1).status, 200); // committed; the client never sees it
        QVERIFY2(m_fx.restart(true), qPrintable(m_fx.server().errorString()));
        const HttpResult again = refresh(m_fx, r1);
        QCOMPARE(again.status, 200);
        QCOMPARE(me(m_fx, pairOf(again).access), 200);
        const HttpResult next = refresh(m_fx, pairOf(again).refresh);
        QCOMPARE(next.status, 200);
        QCOMPARE(me(m_fx, pairOf(next).access), 200);
    }

    // Once the successor has been used, the old token can only be a copy:
    // the window does not cover it.
    void aSpentTokenAfterItsSuccessorWasUsedEndsTheFamily()
    {
        const std::string r1 = signIn(m_fx);
        const Pair p2 = pairOf(refresh(m_fx, r1));
        const HttpResult third = refresh(m_fx, p2.refresh);
        QCOMPARE(third.status, 200);
        const HttpResult reuse = refresh(m_fx, r1);
        QCOMPARE(reuse.status, 401);
        QCOMPARE(code(reuse), QStringLiteral("refresh_token_reused"));
        QCOMPARE(me(m_fx, pairOf(third).access), 401);
        QCOMPARE(refresh(m_fx, pairOf(third).refresh).status, 401);
    }

    // After the window a spent token is reuse, as before: the session ends
    // and the audit log says so.
    void reuseAfterTheWindowEndsTheFamily()
    {
        const std::string r1 = signIn(m_short);
        const HttpResult second = refresh(m_short, r1);
        QCOMPARE(second.status, 200);
        const Pair p2 = pairOf(second);
        QCOMPARE(me(m_short, p2.access), 200);
        QTest::qWait(1500); // past the one-second window (not a timing assertion)
        const HttpResult reuse = refresh(m_short, r1);
        QCOMPARE(reuse.status, 401);
        QCOMPARE(code(reuse), QStringLiteral("refresh_token_reused"));
        QCOMPARE(me(m_short, p2.access), 401);
        QCOMPARE(refresh(m_short, p2.refresh).status, 401);
        const QByteArray admin = m_short.token(kAdmin, kAdminPassword);
        const HttpResult audit
            = m_short.call("GET", QStringLiteral("/api/v1/admin/audit?action=refresh_token_reuse"), admin);
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.json()["total"].get<int>() >= 1);
        QVERIFY(!audit.body.contains(QByteArray::fromStdString(r1)));
    }

    // A signed-out session is not brought back by the window.
    void theWindowDoesNotReviveAnEndedSession()
    {
        const std::string r1 = signIn(m_fx);
        const Pair p2 = pairOf(refresh(m_fx, r1));
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/auth/logout"), QByteArray::fromStdString(p2.access)).status,
                 204);
        QCOMPARE(refresh(m_fx, r1).status, 401);
        QCOMPARE(refresh(m_fx, p2.refresh).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestRefreshGrace)
#include "tst_refreshgrace.moc"
