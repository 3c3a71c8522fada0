// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"
#include "shared/protocol.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/serverprocess.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace quire::test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple 42");

QByteArray json(const nlohmann::json &j)
{
    return QByteArray::fromStdString(j.dump());
}

QString pullPath(const QString &cursor)
{
    QString path = QStringLiteral("/api/v1/sync/pull?schema_version=%1").arg(quire::shared::Protocol::kSchemaVersion);
    if (!cursor.isEmpty())
        path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    return path;
}

} // namespace

// `quire-server migrate-to-postgres`: a site built on SQLite by the real
// server moves into a new PostgreSQL database, and the server started there
// carries on where it stopped: sign-ins, rows, revisions and sync cursors.
// Runs with the pgcluster fixture only (label postgres).
class TestMigrateToPostgres : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = ServerProcess::postgresCluster();
        if (m_cluster.isEmpty())
            QSKIP("needs a PostgreSQL cluster (QUIRE_TEST_POSTGRES or the pgcluster fixture)");
        // The site is built on SQLite: ServerProcess must not put it on the cluster.
        qunsetenv("QUIRE_TEST_POSTGRES");
        qunsetenv("QUIRE_TEST_POSTGRES_FILE");
    }

    void aSiteMovesWithItsSessionsRevisionsAndCursors()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        AccountFixture fx;
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(fx.start(options), qPrintable(fx.server().errorString()));
        QVERIFY(fx.server().databaseLocation().endsWith(QLatin1String("quire.db")));
        QVERIFY(fx.createUser(QStringLiteral("admin@example.org"), QStringLiteral("admin"), kPassword));
        QVERIFY(fx.createUser(QStringLiteral("reader@example.org"), QStringLiteral("reader"), kPassword));
        const QByteArray token = fx.token(QStringLiteral("admin@example.org"), kPassword);
        QVERIFY(!token.isEmpty());
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            const HttpResult created = fx.call("POST", QStringLiteral("/api/v1/guides"), token,
                                               json({ { "title", QStringLiteral("Moved %1").arg(i).toStdString() },
                                                      { "slug", QStringLiteral("moved-%1").arg(i).toStdString() } }));
            QVERIFY2(created.status == 201, created.body.constData());
            ids << QString::fromStdString(created.json()["id"].get<std::string>());
        }
        // A second revision of the first.
        const HttpResult edited = fx.call(
            "PATCH", QStringLiteral("/api/v1/guides/") + ids[0], token,
            json({ { "summary", "Edited before the move." },
                   { "rev", fx.call("GET", QStringLiteral("/api/v1/guides/") + ids[0], token).json()["rev"] } }));
        QVERIFY2(edited.status == 200, edited.body.constData());
        const qint64 revBefore = edited.json()["rev"].get<qint64>();
        const size_t revisionsBefore
            = fx.call("GET", QStringLiteral("/api/v1/guides/") + ids[0] + QStringLiteral("/revisions?each=true"), token)
                  .json()["items"]
                  .size();
        QVERIFY(revisionsBefore >= 2);
        // A replica's position: everything pulled, the cursor kept.
        QString cursor;
        for (bool more = true; more;) {
            const HttpResult pulled = fx.call("GET", pullPath(cursor), token);
            QVERIFY2(pulled.status == 200, pulled.body.constData());
            cursor = QString::fromStdString(pulled.json()["cursor"].get<std::string>());
            more = pulled.json()["has_more"].get<bool>();
        }
        QVERIFY(!cursor.isEmpty());
        QVERIFY(fx.server().stop());

        // Into a new database on the cluster.
        const QString name = QStringLiteral("quire_migrated_%1").arg(QCoreApplication::applicationPid());
        {
            auto admin = quire::shared::Database::open(m_cluster);
            QVERIFY(admin);
            QVERIFY((*admin)->run(QStringLiteral("CREATE DATABASE %1").arg(name)));
        }
        QUrl url(m_cluster);
        url.setPath(QLatin1Char('/') + name);
        const QString target = url.toString();
        const QString sqlite = data + QStringLiteral("/quire.db");
        const auto migrated = ServerProcess::run({ QStringLiteral("migrate-to-postgres"), QStringLiteral("--from"),
                                                   sqlite, QStringLiteral("--database-url"), target },
                                                 120000);
        QVERIFY2(migrated.exitCode == 0, migrated.err.constData());
        QVERIFY2(migrated.out.contains("copied"), migrated.out.constData());
        // Once only: the target is not empty any more.
        const auto again = ServerProcess::run({ QStringLiteral("migrate-to-postgres"), QStringLiteral("--from"), sqlite,
                                                QStringLiteral("--database-url"), target },
                                              120000);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("is not empty"), again.err.constData());

        // The same data directory (its certificate), now on PostgreSQL.
        AccountFixture moved;
        ServerProcess::Options onPostgres = options;
        onPostgres.extraArgs << QStringLiteral("--database-url") << target;
        QVERIFY2(moved.start(onPostgres), qPrintable(moved.server().errorString()));
        // The session signed in on SQLite still works.
        const HttpResult read = moved.call("GET", QStringLiteral("/api/v1/guides/") + ids[0], token);
        QVERIFY2(read.status == 200, read.body.constData());
        QCOMPARE(read.json()["summary"].get<std::string>(), std::string("Edited before the move."));
        QCOMPARE(read.json()["rev"].get<qint64>(), revBefore);
        QCOMPARE(
            moved
                .call("GET", QStringLiteral("/api/v1/guides/") + ids[0] + QStringLiteral("/revisions?each=true"), token)
                .json()["items"]
                .size(),
            revisionsBefore);
        for (const QString &id : std::as_const(ids))
            QCOMPARE(moved.call("GET", QStringLiteral("/api/v1/guides/") + id, token).status, 200);
        // Accounts came along: the reader signs in with the old password.
        QVERIFY(!moved.token(QStringLiteral("reader@example.org"), kPassword).isEmpty());

        // The replica's cursor: nothing new, no resync...
        const HttpResult nothing = moved.call("GET", pullPath(cursor), token);
        QVERIFY2(nothing.status == 200, nothing.body.constData());
        QCOMPARE(nothing.json()["changes"].size(), size_t(0));
        // ...and a change made now arrives after it, with a later revision
        // and a new row keeping ids apart.
        const HttpResult created
            = moved.call("POST", QStringLiteral("/api/v1/guides"), token,
                         json({ { "title", "Written on PostgreSQL" }, { "slug", "written-on-postgresql" } }));
        QVERIFY2(created.status == 201, created.body.constData());
        const QString newId = QString::fromStdString(created.json()["id"].get<std::string>());
        const HttpResult news = moved.call("GET", pullPath(cursor), token);
        QVERIFY2(news.status == 200, news.body.constData());
        const auto changes = news.json()["changes"];
        QCOMPARE(changes.size(), size_t(1));
        QCOMPARE(QString::fromStdString(changes[0]["id"].get<std::string>()), newId);
        QVERIFY(changes[0]["rev"].get<qint64>() > revBefore);
        QVERIFY(QString::fromStdString(news.json()["cursor"].get<std::string>()) != cursor);
    }

    void refusesWithoutTheDatabaseUrl()
    {
        const auto r = ServerProcess::run(
            { QStringLiteral("migrate-to-postgres"), QStringLiteral("--from"), QStringLiteral("quire.db") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--database-url"), r.err.constData());
    }

private:
    QString m_cluster;
};

QTEST_GUILESS_MAIN(TestMigrateToPostgres)
#include "tst_migratetopostgres.moc"
