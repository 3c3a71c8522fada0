// SPDX-License-Identifier: GPL-3.0-or-later
// Slow clients against the real server, over plain HTTP and TLS: a head
// that trickles in (slowloris) is cut off at its own deadline however many
// bytes keep coming, a body below the least rate is cut off after its
// grace, one address cannot hold more than its share of connections, and
// while dozens of slow connections are open, normal requests are answered.
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/rawconnection.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using quire::test::AccountFixture;
using quire::test::Answer;
using quire::test::Endpoint;
using quire::test::RawConnection;

namespace {

constexpr int kHeadSeconds = 1;
constexpr int kMinBodyRate = 2000;
constexpr int kPerAddress = 16;
// Well past every deadline above: a pass is not luck.
constexpr int kGuardMs = 10'000;
const QByteArray kHealth = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";

QHostAddress local(int last)
{
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(last));
}

// Sends `bytes` a few at a time until the server closes; whether it did,
// and everything it sent.
bool trickleUntilClosed(RawConnection &c, const QByteArray &bytes, int step, int pauseMs)
{
    QDeadlineTimer guard(kGuardMs);
    for (qsizetype at = 0; at < bytes.size() && !guard.hasExpired(); at += step) {
        c.send(bytes.mid(at, step));
        if (c.waitClosed(pauseMs))
            return true;
    }
    return c.waitClosed(0);
}

} // namespace

class TestSlowClients : public QObject
{
    Q_OBJECT
public:
    explicit TestSlowClients(bool tls)
        : m_tls(tls)
    { }

private:
    const bool m_tls;
    AccountFixture m_fx;

    Endpoint endpoint(int from = 1)
    {
        return { m_fx.server().port(), m_tls, m_fx.server().fingerprint(), local(from) };
    }

private Q_SLOTS:
    void initTestCase()
    {
        qInfo("transport: %s", m_tls ? "TLS" : "plain HTTP");
        quire::test::ServerProcess::Options options;
        options.tls = m_tls;
        // The idle timeout is far away: only the new deadlines can close.
        options.extraArgs = { QStringLiteral("--request-head-timeout-seconds"),
                              QString::number(kHeadSeconds),
                              QStringLiteral("--min-body-rate"),
                              QString::number(kMinBodyRate),
                              QStringLiteral("--max-connections-per-address"),
                              QString::number(kPerAddress),
                              QStringLiteral("--idle-timeout-seconds"),
                              QStringLiteral("120") };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
    }

    // A head sent a byte every 50 ms would take far longer than its
    // deadline: 408, then closed, though bytes never stopped coming. Also
    // on a connection already relayed to Qt by an earlier API request.
    void tricklingHead_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::newRow("first request") << QByteArray();
        QTest::newRow("after an api request")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Content-Length: 2\r\n\r\n{}");
    }
    void tricklingHead()
    {
        QFETCH(QByteArray, before);
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        if (!before.isEmpty())
            QCOMPARE(c.exchange(before, 1).size(), 1);
        const QByteArray head = "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(400, 'a') + "\r\n\r\n";
        QVERIFY2(trickleUntilClosed(c, head, 1, 50), c.describe().constData());
        const QList<Answer> answers = c.read(1, {}, 0);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers[0].status, 408);
    }

    // 10 bytes every 50 ms is 200 bytes a second, a tenth of the least
    // rate: cut off once the grace is over. A body at a good rate is not.
    void slowBody_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<bool>("cut");
        QTest::newRow("200 bytes/s") << 10 << true;
        QTest::newRow("80 kB/s") << 4096 << false;
    }
    void slowBody()
    {
        QFETCH(int, step);
        QFETCH(bool, cut);
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        const QByteArray body = "{\"email\":\"a@b.c\",\"password\":\"" + QByteArray(40'000, 'x') + "\"}";
        c.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
               + QByteArray::number(body.size()) + "\r\n\r\n");
        const bool closed = trickleUntilClosed(c, body, step, 50);
        const QList<Answer> answers = c.read(1, {}, cut ? 0 : kGuardMs);
        QCOMPARE(answers.size(), 1);
        if (cut) {
            QVERIFY(closed);
            QCOMPARE(answers[0].status, 408);
        } else {
            QVERIFY2(answers[0].status != 408, answers[0].summary().constData());
        }
    }

    // One address holds at most its share; others are not affected, and a
    // closed connection frees its place.
    void connectionsPerAddress()
    {
        std::vector<std::unique_ptr<RawConnection>> held;
        for (int i = 0; i < kPerAddress; ++i) {
            held.push_back(std::make_unique<RawConnection>(endpoint(3)));
            QVERIFY2(held.back()->isConnected(), held.back()->describe().constData());
            QCOMPARE(held.back()->exchange(kHealth, 1).size(), 1);
        }
        RawConnection extra(endpoint(3));
        if (extra.isConnected()) {
            extra.send(kHealth);
            QVERIFY2(extra.read(1, {}, 2000).isEmpty(), extra.describe().constData());
            QVERIFY(extra.waitClosed());
        }
        RawConnection other(endpoint(4));
        QVERIFY2(other.isConnected(), other.describe().constData());
        QCOMPARE(other.exchange(kHealth, 1).size(), 1);

        held.front()->socket().disconnectFromHost();
        QVERIFY(held.front()->waitClosed());
        held.erase(held.begin());
        // The server notices the close on its next turn.
        bool served = false;
        for (QDeadlineTimer guard(kGuardMs); !served && !guard.hasExpired();) {
            RawConnection again(endpoint(3));
            served = again.isConnected() && again.exchange(kHealth, 1).size() == 1;
            if (!served)
                QTest::qWait(50);
        }
        QVERIFY(served);
    }

    // Slowloris: 48 connections from 8 addresses trickle heads. Meanwhile
    // pages and API calls from another address are answered, and in the
    // end every slow connection was closed by its deadline.
    void othersServedDuringSlowloris()
    {
        std::vector<std::unique_ptr<RawConnection>> slow;
        for (int i = 0; i < 48; ++i) {
            slow.push_back(std::make_unique<RawConnection>(endpoint(10 + i % 8)));
            QVERIFY2(slow.back()->isConnected(), slow.back()->describe().constData());
            slow.back()->send("GET /health HTTP/1.1\r\nHost: x\r\n");
        }
        QList<qint64> latencies;
        for (int i = 0; i < 20; ++i) {
            for (auto &c : slow)
                c->send("X-A: b\r\n");
            QElapsedTimer timer;
            timer.start();
            RawConnection c(endpoint(1));
            const QByteArray request = i % 2 ? kHealth
                                             : QByteArray("POST /api/v1/handshake HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                                          "application/json\r\nContent-Length: 2\r\n\r\n{}");
            const QList<Answer> answers = c.exchange(request, 1);
            QCOMPARE(answers.size(), 1);
            QVERIFY2(answers[0].status < 500, answers[0].summary().constData());
            latencies.append(timer.elapsed());
        }
        std::sort(latencies.begin(), latencies.end());
        qInfo("normal requests during slowloris: median %lld ms, slowest %lld ms", latencies[latencies.size() / 2],
              latencies.last());
        for (auto &c : slow) {
            QVERIFY2(c->waitClosed(kGuardMs), c->describe().constData());
            const QList<Answer> answers = c->read(1, {}, 0);
            QCOMPARE(answers.size(), 1);
            QCOMPARE(answers[0].status, 408);
        }
    }
};

QUIRE_TEST_MAIN_BOTH_TRANSPORTS(TestSlowClients)
#include "tst_slowclients.moc"
