// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/prompts/promptkeyfixture.h"
#include "tests/support/testdatabase.h"

#include <QRegularExpression>
#include <QTest>

using namespace quire::test;
using json = nlohmann::json;

// Personal API keys (server/accounts/apikeystore, apikeyroutes, the sign-in
// guard): shown once, stored as a keyed hash, scoped, revoked at once on
// every worker, refused everywhere but the routes for programs.
class TestApiKeys : public QObject
{
    Q_OBJECT
private:
    PromptKeyFixture m_fx;

    static QString code(const HttpResult &r)
    {
        const json j = r.json();
        return j.contains("error") ? QString::fromStdString(j["error"]["code"].get<std::string>()) : QString();
    }

    json keysOf(const QString &who)
    {
        const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/users/me/api-keys"), m_fx.tokenOf(who));
        return r.status == 200 ? r.json()["items"] : json();
    }

    json listed(const QString &who, const std::string &id)
    {
        for (const json &k : keysOf(who)) {
            if (k["id"] == id)
                return k;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        // Everything the server can log, to show no key is in it.
        options.env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("quire.*=true"));
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.addUser(QStringLiteral("ann")));
        QVERIFY(m_fx.addUser(QStringLiteral("bob")));
        QVERIFY(m_fx.addUser(QStringLiteral("root"), QStringLiteral("admin")));
        QVERIFY(
            !m_fx.prompt(QStringLiteral("ann"), QStringLiteral("greeting"), QStringLiteral("Hello {{who}}")).isEmpty());
    }

    void createShowsTheKeyOnceAndStoresItHashed()
    {
        const HttpResult created
            = m_fx.createKey(QStringLiteral("ann"), QStringLiteral("CI pipeline"), { QStringLiteral("prompts:read") });
        QCOMPARE(created.status, 201);
        const json j = created.json();
        const QByteArray key = QByteArray::fromStdString(j["key"].get<std::string>());
        QVERIFY(key.startsWith("quire_"));
        QVERIFY(key.size() > 50); // 256 bits of secret after the prefix
        QCOMPARE_JSON(j["name"], "CI pipeline");
        QCOMPARE_JSON(j["scopes"], json::array({ "prompts:read" }));
        QVERIFY(key.startsWith(QByteArray::fromStdString(j["prefix"].get<std::string>()) + '_'));

        // Listed without the key, never to be shown again.
        const json item = listed(QStringLiteral("ann"), j["id"].get<std::string>());
        QVERIFY(item.is_object());
        QVERIFY(!item.contains("key"));
        QCOMPARE_JSON(item["prefix"], j["prefix"]);
        QVERIFY(item["last_used_at"].is_null());
        QVERIFY(item["revoked_at"].is_null());
        QVERIFY(!m_fx.call("GET", QStringLiteral("/api/v1/users/me/api-keys"), m_fx.tokenOf(QStringLiteral("ann")))
                     .body.contains(key));

        // It works, and neither the database nor the log holds its secret.
        QCOMPARE(m_fx.fetch(key, QStringLiteral("greeting")).status, 200);
        // After the prefix's underscore: the base64url secret may hold '_' itself.
        const QByteArray secret = key.mid(key.indexOf('_', qsizetype(sizeof("quire_") - 1)) + 1);
        QCOMPARE(secret.size(), 43);
        const auto stored = TestDatabase::contents(m_fx.server());
        QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
        QVERIFY(stored->size() > 0);
        QVERIFY(stored->contains(key.split('_').at(1))); // the key's row is there: its prefix, not its secret
        QVERIFY(!stored->contains(secret));
        QVERIFY(!stored->contains(secret.toHex()));
        QVERIFY(!m_fx.server().standardError().contains(secret));
    }

    void creationIsChecked_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << QByteArray(R"({"scopes":["prompts:read"]})") << QStringLiteral("name");
        QTest::newRow("blank name") << QByteArray(R"({"name":"  ","scopes":["prompts:read"]})")
                                    << QStringLiteral("name");
        QTest::newRow("no scopes") << QByteArray(R"({"name":"x"})") << QStringLiteral("scopes");
        QTest::newRow("empty scopes") << QByteArray(R"({"name":"x","scopes":[]})") << QStringLiteral("scopes");
        QTest::newRow("unknown scope") << QByteArray(R"({"name":"x","scopes":["admin"]})") << QStringLiteral("scopes");
        QTest::newRow("unknown field") << QByteArray(R"({"name":"x","scopes":["usage:write"],"key":"mine"})")
                                       << QStringLiteral("key");
    }
    void creationIsChecked()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r
            = m_fx.call("POST", QStringLiteral("/api/v1/users/me/api-keys"), m_fx.tokenOf(QStringLiteral("ann")), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("validation_failed"));
        QVERIFY2(r.json()["error"]["fields"].contains(field.toStdString()), r.body.constData());
    }

    void aKeyNeedsTheRouteScope()
    {
        const QByteArray usageOnly
            = m_fx.newKey(QStringLiteral("ann"), QStringLiteral("usage"), { QStringLiteral("usage:write") });
        QVERIFY(!usageOnly.isEmpty());
        const HttpResult r = m_fx.fetch(usageOnly, QStringLiteral("greeting"));
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("forbidden"));
        QVERIFY(r.body.contains("prompts:read"));

        const QByteArray both = m_fx.newKey(QStringLiteral("ann"), QStringLiteral("both"),
                                            { QStringLiteral("usage:write"), QStringLiteral("prompts:read") });
        QCOMPARE(m_fx.fetch(both, QStringLiteral("greeting")).status, 200);
    }

    void unknownAndMalformedKeysAre401_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("unknown") << QByteArray("quire_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("short") << QByteArray("quire_0123");
        QTest::newRow("upper-case prefix")
            << QByteArray("quire_0123456789AB_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }
    void unknownAndMalformedKeysAre401()
    {
        QFETCH(QByteArray, key);
        const HttpResult r = m_fx.fetch(key, QStringLiteral("greeting"));
        QCOMPARE(r.status, 401);
        QCOMPARE(code(r), QStringLiteral("unauthenticated"));
    }

    void aWrongSecretWithARealPrefixIs401()
    {
        QByteArray key
            = m_fx.newKey(QStringLiteral("ann"), QStringLiteral("tampered"), { QStringLiteral("prompts:read") });
        QCOMPARE(m_fx.fetch(key, QStringLiteral("greeting")).status, 200);
        key[key.size() - 2] = key.at(key.size() - 2) == 'A' ? 'B' : 'A';
        QCOMPARE(m_fx.fetch(key, QStringLiteral("greeting")).status, 401);
    }

    // A key opens only the routes that declare a scope: never the admin
    // API (even an admin's key), the account, key management or sync.
    void aKeyIsRefusedEverywhereElse_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("admin users") << QByteArray("GET") << QStringLiteral("/api/v1/admin/users") << QByteArray();
        QTest::newRow("admin audit") << QByteArray("GET") << QStringLiteral("/api/v1/admin/audit") << QByteArray();
        QTest::newRow("me") << QByteArray("GET") << QStringLiteral("/api/v1/users/me") << QByteArray();
        QTest::newRow("list keys") << QByteArray("GET") << QStringLiteral("/api/v1/users/me/api-keys") << QByteArray();
        QTest::newRow("create key") << QByteArray("POST") << QStringLiteral("/api/v1/users/me/api-keys")
                                    << QByteArray(R"({"name":"more","scopes":["prompts:read"]})");
        QTest::newRow("prompt list") << QByteArray("GET") << QStringLiteral("/api/v1/prompts") << QByteArray();
        QTest::newRow("sync pull") << QByteArray("GET") << QStringLiteral("/api/v1/sync/pull") << QByteArray();
        QTest::newRow("logout-all") << QByteArray("POST") << QStringLiteral("/api/v1/auth/logout-all")
                                    << QByteArray("{}");
    }
    void aKeyIsRefusedEverywhereElse()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const QByteArray key = m_fx.newKey(QStringLiteral("root"), QStringLiteral("admin's key"),
                                           { QStringLiteral("prompts:read"), QStringLiteral("usage:write") });
        QVERIFY(!key.isEmpty());
        const HttpResult r = m_fx.call(method, path, key, body);
        QVERIFY2(r.status == 401 || r.status == 403, r.body.constData());
        QVERIFY(code(r) == QStringLiteral("forbidden") || code(r) == QStringLiteral("unauthenticated"));
        // The same call signed in passes the sign-in check: the key is what is refused.
        if (!path.endsWith(QLatin1String("logout-all"))) {
            const int signedIn = m_fx.call(method, path, m_fx.tokenOf(QStringLiteral("root")), body).status;
            QVERIFY2(signedIn != 401 && signedIn != 403, qPrintable(QString::number(signedIn)));
        }
    }

    // Revoked on one worker, refused on every worker from the next request
    // (the server runs two; each kept the key checked).
    void aRevokedKeyIsRefusedAtOnce()
    {
        const HttpResult created
            = m_fx.createKey(QStringLiteral("ann"), QStringLiteral("to revoke"), { QStringLiteral("prompts:read") });
        const QByteArray key = QByteArray::fromStdString(created.json()["key"].get<std::string>());
        const QString id = QString::fromStdString(created.json()["id"].get<std::string>());
        for (int i = 0; i < 8; ++i)
            QCOMPARE(m_fx.fetch(key, QStringLiteral("greeting")).status, 200);
        QCOMPARE(
            m_fx.call("DELETE", QStringLiteral("/api/v1/users/me/api-keys/") + id, m_fx.tokenOf(QStringLiteral("ann")))
                .status,
            204);
        for (int i = 0; i < 8; ++i) {
            const HttpResult r = m_fx.fetch(key, QStringLiteral("greeting"));
            QCOMPARE(r.status, 401);
            QCOMPARE(code(r), QStringLiteral("unauthenticated"));
        }
        QVERIFY(!listed(QStringLiteral("ann"), id.toStdString())["revoked_at"].is_null());
        // Revoking again changes nothing.
        QCOMPARE(
            m_fx.call("DELETE", QStringLiteral("/api/v1/users/me/api-keys/") + id, m_fx.tokenOf(QStringLiteral("ann")))
                .status,
            204);
    }

    void anotherUsersKeyIsNotTheirs()
    {
        const HttpResult created
            = m_fx.createKey(QStringLiteral("ann"), QStringLiteral("ann's"), { QStringLiteral("prompts:read") });
        const std::string id = created.json()["id"].get<std::string>();
        const HttpResult r
            = m_fx.call("DELETE", QStringLiteral("/api/v1/users/me/api-keys/%1").arg(QString::fromStdString(id)),
                        m_fx.tokenOf(QStringLiteral("bob")));
        QCOMPARE(r.status, 404);
        QVERIFY(listed(QStringLiteral("bob"), id).is_null());
        QVERIFY(listed(QStringLiteral("ann"), id)["revoked_at"].is_null());
        const QByteArray key = QByteArray::fromStdString(created.json()["key"].get<std::string>());
        QCOMPARE(m_fx.fetch(key, QStringLiteral("greeting")).status, 200);
    }

    void theLastUseIsListed()
    {
        const HttpResult created
            = m_fx.createKey(QStringLiteral("bob"), QStringLiteral("script"), { QStringLiteral("prompts:read") });
        const std::string id = created.json()["id"].get<std::string>();
        QVERIFY(listed(QStringLiteral("bob"), id)["last_used_at"].is_null());
        const QByteArray key = QByteArray::fromStdString(created.json()["key"].get<std::string>());
        // Not bob's prompt, but the key was used all the same.
        QCOMPARE(m_fx.fetch(key, QStringLiteral("greeting")).status, 404);
        const json used = listed(QStringLiteral("bob"), id)["last_used_at"];
        QVERIFY(used.is_string());
        // Later uses within the minute write nothing more.
        for (int i = 0; i < 5; ++i)
            m_fx.fetch(key, QStringLiteral("greeting"));
        QCOMPARE_JSON(listed(QStringLiteral("bob"), id)["last_used_at"], used);
    }

    void cleanupTestCase()
    {
        // Whatever happened above, no key reached the log.
        const QByteArray log = m_fx.server().standardError();
        QVERIFY(!log.contains("quire_")
                || !QRegularExpression(QStringLiteral("quire_[0-9a-f]{12}_")).match(QString::fromUtf8(log)).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestApiKeys)
#include "tst_apikeys.moc"
