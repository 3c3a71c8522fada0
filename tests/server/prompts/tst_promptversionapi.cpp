// SPDX-License-Identifier: GPL-3.0-or-later
// A prompt's versions and labels over the API, against a real quire-server
// over TLS: every save that changes the content or settings is a numbered
// version (newest first, paged); one version whole; the line diff of two;
// restoring one as a new version; labels set, moved and removed, the wait
// for approval of production, and another user's versions and labels (404).
#include "tests/server/prompts/groupapifixture.h"

#include <QTest>

using quire::test::HttpResult;
using quire::test::json;

class TestPromptVersionApi : public quire::test::GroupApiFixture
{
    Q_OBJECT

    // A prompt with three versions: the text, a changed line, a changed temperature.
    QString promptWithThreeVersions(const QByteArray &token, const std::string &title)
    {
        const QString id = createPrompt(token, { { "title", title }, { "content", "one\ntwo\nthree" } });
        if (id.isEmpty())
            return {};
        const QString path = QStringLiteral("/api/v1/prompts/") + id;
        if (m_fx.call("PUT", path, token, json({ { "content", "one\nTWO\nthree" }, { "message", "Louder" } })).status
                != 200
            || m_fx.call("PUT", path, token, json({ { "temperature", 0.5 } })).status != 200)
            return {};
        return id;
    }

