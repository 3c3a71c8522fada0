// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/accounts/accountfixture.h"

#include <QTest>

using namespace quire::test;

namespace {
const QString kPassword = QStringLiteral("a long enough passphrase");

QByteArray loginRequest(const QString &email, const QString &password)
{
    const QByteArray body = QByteArray::fromStdString(
        nlohmann::json { { "email", email.toStdString() }, { "password", password.toStdString() } }.dump());
    return "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
           "application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}
} // namespace

// Brute-force protection with the production limits: 429 with Retry-After,
// back-off per account and address, and no lock-out of the real user.
class TestRateLimits : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;

    HttpResult loginFrom(const QString &address, const QString &email, const QString &password)
    {
        return m_fx.http().raw(loginRequest(email, password), QHostAddress(address));
    }
    HttpResult loginFrom(const char *address, const QString &email, const QString &password)
    {
        return loginFrom(QString::fromLatin1(address), email, password);
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--registration"), QStringLiteral("open") };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.createUser(QStringLiteral("victim@example.org"), QStringLiteral("author"), kPassword));
    }

    void failuresSlowDownThatAddressOnly()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(
                loginFrom("127.0.0.2", QStringLiteral("victim@example.org"), QStringLiteral("guess number %1").arg(i))
                    .status,
                401);
        const HttpResult blocked
            = loginFrom("127.0.0.2", QStringLiteral("victim@example.org"), QStringLiteral("guess number 4"));
        QCOMPARE(blocked.status, 429);
        QVERIFY(blocked.header("Retry-After").toInt() >= 1);
        QVERIFY(blocked.json()["error"]["code"] == "rate_limited");
        // Even the right password waits out the delay from that address...
        QCOMPARE(loginFrom("127.0.0.2", QStringLiteral("victim@example.org"), kPassword).status, 429);
        // ...but the real user, elsewhere, signs in at once.
        QCOMPARE(loginFrom("127.0.0.3", QStringLiteral("victim@example.org"), kPassword).status, 200);
    }

    // The case: after a restart, wrong passwords from many addresses
    // used up the account's allowance and the real user's own address got
    // 429, because the addresses an account had signed in from lived in
    // memory. Both now live in the database.
    void aRestartLocksNoOneOutAndRefillsNoAllowance()
    {
        const QString email = QStringLiteral("regular@example.org");
        QVERIFY(m_fx.createUser(email, QStringLiteral("author"), kPassword));
        QCOMPARE(loginFrom("127.0.0.6", email, kPassword).status, 200); // the user's own machine
        QVERIFY2(m_fx.restart(), qPrintable(m_fx.server().errorString()));

        int limited = 0;
        for (int i = 1; i <= 40; ++i) {
            const HttpResult r
                = loginFrom(QStringLiteral("127.0.1.%1").arg(i), email, QStringLiteral("wrong guess %1").arg(i));
            QVERIFY2(r.status == 401 || r.status == 429, qPrintable(QString::number(r.status)));
            limited += r.status == 429;
        }
        QVERIFY2(limited >= 20, qPrintable(QString::number(limited))); // the account's allowance ran out
        QCOMPARE(loginFrom("127.0.0.6", email, kPassword).status, 200);

        // Another restart (or another instance) gives the attacker no fresh
        // allowance, and the real user still signs in from home.
        QVERIFY2(m_fx.restart(), qPrintable(m_fx.server().errorString()));
        QCOMPARE(loginFrom("127.0.1.41", email, QStringLiteral("one more guess")).status, 429);
        QCOMPARE(loginFrom("127.0.0.6", email, kPassword).status, 200);
    }

    void oneAddressCannotTryForever()
    {
        int allowed = 0;
        HttpResult last;
        for (int i = 0; i < 40; ++i) {
            last = loginFrom("127.0.0.4", QStringLiteral("nobody%1@example.org").arg(i),
                             QStringLiteral("whatever it may be"));
            if (last.status == 429)
                break;
            QCOMPARE(last.status, 401);
            ++allowed;
        }
        QCOMPARE(last.status, 429);
        QVERIFY2(allowed >= 20 && allowed < 40, qPrintable(QString::number(allowed)));
        QVERIFY(last.header("Retry-After").toInt() >= 1);
    }

    void registrationIsLimitedPerAddress()
    {
        int created = 0;
        HttpResult last;
        for (int i = 0; i < 10; ++i) {
            const QByteArray body = QByteArray::fromStdString(nlohmann::json {
                { "email", QStringLiteral("new%1@example.org").arg(i).toStdString() },
                { "password", kPassword.toStdString() },
                { "name", "New" } }.dump());
            last = m_fx.http().raw("POST /api/v1/auth/register HTTP/1.1\r\nHost: x\r\nConnection: "
                                   "close\r\nContent-Type: application/json\r\nContent-Length: "
                                       + QByteArray::number(body.size()) + "\r\n\r\n" + body,
                                   QHostAddress(QStringLiteral("127.0.0.5")));
            if (last.status == 429)
                break;
            QCOMPARE(last.status, 201);
            ++created;
        }
        QCOMPARE(created, 5);
        QCOMPARE(last.status, 429);
    }
};

QTEST_GUILESS_MAIN(TestRateLimits)
#include "tst_ratelimits.moc"
