// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/uuid.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quire::test;
namespace Uuid = quire::shared::Uuid;

namespace {
const QString kPassword = QStringLiteral("correct horse battery staple");

nlohmann::json mutation(qint64 id, const QString &row, const QString &title, qint64 baseRev = 0)
{
    return { { "id", id },
             { "table", "articles" },
             { "row_id", row.toStdString() },
             { "op", "upsert" },
             { "fields", { { "title", title.toStdString() } } },
             { "base_rev", baseRev },
             { "base", nlohmann::json::object() } };
}
} // namespace

// The push and pull endpoints as the wire sees them: retries, duplicates,
// reordering, gaps, schema versions and bad input, against the real server.
class TestSyncProtocol : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<TestHttpClient> m_http;
    QByteArray m_token;

    HttpResult push(const nlohmann::json &body)
    {
        return m_http->request("POST", QStringLiteral("/api/v1/sync/push"), quire::shared::toJsonBytes(body),
                               { { "Content-Type", "application/json" }, { "Authorization", "Bearer " + m_token } });
    }
    HttpResult pull(const QString &query)
    {
        return m_http->request("GET", QStringLiteral("/api/v1/sync/pull?") + query, {},
                               { { "Authorization", "Bearer " + m_token } });
    }
    nlohmann::json batch(const QString &client, qint64 acked, const nlohmann::json &mutations)
    {
        return { { "client_id", client.toStdString() },
                 { "schema_version", 2 },
                 { "acked", acked },
                 { "mutations", mutations } };
    }
    // Every row this user sees, by id, from a full pull.
    QMap<QString, nlohmann::json> allRows()
    {
        QMap<QString, nlohmann::json> rows;
        QString cursor;
        for (int page = 0; page < 1000; ++page) {
            const HttpResult r = pull(QStringLiteral("schema_version=2&limit=500&cursor=") + cursor);
            if (r.status != 200) {
                qWarning("pull failed: %d %s", r.status, r.body.constData());
                return {};
            }
            const nlohmann::json body = r.json();
            for (const auto &c : body["changes"])
                rows.insert(QString::fromStdString(c["id"].get<std::string>()), c.value("row", nlohmann::json()));
            cursor = QString::fromStdString(body["cursor"].get<std::string>());
            if (!body["has_more"].get<bool>())
                break;
        }
        return rows;
    }
    qint64 revisionsOf(const QString &row)
    {
        // Each applied change leaves one revision: the count says how often
        // a row was written.
        auto db = quire::test::TestDatabase::open(m_server);
        if (!db)
            return -1;
        auto n = (*db)->scalar(QStringLiteral("SELECT count(*) FROM sync_revisions WHERE row_id = ?"), { row });
        return n ? n->toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString data = m_dir.filePath(QStringLiteral("server"));
        QVERIFY(createUser(data, QStringLiteral("writer@example.org"), QStringLiteral("editor"), kPassword));
        QVERIFY(createUser(data, QStringLiteral("reader@example.org"), QStringLiteral("reader"), kPassword));
        ServerProcess::Options options;
        options.dataDir = data;
        QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));
        m_http = std::make_unique<TestHttpClient>(m_server.url(), m_server.fingerprint());
        const HttpResult login
            = m_http->postJson(QStringLiteral("/api/v1/auth/login"),
                               R"({"email":"writer@example.org","password":"correct horse battery staple"})");
        QCOMPARE(login.status, 200);
        m_token = QByteArray::fromStdString(login.json()["access_token"].get<std::string>());
    }

    void oneBatchPushedThreeTimesAppliesOnce()
    {
        const QString client = Uuid::createV7();
        const QString a = Uuid::createV7();
        const QString b = Uuid::createV7();
        const nlohmann::json body = batch(client, 0,
                                          { mutation(1, a, QStringLiteral("A1")), mutation(2, b, QStringLiteral("B1")),
                                            mutation(3, a, QStringLiteral("A2"), 0) });
        const HttpResult first = push(body);
        QCOMPARE(first.status, 200);
        for (int i = 0; i < 2; ++i) {
            const HttpResult again = push(body);
            QCOMPARE(again.status, 200);
            QVERIFY(again.json()["results"] == first.json()["results"]); // the very same answers
            QCOMPARE(again.json()["expected"].get<int>(), 4);
        }
        QCOMPARE(revisionsOf(a), 2);
        QCOMPARE(revisionsOf(b), 1);
        const auto rows = allRows();
        QCOMPARE(QString::fromStdString(rows.value(a)["title"].get<std::string>()), QStringLiteral("A2"));
    }

    void duplicatedAndReorderedRequestsApplyOnceInOrder()
    {
        const QString client = Uuid::createV7();
        const QString row = Uuid::createV7();
        const nlohmann::json p1
            = batch(client, 0, { mutation(1, row, QStringLiteral("one")), mutation(2, row, QStringLiteral("two")) });
        const nlohmann::json p2
            = batch(client, 0, { mutation(3, row, QStringLiteral("three")), mutation(4, row, QStringLiteral("four")) });
        // P2 arrives before P1: a gap, nothing applied, the number expected named.
        HttpResult r = push(p2);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["results"].size(), size_t(0));
        QCOMPARE(r.json()["expected"].get<int>(), 1);
        QCOMPARE(push(p1).json()["expected"].get<int>(), 3);
        QCOMPARE(push(p2).json()["expected"].get<int>(), 5);
        r = push(p1); // a late duplicate of the first
        QCOMPARE(r.json()["results"].size(), size_t(2));
        QCOMPARE(push(p2).json()["expected"].get<int>(), 5);
        QCOMPARE(revisionsOf(row), 4);
        QCOMPARE(QString::fromStdString(allRows().value(row)["title"].get<std::string>()), QStringLiteral("four"));
    }

    void acknowledgedResultsAreForgotten()
    {
        const QString client = Uuid::createV7();
        const QString row = Uuid::createV7();
        QCOMPARE(push(batch(client, 0, nlohmann::json::array({ mutation(1, row, QStringLiteral("x")) }))).status, 200);
        QCOMPARE(push(batch(client, 1, nlohmann::json::array())).status, 200);
        auto db = quire::test::TestDatabase::open(m_server);
        QVERIFY(db);
        auto n = (*db)->scalar(QStringLiteral("SELECT count(*) FROM sync_results WHERE client_id = ?"), { client });
        QVERIFY(n);
        QCOMPARE(n->toInt(), 0);
    }

    void incompatibleSchemaIsRefusedClearly_data()
    {
        QTest::addColumn<int>("schema");
        QTest::addColumn<QString>("code");
        QTest::newRow("too old") << 0 << QStringLiteral("client_outdated");
        // Schema 1 called the articles' table `guides`.
        QTest::newRow("before the articles table") << 1 << QStringLiteral("client_outdated");
        QTest::newRow("too new") << 99 << QStringLiteral("server_outdated");
    }
    void incompatibleSchemaIsRefusedClearly()
    {
        QFETCH(int, schema);
        QFETCH(QString, code);
        nlohmann::json body = batch(Uuid::createV7(), 0, nlohmann::json::array());
        body["schema_version"] = schema;
        const HttpResult p = push(body);
        QCOMPARE(p.status, 426);
        QCOMPARE(QString::fromStdString(p.json()["error"]["code"].get<std::string>()), code);
        QVERIFY(p.json()["error"]["message"].get<std::string>().find("update") != std::string::npos
                || p.json()["error"]["message"].get<std::string>().find("Update") != std::string::npos);
        const HttpResult q = pull(QStringLiteral("cursor=&schema_version=%1").arg(schema));
        QCOMPARE(q.status, 426);
    }

    void badInputIsRefusedWithReasons_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("not an object") << QByteArray("[]") << 400;
        QTest::newRow("no client id") << QByteArray(R"({"schema_version":2,"mutations":[]})") << 400;
        QTest::newRow("mutations not an array")
            << QByteArray(R"({"client_id":"01890a5d-ac96-774b-bcce-b302099a8057","schema_version":2,"mutations":{}})")
            << 400;
        QTest::newRow("ids not consecutive") << QByteArray(
            R"({"client_id":"01890a5d-ac96-774b-bcce-b302099a8057","schema_version":2,"mutations":[)"
            R"({"id":1,"table":"articles","row_id":"01890a5d-ac96-774b-bcce-b302099a8058","op":"delete"},)"
            R"({"id":3,"table":"articles","row_id":"01890a5d-ac96-774b-bcce-b302099a8058","op":"delete"}]})")
                                             << 400;
        QTest::newRow("unknown op") << QByteArray(
            R"({"client_id":"01890a5d-ac96-774b-bcce-b302099a8057","schema_version":2,"mutations":[)"
            R"({"id":1,"table":"articles","row_id":"01890a5d-ac96-774b-bcce-b302099a8058","op":"merge"}]})")
                                    << 400;
    }
    void badInputIsRefusedWithReasons()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const HttpResult r
            = m_http->request("POST", QStringLiteral("/api/v1/sync/push"), body,
                              { { "Content-Type", "application/json" }, { "Authorization", "Bearer " + m_token } });
        QCOMPARE(r.status, status);
        QVERIFY(r.json()["error"]["code"].is_string());
    }

    void refusedMutationsComeBackWithReasonsAndTheQueueFlows()
    {
        const QString client = Uuid::createV7();
        const QString good = Uuid::createV7();
        nlohmann::json bad = mutation(1, Uuid::createV7(), QString()); // a blank title
        nlohmann::json serverOwned = mutation(2, Uuid::createV7(), QStringLiteral("t"));
        serverOwned["fields"]["owner_id"] = Uuid::createV7().toStdString();
        nlohmann::json unknownTable = mutation(3, Uuid::createV7(), QStringLiteral("t"));
        unknownTable["table"] = "payments";
        const HttpResult r
            = push(batch(client, 0, { bad, serverOwned, unknownTable, mutation(4, good, QStringLiteral("fine")) }));
        QCOMPARE(r.status, 200);
        const nlohmann::json answer = r.json();
        const auto &results = answer["results"];
        QCOMPARE(results.size(), size_t(4));
        QCOMPARE(results[0]["outcome"].get<std::string>(), std::string("rejected"));
        QCOMPARE(results[0]["reason"]["code"].get<std::string>(), std::string("validation_failed"));
        QVERIFY(results[0]["reason"]["fields"].contains("title"));
        QCOMPARE(results[1]["reason"]["fields"].contains("owner_id"), true);
        QCOMPARE(results[2]["reason"]["code"].get<std::string>(), std::string("unknown_table"));
        QCOMPARE(results[3]["outcome"].get<std::string>(), std::string("applied"));
        QVERIFY(allRows().contains(good));
    }

    void readersCannotWriteAndPullOnlyWhatTheyMaySee()
    {
        const HttpResult login
            = m_http->postJson(QStringLiteral("/api/v1/auth/login"),
                               R"({"email":"reader@example.org","password":"correct horse battery staple"})");
        const QByteArray readerToken = QByteArray::fromStdString(login.json()["access_token"].get<std::string>());
        const HttpResult r = m_http->request(
            "POST", QStringLiteral("/api/v1/sync/push"),
            quire::shared::toJsonBytes(batch(
                Uuid::createV7(), 0, nlohmann::json::array({ mutation(1, Uuid::createV7(), QStringLiteral("x")) }))),
            { { "Content-Type", "application/json" }, { "Authorization", "Bearer " + readerToken } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["results"][0]["reason"]["code"].get<std::string>(), std::string("forbidden"));
        // Drafts of others stay invisible to a reader.
        const HttpResult p = m_http->request("GET", QStringLiteral("/api/v1/sync/pull?cursor=&schema_version=2"), {},
                                             { { "Authorization", "Bearer " + readerToken } });
        QCOMPARE(p.status, 200);
        QCOMPARE(p.json()["changes"].size(), size_t(0));
    }

    void badCursorsAndLimits_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("garbage cursor") << QStringLiteral("cursor=abc&schema_version=2") << 400
                                        << QStringLiteral("validation_failed");
        QTest::newRow("negative seq") << QStringLiteral("cursor=abc:-1&schema_version=2") << 400
                                      << QStringLiteral("validation_failed");
        QTest::newRow("other epoch") << QStringLiteral("cursor=deadbeef:1&schema_version=2") << 409
                                     << QStringLiteral("resync_required");
        QTest::newRow("limit zero") << QStringLiteral("cursor=&limit=0&schema_version=2") << 400
                                    << QStringLiteral("validation_failed");
        QTest::newRow("limit huge") << QStringLiteral("cursor=&limit=100000&schema_version=2") << 400
                                    << QStringLiteral("validation_failed");
        QTest::newRow("no schema") << QStringLiteral("cursor=") << 400 << QStringLiteral("validation_failed");
    }
    void badCursorsAndLimits()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpResult r = pull(query);
        QCOMPARE(r.status, status);
        QCOMPARE(QString::fromStdString(r.json()["error"]["code"].get<std::string>()), code);
    }

    void unauthenticatedSyncIsRefused()
    {
        const HttpResult r = m_http->request("GET", QStringLiteral("/api/v1/sync/pull?cursor=&schema_version=2"));
        QCOMPARE(r.status, 401);
    }
};

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "tst_syncprotocol.moc"
