// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler's clients over the real server (TLS): create, read, change
// (with the rev a client edited), list and delete; every field checked with
// field errors; the role matrix's schedule_posts at the door; another
// creator's client neither seen nor changed (404); and a client's delete
// takes its platforms, posts and destinations along.
#include "tests/server/scheduler/schedulerapifixture.h"

#include <QTest>

using nlohmann::json;
using quire::test::HttpResult;

class TestClientApi : public quire::test::SchedulerApiFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(startWithCreators()); }

    void createsReadsChangesListsAndDeletes()
    {
        const HttpResult made = post(QStringLiteral("clients"), m_creator,
                                     { { "name", "Bea Streams" },
                                       { "handle", "@bea" },
                                       { "notes", "Prefers mornings." },
                                       { "time_zone", "Europe/Berlin" },
                                       { "tags", { "gaming", "vip" } } });
        QCOMPARE(made.status, 201);
        const json client = made.json();
        const QString id = text(client, "id");
        QVERIFY(made.header("Location").endsWith(id.toUtf8()));
        QCOMPARE(text(client, "name"), QStringLiteral("Bea Streams"));
        QCOMPARE(text(client, "time_zone"), QStringLiteral("Europe/Berlin"));
        QCOMPARE_JSON(client["tags"], json({ "gaming", "vip" }));
        const QString path = QStringLiteral("/api/v1/clients/") + id;

        HttpResult got = m_fx.call("GET", path, m_creator);
        QCOMPARE(got.status, 200);
        QCOMPARE(text(got.json(), "handle"), QStringLiteral("@bea"));
        const qint64 rev = got.json()["rev"].get<qint64>();

        const HttpResult changed
            = m_fx.call("PUT", path, m_creator, quire::test::json({ { "notes", "Evenings now." }, { "rev", rev } }));
        QCOMPARE(changed.status, 200);
        QCOMPARE(text(changed.json(), "notes"), QStringLiteral("Evenings now."));
        QCOMPARE(text(changed.json(), "name"), QStringLiteral("Bea Streams"));
        QVERIFY(changed.json()["rev"].get<qint64>() > rev);
        // The rev it edited is gone: the change is refused, not merged blindly.
        const HttpResult stale
            = m_fx.call("PUT", path, m_creator, quire::test::json({ { "notes", "Late." }, { "rev", rev } }));
        QCOMPARE(stale.status, 412);

        const HttpResult listed = m_fx.call("GET", QStringLiteral("/api/v1/clients?tag=vip"), m_creator);
        QCOMPARE(listed.status, 200);
        QStringList ids;
        const json page = listed.json();
        for (const json &item : page["items"])
            ids << text(item, "id");
        QVERIFY2(ids.contains(id), listed.body.constData());

        QCOMPARE(m_fx.call("DELETE", path, m_creator).status, 204);
        QCOMPARE(m_fx.call("GET", path, m_creator).status, 404);
    }

    // A new client without a zone shows times in UTC.
    void timeZoneDefaultsToUtc()
    {
        const HttpResult made = post(QStringLiteral("clients"), m_creator, { { "name", "Zoneless" } });
        QCOMPARE(made.status, 201);
        QCOMPARE(text(made.json(), "time_zone"), QStringLiteral("UTC"));
        QCOMPARE_JSON(made.json()["tags"], json::array());
    }

    void refusesBadFields_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << QByteArray(R"({"handle":"@x"})") << QStringLiteral("name");
        QTest::newRow("blank name") << QByteArray(R"({"name":"  "})") << QStringLiteral("name");
        QTest::newRow("name not text") << QByteArray(R"({"name":5})") << QStringLiteral("name");
        QTest::newRow("long name") << quire::test::json({ { "name", std::string(121, 'x') } })
                                   << QStringLiteral("name");
        QTest::newRow("unknown zone") << QByteArray(R"({"name":"A","time_zone":"Mars/Olympus"})")
                                      << QStringLiteral("time_zone");
        QTest::newRow("tags not a list") << QByteArray(R"({"name":"A","tags":"vip"})") << QStringLiteral("tags");
        QTest::newRow("tags of numbers") << QByteArray(R"({"name":"A","tags":[1]})") << QStringLiteral("tags");
        QTest::newRow("repeated tags") << QByteArray(R"({"name":"A","tags":["a","a"]})") << QStringLiteral("tags");
        QTest::newRow("owner") << QByteArray(R"({"name":"A","owner_id":"x"})") << QStringLiteral("owner_id");
        QTest::newRow("unknown field") << QByteArray(R"({"name":"A","colour":"red"})") << QStringLiteral("colour");
    }
    void refusesBadFields()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/clients"), m_creator, body);
        QCOMPARE(r.status, 400);
        QVERIFY2(errorFields(r).contains(field), r.body.constData());
        // A change is checked the same way.
        const QString id = makeClient(m_creator);
        QVERIFY(!id.isEmpty());
        if (field != QLatin1String("name") || body.contains("\"name\":")) {
            const HttpResult put = m_fx.call("PUT", QStringLiteral("/api/v1/clients/") + id, m_creator, body);
            QCOMPARE(put.status, 400);
            QVERIFY2(errorFields(put).contains(field), put.body.constData());
        }
    }

    // schedule_posts: creators, editors and admins; not authors or readers.
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
        const HttpResult made = post(QStringLiteral("clients"), token, { { "name", "Role check" } });
        QCOMPARE(made.status, allowed ? 201 : 403);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/clients"), token).status, allowed ? 200 : 403);
        const QString mine = makeClient(m_creator);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/clients/") + mine, token).status,
                 allowed ? (role == QLatin1String("creator") ? 200 : 404) : 403);
    }

    // Another creator's client does not exist for them: not read, changed,
    // deleted or listed.
    void anotherUsersClientIsNotFound()
    {
        const QString id = makeClient(m_creator, QStringLiteral("Private Person"));
        QVERIFY(!id.isEmpty());
        const QString path = QStringLiteral("/api/v1/clients/") + id;
        QCOMPARE(m_fx.call("GET", path, m_stranger).status, 404);
        QCOMPARE(m_fx.call("PUT", path, m_stranger, quire::test::json({ { "name", "Mine now" } })).status, 404);
        QCOMPARE(m_fx.call("DELETE", path, m_stranger).status, 404);
        const HttpResult listed = m_fx.call("GET", QStringLiteral("/api/v1/clients?q=Private"), m_stranger);
        QCOMPARE(listed.status, 200);
        QVERIFY(listed.json()["items"].empty());
        QCOMPARE(text(m_fx.call("GET", path, m_creator).json(), "name"), QStringLiteral("Private Person"));
    }

    // One delete takes the client's platforms, posts and their destinations.
    void deleteTakesPlatformsPostsAndDestinations()
    {
        const QString client = makeClient(m_creator);
        const QString platform = makePlatform(m_creator, client);
        QVERIFY(!platform.isEmpty());
        const HttpResult made = post(QStringLiteral("posts"), m_creator,
                                     { { "client_id", client.toStdString() },
                                       { "body", "Hello" },
                                       { "destinations", { { { "platform_id", platform.toStdString() } } } } });
        QCOMPARE(made.status, 201);
        const QString postId = text(made.json(), "id");
        const QString destination = text(made.json()["destinations"][0], "id");
        QVERIFY(!destination.isEmpty());

        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/clients/") + client, m_creator).status, 204);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/platforms/") + platform, m_creator).status, 404);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/posts/") + postId, m_creator).status, 404);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/post-destinations/") + destination, m_creator).status, 404);
        const HttpResult left
            = m_fx.call("GET", QStringLiteral("/api/v1/post-destinations?post=%1").arg(postId), m_creator);
        QCOMPARE(left.status, 200);
        QVERIFY(left.json()["items"].empty());
    }
};

QTEST_GUILESS_MAIN(TestClientApi)
#include "tst_clientapi.moc"
