// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler's platforms over the real server (TLS): create, read,
// change, list by client and kind, and delete; settings as a JSON object;
// every field checked (unknown kind, bad address, missing client); the
// role matrix; and the IDOR guard: another creator's client cannot be
// named, another's platform is 404, and a platform never moves to another
// client. credential_set_at is the server's.
#include "tests/server/scheduler/schedulerapifixture.h"

#include <QTest>

using nlohmann::json;
using quire::test::HttpResult;

class TestPlatformApi : public quire::test::SchedulerApiFixture
{
    Q_OBJECT

    QString m_client; // the creator's
    QString m_strangersClient;

private slots:
    void initTestCase()
    {
        QVERIFY(startWithCreators());
        m_client = makeClient(m_creator);
        m_strangersClient = makeClient(m_stranger, QStringLiteral("Someone else's"));
        QVERIFY(!m_client.isEmpty() && !m_strangersClient.isEmpty());
    }

    void createsReadsChangesListsAndDeletes()
    {
        const HttpResult made = post(QStringLiteral("platforms"), m_creator,
                                     { { "client_id", m_client.toStdString() },
                                       { "kind", "bluesky" },
                                       { "display_name", "Bea on Bluesky" },
                                       { "account_handle", "bea.bsky.social" },
                                       { "base_url", "https://bsky.social" },
                                       { "settings", { { "language", "en" }, { "limit", 300 } } } });
        QCOMPARE(made.status, 201);
        const json platform = made.json();
        const QString id = text(platform, "id");
        QCOMPARE(text(platform, "kind"), QStringLiteral("bluesky"));
        QCOMPARE_JSON(platform["settings"], json({ { "language", "en" }, { "limit", 300 } }));
        QCOMPARE(text(platform, "credential_set_at"), QString());
        const QString path = QStringLiteral("/api/v1/platforms/") + id;

        const HttpResult changed
            = m_fx.call("PUT", path, m_creator,
                        quire::test::json({ { "display_name", "Bea (Bluesky)" }, { "settings", json::object() } }));
        QCOMPARE(changed.status, 200);
        QCOMPARE(text(changed.json(), "display_name"), QStringLiteral("Bea (Bluesky)"));
        QCOMPARE_JSON(changed.json()["settings"], json::object());
        QCOMPARE(text(changed.json(), "account_handle"), QStringLiteral("bea.bsky.social"));

        const QString webhook = makePlatform(m_creator, m_client, "webhook");
        const auto listed = [&](const QString &query) {
            QStringList ids;
            const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/platforms?") + query, m_creator);
            for (const json &item : r.json().value("items", json::array()))
                ids << text(item, "id");
            return ids;
        };
        QCOMPARE(listed(QStringLiteral("client=") + m_client + QStringLiteral("&kind=bluesky")), QStringList { id });
        QVERIFY(listed(QStringLiteral("kind=webhook")).contains(webhook));
        QVERIFY(listed(QStringLiteral("client=") + m_strangersClient).isEmpty());

        QCOMPARE(m_fx.call("DELETE", path, m_creator).status, 204);
        QCOMPARE(m_fx.call("GET", path, m_creator).status, 404);
    }

