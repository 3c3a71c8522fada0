// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/core/articlequery.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/searchindexer.h"
#include "desktop/core/syncstore.h"
#include "shared/database.h"
#include "shared/synctable.h"
#include "shared/uuid.h"
#include "tests/desktop/localreplica.h"

#include <QTest>

using namespace quire::desktop;

// Searching the replica: ranked full-text matches, filters, input that is
// never query syntax, and the index catching up in steps.
class TestArticleQuery : public QObject
{
    Q_OBJECT
private:
    quire::test::LocalReplica m_local;
    const QString m_owner = quire::shared::Uuid::createV7();

    QStringList titles(const ArticleQuery &q)
    {
        QStringList out;
        const auto rows = q.run(m_local.database());
        if (rows) {
            for (const ArticleSummary &a : *rows)
                out << a.title;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_local.open());
        const auto add = [this](const char *title, const char *body, const char *kind) {
            return m_local.content
                ->create(ContentStore::articles(), { { "title", title }, { "body", body }, { "kind", kind } }, m_owner)
                .ok();
        };
        QVERIFY(add("Brewing coffee", "Grind the beans fresh; water at 94 °C.", "guide"));
        QVERIFY(add("Tea at home", "Green tea wants cooler water than coffee.", "guide"));
        QVERIFY(add("Café rollout", "How a café chain moved to Quire.", "case_study"));
        QVERIFY(add("Bread", "Flour, water, salt, time.", "guide"));
    }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("one word, ranked: title first")
            << QStringLiteral("coffee") << QStringLiteral("")
            << QStringList { QStringLiteral("Brewing coffee"), QStringLiteral("Tea at home") };
        QTest::newRow("prefix") << QStringLiteral("brew") << QStringLiteral("")
                                << QStringList { QStringLiteral("Brewing coffee") };
        QTest::newRow("diacritics folded")
            << QStringLiteral("cafe") << QStringLiteral("") << QStringList { QStringLiteral("Café rollout") };
        QTest::newRow("kind filter") << QStringLiteral("water") << QStringLiteral("guide")
                                     << QStringList { QStringLiteral("Brewing coffee"), QStringLiteral("Tea at home"),
                                                      QStringLiteral("Bread") };
        QTest::newRow("two words: both needed")
            << QStringLiteral("water salt") << QStringLiteral("") << QStringList { QStringLiteral("Bread") };
        QTest::newRow("syntax is just words")
            << QStringLiteral("\"water\" OR NEAR(salt") << QString() << QStringList {};
        QTest::newRow("nothing") << QStringLiteral("zebra") << QStringLiteral("") << QStringList {};
    }
    void search()
    {
        QFETCH(QString, text);
        QFETCH(QString, kind);
        QFETCH(QStringList, expected);
        ArticleQuery q;
        q.text = text;
        q.kind = kind;
        q.sort = ArticleQuery::Sort::Relevance;
        QStringList got = titles(q);
        if (text.contains(QLatin1Char(' ')) || !kind.isEmpty()) {
            got.sort();
            expected.sort();
        }
        QCOMPARE(got, expected);
    }

    // Category (with what is nested in it), tag (any case) and author filters, and sorting.
    void filtersAndSorting()
    {
        const quire::shared::SyncTable &categories = *quire::shared::SyncSchema::find(QStringLiteral("categories"));
        auto drinks = m_local.content->create(categories, { { "name", "Drinks" }, { "slug", "drinks" } }, m_owner);
        QVERIFY(drinks);
        auto hot = m_local.content->create(
            categories, { { "name", "Hot" }, { "slug", "hot" }, { "parent_id", drinks->toStdString() } }, m_owner);
        QVERIFY(hot);
        const QString other = quire::shared::Uuid::createV7();
        auto cocoa = m_local.content->create(ContentStore::articles(),
                                             { { "title", "Cocoa" },
                                               { "categories", quire::shared::listText({ *hot }).toStdString() },
                                               { "tags", R"(["Winter","sweet"])" } },
                                             other);
        QVERIFY(cocoa);
        auto lemonade = m_local.content->create(ContentStore::articles(),
                                                { { "title", "Lemonade" },
                                                  { "categories", quire::shared::listText({ *drinks }).toStdString() },
                                                  { "tags", R"(["summer","sweet"])" } },
                                                m_owner);
        QVERIFY(lemonade);

        ArticleQuery q;
        q.kind = QStringLiteral("guide");
        q.sort = ArticleQuery::Sort::Title;
        q.category = *drinks;
        QCOMPARE(titles(q), QStringList({ QStringLiteral("Cocoa"), QStringLiteral("Lemonade") }));
        q.category = *hot;
        QCOMPARE(titles(q), QStringList({ QStringLiteral("Cocoa") }));
        q.category.clear();
        q.tag = QStringLiteral("SWEET");
        QCOMPARE(titles(q), QStringList({ QStringLiteral("Cocoa"), QStringLiteral("Lemonade") }));
        q.tag = QStringLiteral("winter");
        QCOMPARE(titles(q), QStringList({ QStringLiteral("Cocoa") }));
        q.tag.clear();
        q.ownerId = other;
        QCOMPARE(titles(q), QStringList({ QStringLiteral("Cocoa") }));
        q.ownerId.clear();
        QCOMPARE(titles(q).first(), QStringLiteral("Bread")); // by title
        const auto tags = ArticleQuery::knownTags(m_local.database(), QStringLiteral("guide"));
        QVERIFY(tags);
        QCOMPARE(tags->first(), QStringLiteral("sweet")); // most used first
        QVERIFY(tags->contains(QStringLiteral("Winter")));
        QVERIFY(m_local.content->remove(ContentStore::articles(), *cocoa));
        QVERIFY(m_local.content->remove(ContentStore::articles(), *lemonade));
    }

    void editsAndDeletesReachTheIndex()
    {
        ArticleQuery q;
        q.text = QStringLiteral("sourdough");
        QVERIFY(titles(q).isEmpty());
        const auto rows = ArticleQuery {}.run(m_local.database());
        QVERIFY(rows);
        QString bread;
        for (const ArticleSummary &a : *rows) {
            if (a.title == QLatin1String("Bread"))
                bread = a.id;
        }
        QVERIFY(m_local.content->update(ContentStore::articles(), bread, { { "body", "A sourdough loaf." } }));
        QCOMPARE(titles(q), QStringList { QStringLiteral("Bread") });
        QVERIFY(m_local.content->remove(ContentStore::articles(), bread));
        QVERIFY(titles(q).isEmpty());
    }

    void theIndexCatchesUpInSteps()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY(m_local.content->create(ContentStore::articles(), { { "title", "Step " + std::to_string(i) } },
                                            m_owner));
        auto &db = m_local.database();
        qint64 from = 0;
        auto done = SearchIndexer::catchUpSome(db, 2, from);
        QVERIFY(done);
        QVERIFY(!*done);
        int steps = 1;
        while (!*done && steps < 20) {
            done = SearchIndexer::catchUpSome(db, 2, from);
            QVERIFY(done);
            ++steps;
        }
        QVERIFY(*done);
        QVERIFY(steps >= 3); // five rows, two a step
        QCOMPARE(db.scalar(QStringLiteral("SELECT value FROM replica_meta WHERE key = 'fts_stale'"))->toString(),
                 QStringLiteral("0"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM articles WHERE fts_dirty = 1"))->toInt(), 0);
        ArticleQuery q;
        q.text = QStringLiteral("step");
        QCOMPARE(titles(q).size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestArticleQuery)
#include "tst_articlequery.moc"
