// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/synctable.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using quire::test::ServerProcess;
using quire::test::TestDatabase;

namespace {

// A declared table of its own with two counted columns, so the counts are
// proven on what the declaration derives and not on a feature's table.
shared::SyncTable tallies()
{
    return { .name = QStringLiteral("tallies"),
             .columns = {
                 { .name = QStringLiteral("status"), .defaultValue = QStringLiteral("draft"), .counted = true },
                 { .name = QStringLiteral("kind"), .defaultValue = QStringLiteral("note"), .counted = true },
                 { .name = QStringLiteral("body") },
             } };
}

} // namespace

// The kept-up-to-date counts of counted columns (<table>_counts), on the
// engine the tests run on: bulk statements (many rows each, rows moving
// between counted values both ways in one statement) leave them equal to a
// fresh count of the live rows. On PostgreSQL they are kept per statement
// (transition tables); a row-level trigger made bulk inserts quadratic.
class TestDeclaredCounts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<shared::Database> m_db;
    const shared::SyncTable m_table = tallies();

    QStringList rows(const QString &sql)
    {
        auto q = m_db->exec(sql);
        if (!q)
            return { QStringLiteral("error: ") + q.error().message };
        QStringList out;
        while (q->next())
            out << QStringLiteral("%1|%2|%3")
                       .arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString());
        out.sort();
        return out;
    }

    QStringList kept() { return rows(QStringLiteral("SELECT status, kind, n FROM tallies_counts WHERE n > 0")); }
    QStringList counted()
    {
        return rows(
            QStringLiteral("SELECT status, kind, count(*) FROM tallies WHERE deleted = 0 GROUP BY status, kind"));
    }

    // What identifies each count row's current version (PostgreSQL's xmin
    // changes with every update of the row).
    QStringList versions() { return rows(QStringLiteral("SELECT status, kind, xmin::text FROM tallies_counts")); }

    // Row-level triggers on the table (none of ours keeps counts per row).
    qint64 rowTriggers()
    {
        auto n = m_db->scalar(QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'tallies'::regclass "
                                             "AND NOT tgisinternal AND (tgtype & 1) = 1"));
        return n ? n->toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = TestDatabase::openDataDir(m_dir->path());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = std::move(*db);
        const shared::DeclaredSchema schema(shared::DeclaredSchema::Side::Server);
        QVERIFY(schema.apply(*m_db).ok());
        QVERIFY(schema.apply(*m_db, m_table).ok());
    }

    void cleanup()
    {
        m_db.reset();
        if (m_dir)
            ServerProcess::dropDatabaseOf(m_dir->path());
        m_dir.reset();
    }

    void countsFollowBulkStatements()
    {
        // One INSERT of many rows over several groups, a tombstone among them.
        const QStringList statuses { QStringLiteral("draft"), QStringLiteral("review"), QStringLiteral("published") };
        QStringList values;
        QVariantList binds;
        for (int i = 0; i < 300; ++i) {
            values << QStringLiteral("(?, ?, ?, ?, 1, ?)");
            binds << QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0')) << statuses.at(i % 3)
                  << (i % 2 ? QStringLiteral("note") : QStringLiteral("page")) << QStringLiteral("body %1").arg(i)
                  << (i % 50 == 7 ? 1 : 0);
        }
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO tallies (id, status, kind, body, rev, deleted) VALUES ")
                              + values.join(QLatin1String(", ")),
                          binds)
                    .ok());
        QCOMPARE(kept().size(), 6);
        QCOMPARE(kept(), counted());

        // Rows moving between counted values both ways in one statement
        // (drafts become published, published become drafts), one group's
        // rows changing kind, and deletions and undeletions.
        QVERIFY(m_db->run(QStringLiteral("UPDATE tallies SET status = CASE status WHEN 'draft' THEN 'published' "
                                         "WHEN 'published' THEN 'draft' ELSE status END, rev = rev + 1 WHERE id < "
                                         "'r200'"))
                    .ok());
        QCOMPARE(kept(), counted());
        QVERIFY(
            m_db->run(QStringLiteral("UPDATE tallies SET kind = 'page' WHERE status = 'review' AND id > 'r100'")).ok());
        QCOMPARE(kept(), counted());
        QVERIFY(m_db->run(QStringLiteral("UPDATE tallies SET deleted = 1 - deleted WHERE id LIKE 'r_0_'")).ok());
        QCOMPARE(kept(), counted());

        // An edit of what is not counted changes no count row.
        const QStringList before = TestDatabase::onPostgres() ? versions() : QStringList();
        QVERIFY(m_db->run(QStringLiteral("UPDATE tallies SET body = body || ' edited', rev = rev + 1")).ok());
        QCOMPARE(kept(), counted());
        if (TestDatabase::onPostgres())
            QCOMPARE(versions(), before);

        // Deleted outright (retention forgetting rows), tombstones among them.
        QVERIFY(m_db->run(QStringLiteral("DELETE FROM tallies WHERE id > 'r150'")).ok());
        QCOMPARE(kept(), counted());
        QVERIFY(!kept().isEmpty());
        QVERIFY(m_db->run(QStringLiteral("DELETE FROM tallies")).ok());
        QCOMPARE(kept(), QStringList());
    }

    // A database made by an earlier build kept its counts with row-level
    // triggers: applying the declaration replaces them (the changed
    // function is dropped with its triggers) and rebuilds the counts.
    void rowLevelTriggersOfEarlierBuildsAreReplaced()
    {
        if (!TestDatabase::onPostgres())
            QSKIP("PostgreSQL's trigger objects");
        QCOMPARE(rowTriggers(), 0);
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO tallies (id, status, kind, rev) VALUES ('a', 'draft', 'note', "
                                         "1), ('b', 'review', 'note', 1)"))
                    .ok());
        // What the earlier build left: a row-level trigger on the function,
        // recorded under another definition, and counts gone wrong.
        QVERIFY(m_db->run(QStringLiteral("CREATE TRIGGER tallies_counts_keep AFTER INSERT OR DELETE ON tallies FOR "
                                         "EACH ROW EXECUTE FUNCTION tallies_counts_keep()"))
                    .ok());
        QVERIFY(m_db->run(QStringLiteral("UPDATE quire_declared_objects SET definition = 'row level' WHERE type = "
                                         "'function' AND name = 'tallies_counts_keep'"))
                    .ok());
        QVERIFY(m_db->run(QStringLiteral("UPDATE tallies_counts SET n = 40")).ok());
        QCOMPARE(rowTriggers(), 1);

        QVERIFY(shared::DeclaredSchema(shared::DeclaredSchema::Side::Server).apply(*m_db, m_table).ok());
        QCOMPARE(rowTriggers(), 0);
        QCOMPARE(kept(), counted());
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO tallies (id, status, kind, rev) VALUES ('c', 'draft', 'note', "
                                         "1)"))
                    .ok());
        QCOMPARE(kept(), counted());
        auto differences = shared::DeclaredSchema(shared::DeclaredSchema::Side::Server).differences(*m_db, m_table);
        QVERIFY(differences.ok());
        QCOMPARE(*differences, QStringList());
    }
};

QTEST_GUILESS_MAIN(TestDeclaredCounts)
#include "tst_declaredcounts.moc"
