// SPDX-License-Identifier: GPL-3.0-or-later
// Rendering prompts over the API, against a real quire-server over TLS:
// text and chat prompts filled with variables, a version or a label chosen,
// includes of other prompts by name (the owner's first, never one the
// caller may not read), every problem answered at once (422), include
// cycles; and the usage history each rendering and client record adds to,
// with variable values kept only on request.
#include "tests/server/prompts/promptapifixture.h"

#include <QTest>

using quire::test::HttpResult;
using quire::test::json;

class TestPromptRenderApi : public quire::test::PromptApiFixture
{
    Q_OBJECT

    HttpResult render(const QString &id, const QByteArray &token, const nlohmann::json &body)
    {
        return m_fx.call("POST", QStringLiteral("/api/v1/prompts/%1/render").arg(id), token, json(body));
    }

    // The codes and subjects of a 422's problems, "code:subject", sorted.
    static QStringList problems(const HttpResult &r)
    {
        QStringList out;
        const nlohmann::json body = r.json();
        for (const nlohmann::json &p : body["error"]["problems"])
            out << QString::fromStdString(p["code"].get<std::string>() + ":" + p["subject"].get<std::string>());
        out.sort();
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startWithUsers()); }

    void rendersText_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("text");
        QTest::newRow("values") << json({ { "variables", { { "who", "Ada" }, { "n", 3 } } } })
                                << "Hi Ada, 3 ideas, formal.";
        QTest::newRow("a choice") << json({ { "variables", { { "who", "Ada" }, { "n", 2 }, { "tone", "casual" } } } })
                                  << "Hi Ada, 2 ideas, casual.";
        QTest::newRow("version 1") << json({ { "variables", { { "who", "Ada" } } }, { "version", 1 } }) << "Hello Ada.";
        QTest::newRow("a label") << json({ { "variables", { { "who", "Ada" } } }, { "label", "production" } })
                                 << "Hello Ada.";
        QTest::newRow("latest") << json({ { "variables", { { "who", "Bo" }, { "n", 1.5 } } }, { "label", "latest" } })
                                << "Hi Bo, 1.5 ideas, formal.";
    }
    void rendersText()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, text);
        static QString id;
        if (id.isEmpty()) {
            id = createPrompt(m_author, { { "title", "Greeting" }, { "content", "Hello {{who}}." } });
            QVERIFY(!id.isEmpty());
            QCOMPARE(
                m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + id, m_author,
                          json({ { "content",
                                   "Hi {{who}}, {{n : number}} ideas, {{tone : choice(formal, casual) = formal}}." } }))
                    .status,
                200);
            QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/prompts/%1/labels/production").arg(id), m_author,
                               json({ { "version", 1 } }))
                         .status,
                     201);
        }
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/prompts/%1/render").arg(id), m_author, body);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(QString::fromStdString(r.json()["text"].get<std::string>()), text);
        QCOMPARE_JSON(r.json()["kind"], "text");
    }

    void rendersChat()
    {
        const QString id = createPrompt(m_author,
                                        { { "title", "Chat" },
                                          { "kind", "chat" },
                                          { "messages",
                                            { { { "role", "system" }, { "content", "Answer in {{lang = English}}." } },
                                              { { "role", "user" }, { "content", "{{question}}" } } } } });
        QVERIFY(!id.isEmpty());
        const HttpResult r = render(id, m_author, { { "variables", { { "question", "Why?" } } } });
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["messages"], nlohmann::json::parse(R"([{"role":"system","content":"Answer in English."},
            {"role":"user","content":"Why?"}])"));
        const HttpResult missing = render(id, m_author, nlohmann::json::object());
        QCOMPARE(missing.status, 422);
        QCOMPARE_JSON(missing.json()["error"]["problems"][0]["message_index"], 1);
    }

    // Every problem at once, each with its code and subject.
    void renderErrors_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("two missing") << "{{a}} and {{b}} and {{c = x}}" << json(nlohmann::json::object())
                                     << strings({ "missing_variable:a", "missing_variable:b" });
        QTest::newRow("not a number") << "{{n : number}}" << json({ { "variables", { { "n", "many" } } } })
                                      << strings({ "invalid_number:n" });
        QTest::newRow("not a choice") << "{{t : choice(a, b)}} {{u}}" << json({ { "variables", { { "t", "c" } } } })
                                      << strings({ "invalid_choice:t", "missing_variable:u" });
        QTest::newRow("missing include") << "{{> nobody-has-this}}" << json(nlohmann::json::object())
                                         << strings({ "missing_include:nobody-has-this" });
        QTest::newRow("syntax") << "{{ broken" << json(nlohmann::json::object()) << strings({ "syntax:" });
    }
    void renderErrors()
    {
        QFETCH(QString, content);
        QFETCH(QByteArray, body);
        QFETCH(QStringList, expected);
        const QString id = createPrompt(m_author, { { "title", "Broken" }, { "content", content.toStdString() } });
        QVERIFY(!id.isEmpty());
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/prompts/%1/render").arg(id), m_author, body);
        QVERIFY2(r.status == 422, r.body.constData());
        QCOMPARE_JSON(r.json()["error"]["code"], "render_failed");
        QStringList got = problems(r);
        if (expected == strings({ "syntax:" }))
            QVERIFY2(got.size() == 1 && got.first().startsWith(QStringLiteral("syntax:")), r.body.constData());
        else
            QCOMPARE(got, expected);
        // A failed rendering is no use.
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/%1/usage?total=true").arg(id), m_author)["total"], 0);
    }

    void badRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("status");
        QTest::newRow("variables not an object") << json({ { "variables", { 1, 2 } } }) << "variables" << 400;
        QTest::newRow("a value that is a list")
            << json({ { "variables", { { "x", { 1 } } } } }) << "variables.x" << 400;
        QTest::newRow("version and label") << json({ { "version", 1 }, { "label", "production" } }) << "label" << 400;
        QTest::newRow("unknown field") << json({ { "values", nlohmann::json::object() } }) << "values" << 400;
        QTest::newRow("no such version") << json({ { "version", 5 } }) << "" << 404;
        QTest::newRow("no such label") << json({ { "label", "gold" } }) << "" << 404;
    }
    void badRequests()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(int, status);
        static QString id;
        if (id.isEmpty())
            id = createPrompt(m_author, { { "title", "Plain" }, { "content", "plain" } });
        QVERIFY(!id.isEmpty());
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/prompts/%1/render").arg(id), m_author, body);
        QVERIFY2(r.status == status, r.body.constData());
        if (!field.isEmpty())
            QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
    }

    void includes()
    {
        // The editor's "signature" and the author's own: the author's prompt includes the author's.
        QVERIFY(
            !createPrompt(m_editor, { { "title", "Sig E" }, { "name", "signature" }, { "content", "— the editor" } })
                 .isEmpty());
        const QString sig
            = createPrompt(m_author, { { "title", "Sig A" }, { "name", "signature" }, { "content", "— {{who}}" } });
        QVERIFY(!sig.isEmpty());
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + sig, m_author,
                           json({ { "content", "— {{who}}, v2" } }))
                     .status,
                 200);
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/prompts/%1/labels/production").arg(sig), m_author,
                           json({ { "version", 1 } }))
                     .status,
                 201);
        const QString letter = createPrompt(
            m_author,
            { { "title", "Letter" },
              { "name", "letter" },
              { "content", "Dear {{to}},\n{{> signature}}\n{{> signature@production}}\n{{> signature@1}}" } });
        QVERIFY(!letter.isEmpty());
        HttpResult r = render(letter, m_author, { { "variables", { { "to", "Bo" }, { "who", "Ada" } } } });
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["text"], "Dear Bo,\n— Ada, v2\n— Ada\n— Ada");
        // The editor's own letter may not read the author's signature: it gets the editor's.
        const QString editorsLetter
            = createPrompt(m_editor, { { "title", "E letter" }, { "content", "{{> signature}}" } });
        r = render(editorsLetter, m_editor, nlohmann::json::object());
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["text"], "— the editor");
        // Another author has no "signature" they may read.
        const QString othersLetter
            = createPrompt(m_other, { { "title", "O letter" }, { "content", "{{> signature}}" } });
        r = render(othersLetter, m_other, nlohmann::json::object());
        QCOMPARE(r.status, 422);
        QCOMPARE(problems(r), strings({ "missing_include:signature" }));
        // A label the included prompt lacks is a missing include too.
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + letter, m_author,
                           json({ { "content", "{{> signature@gold}}" } }))
                     .status,
                 200);
        r = render(letter, m_author, nlohmann::json::object());
        QCOMPARE(r.status, 422);
        QCOMPARE(problems(r), strings({ "missing_include:signature@gold" }));
    }

    void includeCycles_data()
    {
        QTest::addColumn<QString>("content"); // of "cycle-a"; "cycle-b" includes cycle-a
        QTest::newRow("itself") << "A {{> cycle-a}}";
        QTest::newRow("through another") << "A {{> cycle-b}}";
    }
    void includeCycles()
    {
        QFETCH(QString, content);
        static QString a;
        if (a.isEmpty()) {
            a = createPrompt(m_other, { { "title", "Cycle A" }, { "name", "cycle-a" }, { "content", "A" } });
            QVERIFY(!createPrompt(m_other,
                                  { { "title", "Cycle B" }, { "name", "cycle-b" }, { "content", "B {{> cycle-a}}" } })
                         .isEmpty());
        }
        QVERIFY(!a.isEmpty());
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + a, m_other,
                           json({ { "content", content.toStdString() } }))
                     .status,
                 200);
        const HttpResult r = render(a, m_other, nlohmann::json::object());
        QVERIFY2(r.status == 422, r.body.constData());
        QCOMPARE_JSON(r.json()["error"]["problems"][0]["code"], "include_cycle");
    }

    // Each rendering is a use; values are kept only when the user asked for that.
    void usageHistory()
    {
        const QString id = createPrompt(m_admin, { { "title", "Used" }, { "content", "Use {{x}}" } });
        QVERIFY(!id.isEmpty());
        QCOMPARE(render(id, m_admin, { { "variables", { { "x", "one" } } } }).status, 200);
        nlohmann::json page = getJson(QStringLiteral("/api/v1/prompts/%1/usage?total=true").arg(id), m_admin);
        QCOMPARE_JSON(page["total"], 1);
        QCOMPARE_JSON(page["items"][0]["use"], "rendered");
        QCOMPARE_JSON(page["items"][0]["version"], 1);
        QCOMPARE_JSON(page["items"][0]["variables"], nlohmann::json::object()); // not kept by default

        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/users/me"), m_admin,
                           json({ { "prompt_preferences", { { "keep_variables", true } } } }))
                     .status,
                 200);
        QCOMPARE(render(id, m_admin, { { "variables", { { "x", "two" } } } }).status, 200);
        HttpResult r
            = m_fx.call("POST", QStringLiteral("/api/v1/prompts/%1/usage").arg(id), m_admin,
                        json({ { "use", "copied" }, { "version", 1 }, { "variables", { { "x", "three" } } } }));
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE_JSON(r.json()["use"], "copied");
        page = getJson(QStringLiteral("/api/v1/prompts/%1/usage").arg(id), m_admin);
        QCOMPARE(page["items"].size(), size_t(3));
        QCOMPARE_JSON(page["items"][0]["variables"], nlohmann::json({ { "x", "three" } })); // newest first
        QCOMPARE_JSON(page["items"][1]["variables"], nlohmann::json({ { "x", "two" } }));
        // The caller's whole history, and only theirs.
        page = getJson(QStringLiteral("/api/v1/users/me/usage?total=true"), m_admin);
        QCOMPARE_JSON(page["total"], 3);
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/users/me/usage?total=true"), m_reader)["total"], 0);
        QCOMPARE(page["items"][0]["prompt_id"].get<std::string>(), id.toStdString());
    }

    void recordUseErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no use") << json(nlohmann::json::object()) << "use";
        QTest::newRow("unknown use") << json({ { "use", "printed" } }) << "use";
        QTest::newRow("fetched is the server's") << json({ { "use", "fetched" } }) << "use";
        QTest::newRow("no such version") << json({ { "use", "run" }, { "version", 8 } }) << "version";
        QTest::newRow("variables not an object") << json({ { "use", "run" }, { "variables", "x=1" } }) << "variables";
    }
    void recordUseErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        static QString id;
        if (id.isEmpty())
            id = createPrompt(m_author, { { "title", "Recorded" } });
        QVERIFY(!id.isEmpty());
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/prompts/%1/usage").arg(id), m_author, body);
        QVERIFY2(r.status == 400, r.body.constData());
        QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
    }

    // Rendering another user's prompt, or recording its use, is not found.
    void anotherUsersPrompt_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("render") << "/api/v1/prompts/%1/render" << json(nlohmann::json::object());
        QTest::newRow("record use") << "/api/v1/prompts/%1/usage" << json({ { "use", "copied" } });
    }
    void anotherUsersPrompt()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const QString id = createPrompt(m_author, { { "title", "Hidden" }, { "content", "secret" } });
        QVERIFY(!id.isEmpty());
        for (const QByteArray &who : { m_other, m_reader }) {
            const HttpResult r = m_fx.call("POST", path.arg(id), who, body);
            QVERIFY2(r.status == 404, r.body.constData());
        }
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/%1/usage?total=true").arg(id), m_author)["total"], 0);
    }
};

QTEST_GUILESS_MAIN(TestPromptRenderApi)
#include "tst_promptrenderapi.moc"
