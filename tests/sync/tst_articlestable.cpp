// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "shared/database.h"
#include "shared/errorcode.h"
#include "shared/protocol.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::test;
using quire::desktop::SyncEngine;

namespace {

// Turns a database of this build back into what the build before the
// rename left: the table called `guides`, every record naming it so, none
// of the objects derived from the new name, the rename's migration and
// every later one undone (`undoLater`: what takes the later ones back).
bool asBeforeTheRename(quire::shared::Result<std::unique_ptr<quire::shared::Database>> db, int renameMigration,
                       const QStringList &tablesNamingTables, const QStringList &undoLater = {})
{
    if (!db)
        return false;
    QStringList drops;
    auto q = (*db)->exec(QStringLiteral("SELECT type, name FROM sqlite_master WHERE name LIKE 'articles%' AND "
                                        "name <> 'articles' AND type IN ('table', 'index', 'trigger') AND "
                                        "NOT (type = 'table' AND name LIKE 'articles_fts_%') ORDER BY type = 'table'"));
    if (!q)
        return false;
    while (q->next())
        drops << QStringLiteral("DROP %1 IF EXISTS %2").arg(q->value(0).toString().toUpper(), q->value(1).toString());
    drops << QStringLiteral("ALTER TABLE articles RENAME TO guides");
    for (const QString &t : tablesNamingTables)
        drops << QStringLiteral("UPDATE %1 SET tbl = 'guides' WHERE tbl = 'articles'").arg(t);
    drops << undoLater;
    drops << QStringLiteral("DELETE FROM schema_migrations WHERE version >= %1").arg(renameMigration);
    for (const QString &sql : drops) {
        if (!(*db)->run(sql)) {
            qWarning("%s failed", qPrintable(sql));
            return false;
        }
    }
    return true;
}

QStringList objectsNamedGuides(quire::shared::Result<std::unique_ptr<quire::shared::Database>> db)
{
    QStringList names;
    if (!db)
        return { QStringLiteral("cannot open") };
    auto q = (*db)->exec(QStringLiteral("SELECT name FROM sqlite_master WHERE name LIKE 'guides%' UNION ALL SELECT "
                                        "DISTINCT 'sync_revisions:' || tbl FROM sync_revisions WHERE tbl = 'guides'"));
    while (q && q->next())
        names << q->value(0).toString();
    return names;
}

} // namespace

