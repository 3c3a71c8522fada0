// SPDX-License-Identifier: GPL-3.0-or-later
// Platform credentials over the real server (TLS), with a key file (0600)
// in its data directory: POST and DELETE /platforms/:id/credentials, the
// secret fields each kind takes, another creator's platform 404, a server
// without keys answering 503 credentials_not_configured. The secret never
// shows in an API answer, a sync pull, the server's log or anywhere in the
// database; credential_set_at (what replicas learn) follows it; the audit
// chain records it and `audit verify` passes; a deleted platform takes its
// secret along; `rotate-key` moves every value to a new key that still
// opens it (read back here through PlatformCredentials::open with the key
// file, the path the publisher will use).
#include "server/audit/auditchain.h"
#include "server/credentials/credentialkeys.h"
#include "server/scheduler/platformcredentials.h"
#include "shared/syncprotocol.h"
#include "tests/server/scheduler/schedulerapifixture.h"
#include "tests/support/testdatabase.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using nlohmann::json;
using quire::test::HttpResult;
using quire::test::ServerProcess;
using quire::test::TestDatabase;
using namespace quire;

namespace {

// Distinctive, so a search of any output finds nothing else by chance.
const std::string kToken = "tok-S3KRIT-7c41e9-mastodon";
const std::string kAppPassword = "app-S3KRIT-0b5d2a-bluesky";

} // namespace

class TestPlatformCredentials : public quire::test::SchedulerApiFixture
{
    Q_OBJECT

    QTemporaryDir m_dataDir;
    QString m_keyFile;
    QString m_client;
    QString m_mastodon; // the creator's, with kToken stored
    QString m_bluesky; // the creator's, with kAppPassword stored

    QString credentialsPath(const QString &platform) const
    {
        return QStringLiteral("/api/v1/platforms/") + platform + QStringLiteral("/credentials");
    }

    HttpResult setCredential(const QByteArray &token, const QString &platform, const json &body)
    {
        return m_fx.call("POST", credentialsPath(platform), token, quire::test::json(body));
    }

    HttpResult getPlatform(const QString &platform)
    {
        return m_fx.call("GET", QStringLiteral("/api/v1/platforms/") + platform, m_creator);
    }

    static bool holdsSecret(const QByteArray &bytes)
    {
        return bytes.contains(QByteArray::fromStdString(kToken))
            || bytes.contains(QByteArray::fromStdString(kAppPassword));
    }

    std::unique_ptr<shared::Database> openDatabase()
    {
        shared::Result<std::unique_ptr<shared::Database>> db = TestDatabase::open(m_fx.server());
        if (!db)
            qWarning("%s", qPrintable(db.error().message));
        return db ? std::move(*db) : nullptr;
    }

    QStringList auditActionsOf(const QString &platform)
    {
        QStringList actions;
        std::unique_ptr<shared::Database> db = openDatabase();
        if (!db)
            return actions;
        shared::Result<QList<server::AuditRecord>> records = server::AuditChain::latest(*db, 1000);
        for (const server::AuditRecord &r : records ? *records : QList<server::AuditRecord>()) {
            if (r.subjectId == platform && r.subjectTable == QLatin1String("platform_credentials"))
                actions << r.action;
        }
        return actions;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        m_keyFile = m_dataDir.filePath(QStringLiteral("credential.keys"));
        QVERIFY(server::CredentialKeys::createKeyFile(m_keyFile));
        ServerProcess::Options options;
        options.dataDir = m_dataDir.path();
        options.extraArgs << QStringLiteral("--credential-key-file") << m_keyFile;
        QVERIFY(startWithCreators(options));
        m_client = makeClient(m_creator);
        m_mastodon = makePlatform(m_creator, m_client, "mastodon");
        m_bluesky = makePlatform(m_creator, m_client, "bluesky");
        QVERIFY(!m_mastodon.isEmpty() && !m_bluesky.isEmpty());
    }

    // Before the data directory (a member of this class) goes.
    void cleanupTestCase() { QVERIFY(m_fx.server().stop()); }

