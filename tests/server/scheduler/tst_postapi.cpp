// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler's posts over the real server (TLS): a post is written with
// its destinations in one transaction and read with them; a PUT's
// destinations are the whole set (kept by platform, added, removed);
// scheduled_at is checked and kept in UTC; the author sets only draft,
// scheduled and cancelled, by the API and by a replica's push alike, and
// never the publisher's columns; another creator's post, client and
// platform can be neither reached nor named (IDOR); the role matrix.
#include "tests/server/scheduler/schedulerapifixture.h"

#include <QTest>

using nlohmann::json;
using quire::test::HttpResult;

class TestPostApi : public quire::test::SchedulerApiFixture
{
    Q_OBJECT

    QString m_client, m_mastodon, m_bluesky, m_webhook; // the creator's
    QString m_otherClient, m_otherClientsPlatform; // the creator's too, another client
    QString m_strangersClient, m_strangersPlatform;

    json postBody(const json &destinations = json::array())
    {
        return { { "client_id", m_client.toStdString() },
                 { "title", "Launch day" },
                 { "body", "We are live!" },
                 { "destinations", destinations } };
    }

    static json destination(const QString &platform) { return { { "platform_id", platform.toStdString() } }; }

    // The platforms of a post's destinations, in their order.
    static QStringList platformsOf(const json &post)
    {
        QStringList out;
        for (const json &d : post.value("destinations", json::array()))
            out << text(d, "platform_id");
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(startWithCreators());
        m_client = make(QStringLiteral("clients"), m_creator,
                        { { "name", "Bea Streams" }, { "time_zone", "America/New_York" } });
        m_mastodon = makePlatform(m_creator, m_client, "mastodon");
        m_bluesky = makePlatform(m_creator, m_client, "bluesky");
        m_webhook = makePlatform(m_creator, m_client, "webhook");
        m_otherClient = makeClient(m_creator, QStringLiteral("Second"));
        m_otherClientsPlatform = makePlatform(m_creator, m_otherClient);
        m_strangersClient = makeClient(m_stranger);
        m_strangersPlatform = makePlatform(m_stranger, m_strangersClient);
        for (const QString &id : { m_client, m_mastodon, m_bluesky, m_webhook, m_otherClient, m_otherClientsPlatform,
                                   m_strangersClient, m_strangersPlatform })
            QVERIFY(!id.isEmpty());
    }

