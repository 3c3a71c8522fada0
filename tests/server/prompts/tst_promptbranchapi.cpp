// SPDX-License-Identifier: GPL-3.0-or-later
// Branch and merge over the real server (TLS): a branch is the caller's own
// prompt remembering where it came from; edits on both sides merge cleanly
// as a new version; a clash answers 409 merge_conflict with both texts and
// writes nothing, and a resolution finishes it; another's prompt is 404, a
// viewer sharee may branch but not merge, and only a branch merges.
#include "tests/server/prompts/groupapifixture.h"

#include <QTest>

using nlohmann::json;
using quire::test::HttpResult;

class TestPromptBranchApi : public quire::test::GroupApiFixture
{
    Q_OBJECT

    static QString path(const QString &id, const char *tail = "")
    {
        return QStringLiteral("/api/v1/prompts/") + id + QString::fromLatin1(tail);
    }

    HttpResult branchOf(const QString &id, const QByteArray &token, const json &body = json::object())
    {
        return m_fx.call("POST", path(id, "/branch"), token, quire::test::json(body));
    }

    HttpResult mergeInto(const QString &id, const QString &branchId, const QByteArray &token,
                         json body = json::object())
    {
        body["branch_id"] = branchId.toStdString();
        return m_fx.call("POST", path(id, "/merge"), token, quire::test::json(body));
    }

    HttpResult edit(const QString &id, const QByteArray &token, const json &fields)
    {
        return m_fx.call("PUT", path(id), token, quire::test::json(fields));
    }

    // A prompt of the author's with three paragraphs, and a branch of it.
    QString m_parent, m_branch;

    static std::string threeParagraphs() { return "Intro.\n\nMiddle.\n\nEnd.\n"; }

private slots:
    void initTestCase() { QVERIFY(startWithUsers()); }

    void branchCopiesAndRemembers()
    {
        m_parent = createPrompt(
            m_author,
            { { "title", "Summary" }, { "name", "summary" }, { "content", threeParagraphs() }, { "model", "gpt-x" } });
        QVERIFY(!m_parent.isEmpty());
        const HttpResult r = branchOf(m_parent, m_author);
        QCOMPARE(r.status, 201);
        const json b = r.json();
        m_branch = QString::fromStdString(b["id"].get<std::string>());
        QCOMPARE(b["branch_of"].get<std::string>(), m_parent.toStdString());
        QCOMPARE(b["content"].get<std::string>(), threeParagraphs());
        QCOMPARE(b["title"].get<std::string>(), std::string("Summary (branch)"));
        QCOMPARE(b["name"].get<std::string>(), std::string("summary-branch"));
        const json parentVersion = getJson(path(m_parent, "/versions/1"), m_author);
        QCOMPARE(b["branch_base"].get<std::string>(), parentVersion["id"].get<std::string>());
        const json v1 = getJson(path(m_branch, "/versions/1"), m_author);
        QCOMPARE(v1["content"].get<std::string>(), threeParagraphs());
        // A second branch without a name gets the next free one.
        const HttpResult again = branchOf(m_parent, m_author, { { "title", "Other try" } });
        QCOMPARE(again.status, 201);
        QCOMPARE(again.json()["name"].get<std::string>(), std::string("summary-branch-2"));
    }

