// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"
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
