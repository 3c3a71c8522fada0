// SPDX-License-Identifier: GPL-3.0-or-later
// A list searched for words should be driven by the full-text index on
// every engine: the matches found first and only they read and sorted, so
// that a word found nowhere costs nothing however many articles there are.
// Where it is not yet, the expected failures below say so.
#include "server/collections/collectionlisting.h"
#include "server/http/principal.h"
#include "server/sync/syncaccess.h"
#include "shared/database.h"
#include "shared/sqldialect.h"
#include "shared/synctable.h"
#include "tests/support/queryplan.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"

#include <QTest>
#include <QUrlQuery>

using quire::test::QueryPlan;
using quire::test::ServerProcess;
using quire::test::TestDatabase;

class TestSearchPlan : public QObject
{
    Q_OBJECT
private:
    ServerProcess m_server;

private Q_SLOTS:
    // Articles many of which share a word, a few of which share another,
    // indexed by the table's own triggers.
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        auto db = TestDatabase::open(m_server);
        QVERIFY(db.ok());
        quire::shared::Database &d = **db;
        const bool postgres = d.engine() == quire::shared::Database::Engine::Postgres;
        const auto fill = [&](int count, const QString &word) {
            return d.run(QStringLiteral("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < %1) "
                                        "INSERT INTO articles (id, title, body, status, owner_id, created_at, "
                                        "updated_at, rev, slug) SELECT '%2-' || n, 'Title ' || n, '%2 words ' || n, "
                                        "'draft', 'owner', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 0, "
                                        "'%2-' || n FROM g")
                             .arg(count)
                             .arg(word));
        };
        QVERIFY(fill(kCommon, QStringLiteral("common")));
        QVERIFY(fill(kRare, QStringLiteral("rare")));
        if (postgres) {
            // PostgreSQL weighs a lookup by key against reading the table
            // by its statistics: a table of a few thousand rows it rightly
            // reads whole, so it gets the size where the choice matters.
            QVERIFY(fill(kOthers, QStringLiteral("other")));
            QVERIFY(d.run(QStringLiteral("ANALYZE articles, articles_fts")));
        }
    }

    void searchStartsFromTheMatches_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("guides"); // through /guides, whose route fixes kind=guide
        QTest::addColumn<bool>("byKey"); // the matches looked up by key, or left to the engine
        QTest::addColumn<int>("rows");
        QTest::newRow("a word found nowhere") << QStringLiteral("q=zz") << false << true << 0;
        QTest::newRow("a rare word") << QStringLiteral("q=rare") << false << true << kRare;
        QTest::newRow("a rare word in guides") << QStringLiteral("q=rare") << true << true << kRare;
        QTest::newRow("oldest first") << QStringLiteral("q=rare&sort=created&order=asc") << false << true << kRare;
        // More matches than a lookup is worth: the walk fills a page soonest.
        QTest::newRow("a common word") << QStringLiteral("q=common&per_page=20") << true << false << 21;
    }

    // The statement a searched list sends (CollectionListing's, as a
    // writer sees it), sorted by a column and not by relevance, over
    // articles many of which share a word. Walking the sort index and
    // testing each row read every row for a word found nowhere (29 s at a
    // million articles on PostgreSQL, 0.3 s on SQLite); the walk is kept
    // only for words with many matches.
    void searchStartsFromTheMatches()
    {
        QFETCH(QString, query);
        QFETCH(bool, guides);
        QFETCH(bool, byKey);
        QFETCH(int, rows);
        auto db = TestDatabase::open(m_server);
        QVERIFY(db.ok());
        quire::shared::Database &d = **db;
        const quire::server::SyncAccess *access = quire::server::SyncAccess::find(QStringLiteral("articles"));
        QVERIFY(access);
        quire::server::Principal who;
        who.userId = QStringLiteral("owner");
        who.role = quire::shared::Role::Author;
        QHash<QString, QString> preset;
        if (guides)
            preset.insert(QStringLiteral("kind"), QStringLiteral("guide"));
        const auto statement
            = quire::server::CollectionListing(d, access->table(), *access).statement(who, QUrlQuery(query), preset);
        QVERIFY2(statement.ok(), qPrintable(statement.ok() ? QString() : statement.error().message));
        const auto plan = QueryPlan::of(d, statement->first, statement->second);
        auto found = d.exec(statement->first, statement->second);
        int count = 0;
        while (found && found->next())
            ++count;
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QVERIFY(found.ok());
        QCOMPARE(count, rows);
        // Few matches: the listing looks them up by key, and the step
        // reading the articles searches by rowid (SQLite) or id
        // (PostgreSQL), never walking a sort index (articles_by_updated,
        // articles_kind_by_updated). Many: the engine chooses.
        QCOMPARE(statement->first.contains(d.dialect().keyInList(QStringLiteral("t"))), byKey);
        if (!byKey)
            return;
        bool searchedByKey = false;
        for (const QueryPlan::Step &step : plan->steps()) {
            if (step.table == QLatin1String("t"))
                searchedByKey = step.columns.contains(QStringLiteral("rowid"))
                    || step.columns == QStringList { QStringLiteral("id") };
        }
        QVERIFY2(searchedByKey, qPrintable(plan->describe()));
    }

private:
    static constexpr int kCommon = 2500; // more than CollectionListing looks up by key
    static constexpr int kRare = 10;
    static constexpr int kOthers = 40'000;
};

QTEST_GUILESS_MAIN(TestSearchPlan)
#include "tst_searchplan.moc"
