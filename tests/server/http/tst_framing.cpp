// SPDX-License-Identifier: GPL-3.0-or-later
// Request smuggling against the real server, over plain HTTP and TLS: every
// framing the hardening issue found answered twice (conflicting lengths,
// Content-Length beside Transfer-Encoding, folded or odd codings, bare LF,
// signed lengths, HTTP/1.0 with a coding, space before the colon, NUL) now
// gets exactly one answer, a 400 (411 for a plain chunked body), and a
// closed connection; the bytes after it are never answered as a request.
// Answers to good requests before it still come first, in order. The live
// socket's upgrade answer follows the same header policy as every answer,
// and browser origins off the allow-list cannot open one.
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/rawconnection.h"

#include <QTest>

using quire::test::AccountFixture;
using quire::test::Answer;
using quire::test::Endpoint;
using quire::test::RawConnection;

namespace {

// What the smuggled request would reach if the framing were read two ways.
const QByteArray kAllowedOrigin = "https://app.example.org";
const QByteArray kSmuggled = "GET /api/v1/admin/users HTTP/1.1\r\nHost: x\r\n\r\n";

QByteArray handshake(const QByteArray &framing, const QByteArray &body = "{}")
{
    return "POST /api/v1/handshake HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + framing + "\r\n" + body
        + kSmuggled;
}

QByteArray statuses(const QList<Answer> &answers)
{
    QByteArrayList list;
    for (const Answer &a : answers)
        list.append(QByteArray::number(a.status));
    return list.join(',');
}

} // namespace

class TestFraming : public QObject
{
    Q_OBJECT
public:
    explicit TestFraming(bool tls)
        : m_tls(tls)
    { }

private:
    const bool m_tls;
    AccountFixture m_fx;

    Endpoint endpoint() { return { m_fx.server().port(), m_tls, m_fx.server().fingerprint(), {} }; }

private Q_SLOTS:
    void initTestCase()
    {
        qInfo("transport: %s", m_tls ? "TLS" : "plain HTTP");
        quire::test::ServerProcess::Options options;
        options.tls = m_tls;
        options.extraArgs = { QStringLiteral("--cors-origins"), QString::fromLatin1(kAllowedOrigin) };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
    }

