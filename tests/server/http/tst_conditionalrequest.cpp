// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/conditionalrequest.h"
#include "server/http/httpmessage.h"

#include <QTest>

using namespace quire::server;

namespace {

constexpr char kTag[] = "\"5d41402abc4b2a76b9719d911017c592\"";
constexpr char kModified[] = "Tue, 15 Nov 1994 12:45:26 GMT";

} // namespace

// When a reader's copy is still good (304) and when its client takes gzip:
// the rules every cached page and every image answer by.
class TestConditionalRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void etagList_data()
    {
        QTest::addColumn<QByteArray>("ifNoneMatch");
        QTest::addColumn<QByteArray>("etag");
        QTest::addColumn<bool>("matches");
        const QByteArray tag(kTag);
        QTest::newRow("same") << tag << tag << true;
        QTest::newRow("other") << QByteArray("\"abc\"") << tag << false;
        QTest::newRow("star") << QByteArray("*") << tag << true;
        QTest::newRow("star with spaces") << QByteArray("  * ") << tag << true;
        QTest::newRow("in a list") << QByteArray("\"a\",") + tag + ",\"b\"" << tag << true;
        QTest::newRow("spaces after commas") << QByteArray("\"a\", ") + tag + " , \"b\"" << tag << true;
        QTest::newRow("tabs around") << QByteArray("\t") + tag + "\t" << tag << true;
        QTest::newRow("weak in request") << QByteArray("W/") + tag << tag << true;
        QTest::newRow("weak in list") << QByteArray("\"a\", W/") + tag << tag << true;
        QTest::newRow("weak etag held") << tag << QByteArray("W/") + tag << true;
        QTest::newRow("comma inside a tag") << QByteArray("\"a,b\"") << QByteArray("\"a,b\"") << true;
        QTest::newRow("comma inside another tag") << QByteArray("\"x,") + QByteArray(kTag).mid(1) << tag << false;
        QTest::newRow("unquoted") << QByteArray(kTag).mid(1).chopped(1) << tag << false;
        QTest::newRow("prefix only") << QByteArray(kTag).left(10) + "\"" << tag << false;
        QTest::newRow("longer") << QByteArray(kTag).chopped(1) + "0\"" << tag << false;
        QTest::newRow("unterminated") << QByteArray(kTag).chopped(1) << tag << false;
        QTest::newRow("garbage then tag") << QByteArray("abc, ") + tag << tag << false;
        QTest::newRow("empty header") << QByteArray() << tag << false;
        QTest::newRow("commas only") << QByteArray(" , ,") << tag << false;
        QTest::newRow("no etag held") << QByteArray("*") << QByteArray() << false;
        QTest::newRow("lower-case w") << QByteArray("w/") + tag << tag << false;
    }
    void etagList()
    {
        QFETCH(QByteArray, ifNoneMatch);
        QFETCH(QByteArray, etag);
        QFETCH(bool, matches);
        QCOMPARE(ConditionalRequest::etagListMatches(ifNoneMatch, etag), matches);
    }

    void modifiedSince_data()
    {
        QTest::addColumn<QByteArray>("ifModifiedSince");
        QTest::addColumn<bool>("notModified");
        QTest::newRow("same instant") << QByteArray(kModified) << true;
        QTest::newRow("later") << QByteArray("Tue, 15 Nov 1994 12:45:27 GMT") << true;
        QTest::newRow("a year later") << QByteArray("Wed, 15 Nov 1995 12:45:26 GMT") << true;
        QTest::newRow("a second earlier") << QByteArray("Tue, 15 Nov 1994 12:45:25 GMT") << false;
        QTest::newRow("rfc 850") << QByteArray("Tuesday, 15-Nov-94 12:45:26 GMT") << true;
        QTest::newRow("rfc 850 earlier") << QByteArray("Monday, 14-Nov-94 12:45:26 GMT") << false;
        QTest::newRow("asctime") << QByteArray("Tue Nov 15 12:45:26 1994") << true;
        QTest::newRow("asctime padded day") << QByteArray("Tue Nov  5 12:45:26 1994") << false;
        QTest::newRow("extra spaces") << QByteArray(" Tue,  15 Nov 1994 12:45:26 GMT ") << true;
        QTest::newRow("not GMT") << QByteArray("Tue, 15 Nov 1994 12:45:26 CET") << false;
        QTest::newRow("numeric zone") << QByteArray("Tue, 15 Nov 1994 12:45:26 +0000") << false;
        QTest::newRow("month in lower case") << QByteArray("Tue, 15 nov 1994 12:45:26 GMT") << false;
        QTest::newRow("day 31 of November") << QByteArray("Thu, 31 Nov 1994 12:45:26 GMT") << false;
        QTest::newRow("hour 24") << QByteArray("Tue, 15 Nov 1994 24:00:00 GMT") << false;
        QTest::newRow("no seconds") << QByteArray("Tue, 15 Nov 1994 12:45 GMT") << false;
        QTest::newRow("a number") << QByteArray("784903526") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void modifiedSince()
    {
        QFETCH(QByteArray, ifModifiedSince);
        QFETCH(bool, notModified);
        QCOMPARE(ConditionalRequest::notModifiedSince(ifModifiedSince, kModified), notModified);
    }

    void unreadableLastModifiedNeverMatches()
    {
        QVERIFY(!ConditionalRequest::notModifiedSince(kModified, QByteArray()));
        QVERIFY(!ConditionalRequest::notModifiedSince(kModified, "yesterday"));
    }

    // If-None-Match decides when present, If-Modified-Since only without it,
    // and neither for methods that change things.
    void request_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("ifNoneMatch");
        QTest::addColumn<QByteArray>("ifModifiedSince");
        QTest::addColumn<bool>("notModified");
        const QByteArray tag(kTag), since(kModified), before("Mon, 14 Nov 1994 12:45:26 GMT");
        QTest::newRow("nothing") << "GET" << QByteArray() << QByteArray() << false;
        QTest::newRow("tag") << "GET" << tag << QByteArray() << true;
        QTest::newRow("tag on HEAD") << "HEAD" << tag << QByteArray() << true;
        QTest::newRow("date") << "GET" << QByteArray() << since << true;
        QTest::newRow("old date") << "GET" << QByteArray() << before << false;
        QTest::newRow("other tag wins over date") << "GET" << QByteArray("\"x\"") << since << false;
        QTest::newRow("tag wins over old date") << "GET" << tag << before << true;
        QTest::newRow("POST") << "POST" << tag << since << false;
    }
    void request()
    {
        QFETCH(QString, method);
        QFETCH(QByteArray, ifNoneMatch);
        QFETCH(QByteArray, ifModifiedSince);
        QFETCH(bool, notModified);
        HttpRequest request;
        request.method = method;
        if (!ifNoneMatch.isEmpty())
            request.headers.append({ "If-None-Match", ifNoneMatch });
        if (!ifModifiedSince.isEmpty())
            request.headers.append({ "if-modified-since", ifModifiedSince });
        QCOMPARE(ConditionalRequest::isNotModified(request, kTag, kModified), notModified);
    }

    void gzip_data()
    {
        QTest::addColumn<QByteArray>("acceptEncoding");
        QTest::addColumn<bool>("gzip");
        QTest::newRow("browser") << QByteArray("gzip, deflate, br") << true;
        QTest::newRow("alone") << QByteArray("gzip") << true;
        QTest::newRow("upper case") << QByteArray("GZIP") << true;
        QTest::newRow("x-gzip") << QByteArray("x-gzip") << true;
        QTest::newRow("with q") << QByteArray("br;q=1.0, gzip;q=0.8") << true;
        QTest::newRow("spaces around q") << QByteArray("gzip ; q=0.5") << true;
        QTest::newRow("refused") << QByteArray("gzip;q=0") << false;
        QTest::newRow("refused with decimals") << QByteArray("br, gzip;q=0.000") << false;
        QTest::newRow("star") << QByteArray("*") << true;
        QTest::newRow("star refused") << QByteArray("*;q=0") << false;
        QTest::newRow("star refused but gzip named") << QByteArray("*;q=0, gzip") << true;
        QTest::newRow("gzip refused but star taken") << QByteArray("gzip;q=0, *") << false;
        QTest::newRow("identity") << QByteArray("identity") << false;
        QTest::newRow("deflate only") << QByteArray("deflate, br") << false;
        QTest::newRow("gzip as part of a name") << QByteArray("gzipped, xgzip") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("bad q") << QByteArray("gzip;q=abc") << false;
    }
    void gzip()
    {
        QFETCH(QByteArray, acceptEncoding);
        QFETCH(bool, gzip);
        QCOMPARE(ConditionalRequest::acceptsGzip(acceptEncoding), gzip);
    }
};

QTEST_GUILESS_MAIN(TestConditionalRequest)
#include "tst_conditionalrequest.moc"
