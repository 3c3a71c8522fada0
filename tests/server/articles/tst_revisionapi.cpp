// SPDX-License-Identifier: GPL-3.0-or-later
// An article's revisions through the API against a real quire-server:
// listing, comparing and restoring them, and the history's editing sessions.
#include "shared/database.h"
#include "tests/server/articles/contentapifixture.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using quire::test::HttpResult;
using quire::test::json;

class TestRevisionApi : public quire::test::ContentApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startWithUsers()); }

    void revisionsCompareRestore()
    {
        const QString id = createArticle(m_author, { { "title", "Versions" }, { "body", "one\ntwo\nthree\n" } });
        QVERIFY(!id.isEmpty());
        const QString base = QStringLiteral("/api/v1/guides/") + id;
        QCOMPARE(m_fx.call("PATCH", base, m_author, json({ { "body", "one\n2\nthree\nfour\n" } })).status, 200);
        QCOMPARE(m_fx.call("PATCH", base, m_author, json({ { "title", "Versions, again" } })).status, 200);
        // Every stored revision (the list groups them by editing session).
        HttpResult r = m_fx.call("GET", base + QStringLiteral("/revisions?each=true"), m_author);
        QCOMPARE(r.status, 200);
        const nlohmann::json revs = r.json()["items"];
        QCOMPARE(revs.size(), size_t(3));
        const qint64 first = revs[2]["rev"];
        const qint64 second = revs[1]["rev"];
        QCOMPARE_JSON(revs[0]["title"], "Versions, again");
        QCOMPARE_JSON(revs[2]["via"], "api");

        r = m_fx.call("GET", base + QStringLiteral("/revisions/%1").arg(first), m_author);
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["article"]["body"], "one\ntwo\nthree\n");

        r = m_fx.call("GET", base + QStringLiteral("/revisions/compare?from=%1&to=%2").arg(first).arg(second),
                      m_author);
        QCOMPARE(r.status, 200);
        QStringList ops;
        const nlohmann::json list_ = r.json()["body"];
        for (const auto &l : list_)
            ops << QString::fromStdString(l["op"].get<std::string>() + ":" + l["text"].get<std::string>());
        QCOMPARE(ops,
                 QStringList({ QStringLiteral("same:one"), QStringLiteral("removed:two"), QStringLiteral("added:2"),
                               QStringLiteral("same:three"), QStringLiteral("added:four"), QStringLiteral("same:") }));

        r = m_fx.call("POST", base + QStringLiteral("/revisions/%1/restore").arg(first), m_author);
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["body"], "one\ntwo\nthree\n");
        QCOMPARE_JSON(r.json()["title"], "Versions");
        // Restoring is a revision too.
        QCOMPARE(m_fx.call("GET", base + QStringLiteral("/revisions?each=true"), m_author).json()["items"].size(),
                 size_t(4));

        // Not theirs: no history either; unknown revisions are 404.
        QCOMPARE(m_fx.call("GET", base + QStringLiteral("/revisions"), m_other).status, 404);
        QCOMPARE(m_fx.call("GET", base + QStringLiteral("/revisions/999999"), m_author).status, 404);
        QCOMPARE(m_fx.call("POST", base + QStringLiteral("/revisions/999999/restore"), m_author).status, 404);
        QCOMPARE(m_fx.call("GET", base + QStringLiteral("/revisions/compare?from=x"), m_author).status, 400);
    }

    // The history lists editing sessions, not autosaves: a session ends after
    // a pause, on publish, on "Save version" and when someone else edits; each
    // says who, when and how much changed, and every revision stays stored.
    void revisionSessions()
    {
        const QString id = createArticle(
            m_editor, { { "title", "Sessions" }, { "slug", "sessions" }, { "body", "one two three\n" } });
        QVERIFY(!id.isEmpty());
        const QString base = QStringLiteral("/api/v1/guides/") + id;
        const auto patch = [&](const QByteArray &token, const nlohmann::json &fields) {
            const HttpResult r = m_fx.call("PATCH", base, token, json(fields));
            QVERIFY2(r.status == 200, r.body.constData());
        };
        const auto sessions = [&] {
            const HttpResult r = m_fx.call("GET", base + QStringLiteral("/revisions"), m_editor);
            return r.status == 200 ? r.json()["items"] : nlohmann::json::array();
        };
        // Autosaves seconds apart: one session.
        patch(m_editor, { { "body", "one two three four\n" } });
        patch(m_editor, { { "body", "one two three four five\n" } });
        nlohmann::json s = sessions();
        QCOMPARE(s.size(), size_t(1));
        QCOMPARE_JSON(s[0]["revisions"], 3);
        QCOMPARE_JSON(s[0]["words_added"], 5);
        QCOMPARE_JSON(s[0]["words_removed"], 0);
        const nlohmann::json editor = s[0]["author"]["id"];
        QVERIFY(!editor.get<std::string>().empty());
        QVERIFY(s[0]["first_rev"].get<qint64>() < s[0]["rev"].get<qint64>());

        // A pause longer than ten minutes: the next edit starts a session.
        auto db = quire::test::TestDatabase::open(m_fx.server());
        QVERIFY(db);
        QVERIFY((*db)->run(QStringLiteral("UPDATE sync_revisions SET created_at = ? WHERE row_id = ?"),
                           { QStringLiteral("2020-01-01T00:00:00.000Z"), id }));
        patch(m_editor, { { "body", "one 2 three four five\n" } });
        s = sessions();
        QCOMPARE(s.size(), size_t(2));
        QCOMPARE_JSON(s[0]["revisions"], 1);
        QCOMPARE_JSON(s[0]["words_added"], 1); // "2" for "two", not the whole line again
        QCOMPARE_JSON(s[0]["words_removed"], 1);

        // "Save version" ends the session; the next edit starts another.
        HttpResult r = m_fx.call("POST", base + QStringLiteral("/revisions/save"), m_editor);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["rev"], s[0]["rev"]);
        patch(m_editor, { { "title", "Sessions, again" } });
        s = sessions();
        QCOMPARE(s.size(), size_t(3));
        QCOMPARE_JSON(s[1]["saved"], true);
        QCOMPARE_JSON(s[0]["saved"], false);

        // Publishing ends the session it belongs to.
        patch(m_editor, { { "status", "published" } });
        patch(m_editor, { { "summary", "After publishing." } });
        s = sessions();
        QCOMPARE(s.size(), size_t(4));
        QCOMPARE_JSON(s[1]["published"], true);
        QCOMPARE_JSON(s[1]["revisions"], 2);

        // Someone else's edit is their own session, named after them.
        patch(m_admin, { { "summary", "Checked." } });
        s = sessions();
        QCOMPARE(s.size(), size_t(5));
        QVERIFY(s[0]["author"]["id"] != editor);
        QCOMPARE_JSON(s[1]["author"]["id"], editor);

        // Every revision is still stored, and a session's revision opens.
        r = m_fx.call("GET", base + QStringLiteral("/revisions?each=true"), m_editor);
        QCOMPARE(r.json()["items"].size(), size_t(8));
        QCOMPARE(
            m_fx.call("GET", base + QStringLiteral("/revisions/%1").arg(s[2]["rev"].get<qint64>()), m_editor).status,
            200);
        // Keeping a version needs the right to write.
        QCOMPARE(m_fx.call("POST", base + QStringLiteral("/revisions/save"), m_reader).status, 403);
    }
};

QTEST_GUILESS_MAIN(TestRevisionApi)
#include "tst_revisionapi.moc"
