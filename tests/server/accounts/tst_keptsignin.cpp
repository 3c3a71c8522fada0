// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/accountstore.h"
#include "server/accounts/signinguard.h"
#include "server/collections/answercache.h"
#include "server/servermigrations.h"
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/migrator.h"
#include "shared/timestamp.h"
#include "tests/support/mockclock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::server;

namespace {

std::unique_ptr<shared::Database> open(const QString &path)
{
    shared::Result<std::unique_ptr<shared::Database>> db = shared::Database::openSqlite(path);
    return db ? std::move(*db) : nullptr;
}

} // namespace

// The sign-in middleware keeps a bearer token it found valid while nothing
// in the database changed: every way a token stops counting (signing out
// here or on another connection, a demotion, a disabled account, its
// expiry) must still refuse it on the very next request after it was kept.
class TestKeptSignIn : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::MockClock m_clock;
    std::unique_ptr<shared::Database> m_db; // the worker's connection
    std::unique_ptr<shared::Database> m_other; // another worker's, or another instance's
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<AnswerCache> m_marks;
    std::unique_ptr<SignInGuard> m_guard;
    Router::Route m_me; // any signed-in user
    Router::Route m_admin; // admins only

    // What the guard answers a GET with `token`: 200 when it lets it through.
    int status(const QString &token, const Router::Route &route, Principal *who = nullptr)
    {
        HttpRequest request;
        request.method = QStringLiteral("GET");
        request.path = QStringLiteral("/api/v1/users/me");
        request.headers = { { QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1() } };
        const std::optional<HttpResponse> refused = m_guard->before(request, route);
        if (who && request.principal)
            *who = *request.principal;
        return refused ? refused->status : 200;
    }

    QString adminWithToken(const QString &email, QString *sessionId = nullptr)
    {
        shared::Result<StoredUser> user
            = m_accounts->insertUser(email, QStringLiteral("Kept"), shared::Role::Admin, QByteArray("x"), true);
        if (!user)
            return {};
        shared::Result<IssuedTokens> tokens = m_accounts->createSession(user->user.id, QStringLiteral("::1"), {});
        if (!tokens)
            return {};
        if (sessionId)
            *sessionId = tokens->sessionId;
        return tokens->accessToken;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("quire.db"));
        m_db = open(path);
        QVERIFY(m_db);
        shared::Migrator migrator(*m_db, serverMigrations());
        QVERIFY(migrator.migrate());
        QVERIFY(shared::DeclaredSchema(shared::DeclaredSchema::Side::Server).apply(*m_db));
        m_other = open(path);
        QVERIFY(m_other);
        m_accounts = std::make_unique<AccountStore>(*m_db);
        m_marks = std::make_unique<AnswerCache>(*m_db, 0); // kept answers off: the Mark still works
        m_guard = std::make_unique<SignInGuard>(*m_accounts, *m_marks);
        m_me.guard = Guard::user();
        m_admin.guard = Guard::needs(shared::Permission::ManageUsers);
    }

    void keptWhileNothingChanges()
    {
        const QString token = adminWithToken(QStringLiteral("steady@example.org"));
        QVERIFY(!token.isEmpty());
        for (int i = 0; i < 3; ++i) {
            Principal who;
            QCOMPARE(status(token, m_admin, &who), 200);
            QCOMPARE(who.email, QStringLiteral("steady@example.org"));
            QCOMPARE(who.role, shared::Role::Admin);
        }
        QCOMPARE(status(QStringLiteral("qa_not-a-token"), m_me), 401);
    }

    void refusedOnTheNextRequest_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("elsewhere"); // on another connection
        QTest::addColumn<int>("expected"); // on the admin route
        QTest::newRow("signed out") << "sign out" << false << 401;
        QTest::newRow("signed out elsewhere") << "sign out" << true << 401;
        QTest::newRow("demoted") << "demote" << false << 403;
        QTest::newRow("demoted elsewhere") << "demote" << true << 403;
        QTest::newRow("disabled elsewhere") << "disable" << true << 401;
        QTest::newRow("expired") << "expire" << false << 401;
    }
    void refusedOnTheNextRequest()
    {
        QFETCH(QString, change);
        QFETCH(bool, elsewhere);
        QFETCH(int, expected);
        QString sessionId;
        const QString token
            = adminWithToken(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))
                                 + QStringLiteral("@example.org"),
                             &sessionId);
        QVERIFY(!token.isEmpty());
        // Kept: asked twice with nothing changed in between.
        QCOMPARE(status(token, m_admin), 200);
        QCOMPARE(status(token, m_admin), 200);

        shared::Database &db = elsewhere ? *m_other : *m_db;
        const QString now = shared::Timestamp::format(m_clock.now());
        if (change == QLatin1String("sign out")) {
            QVERIFY(db.run(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE id = ?"), { now, sessionId }));
        } else if (change == QLatin1String("demote")) {
            QVERIFY(db.run(QStringLiteral("UPDATE users SET role = 'reader' WHERE id = "
                                          "(SELECT user_id FROM sessions WHERE id = ?)"),
                           { sessionId }));
        } else if (change == QLatin1String("disable")) {
            QVERIFY(db.run(QStringLiteral("UPDATE users SET disabled = 1 WHERE id = "
                                          "(SELECT user_id FROM sessions WHERE id = ?)"),
                           { sessionId }));
        } else {
            // Nothing is written: only time passes.
            m_clock.advanceMs(AccountStore::kAccessLifetimeMs + 1000);
        }
        QCOMPARE(status(token, m_admin), expected);
        if (change == QLatin1String("demote"))
            QCOMPARE(status(token, m_me), 200); // still signed in, only no longer an admin
    }
};

QTEST_GUILESS_MAIN(TestKeptSignIn)
#include "tst_keptsignin.moc"
