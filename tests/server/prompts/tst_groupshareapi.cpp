// SPDX-License-Identifier: GPL-3.0-or-later
// Sharing prompt groups over the real server (TLS): the owner shares by
// user id or by address as viewer or editor, changes the role and revokes
// it; a viewer reads but changes nothing, an editor also adds their own
// prompts, pins and reorders; a revoked sharee and everyone else get 404
// for the group, its members and its shares (another's group is never
// revealed), and only the owner learns whether an address has an account.
#include "shared/uuid.h"
#include "tests/server/prompts/groupapifixture.h"

#include <QTest>

using nlohmann::json;
using quire::test::HttpResult;

namespace {
QByteArray asBody(const json &j)
{
    return quire::test::json(j);
}
} // namespace

class TestGroupShareApi : public quire::test::GroupApiFixture
{
    Q_OBJECT

    QString m_otherId, m_readerId, m_authorId;

    // The author's group of two of their prompts, shared with `sharee`
    // (other or reader) as `role` (none: not shared); its id and its prompts.
    QString sharedGroup(const QString &sharee, const QString &role, QStringList &prompts)
    {
        const QString id = createGroup(m_author, QStringLiteral("Shared"));
        for (int i = 0; i < 2; ++i) {
            prompts << promptWithVersions(m_author, QStringLiteral("Team prompt %1").arg(i), 2);
            if (addMember(m_author, id, prompts.last()).status != 201)
                return {};
        }
        const QString shareeId = sharee == QLatin1String("reader") ? m_readerId : m_otherId;
        if (role != QLatin1String("none") && share(id, shareeId, role).status != 201)
            return {};
        return id;
    }

    HttpResult share(const QString &groupId, const QString &userId, const QString &role, const QByteArray &token = {})
    {
        return m_fx.call("PUT", groupPath(groupId) + QStringLiteral("/shares/") + userId,
                         token.isEmpty() ? m_author : token, asBody({ { "role", role.toStdString() } }));
    }

    QStringList listedIds(const QString &query, const QByteArray &token)
    {
        QStringList ids;
        const json page = getJson(QStringLiteral("/api/v1/groups?per_page=100") + query, token);
        for (const json &item : page["items"])
            ids << QString::fromStdString(item["id"].get<std::string>());
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(startWithUsers());
        m_otherId = userIdOf(QStringLiteral("other"));
        m_readerId = userIdOf(QStringLiteral("reader"));
        m_authorId = userIdOf(QStringLiteral("author"));
        QVERIFY(!m_otherId.isEmpty() && !m_readerId.isEmpty() && !m_authorId.isEmpty());
    }

