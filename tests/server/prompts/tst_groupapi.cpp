// SPDX-License-Identifier: GPL-3.0-or-later
// Prompt groups over the real server (TLS): create, read, change, list and
// delete groups; add prompts at the end, the start or after another, and
// remove them; pin members to a version or a label; reorder the whole list,
// moving only the members that must move, refusing a list that is not the
// members or an order that changed since it was read; and two clients
// reordering and adding at once, after which every member is there once
// and the order is one a client asked for.
#include "shared/uuid.h"
#include "tests/server/prompts/groupapifixture.h"

#include <QSet>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>

using nlohmann::json;
using quire::test::HttpResult;
using quire::test::TestHttpClient;

namespace {
QByteArray asBody(const json &j)
{
    return quire::test::json(j);
}
} // namespace

class TestGroupApi : public quire::test::GroupApiFixture
{
    Q_OBJECT

    QString m_group; // the author's group of five prompts (m_prompts, in that order)
    QStringList m_prompts;

    json group(const QString &id, const QByteArray &token) { return getJson(groupPath(id), token); }

    // The author's group with `n` fresh prompts, in the order made.
    QString groupOf(int n, QStringList &prompts)
    {
        const QString id = createGroup(m_author, QStringLiteral("Group of %1").arg(n));
        for (int i = 0; i < n; ++i) {
            prompts << promptWithVersions(m_author, QStringLiteral("Member %1").arg(i));
            if (addMember(m_author, id, prompts.last()).status != 201)
                return {};
        }
        return id;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(startWithUsers());
        m_group = groupOf(5, m_prompts);
        QVERIFY(!m_group.isEmpty());
    }

    void createsReadsChangesAndDeletesAGroup()
    {
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/groups"), m_author,
                                 asBody({ { "name", "Onboarding" }, { "description", "First week" } }));
        QCOMPARE(r.status, 201);
        const QString id = QString::fromStdString(r.json()["id"].get<std::string>());
        QCOMPARE(r.header("Location"), (QStringLiteral("/api/v1/groups/") + id).toUtf8());
        json g = group(id, m_author);
        QCOMPARE_JSON(g["name"], "Onboarding");
        QCOMPARE_JSON(g["description"], "First week");
        QCOMPARE_JSON(g["my_role"], "owner");
        QCOMPARE_JSON(g["owner"]["id"], userIdOf(QStringLiteral("author")).toStdString());
        QCOMPARE_JSON(g["members"], json::array());
        QCOMPARE_JSON(g["member_count"], 0);
        QCOMPARE_JSON(g["shares"], json::array());

