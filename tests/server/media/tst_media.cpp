// SPDX-License-Identifier: GPL-3.0-or-later
// Image uploads against a real quire-server over TLS: each accepted type,
// deduplication, serving with cache headers, the size limit from the
// configuration, bad files, and who may upload.
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/testimages.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QTest>

#include <set>

using quire::test::AccountFixture;
using quire::test::HttpResult;
namespace TestImages = quire::test::TestImages;

namespace {
const QString kPassword = QStringLiteral("correct horse battery staple 42");
constexpr qint64 kLimit = 64 * 1024;
} // namespace

class TestMedia : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;
    QByteArray m_author, m_reader;

    HttpResult upload(const QByteArray &bytes, const QByteArray &token, const QByteArray &type = "image/png")
    {
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", type } };
        if (!token.isEmpty())
            headers.append({ "Authorization", "Bearer " + token });
        return m_fx.http().request("POST", QStringLiteral("/api/v1/media"), bytes, headers);
    }

    int filesStored()
    {
        int n = 0;
        QDirIterator it(m_fx.server().dataDir() + QStringLiteral("/media"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++n;
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        quire::test::ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--media-max-bytes"), QString::number(kLimit) };
        QVERIFY(m_fx.start(options));
        QVERIFY(m_fx.createUser(QStringLiteral("author@example.org"), QStringLiteral("author"), kPassword));
        QVERIFY(m_fx.createUser(QStringLiteral("reader@example.org"), QStringLiteral("reader"), kPassword));
        m_author = m_fx.token(QStringLiteral("author@example.org"), kPassword);
        m_reader = m_fx.token(QStringLiteral("reader@example.org"), kPassword);
        QVERIFY(!m_author.isEmpty() && !m_reader.isEmpty());
    }

    void eachTypeIsStoredOnceAndServed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mime");
        QTest::newRow("png") << TestImages::png() << "image/png";
        QTest::newRow("jpeg") << TestImages::jpeg() << "image/jpeg";
        QTest::newRow("gif") << TestImages::gif() << "image/gif";
        QTest::newRow("webp") << TestImages::webp() << "image/webp";
    }
    void eachTypeIsStoredOnceAndServed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mime);
        const int before = filesStored();
        // The declared type is not believed: the bytes decide.
        HttpResult r = upload(bytes, m_author, "application/octet-stream");
        QCOMPARE(r.status, 201);
        const nlohmann::json record = r.json();
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(QString::fromStdString(record["sha256"]), sha);
        QCOMPARE(QString::fromStdString(record["mime"]), mime);
        QCOMPARE(record["size"].get<qint64>(), bytes.size());
        QCOMPARE(QString::fromStdString(record["url"]), QStringLiteral("/media/") + sha);
        // The same bytes again: the same record, nothing new on disk.
        r = upload(bytes, m_author);
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.json()["sha256"]), sha);
        QCOMPARE(filesStored(), before + 1);

        r = m_fx.http().get(QStringLiteral("/media/") + sha);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, bytes);
        QCOMPARE(r.header("Content-Type"), mime.toLatin1());
        QCOMPARE(r.header("Cache-Control"), QByteArray("public, max-age=31536000, immutable"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
        const QByteArray etag = r.header("ETag");
        QCOMPARE(etag, '"' + sha.toLatin1() + '"');
        r = m_fx.http().request("GET", QStringLiteral("/media/") + sha, {}, { { "If-None-Match", etag } });
        QCOMPARE(r.status, 304);
        QVERIFY(r.body.isEmpty());
        // A tag that only contains ours names another file.
        r = m_fx.http().request("GET", QStringLiteral("/media/") + sha, {},
                                { { "If-None-Match", "\"old-" + sha.toLatin1() + "\"" } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, bytes);
    }

    void badFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        const QByteArray png = TestImages::png();
        QTest::newRow("svg") << QByteArray("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>") << 415;
        QTest::newRow("html") << QByteArray("<html><script>alert(1)</script>") << 415;
        QTest::newRow("text") << QByteArray("hello") << 415;
        QTest::newRow("truncated png") << png.left(png.size() / 2) << 415;
        QTest::newRow("png signature, then garbage")
            << QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(200, '\x01') << 415;
        QTest::newRow("empty") << QByteArray() << 400;
    }
    void badFilesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        const int before = filesStored();
        const HttpResult r = upload(bytes, m_author, "image/png");
        QCOMPARE(r.status, status);
        QVERIFY(!r.json()["error"]["message"].get<std::string>().empty());
        QCOMPARE(filesStored(), before);
    }

    void theSizeLimitComesFromTheConfiguration()
    {
        const QByteArray big = TestImages::noisePng(200, 200);
        QVERIFY(big.size() > kLimit);
        const int before = filesStored();
        HttpResult r = upload(big, m_author);
        QCOMPARE(r.status, 413);
        QCOMPARE(QString::fromStdString(r.json()["error"]["code"]), QStringLiteral("payload_too_large"));
        QVERIFY(QString::fromStdString(r.json()["error"]["message"]).contains(QStringLiteral("MiB")));
        QCOMPARE(filesStored(), before);
        // Just under the limit is fine.
        QByteArray fits = TestImages::noisePng(120, 120);
        QVERIFY(fits.size() < kLimit);
        QCOMPARE(upload(fits, m_author).status, 201);
    }

    void whoMayUploadAndWhatIsThere()
    {
        QCOMPARE(upload(TestImages::png(5, 5), QByteArray()).status, 401);
        QCOMPARE(upload(TestImages::png(5, 5), m_reader).status, 403);
        QCOMPARE(m_fx.http().get(QStringLiteral("/media/not-a-hash")).status, 404);
        QCOMPARE(m_fx.http().get(QStringLiteral("/media/") + QString(64, QLatin1Char('a'))).status, 404);
        QCOMPARE(m_fx.http().get(QStringLiteral("/media/") + QString(64, QLatin1Char('A'))).status, 404);
        const HttpResult list = m_fx.call("GET", QStringLiteral("/api/v1/media"), m_author);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json()["total"].get<int>(), 5); // four types and the one that fit
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/media?page=0"), m_author).status, 400);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/media"), m_reader).status, 403);
    }

    // The library lists one's own uploads and the images of the articles one
    // may see; someone else's drafts give nothing away. Editors see all.
    void eachWriterListsWhatTheyMaySee()
    {
        for (const auto &[email, role] :
             { std::pair("ann@example.org", "author"), std::pair("ben@example.org", "author"),
               std::pair("eve@example.org", "editor") })
            QVERIFY(m_fx.createUser(QString::fromLatin1(email), QString::fromLatin1(role), kPassword));
        const QByteArray ann = m_fx.token(QStringLiteral("ann@example.org"), kPassword);
        const QByteArray ben = m_fx.token(QStringLiteral("ben@example.org"), kPassword);
        const QByteArray eve = m_fx.token(QStringLiteral("eve@example.org"), kPassword);
        QVERIFY(!ann.isEmpty() && !ben.isEmpty() && !eve.isEmpty());
        const auto uploadAs = [this](const QByteArray &token, int side) {
            const HttpResult r = upload(TestImages::png(side, side), token);
            return r.status == 201 ? r.json()["sha256"].get<std::string>() : std::string();
        };
        const std::string annOwn = uploadAs(ann, 31);
        const std::string benInDraft = uploadAs(ben, 32);
        const std::string benInPublished = uploadAs(ben, 33);
        const std::string eveCover = uploadAs(eve, 34);
        const std::string eveUnused = uploadAs(eve, 35);
        for (const std::string &sha : { annOwn, benInDraft, benInPublished, eveCover, eveUnused })
            QVERIFY(!sha.empty());
        const auto article = [this](const QByteArray &token, const nlohmann::json &fields) {
            const HttpResult r
                = m_fx.call("POST", QStringLiteral("/api/v1/guides"), token, QByteArray::fromStdString(fields.dump()));
            return r.status == 201 ? QString::fromStdString(r.json()["id"].get<std::string>()) : QString();
        };
        QVERIFY(
            !article(ben, { { "title", "Ben's draft" }, { "body", "![x](/media/" + benInDraft + ")\n" } }).isEmpty());
        const QString benPublished
            = article(ben,
                      { { "title", "Ben's article" },
                        { "slug", "bens-article" },
                        { "body", "Look: ![x](https://example.org/media/" + benInPublished + ")\n" } });
        const QString evePublished = article(
            eve, { { "title", "Eve's article" }, { "slug", "eves-article" }, { "cover", "/media/" + eveCover } });
        QVERIFY(!benPublished.isEmpty() && !evePublished.isEmpty());
        for (const QString &id : { benPublished, evePublished })
            QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id), eve).status, 200);

        const auto listed = [this](const QByteArray &token) {
            std::set<std::string> shas;
            const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/media"), token);
            if (r.status != 200)
                return shas;
            const nlohmann::json page = r.json();
            for (const auto &item : page["items"])
                shas.insert(item["sha256"].get<std::string>());
            if (page["total"].get<size_t>() != shas.size())
                shas.insert("total does not match the items");
            return shas;
        };
        QCOMPARE(listed(ann), (std::set<std::string> { annOwn, benInPublished, eveCover }));
        QCOMPARE(listed(ben), (std::set<std::string> { benInDraft, benInPublished, eveCover }));
        const std::set<std::string> everything = listed(eve);
        for (const std::string &sha : { annOwn, benInDraft, benInPublished, eveCover, eveUnused })
            QVERIFY(everything.count(sha) == 1);
    }
};

QTEST_GUILESS_MAIN(TestMedia)
#include "tst_media.moc"