    // What a sharee may do with the group, by the role of their share (the
    // rules are the access lane's PromptGroupAccess and friends: an editor
    // changes the group's name and members, only the owner shares or deletes it).
    void roleMatrix_data()
    {
        QTest::addColumn<QString>("role"); // none, viewer, editor
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("status");
        const QStringList actions { QStringLiteral("read"),   QStringLiteral("shares"),  QStringLiteral("add"),
                                    QStringLiteral("pin"),    QStringLiteral("reorder"), QStringLiteral("remove"),
                                    QStringLiteral("rename"), QStringLiteral("share"),   QStringLiteral("delete") };
        const QMap<QString, QList<int>> expected {
            { QStringLiteral("none"), { 404, 404, 404, 404, 404, 404, 404, 404, 404 } },
            { QStringLiteral("viewer"), { 200, 200, 403, 403, 403, 403, 403, 403, 403 } },
            { QStringLiteral("editor"), { 200, 200, 201, 200, 200, 204, 200, 403, 403 } },
        };
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            for (qsizetype i = 0; i < actions.size(); ++i)
                QTest::addRow("%s %s", qPrintable(it.key()), qPrintable(actions.at(i)))
                    << it.key() << actions.at(i) << it.value().at(i);
        }
    }

    void roleMatrix()
    {
        QFETCH(QString, role);
        QFETCH(QString, action);
        QFETCH(int, status);
        QStringList prompts;
        const QString id = sharedGroup(QStringLiteral("other"), role, prompts);
        QVERIFY(!id.isEmpty());
        const QString member = membersPath(id) + QLatin1Char('/') + prompts.first();
        HttpResult r;
        if (action == QLatin1String("read"))
            r = m_fx.call("GET", groupPath(id), m_other);
        else if (action == QLatin1String("shares"))
            r = m_fx.call("GET", groupPath(id) + QStringLiteral("/shares"), m_other);
        else if (action == QLatin1String("add"))
            r = addMember(m_other, id, promptWithVersions(m_other, QStringLiteral("Their own")));
        else if (action == QLatin1String("pin"))
            r = m_fx.call("PATCH", member, m_other, asBody({ { "pinned_version", 1 } }));
        else if (action == QLatin1String("reorder"))
            r = reorder(m_other, id, { prompts.at(1), prompts.at(0) });
        else if (action == QLatin1String("remove"))
            r = m_fx.call("DELETE", member, m_other);
        else if (action == QLatin1String("rename"))
            r = m_fx.call("PUT", groupPath(id), m_other, asBody({ { "name", "Taken over" } }));
        else if (action == QLatin1String("share"))
            r = share(id, m_readerId, QStringLiteral("viewer"), m_other);
        else
            r = m_fx.call("DELETE", groupPath(id), m_other);
        QVERIFY2(r.status == status, r.body.constData());

        // What the owner sees afterwards: the change, or nothing changed.
        const json g = getJson(groupPath(id), m_author);
        QCOMPARE_JSON(g["name"], action == QLatin1String("rename") && status == 200 ? "Taken over" : "Shared");
        QCOMPARE(g["members"].size(),
                 prompts.size() + (action == QLatin1String("add") && status == 201)
                     - (action == QLatin1String("remove") && status == 204));
        QCOMPARE(g["shares"].size(), role == QLatin1String("none") ? 0u : 1u);
        if (action == QLatin1String("reorder"))
            QCOMPARE(order(g).first(), status == 200 ? prompts.at(1) : prompts.at(0));
        if (status == 200 && action == QLatin1String("read")) {
            QCOMPARE_JSON(r.json()["my_role"], role.toStdString());
            QCOMPARE(order(r.json()), prompts);
            QVERIFY(!r.json().contains("shares")); // who else has it is the owner's business
        }
        if (status == 200 && action == QLatin1String("shares")) {
            QCOMPARE(r.json()["items"].size(), 1u);
            QVERIFY(!r.json()["items"][0].contains("email"));
        }
    }

    void sharedGroupsAreListedWithTheRole()
    {
        QStringList prompts;
        const QString viewed = sharedGroup(QStringLiteral("other"), QStringLiteral("viewer"), prompts);
        const QString edited = sharedGroup(QStringLiteral("other"), QStringLiteral("editor"), prompts);
        const QString own = createGroup(m_other, QStringLiteral("Own"));
        const QStringList shared = listedIds(QStringLiteral("&owner=shared"), m_other);
        QVERIFY2(shared.contains(viewed) && shared.contains(edited) && !shared.contains(own),
                 qPrintable(shared.join(QLatin1Char(' ')) + QLatin1Char('|') + viewed + QLatin1Char(' ') + edited));
        const QStringList mine = listedIds(QStringLiteral("&owner=me"), m_other);
        QVERIFY(mine.contains(own) && !mine.contains(viewed));
        const json all = getJson(QStringLiteral("/api/v1/groups?per_page=100"), m_other);
        int roles = 0;
        const QMap<QString, std::string> expected { { viewed, "viewer" }, { edited, "editor" }, { own, "owner" } };
        for (const json &item : all["items"]) {
            const QString id = QString::fromStdString(item["id"].get<std::string>());
            if (expected.contains(id)) {
                QCOMPARE_JSON(item["my_role"], expected.value(id));
                ++roles;
            }
        }
        QCOMPARE(roles, 3);
    }

    void grantsChangesAndRevokes()
    {
        QStringList prompts;
        const QString id = sharedGroup(QStringLiteral("other"), QStringLiteral("none"), prompts);
        HttpResult r = share(id, m_otherId, QStringLiteral("viewer"));
        QCOMPARE(r.status, 201);
        const json first = r.json();
        QCOMPARE_JSON(first["user_id"], m_otherId.toStdString());
        QCOMPARE_JSON(first["role"], "viewer");
        QCOMPARE_JSON(first["email"], "other@example.org");
        // Granting again changes the one share.
        r = share(id, m_otherId, QStringLiteral("editor"));
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["id"], first["id"]);
        QCOMPARE_JSON(r.json()["role"], "editor");
        json listed = getJson(groupPath(id) + QStringLiteral("/shares"), m_author);
        QCOMPARE(listed["items"].size(), 1u);
        QCOMPARE_JSON(listed["items"][0]["role"], "editor");
        QCOMPARE(m_fx.call("GET", groupPath(id), m_other).status, 200);

        // Revoked: gone for the former sharee, as if it never existed.
        QCOMPARE(m_fx.call("DELETE", groupPath(id) + QStringLiteral("/shares/") + m_otherId, m_author).status, 204);
        QCOMPARE(m_fx.call("GET", groupPath(id), m_other).status, 404);
        QCOMPARE(m_fx.call("GET", groupPath(id) + QStringLiteral("/shares"), m_other).status, 404);
        QCOMPARE(reorder(m_other, id, { prompts.at(1), prompts.at(0) }).status, 404);
        QCOMPARE(addMember(m_other, id, promptWithVersions(m_other, QStringLiteral("Late"))).status, 404);
        QVERIFY(!listedIds({}, m_other).contains(id));
        QCOMPARE(m_fx.call("DELETE", groupPath(id) + QStringLiteral("/shares/") + m_otherId, m_author).status, 404);
        QCOMPARE_JSON(getJson(groupPath(id), m_author)["shares"], json::array());
        // And it can be granted again.
        QCOMPARE(share(id, m_otherId, QStringLiteral("viewer")).status, 201);
        QCOMPARE(m_fx.call("GET", groupPath(id), m_other).status, 200);
    }

    void refusesABadGrant_data()
    {
        QTest::addColumn<QString>("user"); // other, owner, nobody
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("no role") << "other" << QByteArray("{}") << 400;
        QTest::newRow("unknown role") << "other" << QByteArray(R"({"role": "admin"})") << 400;
        QTest::newRow("unknown field") << "other" << QByteArray(R"({"role": "viewer", "group_id": "x"})") << 400;
        QTest::newRow("the owner") << "owner" << QByteArray(R"({"role": "viewer"})") << 400;
        QTest::newRow("no such user") << "nobody" << QByteArray(R"({"role": "viewer"})") << 404;
    }

    void refusesABadGrant()
    {
        QFETCH(QString, user);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QStringList prompts;
        const QString id = sharedGroup(QStringLiteral("other"), QStringLiteral("none"), prompts);
        const QMap<QString, QString> users { { QStringLiteral("other"), m_otherId },
                                             { QStringLiteral("owner"), m_authorId },
                                             { QStringLiteral("nobody"), quire::shared::Uuid::createV7() } };
        const HttpResult r
            = m_fx.call("PUT", groupPath(id) + QStringLiteral("/shares/") + users.value(user), m_author, body);
        QVERIFY2(r.status == status, r.body.constData());
        QCOMPARE_JSON(getJson(groupPath(id), m_author)["shares"], json::array());
    }

    void sharesByAddressRevealingAccountsToTheOwnerOnly()
    {
        QStringList prompts;
        const QString id = sharedGroup(QStringLiteral("other"), QStringLiteral("editor"), prompts);
        const QString shares = groupPath(id) + QStringLiteral("/shares");
        // The owner: by address (any case), and told when no account has it.
        HttpResult r
            = m_fx.call("POST", shares, m_author, asBody({ { "email", "Reader@Example.org" }, { "role", "viewer" } }));
        QCOMPARE(r.status, 201);
        QCOMPARE_JSON(r.json()["user_id"], m_readerId.toStdString());
        QCOMPARE(m_fx.call("GET", groupPath(id), m_reader).status, 200);
        r = m_fx.call("POST", shares, m_author, asBody({ { "email", "nobody@example.org" }, { "role", "viewer" } }));
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()["error"]["fields"].contains("email"));

        // An editor of the group gets the same answer for an address with
        // an account and one without: nothing to learn from it.
        const HttpResult known
            = m_fx.call("POST", shares, m_other, asBody({ { "email", "editor@example.org" }, { "role", "viewer" } }));
        const HttpResult unknown
            = m_fx.call("POST", shares, m_other, asBody({ { "email", "nobody@example.org" }, { "role", "viewer" } }));
        QCOMPARE(known.status, 403);
        QCOMPARE(unknown.status, known.status);
        QCOMPARE(unknown.body, known.body);
        // Someone the group is not shared with learns not even that it exists.
        const HttpResult stranger
            = m_fx.call("POST", shares, m_editor, asBody({ { "email", "reader@example.org" }, { "role", "viewer" } }));
        QCOMPARE(stranger.status, 404);
        QCOMPARE(getJson(groupPath(id), m_author)["shares"].size(), 2u);
    }

    // Another user's group, member and share, addressed directly, are 404:
    // the same as a group that does not exist.
    void anotherUsersGroupIsNotFound_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path"); // %1 the group, %2 a member prompt, %3 a sharee
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("get") << QByteArray("GET") << "%1" << QByteArray();
        QTest::newRow("change") << QByteArray("PUT") << "%1" << QByteArray(R"({"name": "Mine now"})");
        QTest::newRow("delete") << QByteArray("DELETE") << "%1" << QByteArray();
        QTest::newRow("add") << QByteArray("POST") << "%1/prompts" << QByteArray(R"({"prompt_id": "%2"})");
        QTest::newRow("remove member") << QByteArray("DELETE") << "%1/prompts/%2" << QByteArray();
        QTest::newRow("pin member") << QByteArray("PATCH") << "%1/prompts/%2" << QByteArray(R"({"pinned_version": 1})");
        QTest::newRow("reorder") << QByteArray("PUT") << "%1/reorder" << QByteArray(R"({"prompt_ids": ["%2"]})");
        QTest::newRow("shares") << QByteArray("GET") << "%1/shares" << QByteArray();
        QTest::newRow("grant") << QByteArray("PUT") << "%1/shares/%3" << QByteArray(R"({"role": "editor"})");
        QTest::newRow("revoke") << QByteArray("DELETE") << "%1/shares/%3" << QByteArray();
        QTest::newRow("grant by address")
            << QByteArray("POST") << "%1/shares" << QByteArray(R"({"email": "reader@example.org", "role": "editor"})");
    }

    void anotherUsersGroupIsNotFound()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QStringList prompts;
        // Shared with the reader, not with "other", who tries.
        const QString id = sharedGroup(QStringLiteral("reader"), QStringLiteral("viewer"), prompts);
        const auto fill = [&](QString text, const QString &group) {
            return text.replace(QStringLiteral("%1"), group)
                .replace(QStringLiteral("%2"), prompts.first())
                .replace(QStringLiteral("%3"), m_readerId);
        };
        const QString target = groupPath(fill(path, id));
        const QByteArray payload = fill(QString::fromUtf8(body), id).toUtf8();
        const HttpResult theirs = m_fx.call(method, target, m_other, payload);
        QCOMPARE(theirs.status, 404);
        QCOMPARE_JSON(theirs.json()["error"]["code"], "not_found");
        // A group that does not exist answers the same.
        const HttpResult none
            = m_fx.call(method, groupPath(fill(path, quire::shared::Uuid::createV7())), m_other, payload);
        QCOMPARE(none.status, 404);
        // And nothing changed for the owner.
        const json g = getJson(groupPath(id), m_author);
        QCOMPARE_JSON(g["name"], "Shared");
        QCOMPARE(order(g), prompts);
        QCOMPARE(g["shares"].size(), 1u);
        // Through their own group, another's member is not reachable either.
        const QString own = createGroup(m_other, QStringLiteral("Theirs"));
        QCOMPARE(m_fx.call("DELETE", membersPath(own) + QLatin1Char('/') + prompts.first(), m_other).status, 404);
        QCOMPARE(addMember(m_other, own, prompts.first()).status, 404);
    }

    // A ranked search with more matches than a page, paged by its cursor:
    // every match the caller may see comes exactly once, best first, ties
    // by id, the same as one page of all of them; the sharee finds the
    // prompts shared with them through a group and not the owner's others,
    // nor does the owner find the sharee's private prompt. (Ranking sorts
    // the matches' keys and reads the page's rows afterwards.)
    void rankedSearchPagesEveryVisibleMatchOnce_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("perPage");
        QTest::addColumn<QString>("filter");
        for (const int perPage : { 1, 4, 100 }) {
            QTest::addRow("owner, %d a page", perPage) << QStringLiteral("author") << perPage << QString();
            QTest::addRow("sharee, %d a page", perPage) << QStringLiteral("other") << perPage << QString();
        }
        QTest::newRow("owner, a tag") << QStringLiteral("author") << 2 << QStringLiteral("&tag=marsupial");
        QTest::newRow("sharee, a tag") << QStringLiteral("other") << 2 << QStringLiteral("&tag=marsupial");
    }
    void rankedSearchPagesEveryVisibleMatchOnce()
    {
        QFETCH(QString, who);
        QFETCH(int, perPage);
        QFETCH(QString, filter);
        if (m_titleHits.isEmpty())
            QVERIFY(makeSearchCorpus());
        const bool sharee = who == QLatin1String("other");
        const QByteArray token = sharee ? m_other : m_author;
        // Title matches first (the title weighs most); the text matches,
        // all the same text, tie and come by id.
        QStringList expected = sharee || !filter.isEmpty() ? QStringList() : m_titleHits;
        QStringList body = sharee ? m_sharedHits + QStringList { m_othersPrivate } : m_bodyHits;
        if (!filter.isEmpty())
            body = sharee ? m_sharedHits.mid(0, 1) : m_bodyHits.mid(0, 3);
        std::sort(expected.begin(), expected.end());
        std::sort(body.begin(), body.end());
        expected += body;

        const QString base = QStringLiteral("/api/v1/prompts?q=quokka") + filter;
        json page = getJson(base + QStringLiteral("&total=true&per_page=%1").arg(perPage), token);
        QCOMPARE_JSON(page["total"], int(expected.size()));
        QStringList walked;
        for (int pages = 0; pages <= expected.size(); ++pages) {
            for (const json &item : page["items"])
                walked << QString::fromStdString(item["id"].get<std::string>());
            QVERIFY(page["items"].size() <= size_t(perPage));
            if (!page["next_cursor"].is_string())
                break;
            page = getJson(base
                               + QStringLiteral("&per_page=%1&cursor=%2")
                                     .arg(perPage)
                                     .arg(QString::fromStdString(page["next_cursor"].get<std::string>())),
                           token);
        }
        QCOMPARE(walked, expected);
        // Offset pages give the same order.
        QStringList paged;
        for (int n = 1; n <= (int(expected.size()) + perPage - 1) / perPage; ++n) {
            const json offsetPage = getJson(base + QStringLiteral("&per_page=%1&page=%2").arg(perPage).arg(n), token);
            for (const json &item : offsetPage["items"])
                paged << QString::fromStdString(item["id"].get<std::string>());
        }
        QCOMPARE(paged, expected);
    }

    void cleanupTestCase() { QVERIFY(m_fx.server().stop()); }