    void ambiguousFraming_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("expected"); // the statuses, in order
        QTest::newRow("two lengths") << handshake("Content-Length: 2\r\nContent-Length: 47\r\n") << QByteArray("400");
        QTest::newRow("length list") << handshake("Content-Length: 2, 47\r\n") << QByteArray("400");
        QTest::newRow("length, chunked") << handshake("Content-Length: 2\r\nTransfer-Encoding: chunked\r\n")
                                         << QByteArray("400");
        QTest::newRow("chunked, length") << handshake("Transfer-Encoding: chunked\r\nContent-Length: 2\r\n",
                                                      "0\r\n\r\n")
                                         << QByteArray("400");
        QTest::newRow("folded length") << handshake("Content-Length: 2\r\n 47\r\n") << QByteArray("400");
        QTest::newRow("folded coding") << handshake("Transfer-Encoding:\r\n chunked\r\n", "0\r\n\r\n")
                                       << QByteArray("400");
        QTest::newRow("bare LF")
            << QByteArray("POST /api/v1/handshake HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: "
                          "2\n\n{}")
                + kSmuggled
            << QByteArray("400");
        QTest::newRow("xchunked") << handshake("Transfer-Encoding: xchunked\r\n") << QByteArray("400");
        QTest::newRow("chunked, identity")
            << handshake("Transfer-Encoding: chunked, identity\r\n") << QByteArray("400");
        QTest::newRow("signed length") << handshake("Content-Length: +2\r\n") << QByteArray("400");
        QTest::newRow("negative length") << handshake("Content-Length: -2\r\n") << QByteArray("400");
        QTest::newRow("http/1.0 with a coding")
            << QByteArray("POST /api/v1/handshake HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                + kSmuggled
            << QByteArray("400");
        QTest::newRow("space before colon") << handshake("Content-Length : 2\r\n") << QByteArray("400");
        QTest::newRow("NUL in a header") << handshake(QByteArray("X-A: a\0b\r\nContent-Length: 2\r\n", 29))
                                         << QByteArray("400");
        QTest::newRow("chunked body") << handshake("Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n0\r\n\r\n")
                                      << QByteArray("411");
        // Good requests before the bad one are answered first: one the
        // front door answers, and one Qt answers through the relay.
        QTest::newRow("page, then two lengths")
            << "GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + handshake("Content-Length: 2\r\nContent-Length: 47\r\n")
            << QByteArray("200,400");
        QTest::newRow("api call, then two lengths")
            << "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
               "2\r\n\r\n{}"
                + handshake("Content-Length: 2\r\nContent-Length: 47\r\n")
            << QByteArray("400,400");
    }
    void ambiguousFraming()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, expected);
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        c.send(request);
        const int count = int(expected.count(',')) + 1;
        const QList<Answer> answers = c.read(count);
        QCOMPARE(statuses(answers), expected);
        QCOMPARE(answers.last().header("Connection"), QByteArray("close"));
        QVERIFY2(answers.last().body.contains("\"error\""), answers.last().body.constData()); // the API's envelope
        // Then the connection closes, and nothing else was answered.
        QVERIFY2(c.waitClosed(), c.describe().constData());
        QVERIFY2(c.unread().isEmpty(), c.unread().constData());
        // The server is fine.
        RawConnection after(endpoint());
        QCOMPARE(statuses(after.exchange("GET /health HTTP/1.1\r\nHost: x\r\n\r\n", 1)), QByteArray("200"));
    }

    void liveUpgrade_data()
    {
        QTest::addColumn<QByteArray>("origin"); // empty: none sent (the desktop app)
        QTest::addColumn<int>("status");
        QTest::newRow("no origin") << QByteArray() << 101;
        QTest::newRow("allowed origin") << kAllowedOrigin << 101;
        QTest::newRow("other origin") << QByteArray("https://evil.example") << 403;
        QTest::newRow("null origin") << QByteArray("null") << 403;
    }
    // No Server header, no blanket Access-Control-Allow-Origin, HSTS over
    // TLS; an origin off the allow-list gets 403 and no socket.
    void liveUpgrade()
    {
        QFETCH(QByteArray, origin);
        QFETCH(int, status);
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        QByteArray request
            = "GET /api/v1/sync/live HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
              "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        if (!origin.isEmpty())
            request += "Origin: " + origin + "\r\n";
        c.send(request + "\r\n");
        // A 101 has no body; a refusal's is read whole.
        const QList<Answer> answers = c.read(1, { status == 101 });
        QCOMPARE(answers.size(), 1);
        const Answer &a = answers[0];
        QCOMPARE(a.status, status);
        QCOMPARE(a.count("Server"), 0);
        QCOMPARE(a.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(a.count("Strict-Transport-Security"), m_tls ? 1 : 0);
        // Browsers apply no CORS to WebSockets: the origin check above is
        // what protects, so no Access-Control-* header is sent at all.
        QCOMPARE(a.count("Access-Control-Allow-Origin"), 0);
        QCOMPARE(a.count("Access-Control-Allow-Credentials"), 0);
        if (status == 101)
            QCOMPARE(a.header("Sec-WebSocket-Accept"), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    // A body over the limit is refused from its head, before it is sent.
    void oversizedBodyRefusedAtTheHead()
    {
        RawConnection c(endpoint());
        c.send("POST /api/v1/handshake HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
               "99999999999\r\n\r\n{");
        const QList<Answer> answers = c.read(1);
        QCOMPARE(statuses(answers), QByteArray("413"));
        QVERIFY2(c.waitClosed(), c.describe().constData());
    }
};

QUIRE_TEST_MAIN_BOTH_TRANSPORTS(TestFraming)
#include "tst_framing.moc"