    void createsWithDestinationsReadsChangesAndDeletes()
    {
        json body = postBody(json::array({ destination(m_mastodon),
                                           { { "platform_id", m_bluesky.toStdString() },
                                             { "text", "Live on Bluesky" },
                                             { "media", json::array({ "/media/" + std::string(64, 'a') }) },
                                             { "options", { { "labels", "none" } } } } }));
        body["scheduled_at"] = "2027-03-01T10:00:00+01:00";
        body["status"] = "scheduled";
        const HttpResult made = post(QStringLiteral("posts"), m_creator, body);
        QCOMPARE(made.status, 201);
        const json created = made.json();
        const QString id = text(created, "id");
        // Kept in UTC, the one form that sorts; the client's zone for display.
        QCOMPARE(text(created, "scheduled_at"), QStringLiteral("2027-03-01T09:00:00.000Z"));
        QCOMPARE(text(created, "time_zone"), QStringLiteral("America/New_York"));
        QCOMPARE(text(created, "status"), QStringLiteral("scheduled"));
        QCOMPARE(platformsOf(created), (QStringList { m_mastodon, m_bluesky }));
        const json variant = created["destinations"][1];
        QCOMPARE(text(variant, "text"), QStringLiteral("Live on Bluesky"));
        QCOMPARE_JSON(variant["media"], json({ "/media/" + std::string(64, 'a') }));
        QCOMPARE_JSON(variant["options"], json({ { "labels", "none" } }));
        QCOMPARE(text(variant, "status"), QStringLiteral("pending"));
        QCOMPARE(text(variant, "attempts"), QStringLiteral("0"));
        const QString path = QStringLiteral("/api/v1/posts/") + id;
        const HttpResult got = m_fx.call("GET", path, m_creator);
        QCOMPARE(got.status, 200);
        QCOMPARE_JSON(got.json()["destinations"], created["destinations"]);

        // The whole set: Bluesky's kept (and changed), Mastodon's gone, the webhook added.
        const QString blueskyDestination = text(variant, "id");
        const HttpResult changed = m_fx.call(
            "PUT", path, m_creator,
            quire::test::json({ { "title", "Launch day (moved)" },
                                { "rev", got.json()["rev"] },
                                { "destinations",
                                  { { { "platform_id", m_bluesky.toStdString() }, { "text", "Still live" } },
                                    destination(m_webhook) } } }));
        QCOMPARE(changed.status, 200);
        QCOMPARE(text(changed.json(), "title"), QStringLiteral("Launch day (moved)"));
        QCOMPARE(platformsOf(changed.json()), (QStringList { m_bluesky, m_webhook }));
        QCOMPARE(text(changed.json()["destinations"][0], "id"), blueskyDestination);
        QCOMPARE(text(changed.json()["destinations"][0], "text"), QStringLiteral("Still live"));
        // Without destinations, a PUT leaves them be.
        const HttpResult retitled = m_fx.call("PUT", path, m_creator, quire::test::json({ { "title", "Launch" } }));
        QCOMPARE(retitled.status, 200);
        QCOMPARE(platformsOf(retitled.json()), (QStringList { m_bluesky, m_webhook }));

        const HttpResult listed
            = m_fx.call("GET", QStringLiteral("/api/v1/posts?status=scheduled&client=") + m_client, m_creator);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.json()["items"].size(), size_t(1));
        QCOMPARE(text(listed.json()["items"][0], "id"), id);