private:
    QStringList m_titleHits, m_bodyHits, m_sharedHits;
    QString m_othersPrivate;

    // The author's prompts naming a quokka: 3 in the title, 9 in the same
    // text (the first 3 of those tagged), 4 of the 9 in a group shared with
    // `other`; other's own private prompt; prompts without the word.
    bool makeSearchCorpus()
    {
        const auto make = [&](const QByteArray &token, const QString &title, const char *content, bool tagged) {
            json fields { { "title", title.toStdString() },
                          { "name", QStringLiteral("search-%1").arg(++m_promptCount).toStdString() },
                          { "content", content } };
            if (tagged)
                fields["tags"] = json::array({ "marsupial" });
            return createPrompt(token, fields);
        };
        for (int i = 0; i < 3; ++i)
            m_titleHits << make(m_author, QStringLiteral("Quokka notes %1").arg(i), "About small animals.", false);
        for (int i = 0; i < 9; ++i)
            m_bodyHits << make(m_author, QStringLiteral("Island %1").arg(i), "A quokka smiles at the camera.", i < 3);
        make(m_author, QStringLiteral("Kangaroo"), "No match here.", true);
        m_othersPrivate = make(m_other, QStringLiteral("Island visit"), "A quokka smiles at the camera.", false);
        const QString group = createGroup(m_author, QStringLiteral("Quokkas"));
        // The first shared is tagged: the sharee's tag search finds it alone.
        for (int i = 2; i < 6; ++i) {
            m_sharedHits << m_bodyHits.at(i);
            if (addMember(m_author, group, m_bodyHits.at(i)).status != 201)
                return false;
        }
        return !m_titleHits.contains(QString()) && !m_bodyHits.contains(QString()) && !m_othersPrivate.isEmpty()
            && !group.isEmpty() && share(group, m_otherId, QStringLiteral("viewer")).status == 201;
    }
};

QTEST_GUILESS_MAIN(TestGroupShareApi)
#include "tst_groupshareapi.moc"
