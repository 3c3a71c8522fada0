// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/sqldialect.h"
#include "shared/synctable.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::shared;

namespace {

// A declared table of its own, so the dialect is proven on what the
// declaration derives (item table, full-text index) and not on a feature.
SyncTable notes()
{
    return { .name = QStringLiteral("notes"),
             .columns = {
                 { .name = QStringLiteral("title"), .searched = true, .sortKey = QStringLiteral("title") },
                 { .name = QStringLiteral("summary"), .searched = true },
                 { .name = QStringLiteral("body"), .type = ColumnType::Markdown, .searched = true },
                 { .name = QStringLiteral("tags"),
                   .type = ColumnType::List,
                   .merge = MergeRule::SetUnion,
                   .defaultValue = QStringLiteral("[]"),
                   .filterKey = QStringLiteral("tag") },
             } };
}

// A list of texts (QT_NO_CAST_FROM_ASCII: no implicit const char * to QString).
QStringList texts(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

} // namespace

// Every function of the SQLite dialect, run against a real database: what
// each piece of SQL it spells selects, orders or writes.
class TestSqlDialect : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    const SqlDialect &m_sql = SqlDialect::sqlite();
    const SyncTable m_notes = notes();
    int m_opened = 0;

    void insert(const QString &id, const QString &title, const QString &body, const QString &tags,
                const QString &summary = QString())
    {
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO notes (id, title, summary, body, tags, rev) "
                                         "VALUES (?, ?, ?, ?, ?, 1)"),
                          { id, title, summary, body, tags })
                    .ok());
    }

    QStringList ids(const QString &sql, const QVariantList &binds = {})
    {
        Result<QSqlQuery> q = m_db->exec(sql, binds);
        if (!q)
            return { QStringLiteral("error: ") + q.error().message };
        QStringList out;
        while (q->next())
            out << q->value(0).toString();
        return out;
    }

    const SyncColumn &tags() const { return *m_notes.column(QStringLiteral("tags")); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("%1.db").arg(++m_opened));
        Result<std::unique_ptr<Database>> db = Database::openSqlite(path);
        QVERIFY(db.ok());
        m_db = std::move(*db);
        QVERIFY(DeclaredSchema(DeclaredSchema::Side::Server).apply(*m_db, m_notes).ok());
        insert(QStringLiteral("a"), QStringLiteral("Crema"), QStringLiteral("pulling a shot"),
               QStringLiteral(R"(["Espresso","Qt"])"), QStringLiteral("about crema"));
        insert(QStringLiteral("b"), QStringLiteral("Tamping"), QStringLiteral("crema comes from pressure"),
               QStringLiteral(R"(["espresso"])"));
        insert(QStringLiteral("c"), QStringLiteral("apple"), QStringLiteral("no coffee here"), QStringLiteral("[]"));
    }

    void cleanup() { m_db.reset(); }

    // The item table holds one row per row and item, lower-cased for
    // filters with the item as written beside it, and follows every write.
    void listItemsFollowTheRows_data()
    {
        QTest::addColumn<QString>("write");
        QTest::addColumn<QStringList>("items"); // "item/value/row id"
        QTest::newRow("as inserted") << QString() << texts({ "espresso/Espresso/a", "espresso/espresso/b", "qt/Qt/a" });
        QTest::newRow("updated") << QStringLiteral(R"(UPDATE notes SET tags = '["Go"]' WHERE id = 'a')")
                                 << texts({ "espresso/espresso/b", "go/Go/a" });
        QTest::newRow("deleted") << QStringLiteral("DELETE FROM notes WHERE id = 'b'")
                                 << texts({ "espresso/Espresso/a", "qt/Qt/a" });
        QTest::newRow("not a list") << QStringLiteral("UPDATE notes SET tags = 'oops' WHERE id = 'a'")
                                    << texts({ "espresso/espresso/b" });
    }

    void listItemsFollowTheRows()
    {
        QFETCH(QString, write);
        QFETCH(QStringList, items);
        if (!write.isEmpty())
            QVERIFY(m_db->run(write).ok());
        QCOMPARE(m_sql.listItemsTable(m_notes, tags()), QStringLiteral("notes_tags_items"));
        // rowKey joins a row to what its derived tables hold.
        QCOMPARE(ids(QStringLiteral("SELECT t.item || '/' || t.value || '/' || n.id FROM notes n JOIN %1 t "
                                    "ON t.row_id = %2 ORDER BY 1")
                         .arg(m_sql.listItemsTable(m_notes, tags()), m_sql.rowKey(QStringLiteral("n")))),
                 items);
    }

    void listHasItem_data()
    {
        QTest::addColumn<QString>("item");
        QTest::addColumn<QStringList>("rows");
        QTest::newRow("any case") << QStringLiteral("ESPRESSO") << texts({ "a", "b" });
        QTest::newRow("written lower") << QStringLiteral("qt") << texts({ "a" });
        QTest::newRow("none") << QStringLiteral("tea") << QStringList {};
        QTest::newRow("a part is not the item") << QStringLiteral("espress") << QStringList {};
    }

    void listHasItem()
    {
        QFETCH(QString, item);
        QFETCH(QStringList, rows);
        QCOMPARE(ids(QStringLiteral("SELECT id FROM notes n WHERE %1 ORDER BY id")
                         .arg(m_sql.listHasItem(m_notes, tags(), QStringLiteral("n"))),
                     { item }),
                 rows);
    }

    void fullTextCondition_data()
    {
        QTest::addColumn<QString>("words");
        QTest::addColumn<QStringList>("rows");
        QTest::newRow("word") << QStringLiteral("crema") << texts({ "a", "b" });
        QTest::newRow("prefix") << QStringLiteral("tamp") << texts({ "b" });
        QTest::newRow("every word") << QStringLiteral("crema shot") << texts({ "a" });
        QTest::newRow("syntax is text") << QStringLiteral("crema OR \"apple") << QStringList {};
        QTest::newRow("a column name is text") << QStringLiteral("title:apple") << QStringList {};
    }

    void fullTextCondition()
    {
        QFETCH(QString, words);
        QFETCH(QStringList, rows);
        QCOMPARE(ids(QStringLiteral("SELECT id FROM notes n WHERE %1 ORDER BY id")
                         .arg(m_sql.fullTextCondition(m_notes, QStringLiteral("n"))),
                     { m_sql.fullTextQuery(words) }),
                 rows);
    }

    // A word from SQL (here a bound value), matched whole, never as syntax.
    void fullTextHasWord_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QStringList>("rows");
        QTest::newRow("word") << QStringLiteral("pressure") << texts({ "b" });
        QTest::newRow("not a prefix") << QStringLiteral("press") << QStringList {};
        QTest::newRow("operator is a word") << QStringLiteral("OR") << QStringList {};
    }

    void fullTextHasWord()
    {
        QFETCH(QString, word);
        QFETCH(QStringList, rows);
        QCOMPARE(ids(QStringLiteral("SELECT id FROM notes n WHERE %1 ORDER BY id")
                         .arg(m_sql.fullTextHasWord(m_notes, QStringLiteral("n"), QStringLiteral("?"))),
                     { word }),
                 rows);
    }

    // The weights are the searched columns' by name, whatever their order.
    void rankedSearch_data()
    {
        QTest::addColumn<double>("title");
        QTest::addColumn<double>("body");
        QTest::addColumn<QStringList>("rows");
        QTest::newRow("title first") << 10.0 << 1.0 << texts({ "a", "b" });
        QTest::newRow("body first") << 1.0 << 10.0 << texts({ "b", "a" });
    }

    void rankedSearch()
    {
        QFETCH(double, title);
        QFETCH(double, body);
        QFETCH(QStringList, rows);
        const SqlDialect::RankedSearch search = m_sql.rankedSearch(
            m_notes, QStringLiteral("n"), { { QStringLiteral("title"), title }, { QStringLiteral("body"), body } }, 8);
        Result<QSqlQuery> q
            = m_db->exec(QStringLiteral("SELECT n.id, %1 FROM %2 WHERE %3 ORDER BY %4")
                             .arg(search.snippet, search.from, search.condition, search.rank),
                         { QStringLiteral("["), QStringLiteral("]"), m_sql.fullTextQuery(QStringLiteral("crema")) });
        QVERIFY2(q.ok(), qPrintable(q ? QString() : q.error().message));
        QStringList found;
        while (q->next()) {
            found << q->value(0).toString();
            QVERIFY2(q->value(1).toString().contains(QStringLiteral("[crema]"), Qt::CaseInsensitive),
                     qPrintable(q->value(1).toString()));
        }
        QCOMPARE(found, rows);
    }

    void caseless()
    {
        // A declared text sort is caseless; other types sort as stored.
        QCOMPARE(ids(QStringLiteral("SELECT title FROM notes ORDER BY %1")
                         .arg(m_sql.sortExpression(*m_notes.column(QStringLiteral("title")), QStringLiteral("notes")))),
                 texts({ "apple", "Crema", "Tamping" }));
        QCOMPARE(m_sql.sortExpression(SyncColumn { .name = QStringLiteral("due"), .type = ColumnType::Timestamp }, {}),
                 QStringLiteral("due"));
        QCOMPARE(
            ids(QStringLiteral("SELECT title FROM notes ORDER BY %1").arg(m_sql.caseless(QStringLiteral("title")))),
            texts({ "apple", "Crema", "Tamping" }));
        QCOMPARE(ids(QStringLiteral("SELECT title FROM notes ORDER BY title")), texts({ "Crema", "Tamping", "apple" }));
        // A text sort declared caseSensitive is byte order: "Crema" before "apple".
        const SyncColumn bytes { .name = QStringLiteral("title"),
                                 .sortKey = QStringLiteral("title"),
                                 .caseSensitive = true };
        QCOMPARE(m_sql.sortExpression(bytes, QStringLiteral("notes")), QStringLiteral("notes.title"));
        QCOMPARE(ids(QStringLiteral("SELECT title FROM notes ORDER BY %1").arg(m_sql.sortExpression(bytes, {}))),
                 texts({ "Crema", "Tamping", "apple" }));
    }

    // Group members' fractional positions compare by their bytes, as the
    // keys are made ("Zz" before "a0"), in lists and in the declared index.
    void positionsSortInByteOrder()
    {
        const SyncTable *members = SyncSchema::find(QStringLiteral("prompt_group_members"));
        QVERIFY(members);
        const SyncColumn *position = members->column(QStringLiteral("position"));
        QVERIFY(position && position->caseSensitive);
        QCOMPARE(m_sql.sortExpression(*position, QStringLiteral("t")), QStringLiteral("t.position"));
    }

    void containsText_data()
    {
        QTest::addColumn<QString>("haystack");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("contains");
        QTest::newRow("inside") << QStringLiteral("see /media/ab12 here") << QStringLiteral("/media/ab12") << true;
        QTest::newRow("case matters") << QStringLiteral("/MEDIA/AB12") << QStringLiteral("/media/ab12") << false;
        QTest::newRow("wildcards are text") << QStringLiteral("/media/xx") << QStringLiteral("/media/%") << false;
        QTest::newRow("absent") << QStringLiteral("nothing") << QStringLiteral("/media/") << false;
    }

    void containsText()
    {
        QFETCH(QString, haystack);
        QFETCH(QString, needle);
        QFETCH(bool, contains);
        Result<QVariant> v = m_db->scalar(
            QStringLiteral("SELECT %1").arg(m_sql.containsText(QStringLiteral("?"), QStringLiteral("?"))),
            { haystack, needle });
        QVERIFY(v.ok());
        QCOMPARE(v->toBool(), contains);
    }

    void upsertAndInsertIfAbsent()
    {
        QVERIFY(m_db->run(QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")).ok());
        const QStringList columns { QStringLiteral("key"), QStringLiteral("value") };
        const QString upsert = m_sql.upsert(QStringLiteral("meta"), columns, { QStringLiteral("key") });
        const QString keep = m_sql.insertIfAbsent(QStringLiteral("meta"), columns, { QStringLiteral("key") });
        QVERIFY(m_db->run(keep, { QStringLiteral("k"), QStringLiteral("first") }).ok());
        QVERIFY(m_db->run(keep, { QStringLiteral("k"), QStringLiteral("second") }).ok());
        QCOMPARE(ids(QStringLiteral("SELECT value FROM meta")), texts({ "first" }));
        QVERIFY(m_db->run(upsert, { QStringLiteral("k"), QStringLiteral("third") }).ok());
        QVERIFY(m_db->run(upsert, { QStringLiteral("j"), QStringLiteral("new") }).ok());
        QCOMPARE(ids(QStringLiteral("SELECT key || '=' || value FROM meta ORDER BY key")),
                 texts({ "j=new", "k=third" }));
    }

    // A kept answer stays good while neither number moves: a write here
    // moves the first, a commit on another connection the second.
    void changeMarksMoveWithWrites()
    {
        const auto number = [](Database &db, const QString &sql) {
            Result<QVariant> v = db.scalar(sql);
            return v ? v->toLongLong() : -1;
        };
        const QString own = m_sql.ownChangesStatement();
        const QString others = m_sql.othersCommitsStatement();
        const qint64 ownBefore = number(*m_db, own);
        const qint64 othersBefore = number(*m_db, others);
        QVERIFY(ownBefore >= 0 && othersBefore >= 0);
        QCOMPARE(number(*m_db, own), ownBefore); // reading changes nothing
        QCOMPARE(number(*m_db, others), othersBefore);
        insert(QStringLiteral("w"), QStringLiteral("written"), QStringLiteral("here"), QStringLiteral("[]"));
        QVERIFY(number(*m_db, own) > ownBefore);
        QCOMPARE(number(*m_db, others), othersBefore); // its own commit is not another's

        Result<std::unique_ptr<Database>> second = Database::openSqlite(m_db->path());
        QVERIFY(second.ok());
        QVERIFY((*second)->run(QStringLiteral("UPDATE notes SET title = 'elsewhere' WHERE id = 'w'")).ok());
        QVERIFY(number(*m_db, others) != othersBefore);
    }

    // The database layer's own engine statements.
    void checkpointEmptiesTheLog()
    {
        QVERIFY(&m_db->dialect() == &SqlDialect::sqlite());
        insert(QStringLiteral("d"), QStringLiteral("more"), QStringLiteral("text"), QStringLiteral("[]"));
        const QString wal = m_db->path() + QStringLiteral("-wal");
        QVERIFY(QFileInfo(wal).size() > 0);
        QVERIFY(m_db->checkpoint().ok());
        QCOMPARE(QFileInfo(wal).size(), 0);
        QCOMPARE(ids(QStringLiteral("SELECT count(*) FROM notes")), texts({ "4" }));
    }

    void attachAndColumnNames()
    {
        const QString other = m_dir.filePath(QStringLiteral("other.db"));
        {
            Result<std::unique_ptr<Database>> db = Database::openSqlite(other);
            QVERIFY(db.ok());
            QVERIFY((*db)->run(QStringLiteral("CREATE TABLE old (id TEXT, name TEXT)")).ok());
            QVERIFY((*db)->run(QStringLiteral("INSERT INTO old VALUES ('x', 'kept')")).ok());
        }
        QVERIFY(m_db->attach(other, QStringLiteral("previous")).ok());
        QCOMPARE(*m_db->columnNames(QStringLiteral("old"), QStringLiteral("previous")), texts({ "id", "name" }));
        QCOMPARE(*m_db->columnNames(QStringLiteral("old")), QStringList {});
        QVERIFY(m_db->columnNames(QStringLiteral("notes"))->contains(QStringLiteral("tags")));
        QCOMPARE(ids(QStringLiteral("SELECT name FROM previous.old")), texts({ "kept" }));
        QVERIFY(m_db->detach(QStringLiteral("previous")).ok());
        QVERIFY(!m_db->exec(QStringLiteral("SELECT name FROM previous.old")).ok());
    }
};

QTEST_GUILESS_MAIN(TestSqlDialect)
#include "tst_sqldialect.moc"