    void setsAndRemovesWithoutEverAnsweringTheSecret()
    {
        const QString platform = makePlatform(m_creator, m_client, "webhook");
        QCOMPARE(text(getPlatform(platform).json(), "credential_set_at"), QString());

        const HttpResult set = setCredential(m_creator, platform, { { "token", kToken } });
        QCOMPARE(set.status, 200);
        QVERIFY(!holdsSecret(set.body));
        const QString at = text(set.json(), "credential_set_at");
        QVERIFY(!at.isEmpty());
        const HttpResult read = getPlatform(platform);
        QCOMPARE(text(read.json(), "credential_set_at"), at);
        QVERIFY(!holdsSecret(read.body));
        QVERIFY(!holdsSecret(m_fx.call("GET", QStringLiteral("/api/v1/platforms"), m_creator).body));

        QCOMPARE(m_fx.call("DELETE", credentialsPath(platform), m_creator).status, 204);
        QCOMPARE(text(getPlatform(platform).json(), "credential_set_at"), QString());
        QCOMPARE(m_fx.call("DELETE", credentialsPath(platform), m_creator).status, 204); // twice is once
        QCOMPARE(auditActionsOf(platform),
                 QStringList({ QStringLiteral("credential_added"), QStringLiteral("credential_removed") }));

        // What the other credentials tests look for.
        QCOMPARE(setCredential(m_creator, m_mastodon, { { "token", kToken } }).status, 200);
        QCOMPARE(setCredential(m_creator, m_bluesky,
                               { { "identifier", "bea.bsky.social" }, { "app_password", kAppPassword } })
                     .status,
                 200);
    }

