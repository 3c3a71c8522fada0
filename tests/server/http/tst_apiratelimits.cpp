// SPDX-License-Identifier: GPL-3.0-or-later
// The API's budgets per address and per user against a real server with a
// tiny configured budget: the request over it gets 429 with Retry-After,
// other clients are unaffected, the readers' pages are never limited, and
// after Retry-After the client is served again.
#include "tests/server/accounts/accountfixture.h"

#include <QTest>

using namespace quire::test;

namespace {
const QString kPassword = QStringLiteral("a long enough passphrase");
// Per window of 8 s: small enough to spend in a test, and the refill (one
// request every 0.8 s per address) slow against a burst of local requests.
constexpr int kPerAddress = 10;
constexpr int kPerUser = 4;
constexpr int kWindowSeconds = 8;

QByteArray getRequest(const QByteArray &path, const QByteArray &token = {})
{
    QByteArray r = "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    return r + "\r\n";
}

// Not a simple request: answered through Qt's parser rather than the
// front door's, so both ways in are shown to count.
QByteArray handshakeRequest()
{
    const QByteArray body = R"({"client":"test"})";
    return "POST /api/v1/handshake HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
           "application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}
} // namespace

class TestApiRateLimits : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;

    HttpResult from(const char *address, const QByteArray &request)
    {
        return m_fx.http().raw(request, QHostAddress(QString::fromLatin1(address)));
    }
    static void verifyRefused(const HttpResult &r, int limit)
    {
        QCOMPARE(r.status, 429);
        QVERIFY(r.json()["error"]["code"] == "rate_limited");
        const int wait = r.header("Retry-After").toInt();
        QVERIFY2(wait >= 1 && wait <= kWindowSeconds, r.header("Retry-After").constData());
        QCOMPARE(r.header("RateLimit-Limit").toInt(), limit);
        QCOMPARE(r.header("RateLimit-Remaining"), QByteArray("0"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--api-rate-limit-address"), QString::number(kPerAddress),
                              QStringLiteral("--api-rate-limit-user"),    QString::number(kPerUser),
                              QStringLiteral("--api-rate-limit-window"),  QString::number(kWindowSeconds) };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.createUser(QStringLiteral("ann@example.org"), QStringLiteral("author"), kPassword));
        QVERIFY(m_fx.createUser(QStringLiteral("ben@example.org"), QStringLiteral("author"), kPassword));
    }

    void anAddressSpendsItsBudgetThenWaits()
    {
        for (int i = 0; i < kPerAddress; ++i) {
            const HttpResult r = from("127.0.0.20", i % 2 ? handshakeRequest() : getRequest("/api/v1/guides"));
            QVERIFY2(r.status != 429 && r.status != 0,
                     qPrintable(QStringLiteral("request %1: %2").arg(i).arg(r.status)));
        }
        const HttpResult over = from("127.0.0.20", getRequest("/api/v1/guides"));
        verifyRefused(over, kPerAddress);
        verifyRefused(from("127.0.0.20", handshakeRequest()), kPerAddress);
        // Another address is served; the readers' pages never count.
        QCOMPARE(from("127.0.0.21", getRequest("/api/v1/guides")).status, 401);
        QCOMPARE(from("127.0.0.20", getRequest("/health")).status, 200);
        QCOMPARE(from("127.0.0.20", getRequest("/")).status, 200);
        // After the time it was told, the client is served again.
        QTest::qWait(over.header("Retry-After").toInt() * 1000);
        QCOMPARE(from("127.0.0.20", getRequest("/api/v1/guides")).status, 401);
    }

    void aUserSpendsTheirBudgetFromAnyAddress()
    {
        const QByteArray ann = m_fx.token(QStringLiteral("ann@example.org"), kPassword);
        const QByteArray ben = m_fx.token(QStringLiteral("ben@example.org"), kPassword);
        QVERIFY(!ann.isEmpty() && !ben.isEmpty());
        for (int i = 0; i < kPerUser; ++i)
            QCOMPARE(from("127.0.0.30", getRequest("/api/v1/guides", ann)).status, 200);
        const HttpResult over = from("127.0.0.30", getRequest("/api/v1/guides", ann));
        verifyRefused(over, kPerUser);
        // Another user at the same address is served; the user elsewhere is not.
        QCOMPARE(from("127.0.0.30", getRequest("/api/v1/guides", ben)).status, 200);
        verifyRefused(from("127.0.0.31", getRequest("/api/v1/guides", ann)), kPerUser);
        QTest::qWait(over.header("Retry-After").toInt() * 1000);
        QCOMPARE(from("127.0.0.31", getRequest("/api/v1/guides", ann)).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestApiRateLimits)
#include "tst_apiratelimits.moc"
