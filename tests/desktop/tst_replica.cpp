// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/replica.h"
#include "desktop/core/replicamigrations.h"
#include "shared/database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quire::desktop;

// The local replica: created, migrated, reopened, and refused when too new.
class TestReplica : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensAndKeepsMeta()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replica.db"));
        {
            auto r = Replica::open(path);
            QVERIFY(r.ok());
            QCOMPARE((*r)->schemaVersion(), replicaMigrations().last().version);
            QVERIFY((*r)->setMeta(QStringLiteral("epoch"), QStringLiteral("abc")).ok());
            QVERIFY((*r)->setMeta(QStringLiteral("epoch"), QStringLiteral("def")).ok());
        }
        auto r = Replica::open(path);
        QVERIFY(r.ok());
        QCOMPARE((*r)->meta(QStringLiteral("epoch")).value(), QStringLiteral("def"));
        QCOMPARE((*r)->meta(QStringLiteral("missing")).value(), QString());
        QCOMPARE((*r)->database().scalar(QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
    }

    void refusesReplicaFromNewerQuire()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replica.db"));
        {
            auto r = Replica::open(path);
            QVERIFY(r.ok());
            QVERIFY((*r)->database()
                        .run(QStringLiteral(
                            "INSERT INTO schema_migrations VALUES (500, 'future', '2030-01-01T00:00:00.000Z')"))
                        .ok());
        }
        auto r = Replica::open(path);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("database_too_new"));
    }
};

QTEST_GUILESS_MAIN(TestReplica)
#include "tst_replica.moc"