    void refusesFieldsTheKindDoesNotTake_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("fields");
        const auto row = [](const char *name, const char *kind, const json &body, const QStringList &fields) {
            QTest::newRow(name) << QString::fromLatin1(kind) << quire::test::json(body) << fields;
        };
        const QString token = QStringLiteral("token");
        row("bluesky fields for mastodon", "mastodon", { { "identifier", "a" }, { "app_password", "b" } },
            { QStringLiteral("app_password"), QStringLiteral("identifier"), token });
        row("a token for bluesky", "bluesky", { { "token", "t" } },
            { QStringLiteral("app_password"), QStringLiteral("identifier"), token });
        row("no app password", "bluesky", { { "identifier", "a" } }, { QStringLiteral("app_password") });
        row("empty token", "webhook", { { "token", "" } }, { token });
        row("token not text", "mastodon", { { "token", 42 } }, { token });
        row("nothing", "mastodon", json::object(), { token });
    }

    void refusesFieldsTheKindDoesNotTake()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, body);
        QFETCH(QStringList, fields);
        const QString platform = makePlatform(m_creator, m_client, kind.toLatin1().constData());
        const HttpResult r = m_fx.call("POST", credentialsPath(platform), m_creator, body);
        QCOMPARE(r.status, 400);
        QStringList got = errorFields(r);
        got.sort();
        QCOMPARE(got, fields);
        QCOMPARE(text(getPlatform(platform).json(), "credential_set_at"), QString());
    }

    void anotherCreatorsPlatformIsNotFound()
    {
        for (const QByteArray &method : { QByteArray("POST"), QByteArray("DELETE") }) {
            const HttpResult r
                = m_fx.call(method, credentialsPath(m_mastodon), m_stranger,
                            method == "POST" ? quire::test::json({ { "token", "mine" } }) : QByteArray());
            QCOMPARE(r.status, 404);
        }
        QCOMPARE(setCredential(m_creator, shared::Uuid::createV7(), { { "token", "x" } }).status, 404);
        // The role matrix: an author may not schedule posts.
        QCOMPARE(setCredential(m_author, m_mastodon, { { "token", "x" } }).status, 403);
        QVERIFY(!text(getPlatform(m_mastodon).json(), "credential_set_at").isEmpty());
    }

    void theSecretIsNowhereButSealed()
    {
        const HttpResult pulled = m_fx.call(
            "GET", QStringLiteral("/api/v1/sync/pull?schema_version=%1").arg(shared::Protocol::kSchemaVersion),
            m_creator);
        QCOMPARE(pulled.status, 200);
        QVERIFY(pulled.body.contains(m_mastodon.toLatin1()));
        QVERIFY(pulled.body.contains("credential_set_at"));
        QVERIFY(!holdsSecret(pulled.body));
        QVERIFY(!pulled.body.contains("platform_credentials"));

        shared::Result<QByteArray> contents = TestDatabase::contents(m_fx.server());
        QVERIFY2(contents, qPrintable(contents ? QString() : contents.error().message));
        QVERIFY(contents->contains(m_mastodon.toLatin1())); // the search does see the rows
        QVERIFY(!holdsSecret(*contents));
        QVERIFY(!holdsSecret(m_fx.server().standardError()));
    }

    void theAuditChainHoldsEveryChangeAndVerifies()
    {
        QCOMPARE(auditActionsOf(m_mastodon), QStringList { QStringLiteral("credential_added") });
        const auto r = ServerProcess::run(
            { QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--data-dir"), m_dataDir.path() });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("intact"));
    }

    void aDeletedPlatformTakesItsSecretAlong()
    {
        const QString platform = makePlatform(m_creator, m_client, "mastodon");
        QCOMPARE(setCredential(m_creator, platform, { { "token", "going-away" } }).status, 200);
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/platforms/") + platform, m_creator).status, 204);
        std::unique_ptr<shared::Database> db = openDatabase();
        QVERIFY(db);
        shared::Result<QVariant> left = db->scalar(
            QStringLiteral("SELECT COUNT(*) FROM platform_credentials WHERE platform_id = ?"), { platform });
        QVERIFY(left);
        QCOMPARE(left->toInt(), 0);
        QCOMPARE(auditActionsOf(platform),
                 QStringList({ QStringLiteral("credential_added"), QStringLiteral("credential_removed") }));
    }

    void withoutKeysStoringAnswersClearly()
    {
        quire::test::AccountFixture bare;
        QVERIFY(bare.start());
        QVERIFY(bare.createUser(QStringLiteral("creator@example.org"), QStringLiteral("creator"),
                                quire::test::kContentPassword));
        const QByteArray token = bare.token(QStringLiteral("creator@example.org"), quire::test::kContentPassword);
        const HttpResult client
            = bare.call("POST", QStringLiteral("/api/v1/clients"), token, quire::test::json({ { "name", "Ada" } }));
        QCOMPARE(client.status, 201);
        const HttpResult platform = bare.call(
            "POST", QStringLiteral("/api/v1/platforms"), token,
            quire::test::json(
                { { "client_id", client.json()["id"] }, { "kind", "mastodon" }, { "display_name", "Masto" } }));
        QCOMPARE(platform.status, 201);
        const QString path = credentialsPath(text(platform.json(), "id"));
        const HttpResult r = bare.call("POST", path, token, quire::test::json({ { "token", kToken } }));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json()["error"].value("code", std::string()), std::string("credentials_not_configured"));
        QVERIFY(QString::fromUtf8(r.body).contains(QStringLiteral("not configured on this server")));
        QCOMPARE(bare.call("DELETE", path, token).status, 204); // forgetting needs no key
        // A platform that does not exist is not found, keys or none.
        const HttpResult missing = bare.call("POST", credentialsPath(QStringLiteral("not-an-id")), token,
                                             quire::test::json({ { "token", kToken } }));
        QCOMPARE(missing.status, 404);
    }

    // Last: it changes the key file.
    void rotateKeyMovesEveryValueAndKeepsItReadable()
    {
        shared::Result<server::CredentialKeys> before = server::CredentialKeys::fromFile(m_keyFile);
        QVERIFY(before);
        const QString oldKey = before->current().id();

        const auto r = ServerProcess::run({ QStringLiteral("rotate-key"), QStringLiteral("--credential-key-file"),
                                            m_keyFile, QStringLiteral("--data-dir"), m_dataDir.path() });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(": 2 credentials re-encrypted"), r.out.constData());

        shared::Result<server::CredentialKeys> after = server::CredentialKeys::fromFile(m_keyFile);
        QVERIFY(after);
        QCOMPARE(after->keys().size(), size_t(2));
        QVERIFY(after->current().id() != oldKey);
        QVERIFY(after->find(oldKey));
        const server::CredentialVault vault(*after);

        std::unique_ptr<shared::Database> db = openDatabase();
        QVERIFY(db);
        shared::Result<QSqlQuery> rows = db->exec(QStringLiteral("SELECT key_id, sealed FROM platform_credentials"));
        QVERIFY(rows);
        int count = 0;
        while (rows->next()) {
            ++count;
            QCOMPARE(rows->value(0).toString(), vault.currentKeyId());
            QVERIFY(vault.isSealedWithCurrentKey(rows->value(1).toString()));
            QVERIFY(!rows->value(1).toString().contains(oldKey));
        }
        QCOMPARE(count, 2);
        // The test-only read path: what the publisher will open.
        shared::Result<std::optional<json>> token = server::PlatformCredentials::open(*db, vault, m_mastodon);
        QVERIFY(token && *token);
        QCOMPARE((**token)["token"].get<std::string>(), kToken);
        shared::Result<std::optional<json>> bluesky = server::PlatformCredentials::open(*db, vault, m_bluesky);
        QVERIFY(bluesky && *bluesky);
        QCOMPARE((**bluesky)["app_password"].get<std::string>(), kAppPassword);

        // The server, restarted on the rotated file, stores and removes again.
        QVERIFY(m_fx.restart());
        QCOMPARE(setCredential(m_creator, m_mastodon, { { "token", kToken } }).status, 200);
        QCOMPARE(m_fx.call("DELETE", credentialsPath(m_mastodon), m_creator).status, 204);
        const auto verify = ServerProcess::run(
            { QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--data-dir"), m_dataDir.path() });
        QCOMPARE(verify.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestPlatformCredentials)
#include "tst_platformcredentials.moc"
