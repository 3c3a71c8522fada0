// SPDX-License-Identifier: GPL-3.0-or-later
// The publishing API against a real quire-server over TLS: articles,
// revisions, categories, tags, saved items and the dashboard, with the role
// checks and the failure answers.
#include "server/articles/schedulepublisher.h"
#include "shared/database.h"
#include "shared/synctable.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"
#include "tests/server/accounts/accountfixture.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using quire::test::AccountFixture;
using quire::test::HttpResult;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple 42");

// nlohmann::json values are compared as JSON, and shown as JSON when they differ.
#define QCOMPARE_JSON(actual, expected)                                                                                \
    do {                                                                                                               \
        const nlohmann::json a_ = (actual);                                                                            \
        const nlohmann::json e_ = (expected);                                                                          \
        QVERIFY2(a_ == e_, (a_.dump() + " != " + e_.dump()).c_str());                                                  \
    } while (false)

QByteArray json(const nlohmann::json &j)
{
    return QByteArray::fromStdString(j.dump());
}

} // namespace

class TestContentApi : public QObject
{
    Q_OBJECT

private:
    AccountFixture m_fx;
    QByteArray m_admin, m_editor, m_author, m_other, m_reader;

    QString createArticle(const QByteArray &token, const nlohmann::json &fields,
                          const QString &collection = QStringLiteral("guides"))
    {
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/") + collection, token, json(fields));
        if (r.status != 201) {
            qWarning("create: %d %s", r.status, r.body.constData());
            return {};
        }
        return QString::fromStdString(r.json()["id"].get<std::string>());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.start());
        const QList<QPair<QString, QString>> users { { QStringLiteral("admin@example.org"), QStringLiteral("admin") },
                                                     { QStringLiteral("editor@example.org"), QStringLiteral("editor") },
                                                     { QStringLiteral("author@example.org"), QStringLiteral("author") },
                                                     { QStringLiteral("other@example.org"), QStringLiteral("author") },
                                                     { QStringLiteral("reader@example.org"),
                                                       QStringLiteral("reader") } };
        for (const auto &[email, role] : users)
            QVERIFY(m_fx.createUser(email, role, kPassword));
        m_admin = m_fx.token(QStringLiteral("admin@example.org"), kPassword);
        m_editor = m_fx.token(QStringLiteral("editor@example.org"), kPassword);
        m_author = m_fx.token(QStringLiteral("author@example.org"), kPassword);
        m_other = m_fx.token(QStringLiteral("other@example.org"), kPassword);
        m_reader = m_fx.token(QStringLiteral("reader@example.org"), kPassword);
        QVERIFY(!m_admin.isEmpty() && !m_editor.isEmpty() && !m_author.isEmpty() && !m_reader.isEmpty());
    }

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
        const nlohmann::json push { { "client_id", quire::shared::Uuid::createV7().toStdString() },
                                    { "schema_version", 2 },
                                    { "acked", 0 },
                                    { "mutations",
                                      { { { "id", 1 },
                                          { "table", "articles" },
                                          { "row_id", id.toStdString() },
                                          { "op", "upsert" },
                                          { "fields", nlohmann::json::parse(body.toStdString()) },
                                          { "base_rev", 0 },
                                          { "base", nlohmann::json::object() } } } } };
        const HttpResult pushed
            = m_fx.call("POST", QStringLiteral("/api/v1/sync/push"), tokens.value(caller), json(push));
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
        auto db = quire::shared::Database::openSqlite(m_fx.server().dataDir() + QStringLiteral("/quire.db"));
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

    void revisionsCompareRestore()
    {
        const QString id = createArticle(m_author, { { "title", "Versions" }, { "body", "one\ntwo\nthree\n" } });
        QVERIFY(!id.isEmpty());
        const QString base = QStringLiteral("/api/v1/guides/") + id;
        QCOMPARE(m_fx.call("PATCH", base, m_author, json({ { "body", "one\n2\nthree\nfour\n" } })).status, 200);
        QCOMPARE(m_fx.call("PATCH", base, m_author, json({ { "title", "Versions, again" } })).status, 200);
        // Every stored revision (the list groups them by editing session).
        HttpResult r = m_fx.call("GET", base + QStringLiteral("/revisions?each=true"), m_author);
        QCOMPARE(r.status, 200);
        const nlohmann::json revs = r.json()["items"];
        QCOMPARE(revs.size(), size_t(3));
        const qint64 first = revs[2]["rev"];
        const qint64 second = revs[1]["rev"];
        QCOMPARE_JSON(revs[0]["title"], "Versions, again");
        QCOMPARE_JSON(revs[2]["via"], "api");

        r = m_fx.call("GET", base + QStringLiteral("/revisions/%1").arg(first), m_author);
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["article"]["body"], "one\ntwo\nthree\n");

        r = m_fx.call("GET", base + QStringLiteral("/revisions/compare?from=%1&to=%2").arg(first).arg(second),
                      m_author);
        QCOMPARE(r.status, 200);
        QStringList ops;
        const nlohmann::json list_ = r.json()["body"];
        for (const auto &l : list_)
            ops << QString::fromStdString(l["op"].get<std::string>() + ":" + l["text"].get<std::string>());
        QCOMPARE(ops,
                 QStringList({ QStringLiteral("same:one"), QStringLiteral("removed:two"), QStringLiteral("added:2"),
                               QStringLiteral("same:three"), QStringLiteral("added:four"), QStringLiteral("same:") }));

        r = m_fx.call("POST", base + QStringLiteral("/revisions/%1/restore").arg(first), m_author);
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["body"], "one\ntwo\nthree\n");
        QCOMPARE_JSON(r.json()["title"], "Versions");
        // Restoring is a revision too.
        QCOMPARE(m_fx.call("GET", base + QStringLiteral("/revisions?each=true"), m_author).json()["items"].size(),
                 size_t(4));

        // Not theirs: no history either; unknown revisions are 404.
        QCOMPARE(m_fx.call("GET", base + QStringLiteral("/revisions"), m_other).status, 404);
        QCOMPARE(m_fx.call("GET", base + QStringLiteral("/revisions/999999"), m_author).status, 404);
        QCOMPARE(m_fx.call("POST", base + QStringLiteral("/revisions/999999/restore"), m_author).status, 404);
        QCOMPARE(m_fx.call("GET", base + QStringLiteral("/revisions/compare?from=x"), m_author).status, 400);
    }

    // The history lists editing sessions, not autosaves: a session ends after
    // a pause, on publish, on "Save version" and when someone else edits; each
    // says who, when and how much changed, and every revision stays stored.
    void revisionSessions()
    {
        const QString id = createArticle(
            m_editor, { { "title", "Sessions" }, { "slug", "sessions" }, { "body", "one two three\n" } });
        QVERIFY(!id.isEmpty());
        const QString base = QStringLiteral("/api/v1/guides/") + id;
        const auto patch = [&](const QByteArray &token, const nlohmann::json &fields) {
            const HttpResult r = m_fx.call("PATCH", base, token, json(fields));
            QVERIFY2(r.status == 200, r.body.constData());
        };
        const auto sessions = [&] {
            const HttpResult r = m_fx.call("GET", base + QStringLiteral("/revisions"), m_editor);
            return r.status == 200 ? r.json()["items"] : nlohmann::json::array();
        };
        // Autosaves seconds apart: one session.
        patch(m_editor, { { "body", "one two three four\n" } });
        patch(m_editor, { { "body", "one two three four five\n" } });
        nlohmann::json s = sessions();
        QCOMPARE(s.size(), size_t(1));
        QCOMPARE_JSON(s[0]["revisions"], 3);
        QCOMPARE_JSON(s[0]["words_added"], 5);
        QCOMPARE_JSON(s[0]["words_removed"], 0);
        const nlohmann::json editor = s[0]["author"]["id"];
        QVERIFY(!editor.get<std::string>().empty());
        QVERIFY(s[0]["first_rev"].get<qint64>() < s[0]["rev"].get<qint64>());

        // A pause longer than ten minutes: the next edit starts a session.
        auto db = quire::shared::Database::openSqlite(m_fx.server().dataDir() + QStringLiteral("/quire.db"));
        QVERIFY(db);
        QVERIFY((*db)->run(QStringLiteral("UPDATE sync_revisions SET created_at = ? WHERE row_id = ?"),
                           { QStringLiteral("2020-01-01T00:00:00.000Z"), id }));
        patch(m_editor, { { "body", "one 2 three four five\n" } });
        s = sessions();
        QCOMPARE(s.size(), size_t(2));
        QCOMPARE_JSON(s[0]["revisions"], 1);
        QCOMPARE_JSON(s[0]["words_added"], 1); // "2" for "two", not the whole line again
        QCOMPARE_JSON(s[0]["words_removed"], 1);

        // "Save version" ends the session; the next edit starts another.
        HttpResult r = m_fx.call("POST", base + QStringLiteral("/revisions/save"), m_editor);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["rev"], s[0]["rev"]);
        patch(m_editor, { { "title", "Sessions, again" } });
        s = sessions();
        QCOMPARE(s.size(), size_t(3));
        QCOMPARE_JSON(s[1]["saved"], true);
        QCOMPARE_JSON(s[0]["saved"], false);

        // Publishing ends the session it belongs to.
        patch(m_editor, { { "status", "published" } });
        patch(m_editor, { { "summary", "After publishing." } });
        s = sessions();
        QCOMPARE(s.size(), size_t(4));
        QCOMPARE_JSON(s[1]["published"], true);
        QCOMPARE_JSON(s[1]["revisions"], 2);

        // Someone else's edit is their own session, named after them.
        patch(m_admin, { { "summary", "Checked." } });
        s = sessions();
        QCOMPARE(s.size(), size_t(5));
        QVERIFY(s[0]["author"]["id"] != editor);
        QCOMPARE_JSON(s[1]["author"]["id"], editor);

        // Every revision is still stored, and a session's revision opens.
        r = m_fx.call("GET", base + QStringLiteral("/revisions?each=true"), m_editor);
        QCOMPARE(r.json()["items"].size(), size_t(8));
        QCOMPARE(
            m_fx.call("GET", base + QStringLiteral("/revisions/%1").arg(s[2]["rev"].get<qint64>()), m_editor).status,
            200);
        // Keeping a version needs the right to write.
        QCOMPARE(m_fx.call("POST", base + QStringLiteral("/revisions/save"), m_reader).status, 403);
    }

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
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(m_fx.server().dataDir() + QStringLiteral("/quire.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'preview_secret'")) && q.next());
        const QByteArray key = QByteArray::fromHex(q.value(0).toString().toLatin1());
        q.finish();
        db.close();
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

QTEST_GUILESS_MAIN(TestContentApi)
#include "tst_contentapi.moc"
