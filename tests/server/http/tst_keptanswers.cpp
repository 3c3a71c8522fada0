// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/accounts/accountfixture.h"

#include <QTest>

using namespace quire::test;

namespace {
const QString kAdmin = QStringLiteral("admin@example.org");
const QString kPassword = QStringLiteral("a long enough passphrase");

QByteArray json(const nlohmann::json &j)
{
    return QByteArray::fromStdString(j.dump());
}

// The emails and roles of the admin list's answer.
QStringList usersIn(const HttpResult &r)
{
    QStringList users;
    const nlohmann::json answer = r.json(); // held: a range-for over a temporary's member would dangle
    for (const auto &user : answer["users"])
        users << QString::fromStdString(user["email"].get<std::string>() + ':' + user["role"].get<std::string>());
    return users;
}
} // namespace

// Signed-in API GETs answered in the front door, with kept sign-ins and
// kept answers, against the real server with one worker (so every request
// meets what the one before it kept): they answer exactly what Qt's path
// answers, and no change waits for a kept answer or sign-in to age.
class TestKeptAnswers : public QObject
{
    Q_OBJECT
private:
    AccountFixture m_fx;
    QByteArray m_admin;

    HttpResult rawGet(const QByteArray &target, const QByteArray &extra = {})
    {
        return m_fx.http().raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_admin + "\r\n"
                               + extra + "\r\n");
    }

    HttpResult users() { return m_fx.call("GET", QStringLiteral("/api/v1/admin/users?per_page=100"), m_admin); }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.threads = 1;
        options.extraArgs = { QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.createUser(kAdmin, QStringLiteral("admin"), kPassword));
        m_admin = m_fx.token(kAdmin, kPassword);
        QVERIFY(!m_admin.isEmpty());
        const std::vector<std::vector<std::string>> tags
            = { { "a+b" }, { "caf\xc3\xa9" }, { "x&y", "sp ace" }, { "plain" } };
        for (std::size_t i = 0; i < tags.size(); ++i) {
            const HttpResult made = m_fx.call("POST", QStringLiteral("/api/v1/guides"), m_admin,
                                              json({ { "title", "Kept " + std::to_string(i) },
                                                     { "slug", "kept-" + std::to_string(i) },
                                                     { "body", "Text." },
                                                     { "tags", tags[i] } }));
            QCOMPARE(made.status, 201);
            const QString id = QString::fromStdString(made.json()["id"].get<std::string>());
            QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/guides/%1/publish").arg(id), m_admin).status, 200);
        }
    }

    // The same request through the front door and through Qt's parser
    // (a Cookie header sends it there; the API ignores cookies): the same
    // status and bytes, so the query is read the same way on both.
    void frontDoorAnswersAsQtWould_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("items"); // -1: not checked
        QTest::newRow("newest") << QByteArray("/api/v1/guides?status=published&sort=published&order=desc&per_page=2")
                                << 2;
        QTest::newRow("plus encoded") << QByteArray("/api/v1/guides?tag=a%2Bb") << 1;
        QTest::newRow("plus") << QByteArray("/api/v1/guides?tag=a+b") << -1;
        QTest::newRow("utf-8") << QByteArray("/api/v1/guides?tag=caf%C3%A9") << 1;
        QTest::newRow("utf-8 lower hex") << QByteArray("/api/v1/guides?tag=caf%c3%a9") << 1;
        QTest::newRow("ampersand") << QByteArray("/api/v1/guides?tag=x%26y") << 1;
        QTest::newRow("space") << QByteArray("/api/v1/guides?tag=sp%20ace") << 1;
        QTest::newRow("encoded name") << QByteArray("/api/v1/guides?t%61g=plain") << -1;
        QTest::newRow("encoded digit") << QByteArray("/api/v1/guides?per_page=%31") << 1;
        QTest::newRow("twice") << QByteArray("/api/v1/guides?tag=plain&tag=a%2Bb") << -1;
        QTest::newRow("empty value") << QByteArray("/api/v1/guides?tag=&per_page=1") << -1;
        QTest::newRow("no value") << QByteArray("/api/v1/guides?tag&per_page=1") << -1;
        QTest::newRow("sub-delims") << QByteArray("/api/v1/guides?tag=!$'()*,;:@/?") << -1;
        QTest::newRow("bad number") << QByteArray("/api/v1/guides?per_page=abc") << -1;
        QTest::newRow("admin list") << QByteArray("/api/v1/admin/users?per_page=1&q=ADMIN") << -1;
        QTest::newRow("no route") << QByteArray("/api/v1/nothing?x=1") << -1;
    }
    void frontDoorAnswersAsQtWould()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, items);
        const HttpResult front = rawGet(target);
        const HttpResult qt = rawGet(target, "Cookie: a=b\r\n");
        QVERIFY2(front.status > 0, qPrintable(front.error));
        QCOMPARE(front.status, qt.status);
        QCOMPARE(front.header("Content-Type"), qt.header("Content-Type"));
        QCOMPARE(front.body, qt.body);
        if (items >= 0) {
            QCOMPARE(front.status, 200);
            QCOMPARE(int(front.json()["items"].size()), items);
        }
    }

    // Kept while nothing changes, and a change shows on the very next
    // request: a user added by another process (the command line), a role
    // changed through the API.
    void adminListShowsChangesAtOnce()
    {
        const HttpResult first = users();
        QVERIFY2(first.status == 200, first.body.constData());
        const QStringList before = usersIn(first);
        QVERIFY2(before.contains(kAdmin + QStringLiteral(":admin")), qPrintable(before.join(u' ')));
        QCOMPARE(usersIn(users()), before); // kept
        QVERIFY(m_fx.createUser(QStringLiteral("newcomer@example.org"), QStringLiteral("author"), kPassword));
        const QStringList added = usersIn(users());
        QCOMPARE(added.size(), before.size() + 1);
        QVERIFY(added.contains(QStringLiteral("newcomer@example.org:author")));

        const HttpResult found = m_fx.call("GET", QStringLiteral("/api/v1/admin/users?q=newcomer"), m_admin);
        const QString id = QString::fromStdString(found.json()["users"][0]["id"].get<std::string>());
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/admin/users/") + id, m_admin, json({ { "role", "editor" } }))
                     .status,
                 200);
        const QStringList changed = usersIn(users());
        QVERIFY(changed.contains(QStringLiteral("newcomer@example.org:editor")));
        QVERIFY(!changed.contains(QStringLiteral("newcomer@example.org:author")));
    }

    // A token used (and kept) a moment ago is refused once signed out,
    // demoted or disabled: on the next request, not when something ages.
    void keptSignInEndsAtOnce()
    {
        QVERIFY(m_fx.createUser(QStringLiteral("second@example.org"), QStringLiteral("admin"), kPassword));
        const QByteArray second = m_fx.token(QStringLiteral("second@example.org"), kPassword);
        const QString list = QStringLiteral("/api/v1/admin/users?per_page=1");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_fx.call("GET", list, second).status, 200);
        const QString id = QString::fromStdString(
            m_fx.call("GET", QStringLiteral("/api/v1/users/me"), second).json()["id"].get<std::string>());
        QCOMPARE(m_fx.call("PUT", QStringLiteral("/api/v1/admin/users/") + id, m_admin, json({ { "role", "author" } }))
                     .status,
                 200);
        QCOMPARE(m_fx.call("GET", list, second).status, 403);

        const QByteArray third = m_fx.token(QStringLiteral("second@example.org"), kPassword);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), third).status, 200);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/v1/auth/logout"), third).status, 204);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/v1/users/me"), third).status, 401);
        QCOMPARE(rawGet("/api/v1/guides?per_page=1", {}).status, 200); // others are not affected
    }

    void cleanupTestCase() { QVERIFY(m_fx.server().stop()); }
};

QTEST_GUILESS_MAIN(TestKeptAnswers)
#include "tst_keptanswers.moc"
