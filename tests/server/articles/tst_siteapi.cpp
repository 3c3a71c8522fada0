// SPDX-License-Identifier: GPL-3.0-or-later
// What the API does around articles against a real quire-server:
// categories and the topic pages they make, draft preview links, saved items
// and the dashboard, with their role checks.
#include "shared/database.h"
#include "tests/server/articles/contentapifixture.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using quire::test::HttpResult;
using quire::test::json;

class TestSiteApi : public quire::test::ContentApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startWithUsers()); }

    void categories()
    {
        // Only those who manage categories change them.
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_author,
                           json({ { "name", "Nope" }, { "slug", "nope" } }))
                     .status,
                 403);
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_admin,
                                 json({ { "name", "Brewing" }, { "slug", "brewing" } }));
        QCOMPARE(r.status, 201);
        const std::string parent = r.json()["id"];
        r = m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_admin,
                      json({ { "name", "Filter" }, { "slug", "filter" }, { "parent_id", parent } }));
        QCOMPARE(r.status, 201);
        const std::string child = r.json()["id"];
        // Unique slugs, existing parents, no loops.
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_admin,
                           json({ { "name", "Again" }, { "slug", "brewing" } }))
                     .status,
                 409);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_admin,
                           json({ { "name", "Orphan" }, { "slug", "orphan" }, { "parent_id", "nope" } }))
                     .status,
                 400);
        r = m_fx.call("PATCH", QStringLiteral("/api/v1/categories/") + QString::fromStdString(parent), m_admin,
                      json({ { "parent_id", child } }));
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()["error"]["fields"].contains("parent_id"));
        // A parent with children stays until they move.
        QCOMPARE(
            m_fx.call("DELETE", QStringLiteral("/api/v1/categories/") + QString::fromStdString(parent), m_admin).status,
            409);
        r = m_fx.call("GET", QStringLiteral("/api/v1/categories"), m_reader);
        QCOMPARE(r.status, 200);
        bool nested = false;
        const nlohmann::json list_ = r.json()["items"];
        for (const auto &c : list_)
            nested = nested || (c["slug"] == "filter" && c["parent_id"] == parent);
        QVERIFY2(nested, r.body.constData());
        // An article keeps only categories that exist.
        const QString id = createArticle(m_author, { { "title", "Cats" }, { "categories", { child, "missing" } } });
        r = m_fx.call("GET", QStringLiteral("/api/v1/guides/") + id, m_author);
        QCOMPARE_JSON(r.json()["categories"], nlohmann::json({ child }));
    }

    // Category and tag pages of the readers' site, and what the article page shows of them.
    void topicPages()
    {
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_admin,
                                 json({ { "name", "Roasting & <More>" }, { "slug", "roasting" } }));
        QCOMPARE(r.status, 201);
        const std::string top = r.json()["id"];
        r = m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_admin,
                      json({ { "name", "Light roasts" }, { "slug", "light-roasts" }, { "parent_id", top } }));
        QCOMPARE(r.status, 201);
        const std::string child = r.json()["id"];
        const QString inChild = createArticle(m_editor,
                                              { { "title", "Nordic light" },
                                                { "slug", "nordic-light" },
                                                { "categories", { child } },
                                                { "tags", { "Beans", "C++" } },
                                                { "cover", "/media/" + std::string(64, 'a') },
                                                { "seo_title", "Light roasting, explained" } });
        const QString inTop = createArticle(m_editor,
                                            { { "title", "Drum roasters" },
                                              { "slug", "drum-roasters" },
                                              { "categories", { top } },
                                              { "tags", { "beans" } } });
        const QString unpublished = createArticle(m_editor,
                                                  { { "title", "Secret roast" },
                                                    { "slug", "secret-roast" },
                                                    { "categories", { top } },
                                                    { "tags", { "beans" } } });
        QVERIFY(!inChild.isEmpty() && !inTop.isEmpty() && !unpublished.isEmpty());
        for (const QString &id : { inChild, inTop })
            QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id), m_editor).status, 200);

        // The parent lists its own and its sub-category's articles, never drafts.
        r = m_fx.http().get(QStringLiteral("/categories/roasting"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("Roasting &amp; &lt;More&gt;"));
        QVERIFY(r.body.contains("href=\"/guides/nordic-light\""));
        QVERIFY(r.body.contains("href=\"/guides/drum-roasters\""));
        QVERIFY(!r.body.contains("secret-roast"));
        QVERIFY(r.body.contains("href=\"/categories/light-roasts\""));
        r = m_fx.http().get(QStringLiteral("/categories/light-roasts"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("nordic-light"));
        QVERIFY(!r.body.contains("drum-roasters\""));
        QVERIFY(r.body.contains("href=\"/categories/roasting\"")); // up the tree
        QCOMPARE(m_fx.http().get(QStringLiteral("/categories/no-such")).status, 404);

        // Tags ignore case; odd characters are addressed percent-encoded.
        r = m_fx.http().get(QStringLiteral("/tags/BEANS"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("nordic-light") && r.body.contains("drum-roasters"));
        QVERIFY(!r.body.contains("secret-roast"));
        QCOMPARE(m_fx.http().get(QStringLiteral("/tags/c%2B%2B")).status, 200);
        QCOMPARE(m_fx.http().get(QStringLiteral("/tags/unused")).status, 404);
        QCOMPARE(m_fx.http().get(QStringLiteral("/tags/beans?page=0")).status, 404);

        // The article page links its topics and carries its SEO title and cover.
        r = m_fx.http().get(QStringLiteral("/guides/nordic-light"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("href=\"/categories/light-roasts\""));
        QVERIFY(r.body.contains("href=\"/tags/c%2B%2B\""));
        QVERIFY(r.body.contains("<title>Light roasting, explained"));
        QVERIFY(r.body.contains("<h1>Nordic light</h1>"));
        QVERIFY(r.body.contains("property=\"og:image\""));
        QVERIFY(r.body.contains("<img src=\"/media/" + QByteArray(64, 'a') + "\" alt=\"\">"));

        // A renamed category shows its new name at once (the cache is emptied on change).
        QCOMPARE(m_fx.call("PATCH", QStringLiteral("/api/v1/categories/") + QString::fromStdString(child), m_admin,
                           json({ { "name", "Pale roasts" } }))
                     .status,
                 200);
        QVERIFY(m_fx.http().get(QStringLiteral("/guides/nordic-light")).body.contains("Pale roasts"));
    }

    // Signed draft previews: anyone with the link sees the draft until it expires.
    void draftPreviewLinks()
    {
        const QString id = createArticle(
            m_author,
            { { "title", "Secret draft" }, { "slug", "secret-draft" }, { "body", "Not <b>yet</b> public.\n" } });
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_fx.http().get(QStringLiteral("/guides/secret-draft")).status, 404);
        // Only someone who may see the draft gets a link.
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/preview-link").arg(id), m_other).status, 404);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/preview-link").arg(id), m_author,
                           json({ { "hours", 0 } }))
                     .status,
                 400);
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/preview-link").arg(id), m_author,
                                 json({ { "hours", 2 } }));
        QCOMPARE(r.status, 201);
        const QUrl url(QString::fromStdString(r.json()["url"]));
        QVERIFY(url.path().startsWith(QStringLiteral("/preview/")));
        QVERIFY(!r.json()["expires_at"].get<std::string>().empty());
        r = m_fx.http().get(url.path());
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("<h1>Secret draft</h1>"));
        QVERIFY(r.body.contains("Not &lt;b&gt;yet&lt;/b&gt; public."));
        QVERIFY(r.body.contains("noindex"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(r.header("X-Robots-Tag").contains("noindex"));

        // Tampered: another article's id under this signature, or a changed signature.
        const QString token = url.path().mid(9);
        const QStringList parts = token.split(QLatin1Char('.'));
        QCOMPARE(parts.size(), 3);
        QCOMPARE(m_fx.http()
                     .get(QStringLiteral("/preview/%1.%2.%3").arg(QString(36, QLatin1Char('0')), parts[1], parts[2]))
                     .status,
                 404);
        QCOMPARE(m_fx.http()
                     .get(QStringLiteral("/preview/%1.%2.%3").arg(parts[0], parts[1] + QLatin1Char('9'), parts[2]))
                     .status,
                 404);
        QCOMPARE(m_fx.http().get(QStringLiteral("/preview/garbage")).status, 404);

        // Expired: a link signed with the server's secret for a time already past.
        QByteArray key;
        {
            auto db = quire::test::TestDatabase::open(m_fx.server());
            QVERIFY(db);
            auto secret = (*db)->scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'preview_secret'"));
            QVERIFY(secret && !secret->isNull());
            key = QByteArray::fromHex(secret->toString().toLatin1());
        }
        const QByteArray payload = id.toLatin1() + '.' + QByteArray::number(QDateTime::currentSecsSinceEpoch() - 60);
        const QByteArray sig = QMessageAuthenticationCode::hash(payload, key, QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        r = m_fx.http().get(QStringLiteral("/preview/") + QString::fromLatin1(payload + '.' + sig));
        QCOMPARE(r.status, 410);
        QVERIFY(r.body.contains("expired"));

        // Deleted: the link shows nothing.
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/guides/") + id, m_author).status, 204);
        QCOMPARE(m_fx.http().get(url.path()).status, 404);
    }

    void savedItemsAndDashboard()
    {
        const QString id = createArticle(m_editor, { { "title", "Worth saving" }, { "slug", "worth-saving" } });
        const QString draft = createArticle(m_editor, { { "title", "Not yet" } });
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id), m_editor).status, 200);
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/saved"), m_reader,
                                 json({ { "article_id", id.toStdString() } }));
        QCOMPARE(r.status, 201);
        // Saving twice is saving once.
        QCOMPARE(
            m_fx.call("POST", QStringLiteral("/api/v1/saved"), m_reader, json({ { "article_id", id.toStdString() } }))
                .status,
            200);
        // Drafts and unknown articles cannot be saved.
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/saved"), m_reader,
                           json({ { "article_id", draft.toStdString() } }))
                     .status,
                 404);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/saved"), m_reader, json({ { "colour", "x" } })).status, 400);
        r = m_fx.call("GET", QStringLiteral("/api/v1/saved"), m_reader);
        QCOMPARE(r.json()["items"].size(), size_t(1));
        QCOMPARE_JSON(r.json()["items"][0]["url"], "/guides/worth-saving");
        // Each reader sees their own.
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/saved"), m_author).json()["items"].size(), size_t(0));
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/saved/") + id, m_reader).status, 204);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/saved"), m_reader).json()["items"].size(), size_t(0));

        r = m_fx.call("GET", QStringLiteral("/api/v1/dashboard/data"), m_editor);
        QCOMPARE(r.status, 200);
        const nlohmann::json d = r.json();
        QVERIFY(d["counts"]["by_status"]["published"].get<int>() >= 1);
        QVERIFY(d["counts"]["total"].get<int>() >= 2);
        QVERIFY(!d["recent_activity"].empty());
        bool sawDraft = false;
        for (const auto &x : d["drafts"])
            sawDraft = sawDraft || x["id"] == draft.toStdString();
        QVERIFY(sawDraft);
        // An author's dashboard counts only what they may see.
        r = m_fx.call("GET", QStringLiteral("/api/v1/dashboard/data"), m_reader);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["drafts"].size(), size_t(0));
        QCOMPARE_JSON(r.json()["counts"]["by_status"]["draft"], 0);
    }
};

QTEST_GUILESS_MAIN(TestSiteApi)
#include "tst_siteapi.moc"
