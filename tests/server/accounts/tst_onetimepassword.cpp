// SPDX-License-Identifier: GPL-3.0-or-later
// A password generated at the console stays "to be changed" in the users
// table (migration 14) until its owner chooses one: set by create-user's
// mark, cleared by any stored chosen password, kept by a rehash; databases
// from before the column take the state their audit trail told.
#include "server/accounts/accountstore.h"
#include "server/accounts/onetimepassword.h"
#include "server/servermigrations.h"
#include "shared/database.h"
#include "shared/migrator.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

std::unique_ptr<quire::shared::Database> migrated(const QString &path, qsizetype upTo)
{
    quire::shared::Result<std::unique_ptr<quire::shared::Database>> db = quire::shared::Database::openSqlite(path);
    if (!db)
        return nullptr;
    const QList<quire::shared::Migration> all = quire::server::serverMigrations();
    quire::shared::Migrator migrator(**db, upTo < 0 ? all : all.mid(0, upTo));
    return migrator.migrate() ? std::move(*db) : nullptr;
}

// 1 or 0 as OneTimePassword tells, -1 when it fails to tell.
int pending(quire::shared::Database &db, const QString &userId)
{
    const quire::shared::Result<bool> p = quire::server::OneTimePassword::isPending(db, userId);
    return p ? int(*p) : -1;
}

} // namespace

class TestOneTimePassword : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setByMarkClearedByAChosenPassword()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::unique_ptr<quire::shared::Database> db = migrated(dir.filePath(QStringLiteral("quire.db")), -1);
        QVERIFY(db);
        quire::server::AccountStore accounts(*db);
        const quire::shared::Result<quire::server::StoredUser> user = accounts.insertUser(
            QStringLiteral("admin@quire.local"), QStringLiteral("admin"), quire::shared::Role::Admin, "hash-1", 1);
        QVERIFY(user);
        const QString id = user->user.id;
        QCOMPARE(pending(*db, id), 0);

        QVERIFY(quire::server::OneTimePassword::mark(*db, id));
        QCOMPARE(pending(*db, id), 1);
        const quire::shared::Result<QVariant> column
            = db->scalar(QStringLiteral("SELECT password_change_required FROM users WHERE id = ?"), { id });
        QVERIFY(column);
        QCOMPARE(column->toInt(), 1);
        // The same password under stronger hashing parameters is still the one shown.
        QVERIFY(accounts.upgradePasswordHash(id, "hash-2"));
        QCOMPARE(pending(*db, id), 1);
        // A password the owner chose (a change, or a reset through a mailed link).
        QVERIFY(accounts.setPasswordHash(id, "hash-3"));
        QCOMPARE(pending(*db, id), 0);
        QCOMPARE(pending(*db, QStringLiteral("nobody")), 0);
    }

    void upgradedFromTheAuditTrail_data()
    {
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<bool>("isPending");
        QTest::newRow("no events") << QStringList() << false;
        QTest::newRow("generated") << QStringList { QStringLiteral("password_generated") } << true;
        QTest::newRow("generated, then changed")
            << QStringList { QStringLiteral("password_generated"), QStringLiteral("password_change") } << false;
        QTest::newRow("generated, then reset")
            << QStringList { QStringLiteral("password_generated"), QStringLiteral("password_reset") } << false;
        QTest::newRow("generated again after a change")
            << QStringList { QStringLiteral("password_generated"), QStringLiteral("password_change"),
                             QStringLiteral("password_generated") }
            << true;
        QTest::newRow("other events after generated")
            << QStringList { QStringLiteral("password_generated"), QStringLiteral("login"),
                             QStringLiteral("password_reset_requested") }
            << true;
    }
    void upgradedFromTheAuditTrail()
    {
        QFETCH(QStringList, events);
        QFETCH(bool, isPending);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("quire.db"));
        std::unique_ptr<quire::shared::Database> db = migrated(path, 13);
        QVERIFY(db);
        const quire::shared::Result<quire::server::StoredUser> user = quire::server::AccountStore(*db).insertUser(
            QStringLiteral("admin@quire.local"), QStringLiteral("admin"), quire::shared::Role::Admin, "hash", 1);
        QVERIFY(user);
        for (const QString &event : std::as_const(events)) {
            QVERIFY(db->run(QStringLiteral("INSERT INTO audit_log(at, action, target_id, ip, details) "
                                           "VALUES ('2026-01-01T00:00:00.000Z', ?, ?, 'console', '{}')"),
                            { event, user->user.id }));
        }
        db.reset();
        db = migrated(path, -1);
        QVERIFY(db);
        QCOMPARE(pending(*db, user->user.id), int(isPending));
    }
};

QTEST_GUILESS_MAIN(TestOneTimePassword)
#include "tst_onetimepassword.moc"