    void refusesBadFields_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<QString>("field");
        const json good { { "kind", "mastodon" }, { "display_name", "Masto" } };
        const auto with = [&](const char *key, const json &value) {
            json b = good;
            b[key] = value;
            return quire::test::json(b);
        };
        QTest::newRow("no client") << quire::test::json(good) << QStringLiteral("client_id");
        QTest::newRow("client not an id") << with("client_id", "abc") << QStringLiteral("client_id");
        QTest::newRow("unknown kind") << with("kind", "myspace") << QStringLiteral("kind");
        QTest::newRow("no name") << with("display_name", "") << QStringLiteral("display_name");
        QTest::newRow("settings not an object") << with("settings", "{}") << QStringLiteral("settings");
        QTest::newRow("settings a list") << with("settings", json::array()) << QStringLiteral("settings");
        QTest::newRow("address not web") << with("base_url", "ftp://files.example.org") << QStringLiteral("base_url");
        QTest::newRow("address no host") << with("base_url", "https://") << QStringLiteral("base_url");
        QTest::newRow("credential time") << with("credential_set_at", "2027-01-01T00:00:00.000Z")
                                         << QStringLiteral("credential_set_at");
    }
    void refusesBadFields()
    {
        QFETCH(QByteArray, sent);
        QFETCH(QString, field);
        json body = json::parse(sent.toStdString());
        if (!body.contains("client_id") && field != QLatin1String("client_id"))
            body["client_id"] = m_client.toStdString();
        const HttpResult r = post(QStringLiteral("platforms"), m_creator, body);
        QCOMPARE(r.status, 400);
        QVERIFY2(errorFields(r).contains(field), r.body.constData());
    }

    void roleMatrix_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("admin") << QStringLiteral("admin") << true;
        QTest::newRow("editor") << QStringLiteral("editor") << true;
        QTest::newRow("creator") << QStringLiteral("creator") << true;
        QTest::newRow("author") << QStringLiteral("author") << false;
        QTest::newRow("reader") << QStringLiteral("reader") << false;
    }
    void roleMatrix()
    {
        QFETCH(QString, role);
        QFETCH(bool, allowed);
        const QByteArray token = tokenOf(role);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/platforms"), token).status, allowed ? 200 : 403);
        if (!allowed) {
            const HttpResult r = post(QStringLiteral("platforms"), token,
                                      { { "client_id", m_client.toStdString() }, { "display_name", "X" } });
            QCOMPARE(r.status, 403);
            return;
        }
        const QString client = makeClient(token);
        QVERIFY(!client.isEmpty());
        QVERIFY(!makePlatform(token, client).isEmpty());
    }

    // The IDOR guard: another's client cannot be named (it answers as one
    // that does not exist), another's platform is 404 to read, change or
    // delete, and a platform stays with its client.
    void anotherUsersRowsCannotBeReachedOrNamed()
    {
        const HttpResult borrowed = post(QStringLiteral("platforms"), m_creator,
                                         { { "client_id", m_strangersClient.toStdString() },
                                           { "kind", "mastodon" },
                                           { "display_name", "Borrowed" } });
        QCOMPARE(borrowed.status, 400);
        QCOMPARE(errorFields(borrowed), QStringList { QStringLiteral("client_id") });

        const QString theirs = makePlatform(m_stranger, m_strangersClient);
        QVERIFY(!theirs.isEmpty());
        const QString path = QStringLiteral("/api/v1/platforms/") + theirs;
        QCOMPARE(m_fx.call("GET", path, m_creator).status, 404);
        QCOMPARE(m_fx.call("PUT", path, m_creator, quire::test::json({ { "display_name", "Mine" } })).status, 404);
        QCOMPARE(m_fx.call("DELETE", path, m_creator).status, 404);
        QCOMPARE(text(m_fx.call("GET", path, m_stranger).json(), "display_name"), QStringLiteral("On mastodon"));

        // Not by a replica's push either.
        const HttpResult pushed
            = m_fx.pushUpsert(m_creator, QStringLiteral("platforms"), quire::shared::Uuid::createV7(),
                              { { "client_id", m_strangersClient.toStdString() },
                                { "kind", "mastodon" },
                                { "display_name", "Borrowed" } });
        QCOMPARE(pushed.status, 200);
        QCOMPARE(pushed.json()["results"][0].value("outcome", std::string()), std::string("rejected"));
        QVERIFY(pushed.json()["results"][0]["reason"]["fields"].contains("client_id"));

        // A platform never moves to another client, not even one's own.
        const QString mine = makePlatform(m_creator, m_client);
        const QString otherClient = makeClient(m_creator, QStringLiteral("Second client"));
        const HttpResult moved = m_fx.call("PUT", QStringLiteral("/api/v1/platforms/") + mine, m_creator,
                                           quire::test::json({ { "client_id", otherClient.toStdString() } }));
        QCOMPARE(moved.status, 409);
        QCOMPARE(errorFields(moved), QStringList { QStringLiteral("client_id") });
    }
};

QTEST_GUILESS_MAIN(TestPlatformApi)
#include "tst_platformapi.moc"
