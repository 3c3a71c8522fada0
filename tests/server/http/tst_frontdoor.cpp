// SPDX-License-Identifier: GPL-3.0-or-later
// The front door against a real quire-server, over plain HTTP and over TLS
// (which it ends itself): simple GET and HEAD requests answered by the
// workers' own epoll loops (cached pages, validators, gzip, Date and
// X-Request-Id, the request log), answers kept in order across the hand-over
// to Qt's HTTP server (plain: the connection itself; TLS: a relay of the
// decrypted bytes), requests that trickle in, back-pressure, large bodies
// both ways through the relay, clients that leave or talk nonsense, and the
// requests the front door must leave to Qt. Every case runs once per
// transport, against a server of its own.
#include "shared/fingerprint.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/rawconnection.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <zlib.h>

using quire::test::AccountFixture;
using quire::test::Answer;
using quire::test::Endpoint;
using quire::test::HttpResult;
using quire::test::RawConnection;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple 42");
const QByteArray kPage = "/guides/front-door";
const QByteArray kTitle = "Through the front door";
constexpr int kTimeoutMs = RawConnection::kTimeoutMs;
// The server's body limit, set low so that going over it is cheap.
constexpr qsizetype kMaxBody = 64 * 1024;

QByteArray get(const QByteArray &target, const QByteArray &headers = {})
{
    return quire::test::getRequest(target, headers);
}

QByteArray head(const QByteArray &target)
{
    return "HEAD " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

QByteArray postJson(const QByteArray &target, const QByteArray &json)
{
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(json.size()) + "\r\n\r\n" + json;
}

// A login the server refuses: async route, JSON body, so always Qt's.
QByteArray wrongLogin()
{
    return postJson("/api/v1/auth/login", R"({"email":"nobody@example.org","password":"not the password"})");
}

QByteArray gunzip(const QByteArray &data)
{
    z_stream z {};
    if (inflateInit2(&z, 15 + 16) != Z_OK)
        return {};
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    QByteArray out;
    std::array<char, 16384> buffer;
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef *>(buffer.data());
        z.avail_out = uInt(buffer.size());
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer.data(), qsizetype(buffer.size() - z.avail_out));
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END && z.avail_in == 0 ? out : QByteArray();
}

void appendBigEndian(QByteArray &out, quint32 value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xff));
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray chunk;
    appendBigEndian(chunk, quint32(data.size()));
    const QByteArray typed = type + data;
    chunk += typed;
    appendBigEndian(chunk, quint32(crc32(0, reinterpret_cast<const Bytef *>(typed.constData()), uInt(typed.size()))));
    return chunk;
}

