// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/servermigrations.h"
#include "server/sync/syncretention.h"
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/migrator.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"
#include "tests/support/processio.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using quire::server::SyncRetention;
using quire::shared::Database;

namespace {

std::unique_ptr<Database> openMigrated(const QString &path)
{
    auto db = Database::openSqlite(path);
    if (!db)
        return nullptr;
    quire::shared::Migrator migrator(**db, quire::server::serverMigrations());
    if (!migrator.migrate() || !quire::shared::DeclaredSchema(quire::shared::DeclaredSchema::Side::Server).apply(**db))
        return nullptr;
    return std::move(db.value());
}

} // namespace

// Retention runs at every start of the server: it must cost what it
// forgets, not what the database holds, or start-up grows with the data.
class TestSyncRetention : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pruningReadsWhatItForgetsOnly_data()
    {
        QTest::addColumn<int>("rows");
        QTest::newRow("1,000 articles") << 1'000;
        QTest::newRow("20,000 articles") << 20'000;
    }

    void pruningReadsWhatItForgetsOnly()
    {
        QFETCH(int, rows);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("quire.db"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString old = quire::shared::Timestamp::format(now.addDays(-100));
        const QString recent = quire::shared::Timestamp::format(now.addDays(-1));
        QStringList forgotten;
        {
            auto db = openMigrated(path);
            QVERIFY(db);
            // Live rows of about a page each, then three tombstones: two
            // past the retention, one within it.
            const QString body = QString(1500, QLatin1Char('x'));
            QVERIFY(db->transaction([&]() -> quire::shared::VoidResult {
                QSqlQuery insert(db->handle());
                insert.prepare(QStringLiteral("INSERT INTO articles(id, title, body, owner_id, created_at, updated_at, "
                                              "rev, deleted, deleted_at) VALUES (?, 'T', ?, 'u', ?, ?, ?, ?, ?)"));
                for (int i = 0; i < rows + 3; ++i) {
                    const QString id = quire::shared::Uuid::createV7();
                    const bool dead = i >= rows;
                    const QString at = dead && i < rows + 2 ? old : recent;
                    if (dead && at == old)
                        forgotten << id;
                    for (const QVariant &v :
                         QVariantList { id, body, at, at, i + 1, dead ? 1 : 0, dead ? QVariant(at) : QVariant() })
                        insert.addBindValue(v);
                    if (!insert.exec())
                        return quire::shared::Error::make(QStringLiteral("seed"), insert.lastError().text());
                    if (dead
                        && !db->run(QStringLiteral("INSERT INTO sync_revisions(tbl, row_id, rev, data, created_at, "
                                                   "user_id, client_id) VALUES ('articles', ?, ?, '{}', ?, 'u', 'c')"),
                                    { id, i + 1, at }))
                        return quire::shared::Error::make(QStringLiteral("seed"), QStringLiteral("revision"));
                }
                return quire::shared::VoidResult::success();
            }));
            QVERIFY(db->checkpoint());
        }
        // A fresh connection: nothing cached, as at start.
        auto db = Database::openSqlite(path);
        QVERIFY(db);
        const qint64 before = quire::test::bytesReadSoFar();
        QVERIFY(SyncRetention::prune(**db, now.addDays(-90)));
        const qint64 read = quire::test::bytesReadSoFar() - before;
        // A few index pages and the rows forgotten; reading every live row
        // would be `rows` pages of 4 KiB.
        QVERIFY2(read < 400 * 1024, qPrintable(QStringLiteral("%1 bytes read").arg(read)));

        // And it forgot exactly the old tombstones with their history.
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT count(*) FROM articles"))->toInt(), rows + 1);
        for (const QString &id : std::as_const(forgotten))
            QCOMPARE(
                (*db)->scalar(QStringLiteral("SELECT count(*) FROM sync_revisions WHERE row_id = ?"), { id })->toInt(),
                0);
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT count(*) FROM sync_revisions"))->toInt(), 1);
        QCOMPARE(
            (*db)->scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'retention_floor'"))->toLongLong(),
            qint64(rows + 2));
    }
};

QTEST_GUILESS_MAIN(TestSyncRetention)
#include "tst_syncretention.moc"
