// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"
#include "shared/utf8.h"
#include "tests/support/testfiles.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::shared;

// The SQLite connection setup both sides share, and its failure paths.
class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensWithWalAndForeignKeys()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.db")));
        QVERIFY(db.ok());
        QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
        QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
        QVERIFY((*db)->run(QStringLiteral("CREATE TABLE p (id INTEGER PRIMARY KEY)")).ok());
        QVERIFY((*db)->run(QStringLiteral("CREATE TABLE c (p INTEGER REFERENCES p(id))")).ok());
        const VoidResult orphan = (*db)->run(QStringLiteral("INSERT INTO c VALUES (42)"));
        QVERIFY(!orphan.ok()); // foreign keys are enforced
        QCOMPARE(orphan.error().code, QStringLiteral("database_error"));
    }

    void bindsParameters()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.db")));
        QVERIFY(db.ok());
        QVERIFY((*db)->run(QStringLiteral("CREATE TABLE t (v TEXT)")).ok());
        const QString hostile = QStringLiteral("x'); DROP TABLE t; --");
        QVERIFY((*db)->run(QStringLiteral("INSERT INTO t VALUES (?)"), { hostile }).ok());
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT v FROM t"))->toString(), hostile);
    }

    // A statement read on every request is prepared once per connection and
    // reused, with fresh binds each time; a bad one is an error, not kept.
    void preparedStatementsAreKept()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.db")));
        QVERIFY(db.ok());
        QVERIFY((*db)->run(QStringLiteral("CREATE TABLE t (k TEXT, v TEXT)")).ok());
        QVERIFY((*db)->run(QStringLiteral("INSERT INTO t VALUES ('a', '1'), ('b', '2')")).ok());
        const QString sql = QStringLiteral("SELECT v FROM t WHERE k = ?");
        auto first = (*db)->prepared(sql);
        QVERIFY(first.ok());
        for (const auto &[key, value] : { std::pair { "a", "1" }, std::pair { "b", "2" } }) {
            auto q = (*db)->prepared(sql);
            QVERIFY(q.ok());
            QCOMPARE(q->get(), first->get()); // the same statement, not parsed again
            (*q)->bindValue(0, QString::fromLatin1(key));
            QVERIFY((*q)->exec());
            QVERIFY((*q)->next());
            QCOMPARE((*q)->value(0).toString(), QString::fromLatin1(value));
            (*q)->finish();
        }
        const auto bad = (*db)->prepared(QStringLiteral("SELECT nothing FROM nowhere"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("database_error"));
    }

    void nullOnlyWhenAskedFor()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.db")));
        QVERIFY(db.ok());
        QVERIFY((*db)->run(QStringLiteral("CREATE TABLE t (v TEXT NOT NULL DEFAULT '', w TEXT)")).ok());
        QVERIFY((*db)->run(QStringLiteral("INSERT INTO t VALUES (?, ?)"), { QString(), QVariant() }).ok());
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT v IS NULL FROM t"))->toInt(), 0);
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT w IS NULL FROM t"))->toInt(), 1);
    }

    // Every well-formed text is stored and read back byte for byte: Qt's
    // driver speaks UTF-16, SQLite took a leading U+FEFF or U+FFFE for a
    // byte-order mark and, in a UTF-8 file, read U+FFFE and U+FFFF back as U+FFFD.
    void textRoundTripsExactly_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::newRow("U+FFFF") << QByteArray("a\xEF\xBF\xBF"
                                              "b");
        QTest::newRow("U+FFFF alone") << QByteArray("\xEF\xBF\xBF");
        QTest::newRow("U+FFFE first") << QByteArray("\xEF\xBF\xBE"
                                                    "abc");
        QTest::newRow("U+FDD0") << QByteArray("\xEF\xB7\x90");
        QTest::newRow("BOM first") << QByteArray("\xEF\xBB\xBF"
                                                 "# Title\n");
        QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF");
        QTest::newRow("two BOMs first") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                      "x");
        QTest::newRow("BOM in the middle") << QByteArray("a\xEF\xBB\xBF"
                                                         "b");
        QTest::newRow("supplementary planes") << QByteArray("\xF0\x9F\x98\x80\xF3\xA0\x80\x81\xF4\x8F\xBF\xBF");
        QTest::newRow("NUL inside") << QByteArray("a\0b", 3);
    }

    void textRoundTripsExactly()
    {
        QFETCH(QByteArray, utf8);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        const QString text = Utf8::decode(utf8); // keeps a leading BOM (see tst_utf8)
        QCOMPARE(text.toUtf8(), utf8);
        {
            auto db = Database::openSqlite(path);
            QVERIFY(db.ok());
            QVERIFY((*db)->run(QStringLiteral("CREATE TABLE t (id INTEGER, v TEXT)")).ok());
            QVERIFY((*db)->run(QStringLiteral("INSERT INTO t VALUES (1, ?)"), { text }).ok());
            auto q = (*db)->exec(QStringLiteral("INSERT INTO t VALUES (2, ?)"), { text });
            QVERIFY(q.ok());
        }
        auto db = Database::openSqlite(path); // and after reopening the file
        QVERIFY(db.ok());
        for (int id : { 1, 2 }) {
            const QString back = (*db)->scalar(QStringLiteral("SELECT v FROM t WHERE id = ?"), { id })->toString();
            QCOMPARE(back.toUtf8().toHex(' '), utf8.toHex(' '));
        }
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT count(*) FROM t WHERE v = ?"), { text })->toInt(), 2);
    }

    void transactionRollsBackOnFailure()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.db")));
        QVERIFY(db.ok());
        Database &d = **db;
        QVERIFY(d.run(QStringLiteral("CREATE TABLE t (v INTEGER NOT NULL)")).ok());
        const VoidResult r = d.transaction([&d]() -> VoidResult {
            if (VoidResult a = d.run(QStringLiteral("INSERT INTO t VALUES (1)")); !a)
                return a;
            return d.run(QStringLiteral("INSERT INTO t VALUES (NULL)")); // fails
        });
        QVERIFY(!r.ok());
        QCOMPARE(d.scalar(QStringLiteral("SELECT count(*) FROM t"))->toInt(), 0);
        QVERIFY(d.transaction([&d] { return d.run(QStringLiteral("INSERT INTO t VALUES (2)")); }).ok());
        QCOMPARE(d.scalar(QStringLiteral("SELECT count(*) FROM t"))->toInt(), 1);
    }

    void refusesAFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("junk.db"));
        const QByteArray junk(8192, 'J');
        QVERIFY(quire::test::writeFile(path, junk));
        auto db = Database::openSqlite(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("database_corrupt"));
        // Nothing was written into it.
        QCOMPARE(quire::test::readFile(path), junk);
    }

    void refusesAnUnopenablePath()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("missing/dir/a.db")));
        QVERIFY(!db.ok());
    }

    void pingNoticesTheFileWasReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        auto db = Database::openSqlite(path);
        QVERIFY(db.ok());
        QVERIFY((*db)->ping().ok());
        QVERIFY(QFile::rename(path, path + QStringLiteral(".moved")));
        const VoidResult gone = (*db)->ping();
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, QStringLiteral("database_missing"));
    }

    void backupIsAConsistentCopy()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.db")));
        QVERIFY(db.ok());
        QVERIFY((*db)->run(QStringLiteral("CREATE TABLE t (v TEXT)")).ok());
        QVERIFY((*db)->run(QStringLiteral("INSERT INTO t VALUES ('kept')")).ok());
        const QString target = dir.filePath(QStringLiteral("copy.db"));
        QVERIFY((*db)->backupTo(target).ok());
        QCOMPARE((*db)->backupTo(target).error().code, QStringLiteral("backup_target_exists"));
        auto copy = Database::openSqlite(target);
        QVERIFY(copy.ok());
        QCOMPARE((*copy)->scalar(QStringLiteral("SELECT v FROM t"))->toString(), QStringLiteral("kept"));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
