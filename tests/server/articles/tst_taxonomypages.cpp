// SPDX-License-Identifier: GPL-3.0-or-later
// Tags and categories against a real quire-server, read through the item
// tables the declared schema keeps (no JSON parsed in SQL): the tag list
// with counts and spelling, tag pages (any case, trimmed), category pages
// with nested categories, an article's category links in its own order,
// and the readers' search ranking; drafts, deleted articles and deleted
// categories never show.
#include "tests/server/accounts/accountfixture.h"

#include <QTest>

using quire::test::AccountFixture;
using quire::test::HttpResult;
using json = nlohmann::json;

Q_DECLARE_METATYPE(json)

namespace {
const QString kPassword = QStringLiteral("correct horse battery staple 42");

QByteArray body(const json &j)
{
    return QByteArray::fromStdString(j.dump());
}
} // namespace

class TestTaxonomyPages : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;
    QByteArray m_admin;
    QByteArray m_reader;

    QString create(const json &fields, bool publish)
    {
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/guides"), m_admin, body(fields));
        if (r.status != 201) {
            qWarning("create: %d %s", r.status, r.body.constData());
            return {};
        }
        const QString id = QString::fromStdString(r.json()["id"].get<std::string>());
        if (publish && m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id), m_admin).status != 200)
            return {};
        return id;
    }

    std::string category(const json &fields)
    {
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/categories"), m_admin, body(fields));
        return r.status == 201 ? r.json()["id"].get<std::string>() : std::string();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.start());
        QVERIFY(m_fx.createUser(QStringLiteral("admin@example.org"), QStringLiteral("admin"), kPassword));
        QVERIFY(m_fx.createUser(QStringLiteral("reader@example.org"), QStringLiteral("reader"), kPassword));
        m_admin = m_fx.token(QStringLiteral("admin@example.org"), kPassword);
        m_reader = m_fx.token(QStringLiteral("reader@example.org"), kPassword);
        QVERIFY(!m_admin.isEmpty() && !m_reader.isEmpty());

        const std::string brewing = category({ { "name", "Brewing" }, { "slug", "brewing" } });
        const std::string filter = category({ { "name", "Filter" }, { "slug", "filter" }, { "parent_id", brewing } });
        const std::string old = category({ { "name", "Old topic" }, { "slug", "old-topic" } });
        QVERIFY(!brewing.empty() && !filter.empty() && !old.empty());

        QVERIFY(!create({ { "title", "Alpha" },
                          { "slug", "alpha" },
                          { "tags", { "Espresso", "Milk" } },
                          { "categories", { filter, old, brewing } } },
                        true)
                     .isEmpty());
        QVERIFY(
            !create(
                 { { "title", "Beta" }, { "slug", "beta" }, { "tags", { "espresso" } }, { "categories", { brewing } } },
                 true)
                 .isEmpty());
        // A draft and a deleted article carry tags and categories too.
        QVERIFY(!create({ { "title", "Gamma" },
                          { "slug", "gamma" },
                          { "tags", { "Espresso", "Secret" } },
                          { "categories", { filter } } },
                        false)
                     .isEmpty());
        const QString deleted = create({ { "title", "Delta" },
                                         { "slug", "delta" },
                                         { "tags", { "espresso", "Gone" } },
                                         { "categories", { filter } } },
                                       true);
        QVERIFY(!deleted.isEmpty());
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/guides/") + deleted, m_admin).status, 204);
        // A category deleted after an article named it.
        QCOMPARE(
            m_fx.call("DELETE", QStringLiteral("/api/v1/categories/") + QString::fromStdString(old), m_admin).status,
            204);
    }

    // Each tag once, counted per article the caller may see, as written.
    void tagList_data()
    {
        QTest::addColumn<bool>("admin");
        QTest::addColumn<json>("expected"); // [tag, count] in the answer's order
        QTest::newRow("reader: published only") << false << json::parse(R"([["Espresso", 2], ["Milk", 1]])");
        QTest::newRow("admin: drafts too") << true << json::parse(R"([["Espresso", 3], ["Milk", 1], ["Secret", 1]])");
    }

    void tagList()
    {
        QFETCH(bool, admin);
        QFETCH(json, expected);
        const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/tags"), admin ? m_admin : m_reader);
        QCOMPARE(r.status, 200);
        // Held: a range-for over a member of a temporary reads freed memory.
        const json items = r.json()["items"];
        json got = json::array();
        for (const json &t : items)
            got.push_back({ t["tag"], t["count"] });
        QCOMPARE(QString::fromStdString(got.dump()), QString::fromStdString(expected.dump()));
    }

    void topicPages_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("shown");
        QTest::addColumn<QStringList>("hidden");
        const QStringList all { QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma"),
                                QStringLiteral("delta") };
        QTest::newRow("tag") << QStringLiteral("/tags/espresso") << 200
                             << QStringList { QStringLiteral("alpha"), QStringLiteral("beta") }
                             << QStringList { QStringLiteral("gamma"), QStringLiteral("delta") };
        QTest::newRow("tag in capitals") << QStringLiteral("/tags/ESPRESSO") << 200
                                         << QStringList { QStringLiteral("alpha"), QStringLiteral("beta") }
                                         << QStringList { QStringLiteral("gamma"), QStringLiteral("delta") };
        QTest::newRow("tag with spaces") << QStringLiteral("/tags/%20Milk%20") << 200
                                         << QStringList { QStringLiteral("alpha") }
                                         << QStringList { QStringLiteral("beta") };
        QTest::newRow("tag of a draft only") << QStringLiteral("/tags/secret") << 404 << QStringList {} << all;
        QTest::newRow("tag of a deleted article only") << QStringLiteral("/tags/gone") << 404 << QStringList {} << all;
        QTest::newRow("category and its children") << QStringLiteral("/categories/brewing") << 200
                                                   << QStringList { QStringLiteral("alpha"), QStringLiteral("beta") }
                                                   << QStringList { QStringLiteral("gamma"), QStringLiteral("delta") };
        QTest::newRow("child category") << QStringLiteral("/categories/filter") << 200
                                        << QStringList { QStringLiteral("alpha") }
                                        << QStringList { QStringLiteral("beta"), QStringLiteral("gamma"),
                                                         QStringLiteral("delta") };
        QTest::newRow("deleted category") << QStringLiteral("/categories/old-topic") << 404 << QStringList {} << all;
    }

    void topicPages()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QStringList, shown);
        QFETCH(QStringList, hidden);
        const HttpResult r = m_fx.http().get(path);
        QCOMPARE(r.status, status);
        for (const QString &slug : shown)
            QVERIFY2(r.body.contains("href=\"/guides/" + slug.toLatin1() + "\""), qPrintable(slug));
        for (const QString &slug : hidden)
            QVERIFY2(!r.body.contains("href=\"/guides/" + slug.toLatin1() + "\""), qPrintable(slug));
    }

    // The article's categories in the order it lists them, live ones only.
    void articleCategoryLinks()
    {
        const HttpResult r = m_fx.http().get(QStringLiteral("/guides/alpha"));
        QCOMPARE(r.status, 200);
        const qsizetype filter = r.body.indexOf("class=\"category\" href=\"/categories/filter\"");
        const qsizetype brewing = r.body.indexOf("class=\"category\" href=\"/categories/brewing\"");
        QVERIFY(filter > 0);
        QVERIFY(brewing > filter);
        QVERIFY(!r.body.contains("/categories/old-topic"));
        QVERIFY(r.body.contains("href=\"/tags/espresso\""));
    }

    // A word in the title ranks above the same word in the summary, and
    // that above the body, whatever order the index keeps the columns in.
    void searchRanksByColumn()
    {
        QVERIFY(!create({ { "title", "Plain words" }, { "slug", "in-body" }, { "body", "lungo" } }, true).isEmpty());
        QVERIFY(
            !create({ { "title", "Other words" }, { "slug", "in-summary" }, { "summary", "lungo" } }, true).isEmpty());
        QVERIFY(!create({ { "title", "Lungo" }, { "slug", "in-title" } }, true).isEmpty());
        const HttpResult r = m_fx.http().get(QStringLiteral("/search?q=lungo"));
        QCOMPARE(r.status, 200);
        const qsizetype title = r.body.indexOf("href=\"/guides/in-title\"");
        const qsizetype summary = r.body.indexOf("href=\"/guides/in-summary\"");
        const qsizetype inBody = r.body.indexOf("href=\"/guides/in-body\"");
        QVERIFY2(title > 0 && summary > title && inBody > summary, r.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestTaxonomyPages)
#include "tst_taxonomypages.moc"
