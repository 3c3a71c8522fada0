// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"
#include "shared/migrator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quire::shared;

namespace {
QList<Migration> history(int upTo)
{
    const QList<Migration> all {
        { 1,
          QStringLiteral("notes"),
          { QStringLiteral("CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL)") } },
        { 2,
          QStringLiteral("notes_title"),
          { QStringLiteral("ALTER TABLE notes ADD COLUMN title TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX notes_title ON notes(title)") } },
        { 3, QStringLiteral("tags"), { QStringLiteral("CREATE TABLE tags (name TEXT PRIMARY KEY)") } },
    };
    return all.mid(0, upTo);
}
} // namespace

// Numbered migrations: fresh databases, upgrades, refusals and rollbacks.
class TestMigrator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshDatabase()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("m.db")));
        QVERIFY(db.ok());
        Migrator m(**db, history(3));
        QCOMPARE(m.currentVersion().value(), 0);
        QCOMPARE(m.migrate().value(), 3);
        QCOMPARE(m.currentVersion().value(), 3);
        QCOMPARE((*db)
                     ->scalar(QStringLiteral(
                         "SELECT group_concat(name, ',') FROM (SELECT name FROM schema_migrations ORDER BY version)"))
                     ->toString(),
                 QStringLiteral("notes,notes_title,tags"));
        QVERIFY(!(*db)
                     ->scalar(QStringLiteral("SELECT applied_at FROM schema_migrations WHERE version = 1"))
                     ->toString()
                     .isEmpty());
        // Running again does nothing.
        QCOMPARE(m.migrate().value(), 0);
    }

    void upgradeKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.db"));
        {
            auto db = Database::openSqlite(path);
            QVERIFY(db.ok());
            QCOMPARE(Migrator(**db, history(1)).migrate().value(), 1);
            QVERIFY((*db)->run(QStringLiteral("INSERT INTO notes(id, body) VALUES ('a', 'kept')")).ok());
        }
        auto db = Database::openSqlite(path);
        QVERIFY(db.ok());
        Migrator m(**db, history(3));
        QCOMPARE(m.migrate().value(), 2);
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT body || '/' || title FROM notes WHERE id = 'a'"))->toString(),
                 QStringLiteral("kept/"));
    }

    void refusesNewerDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.db"));
        {
            auto db = Database::openSqlite(path);
            QVERIFY(db.ok());
            QCOMPARE(Migrator(**db, history(3)).migrate().value(), 3);
        }
        auto db = Database::openSqlite(path);
        QVERIFY(db.ok());
        Result<int> r = Migrator(**db, history(2)).migrate();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("database_too_new"));
        QVERIFY(r.error().message.contains(QStringLiteral("schema version 3")));
        QVERIFY(r.error().message.contains(QStringLiteral("up to 2")));
        // Refusing changed nothing.
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT max(version) FROM schema_migrations"))->toInt(), 3);
    }

    void failedMigrationRollsBackWhole()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("m.db")));
        QVERIFY(db.ok());
        QList<Migration> broken = history(1);
        broken.append({ 2,
                        QStringLiteral("half"),
                        { QStringLiteral("CREATE TABLE half (x)"), QStringLiteral("CREATE TABLE notes (again)") } });
        Result<int> r = Migrator(**db, broken).migrate();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("migration_failed"));
        QVERIFY(r.error().message.contains(QStringLiteral("half")));
        // Version 1 stays applied; nothing of version 2 is left behind.
        QCOMPARE(Migrator(**db, history(1)).currentVersion().value(), 1);
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'half'"))->toInt(), 0);
        // A fixed binary then migrates normally.
        QCOMPARE(Migrator(**db, history(3)).migrate().value(), 2);
    }

    void refusesForeignDatabase()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("m.db")));
        QVERIFY(db.ok());
        QVERIFY((*db)->run(QStringLiteral("CREATE TABLE someone_elses (x)")).ok());
        Result<int> r = Migrator(**db, history(3)).migrate();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("database_foreign"));
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
