// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/pathnormalizer.h"
#include "server/http/simplerequest.h"

#include <QTest>

using namespace quire::server;
using Outcome = SimpleRequest::Outcome;

Q_DECLARE_METATYPE(SimpleRequest::Outcome)

namespace {

std::string_view view(const QByteArray &bytes)
{
    return { bytes.constData(), std::size_t(bytes.size()) };
}

QByteArray get(const QByteArray &target, const QByteArray &headers = "Host: x\r\n")
{
    return "GET " + target + " HTTP/1.1\r\n" + headers + "\r\n";
}

} // namespace

// What the front door answers itself, and what it leaves to Qt's parser:
// anything personal, with a body, or written unusually is Qt's.
class TestSimpleRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<Outcome>("outcome");
        const Outcome complete = Outcome::Complete;
        const Outcome incomplete = Outcome::Incomplete;
        const Outcome no = Outcome::NotSimple;
        QTest::newRow("page") << get("/guides/writing-well") << complete;
        QTest::newRow("root") << get("/") << complete;
        QTest::newRow("asset") << get("/assets/site.css") << complete;
        QTest::newRow("head") << QByteArray("HEAD /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n") << complete;
        QTest::newRow("keep-alive") << get("/", "Host: x\r\nConnection: Keep-Alive\r\n") << complete;
        QTest::newRow("header spacing") << get("/", "Host:x\r\nAccept:  */*  \r\n") << complete;

        QTest::newRow("empty") << QByteArray() << incomplete;
        QTest::newRow("method begun") << QByteArray("HE") << incomplete;
        QTest::newRow("line begun") << QByteArray("GET /gui") << incomplete;
        QTest::newRow("headers begun") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n") << incomplete;

        QTest::newRow("post") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\n\r\n") << no;
        QTest::newRow("post begun") << QByteArray("POS") << no;
        QTest::newRow("lower-case method") << QByteArray("get / HTTP/1.1\r\nHost: x\r\n\r\n") << no;
        QTest::newRow("http/1.0") << QByteArray("GET / HTTP/1.0\r\nHost: x\r\n\r\n") << no;
        QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: x\r\n\r\n") << no;
        QTest::newRow("query") << get("/search?q=x") << no;
        QTest::newRow("upper case") << get("/Guides/x") << no;
        QTest::newRow("percent") << get("/guides/%61") << no;
        QTest::newRow("double slash") << get("//admin/users") << no;
        QTest::newRow("trailing slash") << get("/guides/") << no;
        QTest::newRow("dot segment") << get("/guides/./x") << no;
        QTest::newRow("dot dot") << get("/guides/../admin") << no;
        QTest::newRow("dots inside") << get("/guides/a..b") << no;
        QTest::newRow("absolute form") << get("http://x/guides") << no;
        QTest::newRow("long target") << get("/" + QByteArray(600, 'a')) << no;
        QTest::newRow("no host") << get("/", "Accept: */*\r\n") << no;
        QTest::newRow("two hosts") << get("/", "Host: x\r\nHost: y\r\n") << no;
        QTest::newRow("cookie") << get("/", "Host: x\r\nCookie: a=b\r\n") << no;
        QTest::newRow("cookie any case") << get("/", "Host: x\r\ncOOkie: a=b\r\n") << no;
        QTest::newRow("authorization") << get("/", "Host: x\r\nAuthorization: Bearer t\r\n") << no;
        QTest::newRow("origin") << get("/", "Host: x\r\nOrigin: https://a.example\r\n") << no;
        QTest::newRow("body") << get("/", "Host: x\r\nContent-Length: 3\r\n") << no;
        QTest::newRow("chunked") << get("/", "Host: x\r\nTransfer-Encoding: chunked\r\n") << no;
        QTest::newRow("upgrade") << get("/", "Host: x\r\nUpgrade: websocket\r\n") << no;
        QTest::newRow("expect") << get("/", "Host: x\r\nExpect: 100-continue\r\n") << no;
        QTest::newRow("close") << get("/", "Host: x\r\nConnection: close\r\n") << no;
        QTest::newRow("two encodings") << get("/", "Host: x\r\nAccept-Encoding: gzip\r\nAccept-Encoding: br\r\n") << no;
        QTest::newRow("two if-none-match")
            << get("/", "Host: x\r\nIf-None-Match: \"a\"\r\nIf-None-Match: \"b\"\r\n") << no;
        QTest::newRow("two if-modified-since")
            << get("/", "Host: x\r\nIf-Modified-Since: a\r\nIf-Modified-Since: b\r\n") << no;
        QTest::newRow("folded header") << get("/", "Host: x\r\nAccept: a\r\n b\r\n") << no;
        QTest::newRow("space before colon") << get("/", "Host : x\r\n") << no;
        QTest::newRow("no colon") << get("/", "Host x\r\n") << no;
        QTest::newRow("control char") << get("/", QByteArray("Host: x\r\nAccept: a\x01\r\n", 21)) << no;
        QTest::newRow("bare newlines") << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << no;
        QTest::newRow("bare newline begun") << QByteArray("GET / HTTP/1.1\r\nHost: x\n") << no;
        QTest::newRow("huge head") << get("/", "Host: x\r\nX-Pad: " + QByteArray(9000, 'a') + "\r\n") << no;
        const Outcome bad = Outcome::Malformed;
        QTest::newRow("tls hello") << QByteArray("\x16\x03\x01\x00\xa5\x01\x00", 7) << bad;
        QTest::newRow("nul") << QByteArray("\0GET / HTTP/1.1\r\n", 17) << bad;
        QTest::newRow("space first") << QByteArray(" GET / HTTP/1.1\r\n") << bad;
        QTest::newRow("method too long") << QByteArray("ABCDEFGHIJKLMNOPQ / HTTP/1.1\r\n") << bad;
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << bad;
        QTest::newRow("other protocol") << QByteArray("GET / SPDY/3\r\nHost: x\r\n\r\n") << bad;
        QTest::newRow("unknown method") << QByteArray("BLAH / HTTP/1.1\r\nHost: x\r\n\r\n") << no;
        QTest::newRow("http/1.0 post") << QByteArray("POST /x HTTP/1.0\r\n") << no;
        QTest::newRow("huge unfinished head") << "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(9000, 'a') << no;
    }

    void parse()
    {
        QFETCH(QByteArray, data);
        QFETCH(Outcome, outcome);
        const SimpleRequest request = SimpleRequest::parse(view(data));
        QCOMPARE(request.outcome, outcome);
        if (outcome == Outcome::Complete) {
            QCOMPARE(qsizetype(request.length), data.size());
            // A simple target is already what the router would see.
            const QByteArray target(request.target.data(), qsizetype(request.target.size()));
            QCOMPARE(PathNormalizer::normalize(target).value_or(QString()), QString::fromLatin1(target));
        }
    }

    // A signed-in API call is simple too when the front door asks for that
    // reach: a plain query and one bearer token; anything unusual in them
    // still goes to Qt.
    void bearerReach_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<Outcome>("outcome");
        const Outcome complete = Outcome::Complete;
        const Outcome no = Outcome::NotSimple;
        const QByteArray bearer = "Host: x\r\nAuthorization: Bearer qa_Ab-9_x~+/=\r\n";
        QTest::newRow("bearer") << get("/api/v1/users/me", bearer) << complete;
        QTest::newRow("query") << get("/api/v1/guides?per_page=20&tag=a%2Bb") << complete;
        QTest::newRow("both") << get("/api/v1/guides?q=caf%C3%a9&x=!$'()*+,;=:@/?", bearer) << complete;
        QTest::newRow("page") << get("/guides/x") << complete;
        QTest::newRow("empty query") << get("/api/v1/guides?") << no;
        QTest::newRow("fragment") << get("/api/v1/guides?a=1#b") << no;
        QTest::newRow("brackets") << get("/api/v1/guides?filter[a]=1") << no;
        QTest::newRow("quote") << get("/api/v1/guides?a=\"1\"") << no;
        QTest::newRow("bare percent") << get("/api/v1/guides?a=%") << no;
        QTest::newRow("short percent") << get("/api/v1/guides?a=%4") << no;
        QTest::newRow("bad hex") << get("/api/v1/guides?a=%4g") << no;
        QTest::newRow("non-ascii") << get("/api/v1/guides?a=\xc3\xa9") << no;
        QTest::newRow("long query") << get("/api/v1/guides?a=" + QByteArray(2100, 'a')) << no;
        QTest::newRow("query on odd path") << get("/api/v1/Guides?a=1") << no;
        QTest::newRow("two tokens") << get("/", bearer + "Authorization: Bearer qa_y\r\n") << no;
        QTest::newRow("basic") << get("/", "Host: x\r\nAuthorization: Basic eDp5\r\n") << no;
        QTest::newRow("lower-case scheme") << get("/", "Host: x\r\nAuthorization: bearer qa_x\r\n") << no;
        QTest::newRow("no token") << get("/", "Host: x\r\nAuthorization: Bearer \r\n") << no;
        QTest::newRow("two spaces") << get("/", "Host: x\r\nAuthorization: Bearer  qa_x\r\n") << no;
        QTest::newRow("token with space") << get("/", "Host: x\r\nAuthorization: Bearer qa x\r\n") << no;
        QTest::newRow("padding inside") << get("/", "Host: x\r\nAuthorization: Bearer qa=x\r\n") << no;
        QTest::newRow("cookie too") << get("/", bearer + "Cookie: a=b\r\n") << no;
        QTest::newRow("origin too") << get("/", bearer + "Origin: https://a.example\r\n") << no;
        QTest::newRow("close") << get("/?a=1", "Host: x\r\nConnection: close\r\n") << no;
    }
    void bearerReach()
    {
        QFETCH(QByteArray, data);
        QFETCH(Outcome, outcome);
        const SimpleRequest request = SimpleRequest::parse(view(data), SimpleRequest::Reach::Bearer);
        QCOMPARE(request.outcome, outcome);
        if (outcome != Outcome::Complete)
            return;
        QCOMPARE(qsizetype(request.length), data.size());
        const QByteArray target(request.target.data(), qsizetype(request.target.size()));
        QVERIFY(!target.contains('?'));
        QCOMPARE(PathNormalizer::normalize(target).value_or(QString()), QString::fromLatin1(target));
        QCOMPARE(request.personal(), data.contains('?') || data.contains("Authorization"));
        // The anonymous reach leaves every personal request to Qt, as before.
        if (request.personal())
            QCOMPARE(SimpleRequest::parse(view(data)).outcome, Outcome::NotSimple);
    }

    void bearerFields()
    {
        const QByteArray data = get("/api/v1/guides?per_page=2&tag=x", "Host: x\r\nAuthorization: Bearer qa_t\r\n");
        const SimpleRequest request = SimpleRequest::parse(view(data), SimpleRequest::Reach::Bearer);
        QCOMPARE(request.outcome, Outcome::Complete);
        QCOMPARE(request.target, std::string_view("/api/v1/guides"));
        QCOMPARE(request.query, std::string_view("per_page=2&tag=x"));
        QCOMPARE(request.authorization, std::string_view("Bearer qa_t"));
        QCOMPARE(request.headers.size(), std::size_t(2)); // the handler reads the token from the headers
        QCOMPARE(request.headers[1].second, std::string_view("Bearer qa_t"));
    }

    void fieldsAndLength()
    {
        const QByteArray first = get("/guides/x",
                                     "Host: x\r\nAccept-Encoding: gzip, br\r\nIf-None-Match: \"abc\"\r\n"
                                     "If-Modified-Since: Tue, 15 Nov 1994 12:45:26 GMT\r\n");
        const QByteArray data = first + "HEAD / HTTP/1.1\r\n";
        const SimpleRequest request = SimpleRequest::parse(view(data));
        QCOMPARE(request.outcome, Outcome::Complete);
        QCOMPARE(qsizetype(request.length), first.size()); // the next request is not part of it
        QVERIFY(!request.head);
        QCOMPARE(request.target, std::string_view("/guides/x"));
        QCOMPARE(request.acceptEncoding, std::string_view("gzip, br"));
        QCOMPARE(request.ifNoneMatch, std::string_view("\"abc\""));
        QCOMPARE(request.ifModifiedSince, std::string_view("Tue, 15 Nov 1994 12:45:26 GMT"));
        QCOMPARE(request.headers.size(), std::size_t(4));
        QCOMPARE(request.headers[0].first, std::string_view("Host"));

        const SimpleRequest next = SimpleRequest::parse(view(data.mid(first.size())));
        QCOMPARE(next.outcome, Outcome::Incomplete);
        QVERIFY(next.head);
    }
};

QTEST_GUILESS_MAIN(TestSimpleRequest)
#include "tst_simplerequest.moc"