// A real RGB PNG of `side` x `side` random pixels, which do not compress: a
// file of about 3 * side * side bytes, different for each `seed`.
QByteArray noisePng(int side, quint32 seed)
{
    const qsizetype stride = 1 + 3 * qsizetype(side);
    QByteArray raw(stride * side, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (char &byte : raw)
        byte = char(random.generate() & 0xff);
    for (int row = 0; row < side; ++row)
        raw[row * stride] = 0; // filter type: none
    uLongf length = compressBound(uLong(raw.size()));
    QByteArray packed(qsizetype(length), Qt::Uninitialized);
    if (compress2(reinterpret_cast<Bytef *>(packed.data()), &length, reinterpret_cast<const Bytef *>(raw.constData()),
                  uLong(raw.size()), Z_BEST_SPEED)
        != Z_OK)
        return {};
    packed.truncate(qsizetype(length));
    QByteArray header;
    appendBigEndian(header, quint32(side));
    appendBigEndian(header, quint32(side));
    header.append("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, no filter, no interlace
    return QByteArray::fromHex("89504e470d0a1a0a") + pngChunk("IHDR", header) + pngChunk("IDAT", packed)
        + pngChunk("IEND", {});
}

QByteArray statuses(const QList<Answer> &answers)
{
    QByteArrayList list;
    for (const Answer &a : answers)
        list.append(QByteArray::number(a.status));
    return list.join(' ');
}

} // namespace

class TestFrontDoor : public QObject
{
    Q_OBJECT
public:
    explicit TestFrontDoor(bool tls)
        : m_tls(tls)
    { }

private:
    const bool m_tls; // the server speaks TLS, and so does every RawConnection
    AccountFixture m_fx;
    QByteArray m_editor; // an editor's access token
    QByteArray m_cookie; // a signed-in reader's session cookie

    Endpoint endpoint() { return { m_fx.server().port(), m_tls, m_fx.server().fingerprint(), {} }; }

    // Creates and publishes an article; its id, or empty on failure.
    QString publish(const QString &title, const QString &slug)
    {
        const nlohmann::json body { { "title", title.toStdString() },
                                    { "slug", slug.toStdString() },
                                    { "body", "Text behind the door." } };
        const HttpResult created
            = m_fx.call("POST", QStringLiteral("/api/v1/guides"), m_editor, QByteArray::fromStdString(body.dump()));
        if (created.status != 201) {
            qWarning("creating %s: %d %s", qPrintable(slug), created.status, created.body.constData());
            return {};
        }
        const QString id = QString::fromStdString(created.json()["id"]);
        const HttpResult published = m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id), m_editor);
        if (published.status != 200) {
            qWarning("publishing %s: %d %s", qPrintable(slug), published.status, published.body.constData());
            return {};
        }
        return id;
    }

    // The page as the front door gives it on a connection of its own.
    Answer fetchPage()
    {
        RawConnection c(endpoint());
        const QList<Answer> answers = c.exchange(get(kPage), 1);
        if (answers.isEmpty())
            qWarning("no answer to GET %s: %s", kPage.constData(), c.describe().constData());
        return answers.isEmpty() ? Answer() : answers.first();
    }

    // An image upload as the editor.
    QByteArray upload(const QByteArray &image) const
    {
        return "POST /api/v1/media HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_editor
            + "\r\nContent-Type: image/png\r\nContent-Length: " + QByteArray::number(image.size()) + "\r\n\r\n" + image;
    }

    // The server's request log line with `requestId`, or empty.
    QByteArray logLine(const QByteArray &requestId)
    {
        const QByteArray needle = "\"request_id\":\"" + requestId + '"';
        for (const QByteArray &line : m_fx.server().standardError().split('\n')) {
            if (line.contains(needle))
                return line;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        qInfo("transport: %s", m_tls ? "TLS" : "plain HTTP");
        quire::test::ServerProcess::Options options;
        options.tls = m_tls;
        options.extraArgs = { QStringLiteral("--max-body-bytes"), QString::number(kMaxBody) };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QCOMPARE(m_fx.server().url().scheme(), m_tls ? QStringLiteral("https") : QStringLiteral("http"));
        QCOMPARE(m_fx.server().fingerprint().isEmpty(), !m_tls);
        QVERIFY(m_fx.createUser(QStringLiteral("editor@example.org"), QStringLiteral("editor"), kPassword));
        QVERIFY(m_fx.createUser(QStringLiteral("reader@example.org"), QStringLiteral("reader"), kPassword));
        m_editor = m_fx.token(QStringLiteral("editor@example.org"), kPassword);
        QVERIFY(!m_editor.isEmpty());
        QVERIFY(!publish(QString::fromLatin1(kTitle), QStringLiteral("front-door")).isEmpty());

        const HttpResult signedIn = m_fx.http().request(
            "POST", QStringLiteral("/session"), "email=reader%40example.org&password=correct+horse+battery+staple+42",
            { { "Content-Type", "application/x-www-form-urlencoded" } });
        QCOMPARE(signedIn.status, 303);
        m_cookie = signedIn.header("Set-Cookie").split(';').first();
        QVERIFY(m_cookie.startsWith("__Host-quire_session="));
    }

    // Both answers whole and alike but for what is per request: a Date in
    // IMF-fixdate form and a fresh X-Request-Id, which the request log names.
    void pageTwiceOnOneConnection()
    {
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        QList<Answer> answers = c.exchange(get(kPage), 1); // rendered now
        answers += c.exchange(get(kPage), 1); // from the cache
        QCOMPARE(answers.size(), 2);
        const QRegularExpression fixdate(QStringLiteral(
            R"(^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$)"));
        const QRegularExpression requestId(QStringLiteral("^[0-9a-f]{16}$"));
        for (const Answer &a : answers) {
            QCOMPARE(a.status, 200);
            QCOMPARE(a.statusLine, QByteArray("HTTP/1.1 200 OK"));
            QCOMPARE(a.count("Date"), qsizetype(1));
            QVERIFY2(fixdate.match(QString::fromLatin1(a.header("Date"))).hasMatch(), a.header("Date").constData());
            QCOMPARE(a.count("X-Request-Id"), qsizetype(1));
            QVERIFY2(requestId.match(QString::fromLatin1(a.requestId())).hasMatch(), a.requestId().constData());
            QCOMPARE(a.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        }
        QVERIFY(answers[0].body.contains("<h1>" + kTitle + "</h1>"));
        QCOMPARE(answers[1].body, answers[0].body);
        QVERIFY(!answers[0].header("ETag").isEmpty());
        QCOMPARE(answers[1].header("ETag"), answers[0].header("ETag"));
        QVERIFY(answers[0].requestId() != answers[1].requestId());
        QVERIFY(c.unread().isEmpty());

        // The log is written at the end of the worker's event-loop turn.
        for (const Answer &a : answers) {
            QTRY_VERIFY_WITH_TIMEOUT(!logLine(a.requestId()).isEmpty(), kTimeoutMs);
            const nlohmann::json line = nlohmann::json::parse(logLine(a.requestId()).toStdString(), nullptr, false);
            QVERIFY2(line.is_object(), logLine(a.requestId()).constData());
            QCOMPARE(QByteArray::fromStdString(line.value("method", "")), QByteArray("GET"));
            QCOMPARE(QByteArray::fromStdString(line.value("path", "")), kPage);
            QCOMPARE(line.value("status", 0), 200);
            QCOMPARE(QByteArray::fromStdString(line.value("remote", "")), QByteArray("127.0.0.1"));
        }
    }

    // A HEAD's answer has the GET's Content-Length and no body: the next
    // answer starts right after its blank line.
    void headHasNoBody()
    {
        const Answer page = fetchPage();
        QCOMPARE(page.status, 200);
        RawConnection c(endpoint());
        // Twice: once assembled, once from the worker's assembled answers.
        const QList<Answer> answers = c.exchange(head(kPage) + head(kPage) + get("/health"), 3, { true, true, false });
        QCOMPARE(statuses(answers), QByteArray("200 200 200"));
        for (qsizetype i = 0; i < 2; ++i) {
            QCOMPARE(qsizetype(answers[i].header("Content-Length").toLongLong()), page.body.size());
            QCOMPARE(answers[i].header("ETag"), page.header("ETag"));
            QCOMPARE(answers[i].end, answers[i].headEnd);
            QCOMPARE(answers[i + 1].begin, answers[i].headEnd);
            QVERIFY2(c.wire().mid(answers[i].headEnd).startsWith("HTTP/1.1 200 OK\r\n"),
                     c.wire().mid(answers[i].headEnd, 40).constData());
        }
        QVERIFY(answers[2].body.contains("\"status\":\"ok\""));
        QVERIFY(c.unread().isEmpty());
    }

    void conditionalAndGzip()
    {
        const Answer page = fetchPage();
        QCOMPARE(page.status, 200);
        const QByteArray etag = page.header("ETag");
        QVERIFY(etag.startsWith('"') && etag.endsWith('"'));
        RawConnection c(endpoint());

        // The client has it: 304, no body, and the next answer right after.
        QList<Answer> answers = c.exchange(get(kPage, "If-None-Match: " + etag + "\r\n") + get("/health"), 2);
        QCOMPARE(statuses(answers), QByteArray("304 200"));
        QCOMPARE(answers[0].header("ETag"), etag);
        QCOMPARE(answers[1].begin, answers[0].headEnd);
        QVERIFY(answers[1].body.contains("\"status\":\"ok\""));

        // Another version: the whole page.
        answers = c.exchange(get(kPage, "If-None-Match: \"0123456789abcdef\"\r\n"), 1);
        QCOMPARE(statuses(answers), QByteArray("200"));
        QCOMPARE(answers[0].body, page.body);

        // Lists with spaces, weak tags and a date: still the client's copy.
        const QByteArray lastModified = page.header("Last-Modified");
        QVERIFY(lastModified.endsWith(" GMT"));
        answers = c.exchange(get(kPage, "If-None-Match: \"x\",  W/" + etag + " \r\n")
                                 + get(kPage, "If-Modified-Since: " + lastModified + "\r\n")
                                 + get(kPage, "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT\r\n")
                                 + get(kPage, "If-None-Match: \"x\"\r\nIf-Modified-Since: " + lastModified + "\r\n"),
                             4);
        QCOMPARE(statuses(answers), QByteArray("304 304 200 200"));
        QCOMPARE(answers[2].body, page.body);
        QCOMPARE(answers[3].body, page.body);

        // gzip, twice (assembled, then from the worker's answers): exactly
        // Content-Length bytes of gzip, which unpack to the page.
        answers = c.exchange(get(kPage, "Accept-Encoding: gzip, deflate\r\n") + get(kPage, "Accept-Encoding: gzip\r\n")
                                 + get("/health"),
                             3);
        QCOMPARE(statuses(answers), QByteArray("200 200 200"));
        for (qsizetype i = 0; i < 2; ++i) {
            const Answer &a = answers[i];
            QCOMPARE(a.header("Content-Encoding"), QByteArray("gzip"));
            QCOMPARE(a.header("Vary"), QByteArray("Accept-Encoding, Cookie"));
            QCOMPARE(a.header("ETag"), etag);
            QVERIFY(a.body.startsWith("\x1f\x8b"));
            QCOMPARE(a.body.size(), qsizetype(a.header("Content-Length").toLongLong()));
            QCOMPARE(answers[i + 1].begin, a.end);
            QCOMPARE(gunzip(a.body), page.body);
        }
        QVERIFY(page.header("Content-Encoding").isEmpty());

        // A client that refuses gzip gets the page as it is.
        answers = c.exchange(get(kPage, "Accept-Encoding: gzip;q=0, br\r\n"), 1);
        QCOMPARE(statuses(answers), QByteArray("200"));
        QVERIFY(answers[0].header("Content-Encoding").isEmpty());
        QCOMPARE(answers[0].body, page.body);
        QVERIFY(c.unread().isEmpty());
    }

    // Simple requests answered here, the POST handed to Qt with the
    // connection, and the GET after it answered by Qt: in order, each once.
    void pipeliningAcrossTheHandOver()
    {
        const Answer page = fetchPage();
        QCOMPARE(page.status, 200);
        RawConnection c(endpoint());
        QList<Answer> answers = c.exchange(get(kPage) + get(kPage) + wrongLogin() + get(kPage), 4);
        QCOMPARE(statuses(answers), QByteArray("200 200 401 200"));
        QCOMPARE(answers[0].body, page.body);
        QCOMPARE(answers[1].body, page.body);
        QCOMPARE(QByteArray::fromStdString(nlohmann::json::parse(answers[2].body.toStdString(), nullptr, false)
                                               .value("error", nlohmann::json::object())
                                               .value("code", "")),
                 QByteArray("invalid_credentials"));
        QCOMPARE(answers[3].body, page.body);
        QSet<QByteArray> ids;
        for (qsizetype i = 0; i < answers.size(); ++i) {
            ids.insert(answers[i].requestId());
            if (i > 0)
                QCOMPARE(answers[i].begin, answers[i - 1].end);
        }
        QCOMPARE(ids.size(), qsizetype(4));
        QVERIFY(c.unread().isEmpty());
        // Qt's connection now, and still serving.
        answers = c.exchange(get("/health"), 1);
        QCOMPARE(statuses(answers), QByteArray("200"));
    }

    void byteByByte_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("isPage");
        QTest::newRow("simple") << get(kPage, "Accept: text/html\r\nUser-Agent: trickle\r\n") << 200 << true;
        // Known not to be simple once the head is whole: handed over then.
        QTest::newRow("cookie") << get(kPage, "Accept: text/html\r\nCookie: theme=dark\r\n") << 200 << true;
        // Handed over at its third byte: Qt reads the rest as it trickles in.
        QTest::newRow("post") << wrongLogin() << 401 << false;
    }
    // A request that trickles in is answered once it is whole, and once.
    void byteByByte()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(bool, isPage);
        const Answer page = fetchPage();
        QCOMPARE(page.status, 200);
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        for (qsizetype i = 0; i < request.size(); ++i) {
            c.socket().write(request.constData() + i, 1);
            c.socket().flush();
            if (i % 8 == 7)
                QTest::qWait(2);
        }
        QList<Answer> answers = c.read(1);
        QCOMPARE(statuses(answers), QByteArray::number(status));
        if (isPage)
            QCOMPARE(answers[0].body, page.body);
        // Nothing else came for it: the next answer is the next request's.
        answers += c.exchange(get("/health"), 1);
        QCOMPARE(statuses(answers), QByteArray::number(status) + " 200");
        QCOMPARE(answers[1].begin, answers[0].end);
        QVERIFY(answers[1].body.contains("\"status\":\"ok\""));
    }

    // A page not in the cache is rendered for the front door's request, then
    // served from the cache; unknown addresses are 404s that keep the
    // connection.
    void uncachedPagesAndNotFound()
    {
        QVERIFY(!publish(QStringLiteral("A second door"), QStringLiteral("second-door")).isEmpty());
        RawConnection c(endpoint());
        QList<Answer> answers = c.exchange(get("/guides/second-door"), 1);
        answers += c.exchange(get("/guides/second-door"), 1);
        QCOMPARE(statuses(answers), QByteArray("200 200"));
        QVERIFY2(answers[0].body.contains("<h1>A second door</h1>"), answers[0].body.left(2000).constData());
        QCOMPARE(answers[1].body, answers[0].body);
        QCOMPARE(answers[1].header("ETag"), answers[0].header("ETag"));

        answers = c.exchange(get("/guides/no-such-thing"), 1);
        QCOMPARE(statuses(answers), QByteArray("404"));
        answers = c.exchange(get("/no-such-route"), 1);
        QCOMPARE(statuses(answers), QByteArray("404"));
        answers = c.exchange(get("/guides/second-door") + get("/guides/no-such-thing") + get("/health"), 3);
        QCOMPARE(statuses(answers), QByteArray("200 404 200"));
        QVERIFY(c.unread().isEmpty());
    }

    // Thousands of answers to a client that does not read meanwhile: they
    // wait (the server stops reading while they do), then all come, whole
    // and in order.
    void backPressure()
    {
        constexpr int kRequests = 2000;
        const Answer page = fetchPage();
        QCOMPARE(page.status, 200);
        const QByteArray gzipped = get(kPage, "Accept-Encoding: gzip\r\n");
        QByteArray requests;
        for (int i = 0; i < kRequests; ++i)
            requests += i % 3 == 2 ? gzipped : get(kPage); // gzip ones mark the order
        RawConnection c(endpoint());
        c.send(requests);
        const QList<Answer> answers = c.read(kRequests, {}, 6 * kTimeoutMs);
        QCOMPARE(answers.size(), qsizetype(kRequests));
        QByteArray gzipBody;
        QSet<QByteArray> ids;
        for (int i = 0; i < kRequests; ++i) {
            const Answer &a = answers[i];
            QVERIFY2(a.status == 200, ("answer " + QByteArray::number(i) + ": " + a.summary()).constData());
            ids.insert(a.requestId());
            if (i % 3 != 2) {
                QVERIFY2(a.body == page.body, ("answer " + QByteArray::number(i) + ": " + a.summary()).constData());
                continue;
            }
            QCOMPARE(a.header("Content-Encoding"), QByteArray("gzip"));
            if (gzipBody.isEmpty()) {
                gzipBody = a.body;
                QCOMPARE(gunzip(gzipBody), page.body);
            }
            QVERIFY2(a.body == gzipBody, ("answer " + QByteArray::number(i) + ": " + a.summary()).constData());
        }
        QCOMPARE(ids.size(), qsizetype(kRequests));
        QVERIFY(c.unread().isEmpty());
        const QList<Answer> after = c.exchange(get("/health"), 1);
        QCOMPARE(statuses(after), QByteArray("200"));
    }

    // Clients that leave without reading (with answers still to write, or
    // mid-answer) cost the server nothing but their connection.
    void clientsThatLeave()
    {
        {
            RawConnection c(endpoint());
            c.send(get(kPage));
            c.socket().abort();
        }
        {
            RawConnection c(endpoint());
            QByteArray many;
            for (int i = 0; i < 300; ++i)
                many += get(kPage);
            c.send(many);
            QTest::qWait(50); // some answers written, most waiting
            c.socket().abort();
        }
        {
            RawConnection c(endpoint());
            c.send(get(kPage) + wrongLogin());
            c.socket().disconnectFromHost(); // no more requests, and nothing read
        }
        const Answer page = fetchPage();
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("<h1>" + kTitle + "</h1>"));
    }

    void nonsense_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("answeredFirst");
        QTest::addColumn<bool>("encrypted"); // how the test's connection speaks
        QTest::addColumn<bool>("closes"); // no answer at all, only the connection closed
        QTest::newRow("unknown method") << QByteArray("BLAH / HTTP/1.1\r\n\r\n") << QByteArray() << m_tls << false;
        if (m_tls) {
            // The handshake fails: nothing to answer in, nothing to wait for.
            QTest::newRow("plain HTTP on the TLS port")
                << QByteArray("GET / HTTP/1.1\r\n\r\n") << QByteArray() << false << true;
        } else {
            QTest::newRow("TLS on the plain port")
                << QByteArray::fromHex("16030100a5010000a10303") + QByteArray(160, '\x01') << QByteArray() << false
                << false;
        }
        QTest::newRow("after a simple request") << get(kPage) + "BLAH / HTTP/1.1\r\n\r\n"
                                                << QByteArray("200") << m_tls << false;
    }
    // Nonsense gets a 4xx, or the connection closed; never an answer as if
    // it made sense, never a connection left hanging, and others are still
    // served.
    void nonsense()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, answeredFirst);
        QFETCH(bool, encrypted);
        QFETCH(bool, closes);
        Endpoint to = endpoint();
        to.tls = encrypted;
        RawConnection c(to);
        QVERIFY2(c.isConnected(), c.describe().constData());
        c.send(request);
        if (!answeredFirst.isEmpty())
            QCOMPARE(statuses(c.read(1)), answeredFirst);
        const QList<Answer> answers = c.read(1);
        if (answers.isEmpty() || closes) {
            QVERIFY2(answers.isEmpty(), answers.value(0).summary().constData());
            QVERIFY2(c.waitClosed(), ("neither an answer nor the connection closed; " + c.describe()).constData());
            QVERIFY2(c.unread().isEmpty() || !c.unread().startsWith("HTTP/1.1 2"), c.unread().constData());
        } else {
            QVERIFY2(answers[0].status >= 400 && answers[0].status < 500, answers[0].summary().constData());
        }
        const Answer page = fetchPage();
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("<h1>" + kTitle + "</h1>"));
    }

    void leftToQt_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("lowest");
        QTest::addColumn<int>("highest");
        QTest::addColumn<QByteArray>("cacheControl"); // empty: not checked
        QTest::addColumn<bool>("closes");
        const QByteArray shared = "public, max-age=0, must-revalidate";
        // The reader's own page (with their save button), never the shared one.
        QTest::newRow("signed-in cookie")
            << get(kPage, "Cookie: " + m_cookie + "\r\n") << 200 << 200 << QByteArray("private, no-store") << false;
        QTest::newRow("authorization") << get(kPage, "Authorization: Bearer qa_nonsense\r\n") << 200 << 200 << shared
                                       << false;
        QTest::newRow("query") << get(kPage + "?x=1") << 200 << 200 << shared << false;
        QTest::newRow("empty body") << get(kPage, "Content-Length: 0\r\n") << 200 << 200 << shared << false;
        QTest::newRow("connection close") << get(kPage, "Connection: close\r\n") << 200 << 200 << shared << true;
        QTest::newRow("dot segments") << get("//guides/../x") << 300 << 499 << QByteArray() << false;
    }
    void leftToQt()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, lowest);
        QFETCH(int, highest);
        QFETCH(QByteArray, cacheControl);
        QFETCH(bool, closes);
        const Answer page = fetchPage();
        QCOMPARE(page.status, 200);
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        QList<Answer> answers = c.exchange(request, 1);
        QVERIFY2(answers.size() == 1, c.describe().constData());
        const Answer &a = answers[0];
        QVERIFY2(a.status >= lowest && a.status <= highest, a.summary().constData());
        QCOMPARE(a.count("Date"), qsizetype(1));
        QCOMPARE(a.requestId().size(), qsizetype(16));
        if (!cacheControl.isEmpty())
            QCOMPARE(a.header("Cache-Control"), cacheControl);
        if (a.status == 200) {
            QVERIFY(a.body.contains("<h1>" + kTitle + "</h1>"));
            // The reader's page has their save button; everyone else's is the shared one.
            QCOMPARE(a.body.contains("csrf_token"), request.contains("Cookie:"));
            if (!request.contains("Cookie:"))
                QCOMPARE(a.body, page.body);
        }
        if (closes) {
            QVERIFY2(c.waitClosed(),
                     ("the server kept a `Connection: close` connection open; " + c.describe()).constData());
            QVERIFY2(c.unread().isEmpty(), c.unread().constData());
            return;
        }
        answers = c.exchange(get("/health"), 1);
        QCOMPARE(statuses(answers), QByteArray("200"));
        QVERIFY(c.unread().isEmpty());
    }

    void bodyOverTheLimit_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("beforeStatuses");
        QTest::newRow("first request") << QByteArray() << QByteArray();
        QTest::newRow("after simple requests") << get(kPage) + get("/health") << QByteArray("200 200 ");
    }
    // The body limit holds for connections that came through the front door.
    void bodyOverTheLimit()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, beforeStatuses);
        const QByteArray big = '"' + QByteArray(kMaxBody, 'x') + '"';
        RawConnection c(endpoint());
        const int count = int(before.count("HTTP/1.1\r\n")) + 1;
        const QList<Answer> answers = c.exchange(before + postJson("/api/v1/handshake", big), count);
        QCOMPARE(statuses(answers), beforeStatuses + "413");
        QCOMPARE(QByteArray::fromStdString(nlohmann::json::parse(answers.last().body.toStdString(), nullptr, false)
                                               .value("error", nlohmann::json::object())
                                               .value("code", "")),
                 QByteArray("payload_too_large"));
    }

    // Hundreds of pipelined requests that are not simple (a query makes
    // them Qt's), in one write after one the front door answers itself: all
    // answered (over TLS: through the relay), once each and in order.
    void manyLeftToQt()
    {
        constexpr int kRequests = 300;
        QByteArray requests = get(kPage);
        QByteArray expected = "200";
        for (int i = 0; i < kRequests; ++i) {
            const QByteArray n = QByteArray::number(i);
            const bool missing = i % 3 == 2; // the 404s mark the order
            requests += get(missing ? "/guides/no-such-" + n + "?x=" + n : "/health?x=" + n);
            expected += missing ? " 404" : " 200";
        }
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        const QList<Answer> answers = c.exchange(requests, kRequests + 1);
        QVERIFY2(answers.size() == kRequests + 1,
                 (QByteArray::number(answers.size()) + " answers; " + c.describe()).constData());
        QCOMPARE(statuses(answers), expected);
        QSet<QByteArray> ids;
        for (qsizetype i = 0; i < answers.size(); ++i) {
            ids.insert(answers[i].requestId());
            if (i > 0)
                QCOMPARE(answers[i].begin, answers[i - 1].end);
        }
        QCOMPARE(ids.size(), qsizetype(kRequests + 1));
        QVERIFY(c.unread().isEmpty());
        const QList<Answer> after = c.exchange(get("/health"), 1);
        QCOMPARE(statuses(after), QByteArray("200"));
    }

    // Bodies many times the relay's buffers, each way and both ways at
    // once, whole and in order: image uploads (the client writes), the
    // image back (Qt writes), and an answer of megabytes that Qt writes
    // while the client still sends megabytes.
    void largeBodies()
    {
        const QByteArray first = noisePng(1024, 1);
        const QByteArray second = noisePng(1024, 2);
        QVERIFY(first.size() > 3 * 1024 * 1024 && second.size() > 3 * 1024 * 1024);
        const QByteArray sha = QCryptographicHash::hash(first, QCryptographicHash::Sha256).toHex();
        const QByteArray image = "/media/" + sha;

        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        // A page from the front door, then the upload, which is Qt's.
        QList<Answer> answers = c.exchange(get(kPage) + upload(first), 2);
        QVERIFY2(statuses(answers) == "200 201", (statuses(answers) + "; " + c.describe()).constData());
        const nlohmann::json record = nlohmann::json::parse(answers[1].body.toStdString(), nullptr, false);
        QVERIFY2(record.is_object(), answers[1].body.constData());
        QCOMPARE(QByteArray::fromStdString(record.value("sha256", "")), sha);
        QCOMPARE(record.value("size", qint64(0)), first.size());
        QCOMPARE(answers[1].begin, answers[0].end);

        // The image back from Qt (the query makes it Qt's), then a small answer.
        answers = c.exchange(get(image + "?x=1") + get("/health"), 2);
        QVERIFY2(statuses(answers) == "200 200", (statuses(answers) + "; " + c.describe()).constData());
        QCOMPARE(answers[0].header("Content-Type"), QByteArray("image/png"));
        QVERIFY2(answers[0].body == first, answers[0].summary().constData()); // not QCOMPARE: megabytes
        QVERIFY(answers[1].body.contains("\"status\":\"ok\""));

        // Both ways at once.
        answers = c.exchange(get(image + "?x=2") + upload(second) + get(image + "?x=3"), 3);
        QVERIFY2(statuses(answers) == "200 201 200", (statuses(answers) + "; " + c.describe()).constData());
        QVERIFY2(answers[0].body == first, answers[0].summary().constData());
        QCOMPARE(QByteArray::fromStdString(
                     nlohmann::json::parse(answers[1].body.toStdString(), nullptr, false).value("sha256", "")),
                 QCryptographicHash::hash(second, QCryptographicHash::Sha256).toHex());
        QVERIFY2(answers[2].body == first, answers[2].summary().constData());
        for (qsizetype i = 1; i < answers.size(); ++i)
            QCOMPARE(answers[i].begin, answers[i - 1].end);
        QVERIFY(c.unread().isEmpty());

        // Without a query and on a connection of its own, the image may be
        // the front door's to answer: the same bytes.
        RawConnection direct(endpoint());
        QVERIFY2(direct.isConnected(), direct.describe().constData());
        answers = direct.exchange(get(image) + get("/health"), 2);
        QVERIFY2(statuses(answers) == "200 200", (statuses(answers) + "; " + direct.describe()).constData());
        QVERIFY2(answers[0].body == first, answers[0].summary().constData());
        QVERIFY(direct.unread().isEmpty());
    }

    void cleanupTestCase() { QVERIFY(m_fx.server().stop()); }
};

QUIRE_TEST_MAIN_BOTH_TRANSPORTS(TestFrontDoor)

#include "tst_frontdoor.moc"