        QCOMPARE(m_fx.call("DELETE", path, m_creator).status, 204);
        QCOMPARE(m_fx.call("GET", path, m_creator).status, 404);
        const HttpResult left = m_fx.call("GET", QStringLiteral("/api/v1/post-destinations?post=") + id, m_creator);
        QCOMPARE(left.status, 200);
        QVERIFY(left.json()["items"].empty());
    }

    void refusesBadFields_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<QString>("field");
        const auto with = [](const char *key, const json &value) { return quire::test::json({ { key, value } }); };
        QTest::newRow("no client") << with("client_id", nullptr) << QStringLiteral("client_id");
        QTest::newRow("time without zone")
            << with("scheduled_at", "2027-03-01T10:00:00") << QStringLiteral("scheduled_at");
        QTest::newRow("time in words") << with("scheduled_at", "tomorrow") << QStringLiteral("scheduled_at");
        QTest::newRow("time out of range")
            << with("scheduled_at", "2027-02-30T10:00:00Z") << QStringLiteral("scheduled_at");
        QTest::newRow("unknown status") << with("status", "viral") << QStringLiteral("status");
        QTest::newRow("published by hand") << with("status", "published") << QStringLiteral("status");
        QTest::newRow("publishing by hand") << with("status", "publishing") << QStringLiteral("status");
        QTest::newRow("scheduled without time") << with("status", "scheduled") << QStringLiteral("scheduled_at");
        QTest::newRow("unknown zone") << with("time_zone", "Europe/Atlantis") << QStringLiteral("time_zone");
        QTest::newRow("destinations not a list") << with("destinations", "all") << QStringLiteral("destinations");
        QTest::newRow("destination without platform")
            << with("destinations", { { { "text", "x" } } }) << QStringLiteral("destinations[0].platform_id");
        QTest::newRow("destination names its post")
            << with("destinations",
                    { { { "platform_id", "0190a0a0-0000-7000-8000-000000000000" },
                        { "post_id", "0190a0a0-0000-7000-8000-000000000000" } } })
            << QStringLiteral("destinations[0].post_id");
        QTest::newRow("destination options a list")
            << with("destinations",
                    { { { "platform_id", "0190a0a0-0000-7000-8000-000000000000" }, { "options", json::array() } } })
            << QStringLiteral("destinations[0].options");
        QTest::newRow("destination media not strings") << with(
            "destinations", { { { "platform_id", "0190a0a0-0000-7000-8000-000000000000" }, { "media", { 1, 2 } } } })
                                                       << QStringLiteral("destinations[0].media");
        QTest::newRow("destination status")
            << with("destinations", { { { "platform_id", "x" }, { "status", "published" } } })
            << QStringLiteral("destinations[0].status");
    }
    void refusesBadFields()
    {
        QFETCH(QByteArray, sent);
        QFETCH(QString, field);
        json body = postBody();
        const json changes = json::parse(sent.toStdString());
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it->is_null())
                body.erase(it.key());
            else
                body[it.key()] = *it;
        }
        const HttpResult r = post(QStringLiteral("posts"), m_creator, body);
        QCOMPARE(r.status, 400);
        QVERIFY2(errorFields(r).contains(field), r.body.constData());
    }

    // The IDOR guard and the client's own platforms: a destination names a
    // platform of the post's client that its author owns.
    void refusesPlatformsAndClientsNotOfThePost_data()
    {
        QTest::addColumn<QString>("clientOf");
        QTest::addColumn<QString>("platformOf");
        QTest::addColumn<QString>("field");
        QTest::newRow("another's client") << QStringLiteral("stranger") << QString() << QStringLiteral("client_id");
        QTest::newRow("another's platform")
            << QString() << QStringLiteral("stranger") << QStringLiteral("destinations[0].platform_id");
        QTest::newRow("another client's platform")
            << QString() << QStringLiteral("other") << QStringLiteral("destinations[0].platform_id");
    }
    void refusesPlatformsAndClientsNotOfThePost()
    {
        QFETCH(QString, clientOf);
        QFETCH(QString, platformOf);
        QFETCH(QString, field);
        json body
            = postBody(json::array({ destination(platformOf == QLatin1String("stranger")    ? m_strangersPlatform
                                                     : platformOf == QLatin1String("other") ? m_otherClientsPlatform
                                                                                            : m_mastodon) }));
        if (!clientOf.isEmpty())
            body["client_id"] = m_strangersClient.toStdString();
        body["title"] = "Refused";
        const HttpResult r = post(QStringLiteral("posts"), m_creator, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorFields(r), QStringList { field });
        // Nothing of it was kept: the post and its destinations are one write.
        const HttpResult listed = m_fx.call("GET", QStringLiteral("/api/v1/posts?q=Refused"), m_creator);
        QCOMPARE(listed.status, 200);
        QVERIFY(listed.json()["items"].empty());
    }

    void anotherUsersPostIsNotFound()
    {
        const HttpResult theirs = post(QStringLiteral("posts"), m_stranger,
                                       { { "client_id", m_strangersClient.toStdString() },
                                         { "body", "Mine" },
                                         { "destinations", json::array({ destination(m_strangersPlatform) }) } });
        QCOMPARE(theirs.status, 201);
        const QString path = QStringLiteral("/api/v1/posts/") + text(theirs.json(), "id");
        QCOMPARE(m_fx.call("GET", path, m_creator).status, 404);
        QCOMPARE(m_fx.call("PUT", path, m_creator, quire::test::json({ { "status", "cancelled" } })).status, 404);
        QCOMPARE(m_fx.call("DELETE", path, m_creator).status, 404);
        const QString destinationPath
            = QStringLiteral("/api/v1/post-destinations/") + text(theirs.json()["destinations"][0], "id");
        QCOMPARE(m_fx.call("GET", destinationPath, m_creator).status, 404);
        QCOMPARE(text(m_fx.call("GET", path, m_stranger).json(), "status"), QStringLiteral("draft"));
    }

    // The publisher's statuses and columns are refused from a replica too,
    // and the author's statuses are not.
    void replicaCannotSetThePublishersValues_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("refused");
        QTest::newRow("published") << QStringLiteral("posts") << QByteArray(R"({"status":"published"})")
                                   << QStringLiteral("status") << true;
        QTest::newRow("partially published")
            << QStringLiteral("posts") << QByteArray(R"({"status":"partially_published"})") << QStringLiteral("status")
            << true;
        QTest::newRow("failed") << QStringLiteral("posts") << QByteArray(R"({"status":"failed"})")
                                << QStringLiteral("status") << true;
        QTest::newRow("cancelled") << QStringLiteral("posts") << QByteArray(R"({"status":"cancelled"})")
                                   << QStringLiteral("status") << false;
        QTest::newRow("destination status")
            << QStringLiteral("post_destinations") << QByteArray(R"({"status":"published"})")
            << QStringLiteral("status") << true;
        QTest::newRow("destination url") << QStringLiteral("post_destinations")
                                         << quire::test::json({ { "published_url", "https://x.example/1" } })
                                         << QStringLiteral("published_url") << true;
        QTest::newRow("destination attempts")
            << QStringLiteral("post_destinations") << QByteArray(R"({"attempts":"9"})") << QStringLiteral("attempts")
            << true;
    }
    void replicaCannotSetThePublishersValues()
    {
        QFETCH(QString, table);
        QFETCH(QByteArray, sent);
        QFETCH(QString, field);
        QFETCH(bool, refused);
        const HttpResult made
            = post(QStringLiteral("posts"), m_creator, postBody(json::array({ destination(m_mastodon) })));
        QCOMPARE(made.status, 201);
        json fields = json::parse(sent.toStdString());
        if (table == QLatin1String("posts")) {
            fields["client_id"] = m_client.toStdString();
        } else {
            fields["post_id"] = made.json()["id"];
            fields["platform_id"] = m_bluesky.toStdString();
        }
        const HttpResult pushed = m_fx.pushUpsert(m_creator, table, quire::shared::Uuid::createV7(), fields);
        QCOMPARE(pushed.status, 200);
        const json result = pushed.json()["results"][0];
        QCOMPARE(result.value("outcome", std::string()) == "rejected", refused);
        if (refused)
            QVERIFY2(result["reason"]["fields"].contains(field.toStdString()), result.dump().c_str());
        // A change of an existing post by the API is held to the same rule.
        if (table == QLatin1String("posts") && refused) {
            const HttpResult put
                = m_fx.call("PUT", QStringLiteral("/api/v1/posts/") + text(made.json(), "id"), m_creator, sent);
            QCOMPARE(put.status, 400);
            QCOMPARE(errorFields(put), QStringList { field });
        }
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
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/posts"), token).status, allowed ? 200 : 403);
        if (!allowed) {
            QCOMPARE(post(QStringLiteral("posts"), token, postBody()).status, 403);
            // Nor by a replica's push.
            const HttpResult pushed = m_fx.pushUpsert(token, QStringLiteral("posts"), quire::shared::Uuid::createV7(),
                                                      { { "client_id", m_client.toStdString() } });
            QCOMPARE(pushed.json()["results"][0].value("outcome", std::string()), std::string("rejected"));
            return;
        }
        const QString client = makeClient(token);
        const QString platform = makePlatform(token, client);
        const HttpResult made = post(
            QStringLiteral("posts"), token,
            { { "client_id", client.toStdString() }, { "destinations", json::array({ destination(platform) }) } });
        QCOMPARE(made.status, 201);
        QCOMPARE(platformsOf(made.json()), QStringList { platform });
    }
};

QTEST_GUILESS_MAIN(TestPostApi)
#include "tst_postapi.moc"
