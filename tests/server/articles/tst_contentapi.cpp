// SPDX-License-Identifier: GPL-3.0-or-later
// The publishing API's articles against a real quire-server over TLS:
// create, read, update and delete, the role checks, publishing and its
// address, paging, kept answers, filters and the failure answers. Revisions
// are in tst_revisionapi, categories, previews and saved items in tst_siteapi.
#include "server/articles/schedulepublisher.h"
#include "shared/database.h"
#include "shared/synctable.h"
#include "shared/uuid.h"
#include "tests/server/articles/contentapifixture.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTest>

using quire::test::HttpResult;
using quire::test::json;

class TestContentApi : public quire::test::ContentApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startWithUsers()); }

    void createGetUpdateDelete()
    {
        const QString id = createArticle(m_author,
                                         { { "title", "Pour-over at home" },
                                           { "slug", "pour-over" },
                                           { "summary", "Good coffee, slowly." },
                                           { "body", "# Kit\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n" },
                                           { "tags", { "Coffee", "brewing" } } });
        QVERIFY(!id.isEmpty());
        HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/guides/") + id, m_author);
        QCOMPARE(r.status, 200);
        nlohmann::json a = r.json();
        QCOMPARE_JSON(a["title"], "Pour-over at home");
        QCOMPARE_JSON(a["body"], "# Kit\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"); // exactly as written
        QCOMPARE_JSON(a["status"], "draft");
        QCOMPARE_JSON(a["kind"], "guide");
        QCOMPARE_JSON(a["tags"], nlohmann::json({ "Coffee", "brewing" }));
        QCOMPARE_JSON(a["author"]["id"].is_string(), true);
        const qint64 rev = a["rev"].get<qint64>();

        // The same id is no case study.
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/case-studies/") + id, m_author).status, 404);

        r = m_fx.call("PATCH", QStringLiteral("/api/v1/guides/") + id, m_author,
                      json({ { "summary", "Better coffee." }, { "rev", rev } }));
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["summary"], "Better coffee.");
        QCOMPARE_JSON(r.json()["title"], "Pour-over at home");
        // A stale revision is refused, not silently merged.
        r = m_fx.call("PATCH", QStringLiteral("/api/v1/guides/") + id, m_author,
                      json({ { "summary", "Stale." }, { "rev", rev } }));
        QCOMPARE(r.status, 412);
        QCOMPARE_JSON(r.json()["error"]["code"], "rev_mismatch");

        // Someone else's draft is not theirs to see or change.
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/guides/") + id, m_other).status, 404);
        QCOMPARE(
            m_fx.call("PATCH", QStringLiteral("/api/v1/guides/") + id, m_other, json({ { "title", "Mine" } })).status,
            404);
        // An editor may.
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/guides/") + id, m_editor).status, 200);

        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/guides/") + id, m_author).status, 204);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/guides/") + id, m_author).status, 404);
    }

    // Who may change a row is decided before whether the change changes
    // anything: someone else's article answers 403 to an empty body and to
    // the values it already holds, as to a real change.
    void patchNeedsTheRightToEditEvenWhenNothingChanges_data()
    {
        QTest::addColumn<QString>("caller"); // author (the owner), other (another author), editor
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QByteArray empty = json(nlohmann::json::object());
        const QByteArray same = json({ { "title", "Held still" }, { "summary", "As it was." } });
        const QByteArray change = json({ { "summary", "Changed." } });
        QTest::newRow("another author, empty body") << "other" << empty << 403;
        QTest::newRow("another author, the same values") << "other" << same << 403;
        QTest::newRow("another author, a change") << "other" << change << 403;
        QTest::newRow("editor, empty body") << "editor" << empty << 200;
        QTest::newRow("editor, the same values") << "editor" << same << 200;
        QTest::newRow("editor, a change") << "editor" << change << 200;
        QTest::newRow("owner, empty body") << "author" << empty << 200;
        QTest::newRow("owner, the same values") << "author" << same << 200;
        QTest::newRow("owner, a change") << "author" << change << 200;
    }
    void patchNeedsTheRightToEditEvenWhenNothingChanges()
    {
        QFETCH(QString, caller);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const QMap<QString, QByteArray> tokens { { QStringLiteral("author"), m_author },
                                                 { QStringLiteral("other"), m_other },
                                                 { QStringLiteral("editor"), m_editor } };
        // Published, so the other author may see it (and a 403 reveals nothing).
        // A published article needs an address; one per row, as addresses are unique.
        const QString id = createArticle(
            m_author,
            { { "title", "Held still" },
              { "summary", "As it was." },
              { "slug", quire::shared::slugFromText(QString::fromUtf8(QTest::currentDataTag())).toStdString() } });
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id), m_editor).status, 200);
        const QString path = QStringLiteral("/api/v1/guides/") + id;
        const HttpResult before = m_fx.call("GET", path, m_author);
        QCOMPARE(before.status, 200);

        const HttpResult r = m_fx.call("PATCH", path, tokens.value(caller), body);
        QVERIFY2(r.status == status, r.body.constData());
        if (status == 403)
            QCOMPARE_JSON(r.json()["error"]["code"], "forbidden");
        if (status == 403 || body != json({ { "summary", "Changed." } }))
            QCOMPARE_JSON(m_fx.call("GET", path, m_author).json()["rev"], before.json()["rev"]);

        // A replica's push of the same change meets the same rule.
        const HttpResult pushed = m_fx.pushUpsert(tokens.value(caller), QStringLiteral("articles"), id,
                                                  nlohmann::json::parse(body.toStdString()));
        QCOMPARE(pushed.status, 200);
        const nlohmann::json result = pushed.json()["results"][0];
        if (status == 403) {
            QCOMPARE_JSON(result["outcome"], "rejected");
            QCOMPARE_JSON(result["reason"]["code"], "forbidden");
        } else {
            QVERIFY2(result["outcome"] != "rejected", result.dump().c_str());
        }
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no title") << json({ { "body", "x" } }) << QStringLiteral("title");
        QTest::newRow("blank title") << json({ { "title", "  " } }) << QStringLiteral("title");
        QTest::newRow("bad slug") << json({ { "title", "t" }, { "slug", "Not A Slug" } }) << QStringLiteral("slug");
        QTest::newRow("unknown field") << json({ { "title", "t" }, { "colour", "red" } }) << QStringLiteral("colour");
        QTest::newRow("tags not a list") << json({ { "title", "t" }, { "tags", "a,b" } }) << QStringLiteral("tags");
        QTest::newRow("duplicate tags") << json({ { "title", "t" }, { "tags", { "a", "a" } } })
                                        << QStringLiteral("tags");
        QTest::newRow("bad status") << json({ { "title", "t" }, { "status", "live" } }) << QStringLiteral("status");
        QTest::newRow("bad publish_at") << json({ { "title", "t" }, { "publish_at", "tomorrow" } })
                                        << QStringLiteral("publish_at");
        QTest::newRow("bad cover") << json({ { "title", "t" }, { "cover", "javascript:alert(1)" } })
                                   << QStringLiteral("cover");
        QTest::newRow("wrong kind") << json({ { "title", "t" }, { "kind", "case_study" } }) << QStringLiteral("kind");
    }

    void badInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/guides"), m_author, body);
        QCOMPARE(r.status, 400);
        QCOMPARE_JSON(r.json()["error"]["code"], "validation_failed");
        QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
        // Nothing was stored.
        const HttpResult list = m_fx.call("GET", QStringLiteral("/api/v1/guides?q=colour"), m_author);
        QCOMPARE(list.status, 200);
    }

    void notJson()
    {
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/guides"), m_author, "{title:");
        QCOMPARE(r.status, 400);
    }

    void rolesAndPublishing()
    {
        const QString id = createArticle(m_author, { { "title", "Roles" }, { "slug", "roles" } });
        QVERIFY(!id.isEmpty());
        // Readers write nothing; authors do not publish.
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides"), m_reader, json({ { "title", "x" } })).status, 403);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id), m_author).status, 403);
        QCOMPARE(
            m_fx.call("PATCH", QStringLiteral("/api/v1/guides/") + id, m_author, json({ { "status", "published" } }))
                .status,
            403);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/submit").arg(id), m_author).status, 200);
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id), m_editor);
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["status"], "published");
        QCOMPARE_JSON(r.json()["url"], "/guides/roles");
        QVERIFY(!r.json()["published_at"].get<std::string>().empty());
        // On the site at once.
        QCOMPARE(m_fx.http().get(QStringLiteral("/guides/roles")).status, 200);
        // A reader reads published articles over the API too.
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/guides/") + id, m_reader).status, 200);
        r = m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/unpublish").arg(id), m_editor);
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["status"], "draft");
        QCOMPARE(m_fx.http().get(QStringLiteral("/guides/roles")).status, 410);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/guides/") + id, m_reader).status, 404);
        // Not signed in: nothing.
        QCOMPARE(m_fx.http().get(QStringLiteral("/api/v1/guides")).status, 401);
    }

    // Published without an address, readers would get nothing while the
    // status says published: every way to publish or schedule refuses it
    // with slug_required naming the field, and changes nothing.
    void publishingNeedsAnAddress_data()
    {
        QTest::addColumn<QString>("slug"); // the article's address before
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path"); // %1: the article's id
        QTest::addColumn<QByteArray>("body");
        const QString item = QStringLiteral("/api/v1/guides/%1");
        QTest::newRow("publish route") << QString() << QByteArrayLiteral("POST") << item + QStringLiteral("/publish")
                                       << QByteArray();
        QTest::newRow("status published")
            << QString() << QByteArrayLiteral("PATCH") << item << json({ { "status", "published" } });
        QTest::newRow("status scheduled")
            << QString() << QByteArrayLiteral("PATCH") << item
            << json({ { "status", "scheduled" }, { "publish_at", "2099-01-01T00:00:00.000Z" } });
        QTest::newRow("created published") << QString() << QByteArrayLiteral("POST") << QStringLiteral("/api/v1/guides")
                                           << json({ { "title", "Born public" }, { "status", "published" } });
        QTest::newRow("address cleared while published")
            << QStringLiteral("was-here") << QByteArrayLiteral("PATCH") << item << json({ { "slug", "" } });
    }
    void publishingNeedsAnAddress()
    {
        QFETCH(QString, slug);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const QString id
            = createArticle(m_editor, { { "title", "Nowhere to be found" }, { "slug", slug.toStdString() } });
        QVERIFY(!id.isEmpty());
        const QString item = QStringLiteral("/api/v1/guides/") + id;
        if (!slug.isEmpty())
            QCOMPARE(m_fx.call("POST", item + QStringLiteral("/publish"), m_editor).status, 200);
        const nlohmann::json before = m_fx.call("GET", item, m_editor).json();

        const HttpResult r = m_fx.call(method, path.arg(id), m_editor, body);
        QVERIFY2(r.status == 409, r.body.constData());
        QCOMPARE_JSON(r.json()["error"]["code"], "slug_required");
        QVERIFY2(r.json()["error"]["message"].get<std::string>().find("address") != std::string::npos,
                 r.body.constData());
        QVERIFY(r.json()["error"]["fields"].contains("slug"));
        const nlohmann::json after = m_fx.call("GET", item, m_editor).json();
        QCOMPARE_JSON(after["status"], before["status"]);
        QCOMPARE_JSON(after["slug"], before["slug"]);
        QCOMPARE_JSON(after["rev"], before["rev"]);
    }

    // Rows published or scheduled without an address before it was required
    // break nothing: they can be edited, they stay off the site, and a
    // scheduled one waits (still scheduled) until it is given an address.
    void olderRowsWithoutAnAddress()
    {
        const QString published = createArticle(m_editor, { { "title", "From before" } });
        const QString scheduled = createArticle(m_editor, { { "title", "Waiting since" } });
        QVERIFY(!published.isEmpty() && !scheduled.isEmpty());
        auto db = quire::test::TestDatabase::open(m_fx.server());
        QVERIFY(db);
        QVERIFY((*db)->run(QStringLiteral("UPDATE articles SET status = 'published', published_at = ? WHERE id = ?"),
                           { QStringLiteral("2020-01-01T00:00:00.000Z"), published }));
        QVERIFY((*db)->run(QStringLiteral("UPDATE articles SET status = 'scheduled', publish_at = ? WHERE id = ?"),
                           { QStringLiteral("2020-01-01T00:00:00.000Z"), scheduled }));

        HttpResult r = m_fx.call("PATCH", QStringLiteral("/api/v1/guides/") + published, m_editor,
                                 json({ { "summary", "Still editable." } }));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["status"], "published");
        QVERIFY(!r.json().contains("url")); // no page to link to
        QCOMPARE(m_fx.http().get(QStringLiteral("/guides")).status, 200);
        QVERIFY(!m_fx.http().get(QStringLiteral("/guides")).body.contains("From before"));

        // Due long ago, yet not published while it has no address.
        qint64 lastSeq = 0;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(quire::server::SchedulePublisher::publishDue(**db, now, lastSeq));
        r = m_fx.call("GET", QStringLiteral("/api/v1/guides/") + scheduled, m_editor);
        QCOMPARE_JSON(r.json()["status"], "scheduled");
        r = m_fx.call("PATCH", QStringLiteral("/api/v1/guides/") + scheduled, m_editor,
                      json({ { "slug", "waiting-since" } }));
        QVERIFY2(r.status == 200, r.body.constData());
        QVERIFY(quire::server::SchedulePublisher::publishDue(**db, now, lastSeq));
        r = m_fx.call("GET", QStringLiteral("/api/v1/guides/") + scheduled, m_editor);
        QCOMPARE_JSON(r.json()["status"], "published");
        QCOMPARE(m_fx.http().get(QStringLiteral("/guides/waiting-since")).status, 200);
    }

    // A cursor walks the whole list once, in order, whatever happens to
    // the rows already passed; it belongs to its sort and cannot be forged.
    void cursorPagingWalksEveryRowOnce()
    {
        for (int i = 0; i < 23; ++i)
            QVERIFY(
                !createArticle(m_editor, { { "title", QStringLiteral("Cursor %1").arg(i).toStdString() } }).isEmpty());
        for (const QString &sort : { QStringLiteral("updated"), QStringLiteral("title"), QStringLiteral("created") }) {
            const HttpResult all = m_fx.call(
                "GET", QStringLiteral("/api/v1/guides?q=Cursor&per_page=100&total=true&sort=") + sort, m_editor);
            QCOMPARE(all.status, 200);
            QCOMPARE_JSON(all.json()["total"], 23);
            QVERIFY(all.json()["next_cursor"].is_null());
            QStringList expected;
            const nlohmann::json allItems = all.json()["items"]; // held: a member of a temporary would dangle
            for (const nlohmann::json &item : allItems)
                expected << QString::fromStdString(item["id"].get<std::string>());
            QStringList walked;
            QString cursor;
            int pages = 0;
            do {
                QString path = QStringLiteral("/api/v1/guides?q=Cursor&per_page=5&sort=") + sort;
                if (!cursor.isEmpty())
                    path += QStringLiteral("&cursor=") + cursor;
                const HttpResult page = m_fx.call("GET", path, m_editor);
                QCOMPARE(page.status, 200);
                QVERIFY(!page.json().contains("total")); // counted only when asked
                const nlohmann::json items = page.json()["items"];
                for (const nlohmann::json &item : items)
                    walked << QString::fromStdString(item["id"].get<std::string>());
                cursor = page.json()["next_cursor"].is_string()
                    ? QString::fromStdString(page.json()["next_cursor"].get<std::string>())
                    : QString();
                ++pages;
            } while (!cursor.isEmpty() && pages < 10);
            QCOMPARE(pages, 5);
            QCOMPARE(walked, expected);
        }
        const HttpResult first = m_fx.call("GET", QStringLiteral("/api/v1/guides?per_page=2&sort=title"), m_editor);
        const QString cursor = QString::fromStdString(first.json()["next_cursor"].get<std::string>());
        for (const QString &bad :
             { QStringLiteral("sort=updated&cursor=") + cursor, QStringLiteral("cursor=%%%"),
               QStringLiteral("cursor=W10"), QStringLiteral("sort=title&page=2&cursor=") + cursor }) {
            const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/guides?") + bad, m_editor);
            QCOMPARE(r.status, 400);
            QVERIFY(r.json()["error"]["fields"].contains("cursor") || r.json()["error"]["fields"].contains("page"));
        }
        // The generic collection of the articles' declaration lists both kinds.
        const HttpResult generic
            = m_fx.call("GET", QStringLiteral("/api/v1/articles?q=Cursor&kind=guide&per_page=100"), m_editor);
        QCOMPARE(generic.status, 200);
        QCOMPARE(generic.json()["items"].size(), size_t(23));
        QVERIFY(!generic.json()["items"][0].contains("body"));
    }

    // A result read row by row stays whole while other statements run on the
    // same connection in between (a listing's rows while the answer cache
    // reads its marks): PostgreSQL's driver would drop what it had not read.
    void aResultOutlivesTheStatementsRunMeanwhile()
    {
        auto db = quire::test::TestDatabase::open(m_fx.server());
        QVERIFY(db);
        quire::shared::Result<QSqlQuery> q = (*db)->exec(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n"));
        QVERIFY(q);
        QList<qint64> seen;
        while (q->next()) {
            seen << q->value(0).toLongLong();
            const quire::shared::Result<QVariant> other = (*db)->scalar(QStringLiteral("SELECT count(*) FROM users"));
            QVERIFY(other && other->toLongLong() > 0);
            QVERIFY((*db)->run(QStringLiteral("SELECT 1")));
        }
        QCOMPARE(seen, (QList<qint64> { 1, 2, 3, 4, 5 }));
    }

    // Lists are answered from a per-worker cache while the synced data is
    // unchanged: a write shows at once, and one caller's view is never
    // served to another who may see less.
    void keptAnswersFollowWritesAndViewers()
    {
        const QString path = QStringLiteral("/api/v1/guides?q=Keptanswer&total=true");
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 4; ++i) // both workers, more than once
                QCOMPARE_JSON(m_fx.call("GET", path, m_editor).json()["total"], round);
            QVERIFY(!createArticle(m_other, { { "title", QStringLiteral("Keptanswer %1").arg(round).toStdString() } })
                         .isEmpty());
        }
        QCOMPARE_JSON(m_fx.call("GET", path, m_editor).json()["total"], 3);
        QCOMPARE_JSON(m_fx.call("GET", path, m_other).json()["total"], 3); // their own drafts
        QCOMPARE_JSON(m_fx.call("GET", path, m_author).json()["total"], 0); // someone else's drafts
        const nlohmann::json dashboard = m_fx.call("GET", QStringLiteral("/api/v1/dashboard/data"), m_author).json();
        QVERIFY(createArticle(m_author, { { "title", "Keptanswer mine" } }).size() > 0);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/dashboard/data"), m_author).json()["drafts"].size(),
                 dashboard["drafts"].size() + 1);
    }

    void listFilterSearchSort()
    {
        const HttpResult cat = m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_admin,
                                         json({ { "name", "Espresso" }, { "slug", "espresso" } }));
        QCOMPARE(cat.status, 201);
        const std::string catId = cat.json()["id"];
        for (int i = 0; i < 25; ++i) {
            nlohmann::json fields { { "title",
                                      QStringLiteral("Listing %1").arg(i, 2, 10, QLatin1Char('0')).toStdString() },
                                    { "body", i % 5 == 0 ? "crema and tamping" : "plain words" },
                                    { "tags", i % 2 == 0 ? nlohmann::json({ "even" }) : nlohmann::json({ "odd" }) } };
            if (i < 3)
                fields["categories"] = { catId };
            QVERIFY(!createArticle(m_other, fields).isEmpty());
        }
        HttpResult r
            = m_fx.call("GET", QStringLiteral("/api/v1/guides?per_page=10&sort=title&author=&total=true"), m_other);
        QCOMPARE(r.status, 200);
        nlohmann::json page = r.json();
        QCOMPARE(page["items"].size(), size_t(10));
        QVERIFY(page["total"].get<int>() >= 25);
        QVERIFY(!page["items"][0].contains("body"));
        r = m_fx.call("GET", QStringLiteral("/api/v1/guides?tag=EVEN&per_page=100&total=true"), m_other);
        QCOMPARE_JSON(r.json()["total"], 13);
        r = m_fx.call("GET", QStringLiteral("/api/v1/guides?q=tamping&per_page=100&total=true"), m_other);
        QCOMPARE_JSON(r.json()["total"], 5);
        r = m_fx.call("GET", QStringLiteral("/api/v1/guides?category=espresso&total=true"), m_other);
        QCOMPARE_JSON(r.json()["total"], 3);
        r = m_fx.call("GET", QStringLiteral("/api/v1/guides?sort=title&order=asc&per_page=2&page=2&q=Listing"),
                      m_other);
        QCOMPARE_JSON(r.json()["items"][0]["title"], "Listing 02");
        // The author sees only theirs and published ones.
        r = m_fx.call("GET", QStringLiteral("/api/v1/guides?q=Listing&total=true"), m_author);
        QCOMPARE_JSON(r.json()["total"], 0);
        // Bad parameters are named.
        r = m_fx.call("GET", QStringLiteral("/api/v1/guides?per_page=1000&sort=colour"), m_other);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()["error"]["fields"].contains("per_page"));
        QVERIFY(r.json()["error"]["fields"].contains("sort"));
        // Tags with counts.
        r = m_fx.call("GET", QStringLiteral("/api/v1/tags"), m_other);
        QCOMPARE(r.status, 200);
        bool sawEven = false;
        const nlohmann::json list_ = r.json()["items"];
        for (const auto &t : list_)
            sawEven = sawEven || (t["tag"] == "even" && t["count"] == 13);
        QVERIFY2(sawEven, r.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestContentApi)
#include "tst_contentapi.moc"
