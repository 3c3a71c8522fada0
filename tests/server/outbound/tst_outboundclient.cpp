// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "server/outbound/outboundclient.h"
#include "server/tlscredentials.h"
#include "shared/errorcode.h"

#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace quire::server;
using quire::shared::ErrorCode;
using quire::shared::Result;

// The outgoing client against local fakes: an allow-listed fake answers; a
// refused address is never dialled, directly or through a redirect; and the
// redirect limit, the size cap, the deadline, TLS and Retry-After hold.
class TestOutboundClient : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<TlsCredentials> m_tls;

    static QString local(const FakeHttpServer &fake, const char *path = "/", const char *scheme = "http")
    {
        return QStringLiteral("%1://127.0.0.1:%2%3")
            .arg(QLatin1String(scheme))
            .arg(fake.port())
            .arg(QLatin1String(path));
    }

    static QString entry(const FakeHttpServer &fake) { return QStringLiteral("127.0.0.1:%1").arg(fake.port()); }

    // Sends and waits for the one callback.
    static Result<OutboundResponse> fetch(OutboundClient &client, OutboundRequest request)
    {
        std::optional<Result<OutboundResponse>> result;
        int calls = 0;
        client.send(std::move(request), [&](Result<OutboundResponse> r) {
            ++calls;
            result.emplace(std::move(r));
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000); }();
        if (!result)
            return quire::shared::Error::make(ErrorCode::Failed, QStringLiteral("no answer"));
        QTest::qWait(20); // a second call would come now
        [&] { QCOMPARE(calls, 1); }();
        return std::move(*result);
    }

    static Result<OutboundResponse> get(OutboundClient &client, const QString &url,
                                        QList<std::pair<QByteArray, QByteArray>> headers = {})
    {
        OutboundRequest request;
        request.url = url;
        request.headers = std::move(headers);
        return fetch(client, std::move(request));
    }

    static AddressPolicy allowing(const QStringList &entries)
    {
        auto policy = AddressPolicy::fromAllowList(entries);
        return policy.ok() ? *policy : AddressPolicy();
    }

    static QString failure(const Result<OutboundResponse> &result)
    {
        return result.ok() ? QStringLiteral("status %1").arg(result->status) : result.error().message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        const auto made = TlsCredentials::generate(cert, key, { QStringLiteral("localhost") });
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
        auto loaded = TlsCredentials::load(cert, key);
        QVERIFY(loaded.ok());
        m_tls = *loaded;
    }

    // Over TLS to "localhost": the connection goes to the checked address,
    // while the Host header and the certificate check keep the name.
    void allowListedTlsFake()
    {
        FakeHttpServer fake(m_tls->serverConfiguration());
        QVERIFY(fake.start());
        OutboundOptions options;
        options.extraCaCertificates = { m_tls->certificate() };
        OutboundClient client(allowing({ QStringLiteral("localhost:%1").arg(fake.port()) }), options);
        const auto result = get(client, QStringLiteral("https://localhost:%1/hello?x=1").arg(fake.port()),
                                { { "Authorization", "Bearer secret" } });
        QVERIFY2(result.ok(), qPrintable(failure(result)));
        QCOMPARE(result->status, 200);
        QCOMPARE(result->body, QByteArray("ok"));
        QCOMPARE(fake.requests.size(), 1);
        QCOMPARE(fake.requests[0].target, QByteArray("/hello?x=1"));
        QCOMPARE(fake.requests[0].headers.value("host"), "localhost:" + QByteArray::number(fake.port()));
        QCOMPARE(fake.requests[0].headers.value("authorization"), QByteArray("Bearer secret"));
    }

    void untrustedCertificateIsTls()
    {
        FakeHttpServer fake(m_tls->serverConfiguration());
        QVERIFY(fake.start());
        OutboundClient client(allowing({ QStringLiteral("localhost:%1").arg(fake.port()) }));
        const auto result = get(client, QStringLiteral("https://localhost:%1/").arg(fake.port()));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().is(ErrorCode::OutboundTls), qPrintable(result.error().message));
        QVERIFY(fake.requests.isEmpty());
    }

    void postAndErrorStatus()
    {
        FakeHttpServer fake;
        QVERIFY(fake.start());
        fake.handler = [](const FakeHttpServer::Seen &seen) {
            return FakeHttpServer::answer(422, "echo:" + seen.method + ":" + seen.body);
        };
        OutboundClient client(allowing({ entry(fake) }));
        OutboundRequest request;
        request.method = "POST";
        request.url = local(fake, "/hook");
        request.headers = { { "Content-Type", "application/json" } };
        request.body = R"({"a":1})";
        const auto result = fetch(client, request);
        QVERIFY2(result.ok(), qPrintable(failure(result))); // a 4xx is an answer
        QCOMPARE(result->status, 422);
        QCOMPARE(result->body, QByteArray(R"(echo:POST:{"a":1})"));
    }

    // Refused before any connection: the fake on that very port sees none.
    void refusedAddressNeverConnects_data()
    {
        QTest::addColumn<QString>("url"); // %1: the fake's port
        QTest::newRow("loopback") << "https://127.0.0.1:%1/";
        QTest::newRow("ipv4-mapped") << "https://[::ffff:127.0.0.1]:%1/";
        QTest::newRow("hex") << "https://0x7f000001:%1/";
        QTest::newRow("decimal") << "https://2130706433:%1/";
        QTest::newRow("octal") << "https://0177.0.0.1:%1/";
        QTest::newRow("short") << "https://127.1:%1/";
        QTest::newRow("localhost") << "https://localhost:%1/";
        QTest::newRow("plain http, allow-listed address, other port") << "http://127.0.0.1:%1/";
    }

    void refusedAddressNeverConnects()
    {
        QFETCH(QString, url);
        FakeHttpServer fake;
        QVERIFY(fake.start());
        // Allow-listed: another port of the same address only.
        OutboundClient client(allowing({ QStringLiteral("127.0.0.1:%1").arg(fake.port() == 1 ? 2 : 1) }));
        const auto result = get(client, url.arg(fake.port()));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().is(ErrorCode::RefusedAddress) || result.error().is(ErrorCode::UrlInsecure),
                 qPrintable(result.error().code + u' ' + result.error().message));
        QTest::qWait(50);
        QCOMPARE(fake.connections, 0);
    }

    // An allowed fake redirects to a refused address: the hop is checked
    // like the first request, and the target never sees a connection.
    void redirectToRefusedAddress_data()
    {
        QTest::addColumn<QString>("location"); // %1: the target fake's port
        QTest::newRow("loopback, another port") << "https://127.0.0.1:%1/";
        QTest::newRow("loopback, http") << "http://127.0.0.1:%1/";
        QTest::newRow("mapped loopback") << "https://[::ffff:127.0.0.1]:%1/";
        QTest::newRow("hex loopback") << "https://0x7f000001:%1/";
        QTest::newRow("metadata") << "https://169.254.169.254/latest/meta-data/";
        QTest::newRow("metadata, http") << "http://169.254.169.254/latest/meta-data/";
        QTest::newRow("metadata, decimal") << "https://2852039166/";
    }

    void redirectToRefusedAddress()
    {
        QFETCH(QString, location);
        FakeHttpServer target;
        QVERIFY(target.start());
        FakeHttpServer fake;
        QVERIFY(fake.start());
        const QByteArray to = location.contains(u"%1") ? location.arg(target.port()).toUtf8() : location.toUtf8();
        fake.handler = [to](const FakeHttpServer::Seen &) {
            return FakeHttpServer::answer(302, {}, { { "Location", to } });
        };
        OutboundClient client(allowing({ entry(fake) }));
        const auto result = get(client, local(fake));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().is(ErrorCode::RefusedAddress) || result.error().is(ErrorCode::UrlInsecure),
                 qPrintable(result.error().code + u' ' + result.error().message));
        QCOMPARE(fake.requests.size(), 1);
        QTest::qWait(50);
        QCOMPARE(target.connections, 0);
    }

    // A redirect to another allowed origin is followed, without the
    // credential meant for the first; 303 turns the POST into a GET.
    void redirectAcrossOrigins()
    {
        FakeHttpServer target;
        QVERIFY(target.start());
        FakeHttpServer fake;
        QVERIFY(fake.start());
        const QByteArray to = local(target, "/landed").toUtf8();
        fake.handler = [to](const FakeHttpServer::Seen &) {
            return FakeHttpServer::answer(303, {}, { { "Location", to } });
        };
        OutboundClient client(allowing({ entry(fake), entry(target) }));
        OutboundRequest request;
        request.method = "POST";
        request.url = local(fake, "/start");
        request.headers = { { "Authorization", "Bearer secret" }, { "X-Kept", "yes" } };
        request.body = "payload";
        const auto result = fetch(client, request);
        QVERIFY2(result.ok(), qPrintable(failure(result)));
        QCOMPARE(result->status, 200);
        QCOMPARE(result->url.toString(), QString::fromUtf8(to));
        QCOMPARE(target.requests.size(), 1);
        QCOMPARE(target.requests[0].method, QByteArray("GET"));
        QCOMPARE(target.requests[0].target, QByteArray("/landed"));
        QVERIFY(target.requests[0].body.isEmpty());
        QVERIFY(!target.requests[0].headers.contains("authorization"));
        QCOMPARE(target.requests[0].headers.value("x-kept"), QByteArray("yes"));
    }

    void redirectLimit_data()
    {
        QTest::addColumn<int>("hops"); // redirects before the answer
        QTest::addColumn<bool>("ok");
        QTest::newRow("within") << 3 << true;
        QTest::newRow("one too many") << 4 << false;
        QTest::newRow("loop") << 1000 << false;
    }

    void redirectLimit()
    {
        QFETCH(int, hops);
        QFETCH(bool, ok);
        FakeHttpServer fake;
        QVERIFY(fake.start());
        fake.handler = [hops, &fake](const FakeHttpServer::Seen &) {
            if (fake.requests.size() > hops)
                return FakeHttpServer::answer(200, "done");
            return FakeHttpServer::answer(307, {},
                                          { { "Location", "/hop" + QByteArray::number(fake.requests.size()) } });
        };
        OutboundOptions options;
        options.maxRedirects = 3;
        OutboundClient client(allowing({ entry(fake) }), options);
        const auto result = get(client, local(fake));
        QCOMPARE(result.ok(), ok);
        if (!ok) {
            QVERIFY2(result.error().is(ErrorCode::OutboundRedirects), qPrintable(result.error().message));
            QCOMPARE(fake.requests.size(), 4); // the request and its three redirects
        } else {
            QCOMPARE(result->body, QByteArray("done"));
        }
    }

    void sizeCap_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<bool>("ok");
        const QByteArray big(5000, 'x');
        QTest::newRow("declared too large") << FakeHttpServer::answer(200, big) << false;
        QTest::newRow("undeclared too large")
            << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + big) << false;
        QTest::newRow("chunked too large")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1388\r\n" + big + "\r\n0\r\n\r\n")
            << false;
        QTest::newRow("at the cap") << FakeHttpServer::answer(200, QByteArray(1000, 'y')) << true;
    }

    void sizeCap()
    {
        QFETCH(QByteArray, reply);
        QFETCH(bool, ok);
        FakeHttpServer fake;
        QVERIFY(fake.start());
        fake.handler = [reply](const FakeHttpServer::Seen &) { return reply; };
        OutboundOptions options;
        options.maxResponseBytes = 1000;
        OutboundClient client(allowing({ entry(fake) }), options);
        const auto result = get(client, local(fake));
        QCOMPARE(result.ok(), ok);
        if (ok)
            QCOMPARE(result->body.size(), 1000);
        else
            QVERIFY2(result.error().is(ErrorCode::OutboundTooLarge), qPrintable(result.error().message));
    }

    // A fake that takes the request and never answers: the deadline ends it.
    void timeout()
    {
        FakeHttpServer fake;
        QVERIFY(fake.start());
        fake.handler = [](const FakeHttpServer::Seen &) { return QByteArray(); };
        OutboundOptions options;
        options.timeout = std::chrono::milliseconds(300);
        OutboundClient client(allowing({ entry(fake) }), options);
        const auto result = get(client, local(fake));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().is(ErrorCode::OutboundTimeout), qPrintable(result.error().message));
        QCOMPARE(fake.requests.size(), 1);
    }

    void retryAfterAnswered_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("atLeast");
        QTest::addColumn<qint64>("atMost");
        const QDateTime inAnHour = QDateTime::currentDateTimeUtc().addSecs(3600);
        const QByteArray date = QLocale::c().toString(inAnHour, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'").toLatin1();
        QTest::newRow("seconds") << QByteArray("120") << qint64(120) << qint64(120);
        QTest::newRow("http-date") << date << qint64(3000) << qint64(3600);
        QTest::newRow("http-date past") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << qint64(0) << qint64(0);
    }

    void retryAfterAnswered()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, atLeast);
        QFETCH(qint64, atMost);
        FakeHttpServer fake;
        QVERIFY(fake.start());
        fake.handler = [value](const FakeHttpServer::Seen &) {
            return FakeHttpServer::answer(429, "slow down", { { "Retry-After", value } });
        };
        OutboundClient client(allowing({ entry(fake) }));
        const auto result = get(client, local(fake));
        QVERIFY2(result.ok(), qPrintable(failure(result)));
        QCOMPARE(result->status, 429);
        QCOMPARE(result->header("retry-after"), value);
        QVERIFY(result->retryAfter);
        QVERIFY2(result->retryAfter->count() >= atLeast && result->retryAfter->count() <= atMost,
                 qPrintable(QString::number(result->retryAfter->count())));
    }

    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("seconds"); // -1: unreadable
        QTest::newRow("seconds") << QByteArray("120") << qint64(120);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 30 ") << qint64(30);
        QTest::newRow("imf-fixdate") << QByteArray("Wed, 01 Jan 2025 12:02:00 GMT") << qint64(120);
        QTest::newRow("rfc 850") << QByteArray("Wednesday, 01-Jan-25 12:01:00 GMT") << qint64(60);
        QTest::newRow("asctime") << QByteArray("Wed Jan  1 12:00:30 2025") << qint64(30);
        QTest::newRow("past date") << QByteArray("Wed, 01 Jan 2025 11:00:00 GMT") << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("huge") << QByteArray("99999999999999999999999") << qint64(-1);
    }

    void parseRetryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, seconds);
        const QDateTime now(QDate(2025, 1, 1), QTime(12, 0), QTimeZone::utc());
        const auto parsed = OutboundResponse::parseRetryAfter(value, now);
        if (seconds < 0)
            QVERIFY2(!parsed, qPrintable(QString::number(parsed ? parsed->count() : 0)));
        else
            QCOMPARE(parsed.value_or(std::chrono::seconds(-1)).count(), seconds);
    }
};

QTEST_GUILESS_MAIN(TestOutboundClient)
#include "tst_outboundclient.moc"