// The articles' table was called `guides` before sync schema 2. A server
// and a desktop updated from before keep every article, its history and
// the desktop's unsent edits, and find them by the new name.
class TestArticlesTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void updateFromTheGuidesTableKeepsEverything()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("server"));
        QVERIFY(createUser(data, QStringLiteral("ann@example.org"), QStringLiteral("author"), kSyncTestPassword));
        ServerProcess server;
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(server.start(options), qPrintable(server.errorString()));
        auto peer = std::make_unique<SyncPeer>(dir.filePath(QStringLiteral("ann")));
        peer->connectTo(server);
        QVERIFY(peer->signIn(QStringLiteral("ann@example.org"), kSyncTestPassword));
        const QString synced = peer->create(QStringLiteral("Lighthouse keeping"), QStringLiteral("The lamp.\n"));
        QCOMPARE(peer->sync(), SyncEngine::State::Idle);
        // Written after the last sync: unsent when both are updated.
        const QString unsent = peer->create(QStringLiteral("Foghorn notes"), QStringLiteral("Low and long.\n"));
        QVERIFY(peer->edit(synced, { { "body", "The lamp, polished.\n" } }));
        peer.reset();
        options.port = server.port();
        QVERIFY(server.stop());

        // Both as the build before left them.
        QVERIFY(asBeforeTheRename(
            TestDatabase::open(server), 12,
            { QStringLiteral("sync_revisions"), QStringLiteral("sync_scope_exits"), QStringLiteral("sync_conflicts") },
            { QStringLiteral("DROP TABLE revision_marks"),
              QStringLiteral("ALTER TABLE users DROP COLUMN password_change_required"),
              QStringLiteral("DROP TABLE api_keys"), QStringLiteral("DROP TABLE job_leases"),
              QStringLiteral("DROP TABLE rate_buckets"), QStringLiteral("DROP TABLE signin_failures"),
              QStringLiteral("DROP TABLE audit_chain"), QStringLiteral("DROP TABLE audit_chain_head"),
              QStringLiteral("DROP TABLE platform_credentials"), QStringLiteral("DROP TABLE engagement_metrics"),
              QStringLiteral("DROP TABLE financial_metrics"), QStringLiteral("DROP TABLE publish_attempts") }));
        QVERIFY(asBeforeTheRename(quire::shared::Database::openSqlite(dir.filePath(QStringLiteral("ann/replica.db"))),
                                  7,
                                  { QStringLiteral("server_rows"), QStringLiteral("outbox"),
                                    QStringLiteral("conflicts"), QStringLiteral("rejected") }));

        // Updated: the server starts, the desktop opens its profile again.
        QVERIFY2(server.start(options), qPrintable(server.errorString()));
        QCOMPARE(objectsNamedGuides(TestDatabase::open(server)), QStringList());
        peer = std::make_unique<SyncPeer>(dir.filePath(QStringLiteral("ann")));
        peer->reopen(server);
        QCOMPARE(peer->status().pending, 2); // the new row and the edit, still to send
        QCOMPARE(fieldOf(peer->row(unsent), "title"), QStringLiteral("Foghorn notes"));
        QCOMPARE(peer->sync(), SyncEngine::State::Idle);
        QCOMPARE(peer->status().pending, 0);

        // A second desktop sees both rows as they are now; the server's
        // search and history know them by the new name.
        SyncPeer other(dir.filePath(QStringLiteral("ann-2")));
        other.connectTo(server);
        QVERIFY(other.signIn(QStringLiteral("ann@example.org"), kSyncTestPassword));
        QCOMPARE(other.sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(other.row(synced), "body"), QStringLiteral("The lamp, polished.\n"));
        QCOMPARE(fieldOf(other.row(unsent), "body"), QStringLiteral("Low and long.\n"));

        TestHttpClient http(server.url(), server.fingerprint());
        const HttpResult login
            = http.postJson(QStringLiteral("/api/v1/auth/login"),
                            R"({"email":"ann@example.org","password":"correct horse battery staple"})");
        const QByteArray token = QByteArray::fromStdString(login.json().value("access_token", std::string()));
        const QList<QPair<QByteArray, QByteArray>> auth { { "Authorization", "Bearer " + token } };
        const HttpResult found = http.request("GET", QStringLiteral("/api/v1/articles?q=lighthouse"), {}, auth);
        QCOMPARE(found.status, 200);
        const nlohmann::json items = found.json()["items"];
        QCOMPARE(items.size(), size_t(1));
        QCOMPARE(QString::fromStdString(items[0]["id"].get<std::string>()), synced);
        const HttpResult history
            = http.request("GET", QStringLiteral("/api/v1/articles/%1/revisions?each=true").arg(synced), {}, auth);
        QCOMPARE(history.status, 200);
        QVERIFY(history.json()["items"].size() >= 2); // made before the update, edited after
        QVERIFY(server.stop());
    }

    // A desktop of schema 1 names the table the old way: it is told to
    // update rather than having its changes misread.
    void aDesktopFromBeforeIsAskedToUpdate()
    {
        QVERIFY(!quire::shared::Protocol::checkClientSchema(1));
        QCOMPARE(quire::shared::Protocol::checkClientSchema(1).error().code,
                 quire::shared::errorCodeName(quire::shared::ErrorCode::ClientOutdated));
        QVERIFY(quire::shared::Protocol::checkClientSchema(quire::shared::Protocol::kSchemaVersion));
    }
};

QTEST_GUILESS_MAIN(TestArticlesTable)
#include "tst_articlestable.moc"
