// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/timestamp.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <zlib.h>

using namespace quire::test;
using quire::desktop::SyncEngine;

namespace {
QByteArray gunzip(const QByteArray &data)
{
    z_stream s {};
    if (inflateInit2(&s, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    char buffer[16384];
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    int r = Z_OK;
    while (r == Z_OK) {
        s.next_out = reinterpret_cast<Bytef *>(buffer);
        s.avail_out = sizeof buffer;
        r = inflate(&s, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - s.avail_out));
    }
    inflateEnd(&s);
    return r == Z_STREAM_END ? out : QByteArray();
}
} // namespace

// From the desktop to the web: an article written offline, synced and
// published is a page for readers; unpublished it is gone (410); a new
// slug redirects the old one; pages are cached with ETag, 304 and gzip.
class TestReaderPages : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SyncPeer> m_editor;
    std::unique_ptr<TestHttpClient> m_http;

    HttpResult page(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return m_http->request("GET", path, {}, headers);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString data = m_dir.filePath(QStringLiteral("server"));
        QVERIFY(createUser(data, QStringLiteral("editor@example.org"), QStringLiteral("editor"), kSyncTestPassword));
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));
        m_http = std::make_unique<TestHttpClient>(m_server.url(), m_server.fingerprint());
        m_editor = std::make_unique<SyncPeer>(m_dir.filePath(QStringLiteral("editor")));
        m_editor->connectTo(m_server);
        QVERIFY(m_editor->signIn(QStringLiteral("editor@example.org"), kSyncTestPassword));
    }

    void thePublishFlowEndToEnd()
    {
        // Written offline: nothing reaches the server until sync.
        const QString id
            = m_editor->create(QStringLiteral("Tips & <tricks>"),
                               QStringLiteral("## Start\n\nUse **Quire**.\n\n<script>alert(1)</script>\n"));
        QVERIFY(m_editor->edit(id, { { "slug", "tips-and-tricks" }, { "summary", "All \"the\" tips" } }));
        QCOMPARE(page(QStringLiteral("/guides/tips-and-tricks")).status, 404);
        QCOMPARE(m_editor->sync(), SyncEngine::State::Idle);
        QCOMPARE(page(QStringLiteral("/guides/tips-and-tricks")).status, 404); // a draft is not public

        QVERIFY(m_editor->edit(id, { { "status", "published" } }));
        QCOMPARE(m_editor->sync(), SyncEngine::State::Idle);
        QVERIFY(!fieldOf(m_editor->row(id), "published_at").isEmpty());
        const HttpResult live = page(QStringLiteral("/guides/tips-and-tricks"));
        QCOMPARE(live.status, 200);
        QVERIFY(live.header("Content-Type").startsWith("text/html"));
        QVERIFY(live.body.startsWith("<!DOCTYPE html>"));
        QVERIFY2(live.body.contains("<h1>Tips &amp; &lt;tricks&gt;</h1>"), live.body.constData());
        QVERIFY(live.body.contains("<h2>Start</h2>"));
        QVERIFY(live.body.contains("<strong>Quire</strong>"));
        QVERIFY(!live.body.contains("<script>"));
        QVERIFY(live.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        QVERIFY(live.body.contains("content=\"All &quot;the&quot; tips\""));
        QVERIFY(live.body.contains("<link rel=\"canonical\""));
        QVERIFY(live.header("Content-Security-Policy").contains("default-src 'none'"));
        QVERIFY(!live.header("Content-Security-Policy").contains("script-src"));
        QVERIFY(!live.header("ETag").isEmpty());
        QVERIFY(!live.header("Last-Modified").isEmpty());

        // Validators: the same page again costs a 304 without a body.
        const HttpResult again
            = page(QStringLiteral("/guides/tips-and-tricks"), { { "If-None-Match", live.header("ETag") } });
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        // gzip for those who take it, byte for byte the same page.
        const HttpResult zipped
            = page(QStringLiteral("/guides/tips-and-tricks"), { { "Accept-Encoding", "gzip, br" } });
        QCOMPARE(zipped.status, 200);
        QCOMPARE(zipped.header("Content-Encoding"), QByteArray("gzip"));
        QCOMPARE(gunzip(zipped.body), live.body);

        // A new slug: the old address answers 301 to the new one.
        QVERIFY(m_editor->edit(id, { { "slug", "tips-tricks" }, { "title", "Tips and tricks" } }));
        QCOMPARE(m_editor->sync(), SyncEngine::State::Idle);
        const HttpResult moved = page(QStringLiteral("/guides/tips-and-tricks"));
        QCOMPARE(moved.status, 301);
        QCOMPARE(moved.header("Location"), QByteArray("/guides/tips-tricks"));
        const HttpResult renamed = page(QStringLiteral("/guides/tips-tricks"));
        QCOMPARE(renamed.status, 200);
        QVERIFY(renamed.body.contains("<h1>Tips and tricks</h1>")); // the cache saw the change
        QVERIFY(renamed.header("ETag") != live.header("ETag"));

        // Unpublished: gone, and said so.
        QVERIFY(m_editor->edit(id, { { "status", "draft" } }));
        QCOMPARE(m_editor->sync(), SyncEngine::State::Idle);
        QCOMPARE(page(QStringLiteral("/guides/tips-tricks")).status, 410);
        QCOMPARE(page(QStringLiteral("/guides/tips-and-tricks")).status, 404);
    }

    void scheduledPublishingFiresAtItsTime()
    {
        // No desktop needs to be online: the server publishes at publish_at.
        const QString id = m_editor->create(QStringLiteral("Coming soon"), QStringLiteral("Soon.\n"));
        const QString at = quire::shared::Timestamp::format(QDateTime::currentDateTimeUtc().addSecs(2));
        QVERIFY(m_editor->edit(
            id, { { "slug", "coming-soon" }, { "status", "scheduled" }, { "publish_at", at.toStdString() } }));
        QCOMPARE(m_editor->sync(), SyncEngine::State::Idle);
        QCOMPARE(page(QStringLiteral("/guides/coming-soon")).status, 404);
        QTRY_COMPARE_WITH_TIMEOUT(page(QStringLiteral("/guides/coming-soon")).status, 200, 15'000);
        QCOMPARE(m_editor->sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(m_editor->row(id), "status"), QStringLiteral("published"));
        QVERIFY(fieldOf(m_editor->row(id), "published_at") >= at);
    }

    void slugsAreUniquePerKind()
    {
        const QString a = m_editor->create(QStringLiteral("One"), QString());
        const QString b = m_editor->create(QStringLiteral("Two"), QString());
        const QString c = m_editor->create(QStringLiteral("Three"), QString());
        QVERIFY(m_editor->edit(a, { { "slug", "same-name" }, { "status", "published" } }));
        QVERIFY(m_editor->edit(b, { { "slug", "same-name" } }));
        QVERIFY(m_editor->edit(c, { { "slug", "same-name" }, { "kind", "case_study" }, { "status", "published" } }));
        QCOMPARE(m_editor->sync(), SyncEngine::State::Idle);
        // The clash costs nothing: the second guide keeps its content under
        // the next free address, and a record tells its author.
        auto refused = m_editor->ws().syncRecords().rejections();
        QVERIFY(refused);
        QVERIFY(refused->isEmpty());
        QCOMPARE(fieldOf(m_editor->row(b), "slug"), QStringLiteral("same-name-2"));
        bool told = false;
        for (const auto &n : m_editor->conflicts())
            told = told || (n.conflict.rowId == b && n.conflict.kind == QLatin1String("slug_changed"));
        QVERIFY(told);
        QCOMPARE(page(QStringLiteral("/guides/same-name")).status, 200);
        QVERIFY(page(QStringLiteral("/guides/same-name")).body.contains("One"));
        QCOMPARE(page(QStringLiteral("/case-studies/same-name")).status, 200);
        QVERIFY(page(QStringLiteral("/case-studies/same-name")).body.contains("Case study"));
    }

    void badAddressesAreNotFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown") << QStringLiteral("/guides/nothing-here");
        QTest::newRow("upper case") << QStringLiteral("/guides/Same-Name");
        QTest::newRow("encoded script") << QStringLiteral("/guides/%3Cscript%3E");
    }
    void badAddressesAreNotFound()
    {
        QFETCH(QString, path);
        const HttpResult r = page(path);
        QCOMPARE(r.status, 404);
        QVERIFY(r.body.contains("Page not found"));
        QVERIFY(!r.body.contains("<script"));
    }

    void indexesFeedSitemapAndRobots()
    {
        const QString id = m_editor->create(QStringLiteral("Listed <here>"), QStringLiteral("Text.\n"));
        QVERIFY(m_editor->edit(id, { { "slug", "listed-here" }, { "summary", "A & B" }, { "status", "published" } }));
        QCOMPARE(m_editor->sync(), SyncEngine::State::Idle);

        const HttpResult home = page(QStringLiteral("/"));
        QCOMPARE(home.status, 200);
        QVERIFY(home.body.contains("href=\"/guides/listed-here\""));
        QVERIFY(home.body.contains("Listed &lt;here&gt;"));
        const HttpResult guides = page(QStringLiteral("/guides"));
        QCOMPARE(guides.status, 200);
        QVERIFY(guides.body.contains("A &amp; B"));
        QVERIFY(guides.body.contains("href=\"/guides/coming-soon\"")); // published by the scheduler earlier
        QVERIFY(!guides.body.contains("tips-tricks")); // withdrawn earlier: not listed
        QCOMPARE(page(QStringLiteral("/guides?page=99")).status, 404);
        QCOMPARE(page(QStringLiteral("/guides?page=abc")).status, 404);

        // The feed and the sitemap are well-formed XML that name the article.
        for (const QString &path : { QStringLiteral("/feed.xml"), QStringLiteral("/sitemap.xml") }) {
            const HttpResult r = page(path);
            QCOMPARE(r.status, 200);
            QVERIFY(r.header("Content-Type").contains("xml"));
            QXmlStreamReader reader(r.body);
            while (!reader.atEnd())
                reader.readNext();
            QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
            QVERIFY(r.body.contains("/guides/listed-here"));
        }
        QVERIFY(page(QStringLiteral("/feed.xml")).body.contains("<title>Listed &lt;here&gt;</title>"));
        const HttpResult robots = page(QStringLiteral("/robots.txt"));
        QCOMPARE(robots.status, 200);
        QVERIFY(robots.body.contains("Sitemap: "));
        QVERIFY(robots.body.contains("Disallow: /api/"));
    }

    void searchFindsWhatIsPublishedOnly()
    {
        const QString live = m_editor->create(QStringLiteral("Espresso basics"),
                                              QStringLiteral("Pull an espresso shot in 25 seconds.\n"));
        const QString draft
            = m_editor->create(QStringLiteral("Espresso secrets"), QStringLiteral("Draft espresso notes.\n"));
        QVERIFY(m_editor->edit(live, { { "slug", "espresso-basics" }, { "status", "published" } }));
        QVERIFY(m_editor->edit(draft, { { "slug", "espresso-secrets" } }));
        QCOMPARE(m_editor->sync(), SyncEngine::State::Idle);

        const HttpResult r = page(QStringLiteral("/search?q=espress"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("href=\"/guides/espresso-basics\""));
        QVERIFY(!r.body.contains("espresso-secrets")); // drafts are not searchable
        QVERIFY2(r.body.toLower().contains("<mark>espresso</mark>"), r.body.constData());
        // What a reader types is shown escaped and is never query syntax.
        const HttpResult odd = page(QStringLiteral("/search?q=%3Cscript%3E%22%20OR%20NEAR("));
        QCOMPARE(odd.status, 200);
        QVERIFY(!odd.body.contains("<script>"));
        QVERIFY(odd.body.contains("value=\"&lt;script&gt;&quot; OR NEAR(\""));
        // Unpublished, it leaves the index.
        QVERIFY(m_editor->edit(live, { { "status", "draft" } }));
        QCOMPARE(m_editor->sync(), SyncEngine::State::Idle);
        QVERIFY(page(QStringLiteral("/search?q=espresso")).body.contains("Nothing found."));
    }

    void theStylesheetIsServed()
    {
        const HttpResult css = page(QStringLiteral("/assets/site.css"));
        QCOMPARE(css.status, 200);
        QVERIFY(css.header("Content-Type").startsWith("text/css"));
        QVERIFY(css.body.contains(".align-right"));
    }
};

QTEST_GUILESS_MAIN(TestReaderPages)
#include "tst_readerpages.moc"