    void cleanMergeIsANewVersion()
    {
        QCOMPARE(
            edit(m_parent, m_author, { { "content", "Intro, changed on the prompt.\n\nMiddle.\n\nEnd.\n" } }).status,
            200);
        QCOMPARE(edit(m_branch, m_author,
                      { { "content", "Intro.\n\nMiddle.\n\nEnd, changed on the branch.\n" }, { "temperature", 0.5 } })
                     .status,
                 200);
        const HttpResult r = mergeInto(m_parent, m_branch, m_author);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["content"].get<std::string>(),
                 std::string("Intro, changed on the prompt.\n\nMiddle.\n\nEnd, changed on the branch.\n"));
        QCOMPARE(r.json()["temperature"].get<double>(), 0.5);
        QCOMPARE(r.json()["model"].get<std::string>(), std::string("gpt-x"));
        const json versions = getJson(path(m_parent, "/versions"), m_author);
        QCOMPARE(versions["items"][0]["number"].get<qint64>(), 3);
        QCOMPARE(versions["items"][0]["message"].get<std::string>(), std::string("Merged branch summary-branch"));
    }

    void conflictThenResolution()
    {
        const QString parent = createPrompt(m_author, { { "title", "Clash" }, { "content", "One line.\n" } });
        const QString branch = QString::fromStdString(branchOf(parent, m_author).json()["id"].get<std::string>());
        QCOMPARE(edit(parent, m_author, { { "content", "Prompt's line.\n" }, { "model", "a" } }).status, 200);
        QCOMPARE(edit(branch, m_author, { { "content", "Branch's line.\n" }, { "model", "b" } }).status, 200);
        const HttpResult r = mergeInto(parent, branch, m_author);
        QCOMPARE(r.status, 409);
        const json error = r.json()["error"];
        QCOMPARE(error["code"].get<std::string>(), std::string("merge_conflict"));
        QStringList fields;
        for (const json &c : error["clashes"]) {
            fields << QString::fromStdString(c["field"].get<std::string>());
            if (c["field"] == "content") {
                QCOMPARE(c["ours"].get<std::string>(), std::string("Prompt's line.\n"));
                QCOMPARE(c["theirs"].get<std::string>(), std::string("Branch's line.\n"));
                QCOMPARE(c["base"].get<std::string>(), std::string("One line.\n"));
            }
        }
        QCOMPARE(fields, QStringList({ QStringLiteral("content"), QStringLiteral("model") }));
        // Nothing written: still two versions, the prompt's own text.
        QCOMPARE(getJson(path(parent, "/versions"), m_author)["items"].size(), size_t(2));
        QCOMPARE(getJson(path(parent), m_author)["content"].get<std::string>(), std::string("Prompt's line.\n"));
        // Resolving only one clash is still a conflict.
        QCOMPARE(mergeInto(parent, branch, m_author, { { "resolution", { { "content", "Both lines.\n" } } } }).status,
                 409);
        const HttpResult done = mergeInto(
            parent, branch, m_author,
            { { "message", "Took both" }, { "resolution", { { "content", "Both lines.\n" }, { "model", "b" } } } });
        QCOMPARE(done.status, 200);
        QCOMPARE(done.json()["content"].get<std::string>(), std::string("Both lines.\n"));
        QCOMPARE(done.json()["model"].get<std::string>(), std::string("b"));
        QCOMPARE(getJson(path(parent, "/versions/3"), m_author)["message"].get<std::string>(),
                 std::string("Took both"));
    }

    void chatMessagesMergeByMessage()
    {
        const json messages = json::array(
            { { { "role", "system" }, { "content", "Be brief." } }, { { "role", "user" }, { "content", "Hi." } } });
        const QString parent
            = createPrompt(m_author, { { "title", "Chat" }, { "kind", "chat" }, { "messages", messages } });
        const QString branch = QString::fromStdString(branchOf(parent, m_author).json()["id"].get<std::string>());
        json ours = messages;
        ours[0]["content"] = "Be very brief.";
        json theirs = messages;
        theirs[1]["content"] = "Hello.";
        QCOMPARE(edit(parent, m_author, { { "messages", ours } }).status, 200);
        QCOMPARE(edit(branch, m_author, { { "messages", theirs } }).status, 200);
        const HttpResult r = mergeInto(parent, branch, m_author);
        QCOMPARE(r.status, 200);
        json expected = messages;
        expected[0]["content"] = "Be very brief.";
        expected[1]["content"] = "Hello.";
        QVERIFY2(r.json()["messages"] == expected, r.body.constData());
    }

    void anotherUsersPromptIsNotFound()
    {
        QCOMPARE(branchOf(m_parent, m_other).status, 404);
        QCOMPARE(mergeInto(m_parent, m_branch, m_other).status, 404);
        // The other's own branch of nothing they can read cannot reach in either.
        const QString own = createPrompt(m_other, { { "title", "Mine" } });
        QCOMPARE(mergeInto(m_parent, own, m_other).status, 404);
    }

    void viewerBranchesButDoesNotMerge()
    {
        const QString group = createGroup(m_author, QStringLiteral("Team"));
        QCOMPARE(addMember(m_author, group, m_parent).status, 201);
        const QString otherId = userIdOf(QStringLiteral("other"));
        QCOMPARE(m_fx.call("PUT", groupPath(group) + QStringLiteral("/shares/") + otherId, m_author,
                           quire::test::json({ { "role", "viewer" } }))
                     .status,
                 201);
        const HttpResult r = branchOf(m_parent, m_other);
        QCOMPARE(r.status, 201);
        const json b = r.json();
        QCOMPARE(b["author"]["id"].get<std::string>(), otherId.toStdString());
        const QString branch = QString::fromStdString(b["id"].get<std::string>());
        QCOMPARE(edit(branch, m_other, { { "content", "The viewer's idea.\n" } }).status, 200);
        const HttpResult merged = mergeInto(m_parent, branch, m_other);
        QCOMPARE(merged.status, 403);
        QVERIFY(getJson(path(m_parent), m_author)["content"].get<std::string>() != "The viewer's idea.\n");
        // The owner may merge what the viewer branched, once they can read it: not here, it is the viewer's.
        QCOMPARE(mergeInto(m_parent, branch, m_author).status, 404);
    }

    void onlyABranchMerges()
    {
        const QString unrelated = createPrompt(m_author, { { "title", "Unrelated" } });
        const HttpResult r = mergeInto(m_parent, unrelated, m_author);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()["error"]["fields"].contains("branch_id"));
        QCOMPARE(mergeInto(m_parent, m_parent, m_author).status, 400);
    }
};

QTEST_GUILESS_MAIN(TestPromptBranchApi)
#include "tst_promptbranchapi.moc"