        r = m_fx.call("PUT", groupPath(id), m_author, asBody({ { "name", "Onboarding 2" }, { "rev", g["rev"] } }));
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["name"], "Onboarding 2");
        QCOMPARE_JSON(r.json()["description"], "First week");
        // The revision the first change was made against is stale now.
        r = m_fx.call("PUT", groupPath(id), m_author, asBody({ { "name", "Lost" }, { "rev", g["rev"] } }));
        QCOMPARE(r.status, 412);
        QCOMPARE_JSON(r.json()["error"]["code"], "rev_mismatch");

        QCOMPARE(m_fx.call("DELETE", groupPath(id), m_author).status, 204);
        QCOMPARE(m_fx.call("GET", groupPath(id), m_author).status, 404);
        QCOMPARE(m_fx.call("DELETE", groupPath(id), m_author).status, 404);
    }

    void refusesAnInvalidGroup_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << QByteArray(R"({"description": "x"})") << "name";
        QTest::newRow("blank name") << QByteArray(R"({"name": "  "})") << "name";
        QTest::newRow("name not text") << QByteArray(R"({"name": 5})") << "name";
        QTest::newRow("name too long") << asBody({ { "name", std::string(121, 'n') } }) << "name";
        QTest::newRow("unknown field") << QByteArray(R"({"name": "a", "owner_id": "x"})") << "owner_id";
    }

    void refusesAnInvalidGroup()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/groups"), m_author, body);
        QCOMPARE(r.status, 400);
        QCOMPARE_JSON(r.json()["error"]["code"], "validation_failed");
        QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
    }

    void listsSearchesSortsAndPages()
    {
        const QString a = createGroup(m_other, QStringLiteral("Alpha prompts"));
        const QString b = createGroup(m_other, QStringLiteral("Beta prompts"));
        QVERIFY(addMember(m_other, a, promptWithVersions(m_other, QStringLiteral("Mine"))).status == 201);
        json page = getJson(QStringLiteral("/api/v1/groups?owner=me&sort=name&order=asc"), m_other);
        QCOMPARE(page["items"].size(), 2u);
        QCOMPARE_JSON(page["items"][0]["name"], "Alpha prompts");
        QCOMPARE_JSON(page["items"][0]["member_count"], 1);
        QCOMPARE_JSON(page["items"][0]["my_role"], "owner");
        QCOMPARE_JSON(page["items"][1]["member_count"], 0);
        // Nobody has shared a group with them.
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/groups?owner=shared"), m_other)["items"], json::array());
        page = getJson(QStringLiteral("/api/v1/groups?q=beta"), m_other);
        QCOMPARE(page["items"].size(), 1u);
        QCOMPARE_JSON(page["items"][0]["id"], b.toStdString());
        // Paged by cursor: one at a time, each once.
        page = getJson(QStringLiteral("/api/v1/groups?per_page=1&sort=name&order=desc"), m_other);
        QCOMPARE_JSON(page["items"][0]["name"], "Beta prompts");
        page = getJson(QStringLiteral("/api/v1/groups?per_page=1&sort=name&order=desc&cursor=")
                           + QString::fromStdString(page["next_cursor"].get<std::string>()),
                       m_other);
        QCOMPARE_JSON(page["items"][0]["name"], "Alpha prompts");
        QVERIFY(page["next_cursor"].is_null());
        // Another user's groups are not in their list.
        // (The page is kept in a variable: a temporary's items would not outlive the loop's start.)
        const json authors = getJson(QStringLiteral("/api/v1/groups?per_page=100"), m_author);
        QVERIFY(!authors["items"].empty());
        for (const json &item : authors["items"])
            QVERIFY(item["id"] != a.toStdString() && item["id"] != b.toStdString());
        const HttpResult bad = m_fx.call("GET", QStringLiteral("/api/v1/groups?owner=everyone"), m_other);
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json()["error"]["fields"].contains("owner"));
    }

    void addsWherePositionSaysAndRemoves()
    {
        QStringList p;
        const QString id = groupOf(2, p); // p0, p1
        for (int i = 0; i < 3; ++i)
            p << promptWithVersions(m_author, QStringLiteral("Placed %1").arg(i));
        QCOMPARE(addMember(m_author, id, p[2], { { "position", "start" } }).status, 201);
        QCOMPARE(
            addMember(m_author, id, p[3], { { "position", (QStringLiteral("after:") + p[0]).toStdString() } }).status,
            201);
        const HttpResult added = addMember(m_author, id, p[4], { { "position", "end" } });
        QCOMPARE(added.status, 201);
        QCOMPARE_JSON(added.json()["prompt_id"], p[4].toStdString());
        QCOMPARE_JSON(added.json()["title"], "Placed 2");
        json g = group(id, m_author);
        QCOMPARE(order(g), (QStringList { p[2], p[0], p[3], p[1], p[4] }));
        QVERIFY(strictlyAscending(positions(g)));
        QCOMPARE_JSON(g["member_count"], 5);

        QCOMPARE(m_fx.call("DELETE", membersPath(id) + QLatin1Char('/') + p[3], m_author).status, 204);
        const HttpResult again = m_fx.call("DELETE", membersPath(id) + QLatin1Char('/') + p[3], m_author);
        QCOMPARE(again.status, 404);
        QCOMPARE(order(group(id, m_author)), (QStringList { p[2], p[0], p[1], p[4] }));
        // Removed, it may come back.
        QCOMPARE(addMember(m_author, id, p[3]).status, 201);
        QCOMPARE(order(group(id, m_author)).last(), p[3]);
    }

    void refusesAnAddThatCannotBe_data()
    {
        QTest::addColumn<QString>("prompt"); // mine, member, others, none
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("already a member") << "member" << QByteArray("{}") << 409 << "already_exists"
                                          << "";
        QTest::newRow("another's prompt") << "others" << QByteArray("{}") << 404 << "not_found"
                                          << "";
        QTest::newRow("no such prompt") << "none" << QByteArray("{}") << 404 << "not_found"
                                        << "";
        QTest::newRow("bad position") << "mine" << QByteArray(R"({"position": "middle"})") << 400 << "validation_failed"
                                      << "position";
        QTest::newRow("after a non-member")
            << "mine" << QByteArray(R"({"position": "after:x"})") << 400 << "validation_failed"
            << "position";
        QTest::newRow("version 0") << "mine" << QByteArray(R"({"pinned_version": 0})") << 400 << "validation_failed"
                                   << "pinned_version";
        QTest::newRow("no such version") << "mine" << QByteArray(R"({"pinned_version": 9})") << 400
                                         << "validation_failed"
                                         << "pinned_version";
        QTest::newRow("no such label") << "mine" << QByteArray(R"({"pinned_label": "staging"})") << 400
                                       << "validation_failed"
                                       << "pinned_label";
        QTest::newRow("version and label")
            << "mine" << QByteArray(R"({"pinned_version": 1, "pinned_label": "latest"})") << 400 << "validation_failed"
            << "pinned_label";
        QTest::newRow("unknown field") << "mine" << QByteArray(R"({"rank": 1})") << 400 << "validation_failed"
                                       << "rank";
    }

    void refusesAnAddThatCannotBe()
    {
        QFETCH(QString, prompt);
        QFETCH(QByteArray, extra);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const QMap<QString, QString> prompts {
            { QStringLiteral("mine"), promptWithVersions(m_author, QStringLiteral("Candidate")) },
            { QStringLiteral("member"), m_prompts.first() },
            { QStringLiteral("others"), promptWithVersions(m_other, QStringLiteral("Not yours")) },
            { QStringLiteral("none"), quire::shared::Uuid::createV7() },
        };
        const QStringList before = order(group(m_group, m_author));
        const HttpResult r = addMember(m_author, m_group, prompts.value(prompt), json::parse(extra.toStdString()));
        QCOMPARE(r.status, status);
        QCOMPARE_JSON(r.json()["error"]["code"], code.toStdString());
        if (!field.isEmpty())
            QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
        QCOMPARE(order(group(m_group, m_author)), before);
    }

    void pinsToAVersionOrALabel_data()
    {
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<QByteArray>("expectedPin"); // JSON
        QTest::addColumn<int>("resolved"); // the version number it stands for
        QTest::newRow("version 1") << QByteArray(R"({"pinned_version": 1})") << QByteArray(R"({"version": 1})") << 1;
        QTest::newRow("version 3") << QByteArray(R"({"pinned_version": 3})") << QByteArray(R"({"version": 3})") << 3;
        QTest::newRow("production") << QByteArray(R"({"pinned_label": "production"})")
                                    << QByteArray(R"({"label": "production"})") << 2;
        QTest::newRow("latest") << QByteArray(R"({"pinned_label": "latest"})") << QByteArray("null") << 3;
        QTest::newRow("unpinned") << QByteArray(R"({"pinned_version": null})") << QByteArray("null") << 3;
    }

    void pinsToAVersionOrALabel()
    {
        QFETCH(QByteArray, pin);
        QFETCH(QByteArray, expectedPin);
        QFETCH(int, resolved);
        const QString prompt = promptWithVersions(m_author, QStringLiteral("Pinned"), 3);
        HttpResult r = m_fx.call("PUT", QStringLiteral("/api/v1/prompts/%1/labels/production").arg(prompt), m_author,
                                 asBody({ { "version", 2 } }));
        QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
        const QString id = createGroup(m_author, QStringLiteral("Pins"));
        // Pinned when added, then re-pinned (or unpinned) by PATCH: both answer the same.
        r = addMember(m_author, id, prompt, json::parse(pin.toStdString()));
        QCOMPARE(r.status, 201);
        json member = r.json();
        QCOMPARE_JSON(member["resolved_version"]["number"], resolved);
        r = m_fx.call("PATCH", membersPath(id) + QLatin1Char('/') + prompt, m_author, pin);
        QCOMPARE(r.status, 200);
        member = group(id, m_author)["members"][0];
        json wanted = json::parse(expectedPin.toStdString());
        if (wanted.is_object() && wanted.contains("version"))
            wanted["version_id"] = member["resolved_version"]["id"];
        QCOMPARE_JSON(member["pin"], wanted);
        QCOMPARE_JSON(member["resolved_version"]["number"], resolved);
    }

    void refusesABadPin_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("nothing") << QByteArray("{}") << "pinned_version";
        QTest::newRow("no such version") << QByteArray(R"({"pinned_version": 7})") << "pinned_version";
        QTest::newRow("not a number") << QByteArray(R"({"pinned_version": "1"})") << "pinned_version";
        QTest::newRow("no such label") << QByteArray(R"({"pinned_label": "staging"})") << "pinned_label";
        QTest::newRow("not a label") << QByteArray(R"({"pinned_label": "Not A Label"})") << "pinned_label";
    }

    void refusesABadPin()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r
            = m_fx.call("PATCH", membersPath(m_group) + QLatin1Char('/') + m_prompts.first(), m_author, body);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
        const HttpResult none
            = m_fx.call("PATCH", membersPath(m_group) + QLatin1Char('/') + quire::shared::Uuid::createV7(), m_author,
                        QByteArray(R"({"pinned_version": null})"));
        QCOMPARE(none.status, 404);
    }

    void reordersMovingOnlyWhatMust_data()
    {
        QTest::addColumn<QList<int>>("order"); // indexes into the current order
        QTest::addColumn<int>("moved");
        QTest::newRow("same") << QList<int> { 0, 1, 2, 3, 4 } << 0;
        QTest::newRow("last first") << QList<int> { 4, 0, 1, 2, 3 } << 1;
        QTest::newRow("first last") << QList<int> { 1, 2, 3, 4, 0 } << 1;
        QTest::newRow("swap middle") << QList<int> { 0, 2, 1, 3, 4 } << 1;
        QTest::newRow("two apart") << QList<int> { 3, 0, 1, 4, 2 } << 2;
        QTest::newRow("reversed") << QList<int> { 4, 3, 2, 1, 0 } << 4;
    }

    void reordersMovingOnlyWhatMust()
    {
        QFETCH(QList<int>, order);
        QFETCH(int, moved);
        const json before = group(m_group, m_author);
        const QStringList current = GroupApiFixture::order(before);
        QStringList wanted;
        for (int i : order)
            wanted << current.at(i);
        const HttpResult r = reorder(m_author, m_group, wanted);
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["moved"], moved);
        const json after = group(m_group, m_author);
        QCOMPARE(GroupApiFixture::order(after), wanted);
        QVERIFY(strictlyAscending(positions(after)));
        // Rows that were not moved kept their keys (and their revisions).
        int unchanged = 0;
        for (const json &m : after["members"]) {
            for (const json &b : before["members"])
                unchanged += b["id"] == m["id"] && b["position"] == m["position"] && b["rev"] == m["rev"];
        }
        QCOMPARE(unchanged, int(current.size()) - moved);
    }

    void refusesAListThatIsNotTheMembers_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("field"); // which ids the error names
        QTest::newRow("one missing") << "drop"
                                     << "missing";
        QTest::newRow("one extra") << "add"
                                   << "unknown";
        QTest::newRow("one twice") << "repeat"
                                   << "duplicate";
        QTest::newRow("empty") << "empty"
                               << "missing";
    }

    void refusesAListThatIsNotTheMembers()
    {
        QFETCH(QString, change);
        QFETCH(QString, field);
        const QStringList before = order(group(m_group, m_author));
        QStringList list = before;
        QString named = list.last();
        if (change == QLatin1String("drop"))
            list.removeLast();
        else if (change == QLatin1String("add"))
            list << (named = promptWithVersions(m_author, QStringLiteral("Outsider")));
        else if (change == QLatin1String("repeat"))
            list.prepend(named);
        else
            list.clear();
        const HttpResult r = reorder(m_author, m_group, list);
        QCOMPARE(r.status, 409);
        QCOMPARE_JSON(r.json()["error"]["code"], "members_mismatch");
        const QString ids = QString::fromStdString(r.json()["error"]["fields"][field.toStdString()].get<std::string>());
        QVERIFY2(ids.contains(named), r.body.constData());
        QVERIFY(QString::fromStdString(r.json()["error"]["message"].get<std::string>()).contains(named));
        QCOMPARE(order(group(m_group, m_author)), before);
    }

    void refusesMalformedReorders_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no list") << QByteArray("{}");
        QTest::newRow("not a list") << QByteArray(R"({"prompt_ids": "a,b"})");
        QTest::newRow("not ids") << QByteArray(R"({"prompt_ids": [1, 2]})");
    }

    void refusesMalformedReorders()
    {
        QFETCH(QByteArray, body);
        const HttpResult r = m_fx.call("PUT", groupPath(m_group) + QStringLiteral("/reorder"), m_author, body);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()["error"]["fields"].contains("prompt_ids"));
    }

    void refusesAReorderOfAStaleOrder()
    {
        const json seen = group(m_group, m_author);
        const QString etag = QString::fromStdString(seen["order_etag"].get<std::string>());
        QStringList ids = order(seen);
        std::rotate(ids.begin(), ids.begin() + 1, ids.end());
        HttpResult r = reorder(m_author, m_group, ids, etag);
        QCOMPARE(r.status, 200);
        const std::string now = r.json()["order_etag"].get<std::string>();
        QVERIFY(now != etag.toStdString());
        // A second client that read the old order is refused, told the current tag.
        std::reverse(ids.begin(), ids.end());
        r = reorder(m_author, m_group, ids, etag);
        QCOMPARE(r.status, 412);
        QCOMPARE_JSON(r.json()["error"]["code"], "rev_mismatch");
        QCOMPARE_JSON(r.json()["error"]["fields"]["order_etag"], now);
        QCOMPARE(reorder(m_author, m_group, ids, QString::fromStdString(now)).status, 200);
    }

    // Two clients, each on its own connection and thread, reorder the same
    // group at once, while a third adds prompts: every request is either
    // applied whole or refused whole, nothing is lost or duplicated, and the
    // final order is one that was asked for.
    void concurrentReordersKeepEveryMemberOnce()
    {
        QStringList prompts;
        const QString id = groupOf(6, prompts);
        QVERIFY(!id.isEmpty());
        QStringList extra;
        for (int i = 0; i < 4; ++i)
            extra << promptWithVersions(m_author, QStringLiteral("Late %1").arg(i));
        const QUrl url = m_fx.server().url();
        const QString fingerprint = m_fx.server().fingerprint();
        const QByteArray token = m_author;
        QList<QStringList> asked[2];
        QList<int> statuses[3];
        const auto reorderer = [&](int who) {
            return QThread::create([&, who] {
                TestHttpClient http(url, fingerprint);
                const QList<QPair<QByteArray, QByteArray>> headers { { "Authorization", "Bearer " + token },
                                                                     { "Content-Type", "application/json" } };
                for (int round = 0; round < 8; ++round) {
                    const HttpResult g = http.request("GET", groupPath(id), {}, headers);
                    QStringList ids = order(g.json());
                    // Each client its own arrangement: rotate by round, reverse for the second.
                    std::rotate(ids.begin(), ids.begin() + (round % ids.size()), ids.end());
                    if (who == 1)
                        std::reverse(ids.begin(), ids.end());
                    json body { { "prompt_ids", json::array() } };
                    for (const QString &p : ids)
                        body["prompt_ids"].push_back(p.toStdString());
                    const HttpResult r
                        = http.request("PUT", groupPath(id) + QStringLiteral("/reorder"), asBody(body), headers);
                    statuses[who] << r.status;
                    if (r.status == 200)
                        asked[who] << ids;
                }
            });
        };
        std::unique_ptr<QThread> first(reorderer(0));
        std::unique_ptr<QThread> second(reorderer(1));
        std::unique_ptr<QThread> adder(QThread::create([&] {
            TestHttpClient http(url, fingerprint);
            const QList<QPair<QByteArray, QByteArray>> headers { { "Authorization", "Bearer " + token },
                                                                 { "Content-Type", "application/json" } };
            for (const QString &p : extra)
                statuses[2] << http.request("POST", membersPath(id), asBody({ { "prompt_id", p.toStdString() } }),
                                            headers)
                                   .status;
        }));
        first->start();
        second->start();
        adder->start();
        QVERIFY(first->wait(120000) && second->wait(120000) && adder->wait(120000));

        // Every add landed; a reorder is applied (200) or refused because an
        // add changed the members between its read and its write (409).
        QCOMPARE(statuses[2], QList<int>(extra.size(), 201));
        for (int who : { 0, 1 }) {
            QCOMPARE(statuses[who].size(), 8);
            for (int s : statuses[who])
                QVERIFY2(s == 200 || s == 409, QByteArray::number(s).constData());
        }
        const json g = group(id, m_author);
        const QStringList final = order(g);
        QCOMPARE(final.size(), prompts.size() + extra.size());
        QCOMPARE(QSet<QString>(final.begin(), final.end()).size(), final.size());
        for (const QString &p : prompts + extra)
            QVERIFY(final.contains(p));
        QVERIFY(strictlyAscending(positions(g)));
        QCOMPARE_JSON(g["member_count"], final.size());
        // The order is one a client asked for, with any later adds after it.
        bool wasAsked = false;
        for (const auto &lists : asked) {
            for (const QStringList &l : lists)
                wasAsked = wasAsked || final.mid(0, l.size()) == l;
        }
        QVERIFY2(wasAsked, qPrintable(final.join(QLatin1Char(','))));
    }

    void deletingAGroupTakesItsMembers()
    {
        QStringList prompts;
        const QString id = groupOf(2, prompts);
        QCOMPARE(m_fx.call("DELETE", groupPath(id), m_author).status, 204);
        const json members = getJson(QStringLiteral("/api/v1/group-members?group=") + id, m_author);
        QCOMPARE_JSON(members["items"], json::array());
        QCOMPARE(addMember(m_author, id, promptWithVersions(m_author, QStringLiteral("Late"))).status, 404);
        QCOMPARE(reorder(m_author, id, prompts).status, 404);
    }

    // Deleting a prompt over the API takes its versions, labels, group
    // places and every user's star along, at once; the group stays.
    void deletedPromptLeavesItsGroups()
    {
        const QString prompt = promptWithVersions(m_author, QStringLiteral("Doomed"), 2);
        const QString kept = promptWithVersions(m_author, QStringLiteral("Kept"));
        const QString id = createGroup(m_author, QStringLiteral("Holds a doomed prompt"));
        QVERIFY(!prompt.isEmpty() && !kept.isEmpty() && !id.isEmpty());
        QCOMPARE(addMember(m_author, id, prompt).status, 201);
        QCOMPARE(addMember(m_author, id, kept).status, 201);
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/prompts/%1/labels/production").arg(prompt), m_author,
                           asBody({ { "version", 2 } }))
                     .status,
                 201);
        const QString otherId = userIdOf(QStringLiteral("other"));
        QCOMPARE(m_fx.call("PUT", groupPath(id) + QStringLiteral("/shares/") + otherId, m_author,
                           asBody({ { "role", "viewer" } }))
                     .status,
                 201);
        const QString star = QStringLiteral("/api/v1/users/favorites/") + prompt;
        QCOMPARE(m_fx.call("POST", star, m_author).status, 201);
        QCOMPARE(m_fx.call("POST", star, m_other).status, 201);

        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/prompts/") + prompt, m_author).status, 204);
        QCOMPARE(order(group(id, m_author)), QStringList { kept });
        QCOMPARE(order(group(id, m_other)), QStringList { kept });
        for (const QByteArray &who : { m_author, m_other })
            QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/users/favorites?total=true"), who)["total"], 0);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/prompts/%1/versions").arg(prompt), m_author).status, 404);
    }

    void cleanupTestCase() { QVERIFY(m_fx.server().stop()); }
};

QTEST_GUILESS_MAIN(TestGroupApi)
#include "tst_groupapi.moc"
