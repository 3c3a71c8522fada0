// SPDX-License-Identifier: GPL-3.0-or-later
// The prompt library's API (spec 003) against a real quire-server over TLS:
// create, read, change and delete prompts, the wire form (booleans, tags,
// messages, model settings), validation errors, the role matrix and other
// users' prompts (404, not 403), filters, sorts, paging, search ranking,
// templates, favourites and the prompt preferences in /users/me. Versions
// and labels are in tst_promptversionapi, rendering and usage in
// tst_promptrenderapi.
#include "tests/server/prompts/promptapifixture.h"

#include <QTest>

using quire::test::HttpResult;
using quire::test::json;

class TestPromptApi : public quire::test::PromptApiFixture
{
    Q_OBJECT

    qint64 versionCount(const QString &id, const QByteArray &token)
    {
        return getJson(QStringLiteral("/api/v1/prompts/%1/versions?total=true").arg(id), token)
            .value("total", qint64(-1));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startWithUsers()); }

    void createGetUpdateDelete()
    {
        const nlohmann::json messages = { { { "role", "system" }, { "content", "You are terse." } },
                                          { { "role", "user" }, { "content", "{{q}}" } } };
        HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/prompts"), m_author,
                                 json({ { "title", "Summarise a ticket" },
                                        { "name", "summarise-ticket" },
                                        { "description", "For the support queue." },
                                        { "category", "support" },
                                        { "tags", { "Support", "summary" } },
                                        { "is_template", true },
                                        { "kind", "chat" },
                                        { "content", "Summarise {{ticket}}." },
                                        { "messages", messages },
                                        { "model", "gpt-4o-mini" },
                                        { "temperature", 0.2 },
                                        { "max_tokens", 400 } }));
        QVERIFY2(r.status == 201, r.body.constData());
        nlohmann::json p = r.json();
        const QString id = QString::fromStdString(p["id"].get<std::string>());
        QCOMPARE(r.header("Location"), QByteArray("/api/v1/prompts/") + id.toUtf8());
        QCOMPARE_JSON(p["is_template"], true); // a JSON boolean on the wire
        QCOMPARE_JSON(p["approval_required"], false);
        QCOMPARE_JSON(p["tags"], nlohmann::json({ "Support", "summary" }));
        QCOMPARE_JSON(p["messages"], messages);
        QCOMPARE_JSON(p["temperature"], 0.2);
        QCOMPARE_JSON(p["max_tokens"], 400);
        QCOMPARE_JSON(p["favorite"], false);
        QCOMPARE_JSON(p["labels"], nlohmann::json::array());
        QCOMPARE(versionCount(id, m_author), 1);
        const nlohmann::json first
            = getJson(QStringLiteral("/api/v1/prompts/%1/versions").arg(id), m_author)["items"][0];
        QCOMPARE_JSON(first["message"], "Created");
        QVERIFY(!first.contains("content")); // lists leave the text out

        p = getJson(QStringLiteral("/api/v1/prompts/") + id, m_author);
        QCOMPARE_JSON(p["title"], "Summarise a ticket");
        QCOMPARE_JSON(p["content"], "Summarise {{ticket}}.");
        const qint64 rev = p["rev"].get<qint64>();

        // A change of the title alone keeps no version; a change of the content does.
        r = m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + id, m_author,
                      json({ { "title", "Summarise tickets" }, { "rev", rev } }));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["title"], "Summarise tickets");
        QCOMPARE_JSON(r.json()["content"], "Summarise {{ticket}}."); // partial: the rest stays
        QCOMPARE(versionCount(id, m_author), 1);
        // A stale rev is refused, as for articles.
        r = m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + id, m_author,
                      json({ { "title", "Stale" }, { "rev", rev } }));
        QCOMPARE(r.status, 412);
        QCOMPARE_JSON(r.json()["error"]["code"], "rev_mismatch");
        r = m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + id, m_author,
                      json({ { "content", "Summarise {{ticket}} in {{n}} lines." }, { "message", "Shorter" } }));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(versionCount(id, m_author), 2);
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/%1/versions").arg(id), m_author)["items"][0]["message"],
                      "Shorter");
        // A change of the model settings keeps a version too; clearing one is null.
        r = m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + id, m_author,
                      json({ { "temperature", nullptr }, { "max_tokens", 800 } }));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["temperature"], nullptr);
        QCOMPARE(versionCount(id, m_author), 3);

        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/prompts/") + id, m_author).status, 204);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/prompts/") + id, m_author).status, 404);
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/prompts/") + id, m_author).status, 404);
    }

    void validationErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const auto with = [](nlohmann::json extra) {
            nlohmann::json j { { "title", "Valid" } };
            j.update(extra);
            return json(j);
        };
        QTest::newRow("no title") << json({ { "content", "x" } }) << "title";
        QTest::newRow("blank title") << json({ { "title", "  " } }) << "title";
        QTest::newRow("title not text") << json({ { "title", 7 } }) << "title";
        QTest::newRow("template as text") << with({ { "is_template", "true" } }) << "is_template";
        QTest::newRow("approval as number") << with({ { "approval_required", 1 } }) << "approval_required";
        QTest::newRow("tags not a list") << with({ { "tags", "a,b" } }) << "tags";
        QTest::newRow("tag not text") << with({ { "tags", { 1 } } }) << "tags";
        QTest::newRow("messages not a list") << with({ { "messages", "hi" } }) << "messages";
        QTest::newRow("message without role") << with({ { "messages", { { { "content", "hi" } } } } }) << "messages.0";
        QTest::newRow("message with blank role")
            << with({ { "messages", { { { "role", " " }, { "content", "hi" } } } } }) << "messages.0.role";
        QTest::newRow("unknown kind") << with({ { "kind", "audio" } }) << "kind";
        QTest::newRow("temperature too high") << with({ { "temperature", 3 } }) << "temperature";
        QTest::newRow("temperature as text") << with({ { "temperature", "0.5" } }) << "temperature";
        QTest::newRow("max tokens zero") << with({ { "max_tokens", 0 } }) << "max_tokens";
        QTest::newRow("max tokens fractional") << with({ { "max_tokens", 1.5 } }) << "max_tokens";
        QTest::newRow("name not a slug") << with({ { "name", "Not A Slug" } }) << "name";
        QTest::newRow("message too long") << with({ { "message", std::string(501, 'm') } }) << "message";
        QTest::newRow("unknown field") << with({ { "user_id", "x" } }) << "user_id";
        QTest::newRow("server-owned field") << with({ { "owner_id", "x" } }) << "owner_id";
    }
    void validationErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/prompts"), m_author, body);
        QVERIFY2(r.status == 400, r.body.constData());
        QCOMPARE_JSON(r.json()["error"]["code"], "validation_failed");
        QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
    }

    void updateValidatesToo()
    {
        const QString id = createPrompt(m_author, { { "title", "To change" } });
        QVERIFY(!id.isEmpty());
        const HttpResult r = m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + id, m_author,
                                       json({ { "title", "" }, { "is_template", "no" } }));
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()["error"]["fields"].contains("is_template"));
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/") + id, m_author)["title"], "To change");
    }

    // Names are unique per owner: without a name a free one is chosen from
    // the title; a taken name asked for is refused with a free one named.
    void namesAreUniquePerOwner()
    {
        const QString first = createPrompt(m_author, { { "title", "Same Title" } });
        const QString second = createPrompt(m_author, { { "title", "Same Title" } });
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const auto nameOf
            = [this](const QString &id) { return getJson(QStringLiteral("/api/v1/prompts/") + id, m_author)["name"]; };
        QCOMPARE_JSON(nameOf(first), "same-title");
        QCOMPARE_JSON(nameOf(second), "same-title-2");
        const HttpResult taken = m_fx.call("POST", QStringLiteral("/api/v1/prompts"), m_author,
                                           json({ { "title", "Other" }, { "name", "same-title" } }));
        QVERIFY2(taken.status == 409, taken.body.constData());
        QCOMPARE_JSON(taken.json()["error"]["code"], "slug_taken");
        QCOMPARE_JSON(taken.json()["error"]["fields"]["suggested_slug"], "same-title-3");
        // Another owner's names are theirs.
        const QString others = createPrompt(m_other, { { "title", "Same Title" }, { "name", "same-title" } });
        QVERIFY(!others.isEmpty());
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/") + others, m_other)["name"], "same-title");
    }

    // Who may keep prompts is the role matrix of the tables' rules (write content).
    void roleMatrix_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("status");
        QTest::newRow("admin") << "admin" << 201;
        QTest::newRow("editor") << "editor" << 201;
        QTest::newRow("author") << "author" << 201;
        QTest::newRow("reader") << "reader" << 403;
    }
    void roleMatrix()
    {
        QFETCH(QString, who);
        QFETCH(int, status);
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/prompts"), tokenOf(who),
                                       json({ { "title", "By " + who.toStdString() } }));
        QVERIFY2(r.status == status, r.body.constData());
        if (status == 403)
            QCOMPARE_JSON(r.json()["error"]["code"], "forbidden");
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/prompts"), QByteArray()).status, 401);
    }

    // Another user's private prompt is not found, whatever is asked of it.
    void anotherUsersPromptIsNotFound_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path"); // %1: the prompt's id
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("get") << QByteArray("GET") << "/api/v1/prompts/%1" << QByteArray();
        QTest::newRow("put") << QByteArray("PUT") << "/api/v1/prompts/%1" << json({ { "title", "Mine now" } });
        QTest::newRow("delete") << QByteArray("DELETE") << "/api/v1/prompts/%1" << QByteArray();
        QTest::newRow("versions") << QByteArray("GET") << "/api/v1/prompts/%1/versions" << QByteArray();
        QTest::newRow("version") << QByteArray("GET") << "/api/v1/prompts/%1/versions/1" << QByteArray();
        QTest::newRow("restore") << QByteArray("POST") << "/api/v1/prompts/%1/versions/1/restore" << QByteArray();
        QTest::newRow("diff") << QByteArray("GET") << "/api/v1/prompts/%1/diff?from=1&to=1" << QByteArray();
        QTest::newRow("labels") << QByteArray("GET") << "/api/v1/prompts/%1/labels" << QByteArray();
        QTest::newRow("set label") << QByteArray("PUT") << "/api/v1/prompts/%1/labels/production"
                                   << json({ { "version", 1 } });
        QTest::newRow("favourite") << QByteArray("POST") << "/api/v1/users/favorites/%1" << QByteArray();
        QTest::newRow("unfavourite") << QByteArray("DELETE") << "/api/v1/users/favorites/%1" << QByteArray();
        QTest::newRow("usage") << QByteArray("GET") << "/api/v1/prompts/%1/usage" << QByteArray();
        QTest::newRow("record use") << QByteArray("POST") << "/api/v1/prompts/%1/usage"
                                    << json({ { "use", "copied" } });
    }
    void anotherUsersPromptIsNotFound()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const QString id = createPrompt(m_author, { { "title", "Private to the author" }, { "content", "secret" } });
        QVERIFY(!id.isEmpty());
        const HttpResult r = m_fx.call(method, path.arg(id), m_other, body);
        QVERIFY2(r.status == 404, r.body.constData());
        QCOMPARE_JSON(r.json()["error"]["code"], "not_found");
        // Nothing changed for the owner.
        const nlohmann::json p = getJson(QStringLiteral("/api/v1/prompts/") + id, m_author);
        QCOMPARE_JSON(p["title"], "Private to the author");
        QCOMPARE_JSON(p["favorite"], false);
        // Nor is it listed or found by search.
        const nlohmann::json page = getJson(QStringLiteral("/api/v1/prompts?q=Private"), m_other);
        QVERIFY(!titles(page).contains(QStringLiteral("Private to the author")));
    }

    void filters_data()
    {
        QTest::addColumn<QString>("query"); // besides category=filters
        QTest::addColumn<QStringList>("expected"); // titles, any order
        QTest::newRow("all") << "" << strings({ "F alpha", "F beta", "F gamma" });
        QTest::newRow("tag") << "tag=Writing" << strings({ "F alpha", "F gamma" });
        QTest::newRow("template") << "template=true" << strings({ "F beta" });
        QTest::newRow("not template") << "template=false" << strings({ "F alpha", "F gamma" });
        QTest::newRow("kind") << "kind=chat" << strings({ "F gamma" });
        QTest::newRow("favourite") << "favorite=true" << strings({ "F beta" });
        QTest::newRow("owner me") << "owner=me" << strings({ "F alpha", "F beta", "F gamma" });
        QTest::newRow("shared with me") << "shared=true" << QStringList();
        QTest::newRow("search") << "q=glacier" << strings({ "F gamma" });
        QTest::newRow("search and tag") << "q=glacier&tag=nothing" << QStringList();
    }
    void filters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        static bool made = false;
        if (!made) {
            QVERIFY(!createPrompt(m_editor,
                                  { { "title", "F alpha" }, { "category", "filters" }, { "tags", { "writing" } } })
                         .isEmpty());
            const QString beta
                = createPrompt(m_editor, { { "title", "F beta" }, { "category", "filters" }, { "is_template", true } });
            QVERIFY(!beta.isEmpty());
            QVERIFY(!createPrompt(m_editor,
                                  { { "title", "F gamma" },
                                    { "category", "filters" },
                                    { "tags", { "Writing", "ice" } },
                                    { "kind", "chat" },
                                    { "content", "A glacier moves slowly." } })
                         .isEmpty());
            // Another user's prompt in the same category is never listed for the editor.
            QVERIFY(
                !createPrompt(m_author, { { "title", "F other" }, { "category", "filters" }, { "content", "glacier" } })
                     .isEmpty());
            QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/users/favorites/") + beta, m_editor).status, 201);
            made = true;
        }
        const nlohmann::json page = getJson(QStringLiteral("/api/v1/prompts?category=filters")
                                                + (query.isEmpty() ? QString() : QLatin1Char('&') + query),
                                            m_editor);
        QVERIFY(page.is_object());
        QStringList got = titles(page);
        got.sort();
        QCOMPARE(got, expected);
        for (const nlohmann::json &item : page["items"])
            QCOMPARE_JSON(item["favorite"], item["title"] == "F beta");
    }

    void badListParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("favourite not a flag") << "favorite=yes"
                                              << "favorite";
        QTest::newRow("shared not a flag") << "shared=1"
                                           << "shared";
        QTest::newRow("unknown sort") << "sort=colour"
                                      << "sort";
        QTest::newRow("relevance without words") << "sort=relevance"
                                                 << "sort";
        QTest::newRow("unknown kind") << "kind=audio"
                                      << "kind";
        QTest::newRow("template not a flag") << "template=maybe"
                                             << "template";
        QTest::newRow("per page") << "per_page=1000"
                                  << "per_page";
        QTest::newRow("cursor") << "cursor=nonsense"
                                << "cursor";
    }
    void badListParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/prompts?") + query, m_author);
        QVERIFY2(r.status == 400, r.body.constData());
        QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
    }

    void sortsAndPages()
    {
        for (const char *title : { "S delta", "S alpha", "S echo", "S charlie", "S bravo" })
            QVERIFY(!createPrompt(m_admin, { { "title", title }, { "category", "sorting" } }).isEmpty());
        QStringList walked;
        QString cursor;
        int pages = 0;
        do {
            const nlohmann::json page
                = getJson(QStringLiteral("/api/v1/prompts?category=sorting&sort=title&order=asc&per_page=2&total=true")
                              + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                          m_admin);
            QVERIFY(page.is_object());
            QCOMPARE_JSON(page["total"], 5);
            QCOMPARE_JSON(page["per_page"], 2);
            walked += titles(page);
            cursor = page["next_cursor"].is_string() ? QString::fromStdString(page["next_cursor"].get<std::string>())
                                                     : QString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(walked, (strings({ "S alpha", "S bravo", "S charlie", "S delta", "S echo" })));
        // Descending, and the default (newest change first).
        QCOMPARE(titles(getJson(QStringLiteral("/api/v1/prompts?category=sorting&sort=title&order=desc&per_page=2"),
                                m_admin)),
                 (strings({ "S echo", "S delta" })));
        QCOMPARE(titles(getJson(QStringLiteral("/api/v1/prompts?category=sorting&per_page=1"), m_admin)),
                 strings({ "S bravo" }));
    }

    // A title match ranks before a match in the text, however often the text names it.
    void searchRanksTitlesFirst()
    {
        const QString inTitle = createPrompt(m_author, { { "title", "Walrus greeting" }, { "content", "Say hello." } });
        QVERIFY(!inTitle.isEmpty());
        const QString inBody = createPrompt(
            m_author,
            { { "title", "Arctic notes" }, { "content", "walrus walrus walrus: the walrus is large. Walrus." } });
        QVERIFY(!inBody.isEmpty());
        const QString inDescription
            = createPrompt(m_author, { { "title", "Seals" }, { "description", "Not a walrus." } });
        QVERIFY(!inDescription.isEmpty());
        // Newest first would put the body match first; relevance puts the title first.
        nlohmann::json page = getJson(QStringLiteral("/api/v1/prompts?q=walrus&total=true"), m_author);
        QCOMPARE_JSON(page["total"], 3);
        QCOMPARE(titles(page).value(0), QStringLiteral("Walrus greeting"));
        // Paged by relevance, the same order with no repeats.
        page = getJson(QStringLiteral("/api/v1/prompts?q=walrus&per_page=1"), m_author);
        QStringList walked = titles(page);
        while (page["next_cursor"].is_string() && walked.size() < 5) {
            page = getJson(QStringLiteral("/api/v1/prompts?q=walrus&per_page=1&cursor=")
                               + QString::fromStdString(page["next_cursor"].get<std::string>()),
                           m_author);
            walked += titles(page);
        }
        QCOMPARE(walked.size(), 3);
        QCOMPARE(walked.first(), QStringLiteral("Walrus greeting"));
        QCOMPARE(walked.removeDuplicates(), 0);
        // An explicit sort still wins.
        QCOMPARE(titles(getJson(QStringLiteral("/api/v1/prompts?q=walrus&sort=title&order=asc"), m_author)),
                 (strings({ "Arctic notes", "Seals", "Walrus greeting" })));
    }

    void templatesListsOnlyTemplates()
    {
        QVERIFY(!createPrompt(m_author, { { "title", "T one" }, { "category", "tpl" }, { "is_template", true } })
                     .isEmpty());
        QVERIFY(!createPrompt(m_author, { { "title", "T two" }, { "category", "tpl" } }).isEmpty());
        const nlohmann::json page
            = getJson(QStringLiteral("/api/v1/prompts/templates?category=tpl&total=true"), m_author);
        QCOMPARE(titles(page), strings({ "T one" }));
        QCOMPARE_JSON(page["total"], 1);
        // A query cannot turn the template filter off.
        QCOMPARE(titles(getJson(QStringLiteral("/api/v1/prompts/templates?category=tpl&template=false"), m_author)),
                 strings({ "T one" }));
    }

    void favourites()
    {
        const QString id = createPrompt(m_other, { { "title", "Starred" } });
        QVERIFY(!id.isEmpty());
        const QString path = QStringLiteral("/api/v1/users/favorites/") + id;
        QCOMPARE(m_fx.call("POST", path, m_other).status, 201);
        QCOMPARE(m_fx.call("POST", path, m_other).status, 200); // twice is once
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompts/") + id, m_other)["favorite"], true);
        nlohmann::json page = getJson(QStringLiteral("/api/v1/users/favorites?total=true"), m_other);
        QCOMPARE(titles(page), strings({ "Starred" }));
        QCOMPARE_JSON(page["items"][0]["favorite"], true);
        // Another user's favourites are their own.
        QVERIFY(
            !titles(getJson(QStringLiteral("/api/v1/users/favorites"), m_author)).contains(QStringLiteral("Starred")));
        QCOMPARE(m_fx.call("DELETE", path, m_other).status, 204);
        QCOMPARE(m_fx.call("DELETE", path, m_other).status, 204);
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/users/favorites?total=true"), m_other)["total"], 0);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/users/favorites/not-a-prompt"), m_other).status, 404);
    }

    void preferencesInUsersMe()
    {
        nlohmann::json me = getJson(QStringLiteral("/api/v1/users/me"), m_other);
        QCOMPARE_JSON(
            me["prompt_preferences"],
            nlohmann::json({ { "default_view", "library" }, { "sort", "-updated" }, { "keep_variables", false } }));
        QCOMPARE_JSON(me["email"], "other@example.org"); // the profile's fields stay
        HttpResult r = m_fx.call(
            "PUT", QStringLiteral("/api/v1/users/me"), m_other,
            json({ { "name", "Otto" },
                   { "prompt_preferences",
                     { { "default_view", "favorites" }, { "sort", "title" }, { "keep_variables", true } } } }));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["name"], "Otto");
        QCOMPARE_JSON(r.json()["prompt_preferences"]["default_view"], "favorites");
        // Partial: one field changes, the others stay; the same row is kept.
        r = m_fx.call("PUT", QStringLiteral("/api/v1/users/me"), m_other,
                      json({ { "prompt_preferences", { { "sort", "-created" } } } }));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(
            r.json()["prompt_preferences"],
            nlohmann::json({ { "default_view", "favorites" }, { "sort", "-created" }, { "keep_variables", true } }));
        QCOMPARE_JSON(getJson(QStringLiteral("/api/v1/prompt-preferences?total=true"), m_other)["total"], 1);
        // Every problem named, nothing saved.
        r = m_fx.call(
            "PUT", QStringLiteral("/api/v1/users/me"), m_other,
            json(
                { { "name", "Changed" },
                  { "prompt_preferences",
                    { { "default_view", "mine" }, { "sort", "colour" }, { "keep_variables", "yes" }, { "x", 1 } } } }));
        QCOMPARE(r.status, 400);
        for (const char *field : { "prompt_preferences.default_view", "prompt_preferences.sort",
                                   "prompt_preferences.keep_variables", "prompt_preferences.x" })
            QVERIFY2(r.json()["error"]["fields"].contains(field), r.body.constData());
        me = getJson(QStringLiteral("/api/v1/users/me"), m_other);
        QCOMPARE_JSON(me["name"], "Otto");
        QCOMPARE_JSON(me["prompt_preferences"]["sort"], "-created");
    }
};

QTEST_GUILESS_MAIN(TestPromptApi)
#include "tst_promptapi.moc"
