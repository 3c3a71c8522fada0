// SPDX-License-Identifier: GPL-3.0-or-later
// Saved items of any declared type against the real server with the
// test-only type registered (quire-test-server, tests/conformance/testtype):
// an article, a category and a test note can be saved by id, through the
// API and through a replica's push alike; the server records the row's
// table; the list names each row by its table's label column; and nobody
// saves, or keeps seeing in their list, a row they may not read.
#include "shared/database.h"
#include "shared/uuid.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using quire::test::AccountFixture;
using quire::test::HttpResult;
using json = nlohmann::json;

namespace {
const QString kPassword = QStringLiteral("correct horse battery staple 42");

QByteArray body(const json &j)
{
    return QByteArray::fromStdString(j.dump());
}
} // namespace

class TestSavedItems : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;
    QHash<QString, QByteArray> m_tokens; // by role name: admin, one, two
    QHash<QString, QString> m_rows; // by row name, see initTestCase

    // A replica's push of one upsert; the mutation's result.
    json push(const QString &who, const QString &table, const QString &rowId, const json &fields)
    {
        const HttpResult r = m_fx.pushUpsert(m_tokens.value(who), table, rowId, fields);
        return r.status == 200 ? r.json()["results"][0] : json { { "status", r.status } };
    }

    // The caller's saved list, by item id.
    QHash<QString, json> saved(const QString &who)
    {
        const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/saved"), m_tokens.value(who));
        QHash<QString, json> out;
        const json items = r.json()["items"];
        for (const json &i : items)
            out.insert(QString::fromStdString(i["item_id"].get<std::string>()), i);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("QUIRE_SERVER_BINARY", QUIRE_TEST_SERVER_BINARY);
        QVERIFY(m_fx.start());
        const QList<std::pair<const char *, const char *>> users { { "admin", "admin" },
                                                                   { "one", "author" },
                                                                   { "two", "author" } };
        for (const auto &[name, role] : users) {
            const QString email = QString::fromLatin1(name) + QStringLiteral("@example.org");
            QVERIFY(m_fx.createUser(email, QString::fromLatin1(role), kPassword));
            m_tokens.insert(QString::fromLatin1(name), m_fx.token(email, kPassword));
            QVERIFY(!m_tokens.value(QString::fromLatin1(name)).isEmpty());
        }
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/guides"), m_tokens.value(QStringLiteral("admin")),
                                 body({ { "title", "Worth saving" }, { "slug", "worth-saving" } }));
        QCOMPARE(r.status, 201);
        m_rows.insert(QStringLiteral("article"), QString::fromStdString(r.json()["id"]));
        QCOMPARE(m_fx.call("POST",
                           QStringLiteral("/api/v1/guides/%1/publish").arg(m_rows.value(QStringLiteral("article"))),
                           m_tokens.value(QStringLiteral("admin")))
                     .status,
                 200);
        r = m_fx.call("POST", QStringLiteral("/api/v1/guides"), m_tokens.value(QStringLiteral("admin")),
                      body({ { "title", "Not yet" } }));
        QCOMPARE(r.status, 201);
        m_rows.insert(QStringLiteral("draft"), QString::fromStdString(r.json()["id"]));
        r = m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_tokens.value(QStringLiteral("admin")),
                      body({ { "name", "Grinders" }, { "slug", "grinders" } }));
        QCOMPARE(r.status, 201);
        m_rows.insert(QStringLiteral("category"), QString::fromStdString(r.json()["id"]));
        // Test notes are private to their owner (OwnerOnlyAccess).
        for (const QString &owner : { QStringLiteral("one"), QStringLiteral("two") }) {
            const QString id = quire::shared::Uuid::createV7();
            const json result = push(owner, QStringLiteral("test_notes"), id,
                                     { { "title", QStringLiteral("Note of %1").arg(owner).toStdString() } });
            QVERIFY2(result.value("outcome", std::string()) == "applied", result.dump().c_str());
            m_rows.insert(QStringLiteral("note of ") + owner, id);
        }
    }

    void savesWhatTheSaverMayRead_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<bool>("viaPush"); // as a replica does, else POST /api/v1/saved
        QTest::addColumn<QString>("table"); // empty: refused as not found
        QTest::addColumn<QString>("title");
        QTest::newRow("article") << QStringLiteral("article") << false << QStringLiteral("articles")
                                 << QStringLiteral("Worth saving");
        QTest::newRow("category") << QStringLiteral("category") << false << QStringLiteral("categories")
                                  << QStringLiteral("Grinders");
        QTest::newRow("own note") << QStringLiteral("note of one") << false << QStringLiteral("test_notes")
                                  << QStringLiteral("Note of one");
        QTest::newRow("own note, pushed")
            << QStringLiteral("note of one") << true << QStringLiteral("test_notes") << QStringLiteral("Note of one");
        QTest::newRow("category, pushed")
            << QStringLiteral("category") << true << QStringLiteral("categories") << QStringLiteral("Grinders");
        QTest::newRow("another's note") << QStringLiteral("note of two") << false << QString() << QString();
        QTest::newRow("another's note, pushed") << QStringLiteral("note of two") << true << QString() << QString();
        QTest::newRow("another's draft") << QStringLiteral("draft") << false << QString() << QString();
        QTest::newRow("nothing") << QStringLiteral("nothing") << false << QString() << QString();
    }

    void savesWhatTheSaverMayRead()
    {
        QFETCH(QString, row);
        QFETCH(bool, viaPush);
        QFETCH(QString, table);
        QFETCH(QString, title);
        const QString id = m_rows.value(row, quire::shared::Uuid::createV7());
        QVERIFY(m_fx.call("DELETE", QStringLiteral("/api/v1/saved/") + id, m_tokens.value(QStringLiteral("one"))).status
                == 204);
        if (viaPush) {
            // An old client's push: it names only the row.
            const json result = push(QStringLiteral("one"), QStringLiteral("saved_items"),
                                     quire::shared::Uuid::createV7(), { { "article_id", id.toStdString() } });
            QCOMPARE(QString::fromStdString(result.value("outcome", std::string())),
                     table.isEmpty() ? QStringLiteral("rejected") : QStringLiteral("applied"));
            if (table.isEmpty())
                QCOMPARE(QString::fromStdString(result["reason"]["code"].get<std::string>()),
                         QStringLiteral("not_found"));
        } else {
            const HttpResult r
                = m_fx.call("POST", QStringLiteral("/api/v1/saved"), m_tokens.value(QStringLiteral("one")),
                            body({ { "item_id", id.toStdString() } }));
            QCOMPARE(r.status, table.isEmpty() ? 404 : 201);
        }
        const QHash<QString, json> list = saved(QStringLiteral("one"));
        QCOMPARE(list.contains(id), !table.isEmpty());
        if (table.isEmpty())
            return;
        const json item = list.value(id);
        QCOMPARE(QString::fromStdString(item["item_table"].get<std::string>()), table);
        QCOMPARE(QString::fromStdString(item["title"].get<std::string>()), title);
        QCOMPARE(QString::fromStdString(item["article_id"].get<std::string>()), id);
        // Only an article has a page on the readers' site.
        QCOMPARE(item.contains("url"), table == QLatin1String("articles"));
        // Nobody else sees it.
        QVERIFY(!saved(QStringLiteral("two")).contains(id));
    }

    // A database from before saved items named their table: its rows are
    // articles, and the column the declaration adds says so.
    void olderSavedArticlesKeepWorking()
    {
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/guides"), m_tokens.value(QStringLiteral("admin")),
                                 body({ { "title", "Kept through upgrades" }, { "slug", "kept" } }));
        QCOMPARE(r.status, 201);
        const QString id = QString::fromStdString(r.json()["id"]);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id),
                           m_tokens.value(QStringLiteral("admin")))
                     .status,
                 200);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/saved"), m_tokens.value(QStringLiteral("two")),
                           body({ { "article_id", id.toStdString() } }))
                     .status,
                 201);
        {
            auto db = quire::test::TestDatabase::open(m_fx.server());
            QVERIFY(db);
            QVERIFY((*db)->run(QStringLiteral("ALTER TABLE saved_items DROP COLUMN item_table")));
        }
        QVERIFY(m_fx.restart());
        m_tokens.insert(QStringLiteral("two"), m_fx.token(QStringLiteral("two@example.org"), kPassword));
        const QHash<QString, json> list = saved(QStringLiteral("two"));
        QVERIFY(list.contains(id));
        QCOMPARE(QString::fromStdString(list.value(id)["item_table"].get<std::string>()), QStringLiteral("articles"));
        QCOMPARE(QString::fromStdString(list.value(id)["url"].get<std::string>()), QStringLiteral("/guides/kept"));
    }

    // A row that can no longer be read leaves the list.
    void theListFollowsAccess()
    {
        const QString category = m_rows.value(QStringLiteral("category"));
        const QString article = m_rows.value(QStringLiteral("article"));
        for (const QString &id : { category, article }) {
            const int status = m_fx.call("POST", QStringLiteral("/api/v1/saved"), m_tokens.value(QStringLiteral("two")),
                                         body({ { "article_id", id.toStdString() } }))
                                   .status;
            QVERIFY(status == 201 || status == 200);
        }
        QVERIFY(saved(QStringLiteral("two")).contains(category));
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/unpublish").arg(article),
                           m_tokens.value(QStringLiteral("admin")))
                     .status,
                 200);
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/categories/") + category,
                           m_tokens.value(QStringLiteral("admin")))
                     .status,
                 204);
        const QHash<QString, json> list = saved(QStringLiteral("two"));
        QVERIFY(!list.contains(category));
        QVERIFY(!list.contains(article));
    }
};

QTEST_GUILESS_MAIN(TestSavedItems)
#include "tst_saveditems.moc"