    static QList<qint64> numbers(const nlohmann::json &page)
    {
        QList<qint64> out;
        for (const nlohmann::json &item : page.value("items", nlohmann::json::array()))
            out << (item["number"].is_number() ? item["number"].get<qint64>() : -1);
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startWithUsers()); }

    void listAndGetVersions()
    {
        const QString id = promptWithThreeVersions(m_author, "Versions");
        QVERIFY(!id.isEmpty());
        const QString base = QStringLiteral("/api/v1/prompts/%1/versions").arg(id);
        nlohmann::json page = getJson(base + QStringLiteral("?total=true"), m_author);
        QCOMPARE_JSON(page["total"], 3);
        QCOMPARE(numbers(page), (QList<qint64> { 3, 2, 1 }));
        QCOMPARE_JSON(page["items"][1]["message"], "Louder");
        QCOMPARE_JSON(page["items"][2]["message"], "Created");
        // Paged, newest first.
        page = getJson(base + QStringLiteral("?per_page=2"), m_author);
        QCOMPARE(numbers(page), (QList<qint64> { 3, 2 }));
        page = getJson(base + QStringLiteral("?per_page=2&cursor=")
                           + QString::fromStdString(page["next_cursor"].get<std::string>()),
                       m_author);
        QCOMPARE(numbers(page), QList<qint64> { 1 });
        QCOMPARE_JSON(page["next_cursor"], nullptr);

        const nlohmann::json first = getJson(base + QStringLiteral("/1"), m_author);
        QCOMPARE_JSON(first["content"], "one\ntwo\nthree");
        QCOMPARE_JSON(first["number"], 1);
        QCOMPARE_JSON(first["temperature"], nullptr);
        QCOMPARE_JSON(first["author"]["name"].is_string(), true);
        QCOMPARE_JSON(getJson(base + QStringLiteral("/3"), m_author)["temperature"], 0.5);
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/") + id, m_author)["latest_version"], 3);
        for (const char *missing : { "/4", "/0", "/-1", "/two" })
            QCOMPARE(m_fx.call("GET", base + QString::fromLatin1(missing), m_author).status, 404);
    }

    void diffOfTwoVersions()
    {
        const QString id = promptWithThreeVersions(m_author, "Diffed");
        QVERIFY(!id.isEmpty());
        const QString base = QStringLiteral("/api/v1/prompts/%1/diff").arg(id);
        nlohmann::json d = getJson(base + QStringLiteral("?from=1&to=2"), m_author);
        QCOMPARE_JSON(d["content"], nlohmann::json::parse(R"([{"op":"same","text":"one"},{"op":"removed","text":"two"},
            {"op":"added","text":"TWO"},{"op":"same","text":"three"}])"));
        QCOMPARE_JSON(d["settings"], nlohmann::json::array());
        d = getJson(base + QStringLiteral("?from=2&to=3"), m_author);
        QCOMPARE_JSON(d["settings"], nlohmann::json::parse(R"([{"field":"temperature","from":null,"to":0.5}])"));
        for (const nlohmann::json &line : d["content"])
            QCOMPARE_JSON(line["op"], "same");
        // Messages are compared line by line too.
        QVERIFY(m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + id, m_author,
                          json({ { "kind", "chat" },
                                 { "messages", { { { "role", "user" }, { "content", "Hi {{name}}" } } } } }))
                    .status
                == 200);
        d = getJson(base + QStringLiteral("?from=3&to=4"), m_author);
        QCOMPARE_JSON(d["settings"][0]["field"], "kind");
        bool added = false;
        for (const nlohmann::json &line : d["messages"])
            added = added
                || (line["op"] == "added" && line["text"].get<std::string>().find("Hi {{name}}") != std::string::npos);
        QVERIFY2(added, d.dump().c_str());

        HttpResult r = m_fx.call("GET", base, m_author);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()["error"]["fields"].contains("from"));
        QVERIFY(r.json()["error"]["fields"].contains("to"));
        QCOMPARE(m_fx.call("GET", base + QStringLiteral("?from=1&to=9"), m_author).status, 404);
    }

    void restoreMakesANewVersion()
    {
        const QString id = promptWithThreeVersions(m_author, "Restored");
        QVERIFY(!id.isEmpty());
        const HttpResult r
            = m_fx.call("POST", QStringLiteral("/api/v1/prompts/%1/versions/1/restore").arg(id), m_author);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["content"], "one\ntwo\nthree");
        QCOMPARE_JSON(r.json()["temperature"], nullptr);
        QCOMPARE_JSON(r.json()["latest_version"], 4);
        const nlohmann::json v4 = getJson(QStringLiteral("/api/v1/prompts/%1/versions/4").arg(id), m_author);
        QCOMPARE_JSON(v4["message"], "Restored version 1");
        QCOMPARE_JSON(v4["content"], "one\ntwo\nthree");
        // Version 3 is unchanged: versions are never rewritten.
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/%1/versions/3").arg(id), m_author)["content"],
                      "one\nTWO\nthree");
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/prompts/%1/versions/7/restore").arg(id), m_author).status,
                 404);
    }

    void labelsSetMoveRemove()
    {
        const QString id = promptWithThreeVersions(m_author, "Labelled");
        QVERIFY(!id.isEmpty());
        const QString label = QStringLiteral("/api/v1/prompts/%1/labels/production").arg(id);
        HttpResult r = m_fx.call("PUT", label, m_author, json({ { "version", 1 } }));
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE_JSON(r.json()["version"], 1);
        QCOMPARE_JSON(r.json()["pending"], false);
        // A new version does not move it: only an explicit change does.
        QCOMPARE(
            m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + id, m_author, json({ { "content", "four" } })).status,
            200);
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/%1/labels").arg(id), m_author)["items"][0]["version"], 1);
        r = m_fx.call("PUT", label, m_author, json({ { "version", 3 } }));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["version"], 3);
        QVERIFY(m_fx.call("PUT", QStringLiteral("/api/v1/prompts/%1/labels/staging").arg(id), m_author,
                          json({ { "version", 4 } }))
                    .status
                == 201);
        const nlohmann::json p = getJson(QStringLiteral("/api/v1/prompts/") + id, m_author);
        QCOMPARE(p["labels"].size(), size_t(2));
        QCOMPARE_JSON(p["labels"][0]["name"], "production");
        QCOMPARE_JSON(p["labels"][0]["version"], 3);
        QCOMPARE_JSON(p["labels"][1]["name"], "staging");
        QCOMPARE_JSON(p["labels"][1]["version"], 4);

        QCOMPARE(m_fx.call("DELETE", label, m_author).status, 204);
        QCOMPARE(m_fx.call("DELETE", label, m_author).status, 404);
        QCOMPARE(getJson(QStringLiteral("/api/v1/prompts/%1/labels").arg(id), m_author)["items"].size(), size_t(1));
        QCOMPARE(m_fx.call("POST", label + QStringLiteral("/approve"), m_author).status, 404);
    }

    void labelErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no version") << "production" << json(nlohmann::json::object()) << "version";
        QTest::newRow("version as text") << "production" << json({ { "version", "1" } }) << "version";
        QTest::newRow("version zero") << "production" << json({ { "version", 0 } }) << "version";
        QTest::newRow("no such version") << "production" << json({ { "version", 99 } }) << "version";
        QTest::newRow("not a slug") << "Production" << json({ { "version", 1 } }) << "name";
        QTest::newRow("latest is implicit") << "latest" << json({ { "version", 1 } }) << "name";
        QTest::newRow("unknown field") << "production" << json({ { "version", 1 }, { "pinned", true } }) << "pinned";
    }
    void labelErrors()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        static QString id;
        if (id.isEmpty())
            id = createPrompt(m_author, { { "title", "Label errors" } });
        QVERIFY(!id.isEmpty());
        const HttpResult r
            = m_fx.call("PUT", QStringLiteral("/api/v1/prompts/%1/labels/%2").arg(id, name), m_author, body);
        QVERIFY2(r.status == 400, r.body.constData());
        QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
        QCOMPARE(getJson(QStringLiteral("/api/v1/prompts/%1/labels").arg(id), m_author)["items"].size(), size_t(0));
    }

    // With approval on, a writer's move of production waits for an editor
    // or admin (the tables' rules decide); the answer says so with 202.
    void productionWaitsForApproval()
    {
        const QString id = createPrompt(m_author, { { "title", "Guarded" }, { "approval_required", true } });
        QVERIFY(!id.isEmpty());
        const QString label = QStringLiteral("/api/v1/prompts/%1/labels/production").arg(id);
        HttpResult r = m_fx.call("PUT", label, m_author, json({ { "version", 1 } }));
        QVERIFY2(r.status == 202, r.body.constData());
        QCOMPARE_JSON(r.json()["pending"], true);
        QCOMPARE_JSON(r.json()["pending_version"], 1);
        QCOMPARE_JSON(r.json()["version"], nullptr);
        // The writer may not approve their own move.
        r = m_fx.call("POST", label + QStringLiteral("/approve"), m_author);
        QVERIFY2(r.status == 403, r.body.constData());
        QCOMPARE_JSON(r.json()["error"]["code"], "forbidden");
        // Other labels move freely.
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/prompts/%1/labels/staging").arg(id), m_author,
                           json({ { "version", 1 } }))
                     .status,
                 201);
    }

    // An editor who reads the prompt (through a shared group) approves the
    // waiting move: production moves, the approver is recorded, nothing waits.
    void editorApprovesProduction()
    {
        const QString id = createPrompt(m_author, { { "title", "Approved" }, { "approval_required", true } });
        QVERIFY(!id.isEmpty());
        const QString label = QStringLiteral("/api/v1/prompts/%1/labels/production").arg(id);
        HttpResult r = m_fx.call("PUT", label, m_author, json({ { "version", 1 } }));
        QVERIFY2(r.status == 202, r.body.constData());
        QCOMPARE_JSON(r.json()["requested_by"], userIdOf(QStringLiteral("author")).toStdString());
        // Not readable yet: the editor does not find it.
        QCOMPARE(m_fx.call("POST", label + QStringLiteral("/approve"), m_editor).status, 404);
        const QString group = createGroup(m_author, QStringLiteral("For review"));
        QVERIFY(!group.isEmpty());
        QCOMPARE(addMember(m_author, group, id).status, 201);
        const QString editorId = userIdOf(QStringLiteral("editor"));
        r = m_fx.call("PUT", groupPath(group) + QStringLiteral("/shares/") + editorId, m_author,
                      json({ { "role", "viewer" } }));
        QVERIFY2(r.status == 201, r.body.constData());
        r = m_fx.call("POST", label + QStringLiteral("/approve"), m_editor);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["version"], 1);
        QCOMPARE_JSON(r.json()["pending_version"], nullptr);
        QCOMPARE_JSON(r.json()["approved_by"], editorId.toStdString());
        QCOMPARE_JSON(r.json()["pending"], false);
        // The author sees it moved; nothing is left to approve.
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/") + id, m_author)["labels"][0]["version"], 1);
        QCOMPARE(m_fx.call("POST", label + QStringLiteral("/approve"), m_editor).status, 404);
        // An editor may also move it directly, approved at once.
        QCOMPARE(
            m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + id, m_author, json({ { "content", "v2" } })).status,
            200);
        r = m_fx.call("PUT", label, m_editor, json({ { "version", 2 } }));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["version"], 2);
    }

    void anotherUsersVersionsAndLabels_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path"); // %1: the prompt
        QTest::newRow("version") << QByteArray("GET") << "/api/v1/prompts/%1/versions/1";
        QTest::newRow("versions") << QByteArray("GET") << "/api/v1/prompts/%1/versions";
        QTest::newRow("diff") << QByteArray("GET") << "/api/v1/prompts/%1/diff?from=1&to=2";
        QTest::newRow("restore") << QByteArray("POST") << "/api/v1/prompts/%1/versions/1/restore";
        QTest::newRow("labels") << QByteArray("GET") << "/api/v1/prompts/%1/labels";
        QTest::newRow("remove label") << QByteArray("DELETE") << "/api/v1/prompts/%1/labels/production";
        QTest::newRow("approve label") << QByteArray("POST") << "/api/v1/prompts/%1/labels/production/approve";
    }
    void anotherUsersVersionsAndLabels()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const QString id = promptWithThreeVersions(m_author, "Not yours");
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/prompts/%1/labels/production").arg(id), m_author,
                           json({ { "version", 2 } }))
                     .status,
                 201);
        for (const QByteArray &who : { m_other, m_reader }) {
            const HttpResult r = m_fx.call(method, path.arg(id), who);
            QVERIFY2(r.status == 404, r.body.constData());
        }
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/") + id, m_author)["labels"][0]["version"], 2);
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/") + id, m_author)["latest_version"], 3);
    }
};

QTEST_GUILESS_MAIN(TestPromptVersionApi)
#include "tst_promptversionapi.moc"
