// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/cli/features.h"
#include "desktop/core/replicamigrations.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using quire::test::ServerProcess;
using quire::test::TestHttpClient;

namespace {
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliResult cli(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(qEnvironmentVariable("QUIRE_CLI_BINARY", QStringLiteral("quire-cli")), args);
    p.write(input);
    p.closeWriteChannel();
    // Generous: a command that hangs is killed and reported as -1.
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return { -1, p.readAllStandardOutput(), p.readAllStandardError() };
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
             p.readAllStandardError() };
}
} // namespace

// quire-cli as scripts use it: exit codes, trust options, status output.
class TestCli : public QObject
{
    Q_OBJECT
private:
    ServerProcess m_server;
    QTemporaryDir m_dir;

    QStringList withProfile(const QString &name, const QStringList &args) const
    {
        return QStringList { QStringLiteral("--profile"), m_dir.filePath(name) } + args;
    }

    bool createUser(const QString &email, const QByteArray &password)
    {
        return ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"), m_server.dataDir(),
                                    QStringLiteral("--email"), email, QStringLiteral("--role"),
                                    QStringLiteral("author") },
                                  60000, {}, password + '\n')
                   .exitCode
            == 0;
    }

    int loginAs(const QString &profile, const QString &email, const QByteArray &password)
    {
        return cli(withProfile(profile,
                               { QStringLiteral("login"), m_server.url().toString(), email,
                                 QStringLiteral("--trust-fingerprint"), m_server.fingerprint() }),
                   password + '\n')
            .exitCode;
    }

    // The refresh token a profile keeps (no keychain here: the owner-only file).
    QByteArray storedRefreshToken(const QString &profile) const
    {
        QFile file(m_dir.filePath(profile + QStringLiteral("/credentials.json")));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.key().startsWith(QLatin1String("refresh:")))
                return QByteArray::fromBase64(it.value().toString().toLatin1());
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }

    void helpAndVersion()
    {
        const CliResult h = cli({ QStringLiteral("--help") });
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("Exit codes"));
        QVERIFY(h.out.contains("connect URL"));
        const CliResult v = cli({ QStringLiteral("--version") });
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(v.out.trimmed(), QByteArray("quire-cli 0.1.0"));
    }

    // --help is the feature list's command tables, looped over: every
    // command's usage, in list order; every command there is dispatched.
    void helpListsEveryCommandOfTheFeatures()
    {
        const CliResult h = cli({ QStringLiteral("--help") });
        QCOMPARE(h.exitCode, 0);
        const QString text = QString::fromUtf8(h.out);
        QStringList names;
        qsizetype from = 0;
        for (const quire::cli::CliFeature &feature : quire::cli::cliFeatures()) {
            for (const quire::cli::CliCommand &command : feature.commands()) {
                names << command.name;
                QVERIFY2(command.usage.startsWith(QStringLiteral("  ") + command.name + QLatin1Char(' ')),
                         qPrintable(command.usage));
                const qsizetype at = text.indexOf(command.usage, from);
                QVERIFY2(at >= 0, qPrintable(command.name));
                from = at + command.usage.size();
            }
        }
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
        for (const char *known : { "connect", "login", "logout", "status", "sync", "guides", "prompts", "conflicts",
                                   "rejected", "posts", "metrics" })
            QVERIFY2(names.contains(QLatin1String(known)), known);
        // Each reaches its own handler: a bad argument is its usage error,
        // never "unknown command".
        for (const QString &name : std::as_const(names)) {
            const CliResult r = cli(withProfile(QStringLiteral("h"), { name, QStringLiteral("--no-such-option") }));
            QVERIFY2(r.exitCode == 2, qPrintable(name + QLatin1Char(' ') + QString::number(r.exitCode)));
            QVERIFY2(!r.err.contains("unknown command"), r.err.constData());
        }
    }

    void unknownCommandIsAClearUsageError()
    {
        const CliResult r = cli({ QStringLiteral("frobnicate") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("unknown command frobnicate"), r.err.constData());
        QVERIFY2(r.err.contains("quire-cli --help"), r.err.constData());
    }

    void usageErrors()
    {
        QCOMPARE(cli({}).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("frobnicate") }).exitCode, 2);
        QCOMPARE(cli(withProfile(QStringLiteral("u"), { QStringLiteral("connect") })).exitCode, 2);
        QCOMPARE(cli(withProfile(QStringLiteral("u"),
                                 { QStringLiteral("connect"), m_server.url().toString(),
                                   QStringLiteral("--trust-fingerprint"), QStringLiteral("nope") }))
                     .exitCode,
                 2);
    }

    void untrustedCertificateIsRefusedWithItsFingerprint()
    {
        const CliResult r
            = cli(withProfile(QStringLiteral("a"), { QStringLiteral("connect"), m_server.url().toString() }));
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains(m_server.fingerprint().toLatin1()));
        const CliResult s
            = cli(withProfile(QStringLiteral("a"), { QStringLiteral("status"), QStringLiteral("--json") }));
        QVERIFY(nlohmann::json::parse(s.out.toStdString())["server"].is_null()); // nothing remembered
    }

    void trustByFingerprint()
    {
        const QString lower = m_server.fingerprint().toLower().remove(QLatin1Char(':'));
        const CliResult r = cli(withProfile(
            QStringLiteral("b"),
            { QStringLiteral("connect"), m_server.url().toString(), QStringLiteral("--trust-fingerprint"), lower }));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Connected"));
        const CliResult s
            = cli(withProfile(QStringLiteral("b"), { QStringLiteral("status"), QStringLiteral("--json") }));
        QCOMPARE(s.exitCode, 0);
        const auto j = nlohmann::json::parse(s.out.toStdString());
        QCOMPARE(QString::fromStdString(j["server"].get<std::string>()), m_server.url().toString());
        QCOMPARE(QString::fromStdString(j["pinned_fingerprint"].get<std::string>()), m_server.fingerprint());
        QCOMPARE(j["replica_schema_version"].get<int>(), quire::desktop::replicaMigrations().last().version);
    }

    void wrongFingerprintIsRefused()
    {
        const CliResult r = cli(withProfile(QStringLiteral("c"),
                                            { QStringLiteral("connect"), m_server.url().toString(),
                                              QStringLiteral("--trust-fingerprint"), QString(64, QLatin1Char('a')) }));
        QCOMPARE(r.exitCode, 4);
    }

    void trustOnFirstUse()
    {
        const CliResult r = cli(withProfile(
            QStringLiteral("d"),
            { QStringLiteral("connect"), m_server.url().toString(), QStringLiteral("--trust-on-first-use") }));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(m_server.fingerprint().toLatin1()));
    }

    void unreachable()
    {
        const CliResult r = cli(
            withProfile(QStringLiteral("e"), { QStringLiteral("connect"), QStringLiteral("https://127.0.0.1:1") }));
        QCOMPARE(r.exitCode, 3);
    }

    void loginAndLogout()
    {
        const auto created
            = ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"), m_server.dataDir(),
                                   QStringLiteral("--email"), QStringLiteral("cli@example.org"),
                                   QStringLiteral("--role"), QStringLiteral("editor") },
                                 60000, {}, "command line passphrase\n");
        QCOMPARE(created.exitCode, 0);
        const QStringList login { QStringLiteral("login"), m_server.url().toString(), QStringLiteral("cli@example.org"),
                                  QStringLiteral("--trust-fingerprint"), m_server.fingerprint() };
        QCOMPARE(cli(withProfile(QStringLiteral("g"), login), "wrong passphrase here\n").exitCode, 6);
        QCOMPARE(cli(withProfile(QStringLiteral("g"), login)).exitCode, 2); // no password on stdin
        const CliResult in = cli(withProfile(QStringLiteral("g"), login), "command line passphrase\n");
        QCOMPARE(in.exitCode, 0);
        QVERIFY(in.out.contains("Signed in as cli@example.org (editor)"));
        QVERIFY(!in.out.contains("passphrase") && !in.err.contains("passphrase"));
        // No keychain service runs here, so the refresh token is in an owner-only file.
        const QString credentials = m_dir.filePath(QStringLiteral("g/credentials.json"));
        QVERIFY(QFile::exists(credentials));
        QCOMPARE(QFile::permissions(credentials)
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        const auto status = nlohmann::json::parse(
            cli(withProfile(QStringLiteral("g"), { QStringLiteral("status"), QStringLiteral("--json") }))
                .out.toStdString());
        QVERIFY(status["account"] == "cli@example.org");

        const CliResult out = cli(withProfile(QStringLiteral("g"), { QStringLiteral("logout") }));
        QCOMPARE(out.exitCode, 0);
        QFile file(credentials);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("qr_")); // the refresh token is gone
    }

    void guidesSyncAndConflictsFromScripts()
    {
        const auto created
            = ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"), m_server.dataDir(),
                                   QStringLiteral("--email"), QStringLiteral("script@example.org"),
                                   QStringLiteral("--role"), QStringLiteral("author") },
                                 60000, {}, "script passphrase here\n");
        QCOMPARE(created.exitCode, 0);
        for (const char *profile : { "s1", "s2" }) {
            const CliResult in = cli(
                withProfile(QString::fromLatin1(profile),
                            { QStringLiteral("login"), m_server.url().toString(), QStringLiteral("script@example.org"),
                              QStringLiteral("--trust-fingerprint"), m_server.fingerprint() }),
                "script passphrase here\n");
            QCOMPARE(in.exitCode, 0);
        }
        // Created offline-capable: the command needs no server.
        QFile body(m_dir.filePath(QStringLiteral("body.md")));
        QVERIFY(body.open(QIODevice::WriteOnly));
        body.write("Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        body.close();
        const CliResult made
            = cli(withProfile(QStringLiteral("s1"),
                              { QStringLiteral("guides"), QStringLiteral("create"), QStringLiteral("--title"),
                                QStringLiteral("Scripted"), QStringLiteral("--body-file"), body.fileName() }));
        QCOMPARE(made.exitCode, 0);
        const QString id = QString::fromUtf8(made.out.trimmed());
        QCOMPARE(id.size(), 36);
        auto status = nlohmann::json::parse(
            cli(withProfile(QStringLiteral("s1"), { QStringLiteral("status"), QStringLiteral("--json") }))
                .out.toStdString());
        QCOMPARE(status["pending"].get<int>(), 1);
        QCOMPARE(cli(withProfile(QStringLiteral("s1"), { QStringLiteral("sync") })).exitCode, 0);
        QCOMPARE(cli(withProfile(QStringLiteral("s2"), { QStringLiteral("sync") })).exitCode, 0);
        const CliResult shown = cli(withProfile(
            QStringLiteral("s2"), { QStringLiteral("guides"), QStringLiteral("show"), id, QStringLiteral("--json") }));
        QCOMPARE(shown.exitCode, 0);
        const auto row = nlohmann::json::parse(shown.out.toStdString());
        QCOMPARE(row["body"].get<std::string>(),
                 std::string("Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")); // as written
        // The same paragraph edited on both: a conflict that scripts can read.
        QVERIFY(body.open(QIODevice::WriteOnly));
        body.write("Intro, from s1.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        body.close();
        QCOMPARE(cli(withProfile(QStringLiteral("s1"),
                                 { QStringLiteral("guides"), QStringLiteral("edit"), id, QStringLiteral("--body-file"),
                                   body.fileName() }))
                     .exitCode,
                 0);
        QCOMPARE(cli(withProfile(QStringLiteral("s2"),
                                 { QStringLiteral("guides"), QStringLiteral("edit"), id, QStringLiteral("--body-file"),
                                   QStringLiteral("-") }),
                     "Intro, from s2.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
                     .exitCode,
                 0);
        QCOMPARE(cli(withProfile(QStringLiteral("s1"), { QStringLiteral("sync") })).exitCode, 0);
        QCOMPARE(cli(withProfile(QStringLiteral("s2"), { QStringLiteral("sync") })).exitCode, 0);
        const CliResult listed = cli(withProfile(
            QStringLiteral("s2"), { QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json") }));
        QCOMPARE(listed.exitCode, 0);
        const auto conflicts = nlohmann::json::parse(listed.out.toStdString());
        QCOMPARE(conflicts.size(), size_t(1));
        QCOMPARE(conflicts[0]["row_id"].get<std::string>(), id.toStdString());
        QCOMPARE(conflicts[0]["field"].get<std::string>(), std::string("body"));
        QCOMPARE(conflicts[0]["label"].get<std::string>(), std::string("Scripted")); // the row's title
        QVERIFY(conflicts[0]["server_value"].get<std::string>().find("from s1") != std::string::npos);
        QVERIFY(conflicts[0]["client_value"].get<std::string>().find("from s2") != std::string::npos);
        const QString conflictId = QString::fromStdString(conflicts[0]["id"].get<std::string>());
        QCOMPARE(cli(withProfile(QStringLiteral("s2"),
                                 { QStringLiteral("conflicts"), QStringLiteral("resolve"), conflictId,
                                   QStringLiteral("--keep"), QStringLiteral("client") }))
                     .exitCode,
                 0);
        QCOMPARE(cli(withProfile(QStringLiteral("s2"), { QStringLiteral("sync") })).exitCode, 0);
        QCOMPARE(cli(withProfile(QStringLiteral("s1"), { QStringLiteral("sync") })).exitCode, 0);
        const auto after = nlohmann::json::parse(
            cli(withProfile(QStringLiteral("s1"),
                            { QStringLiteral("guides"), QStringLiteral("show"), id, QStringLiteral("--json") }))
                .out.toStdString());
        QVERIFY(after["body"].get<std::string>().find("from s2") != std::string::npos);
        // Errors: unknown ids, bad options, invalid fields.
        QCOMPARE(cli(withProfile(QStringLiteral("s1"),
                                 { QStringLiteral("guides"), QStringLiteral("show"),
                                   QStringLiteral("01890a5d-ac96-774b-bcce-b302099a8057") }))
                     .exitCode,
                 8);
        QCOMPARE(
            cli(withProfile(QStringLiteral("s1"), { QStringLiteral("guides"), QStringLiteral("create") })).exitCode, 2);
        const CliResult invalid
            = cli(withProfile(QStringLiteral("s1"),
                              { QStringLiteral("guides"), QStringLiteral("create"), QStringLiteral("--title"),
                                QStringLiteral("x"), QStringLiteral("--status"), QStringLiteral("bogus") }));
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY(invalid.err.contains("status"));
        // The article's other fields, and their validation.
        const CliResult full = cli(withProfile(
            QStringLiteral("s1"),
            { QStringLiteral("guides"), QStringLiteral("create"), QStringLiteral("--title"), QStringLiteral("Case"),
              QStringLiteral("--kind"), QStringLiteral("case_study"), QStringLiteral("--slug"),
              QStringLiteral("a-case"), QStringLiteral("--summary"), QStringLiteral("Short."), QStringLiteral("--tags"),
              QStringLiteral("beans, roast ,beans"), QStringLiteral("--json") }));
        QCOMPARE(full.exitCode, 0);
        const QString caseId = QString::fromStdString(nlohmann::json::parse(full.out.toStdString())["id"]);
        const auto caseRow = nlohmann::json::parse(
            cli(withProfile(QStringLiteral("s1"),
                            { QStringLiteral("guides"), QStringLiteral("show"), caseId, QStringLiteral("--json") }))
                .out.toStdString());
        QCOMPARE(caseRow["kind"].get<std::string>(), std::string("case_study"));
        QCOMPARE(caseRow["slug"].get<std::string>(), std::string("a-case"));
        QCOMPARE(caseRow["tags"].get<std::string>(), std::string(R"(["beans","roast"])"));
        const CliResult badSlug = cli(withProfile(QStringLiteral("s1"),
                                                  { QStringLiteral("guides"), QStringLiteral("edit"), caseId,
                                                    QStringLiteral("--slug"), QStringLiteral("Not A Slug") }));
        QCOMPARE(badSlug.exitCode, 1);
        QVERIFY(badSlug.err.contains("slug"));
        QCOMPARE(cli(withProfile(QStringLiteral("s1"), { QStringLiteral("guides"), QStringLiteral("edit"), caseId }))
                     .exitCode,
                 2);
        QCOMPARE(
            cli(withProfile(QStringLiteral("s1"), { QStringLiteral("guides"), QStringLiteral("delete"), id })).exitCode,
            0);
        QCOMPARE(cli(withProfile(QStringLiteral("s1"), { QStringLiteral("sync"), QStringLiteral("--json") })).exitCode,
                 0);
    }

    // A networked command on a profile without a session, or whose refresh
    // token the server refuses, ends at once with the signed-out code
    // (the sign-in callback used to run before the command's event loop,
    // which then waited for ever).
    void signedOutCommandsEndAtOnce_data()
    {
        QTest::addColumn<bool>("refused");
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("exitCode");
        for (const bool refused : { false, true }) {
            const char *state = refused ? "refused token" : "no session";
            QTest::addRow("%s: sync", state) << refused << QStringList { QStringLiteral("sync") } << 6;
            QTest::addRow("%s: sync --json", state)
                << refused << QStringList { QStringLiteral("sync"), QStringLiteral("--json") } << 6;
            QTest::addRow("%s: sync --allow-mass-removal", state)
                << refused << QStringList { QStringLiteral("sync"), QStringLiteral("--allow-mass-removal") } << 6;
            QTest::addRow("%s: logout", state) << refused << QStringList { QStringLiteral("logout") } << 0;
        }
    }

    void signedOutCommandsEndAtOnce()
    {
        QFETCH(bool, refused);
        QFETCH(QStringList, command);
        QFETCH(int, exitCode);
        static int n = 0;
        const QString profile = QStringLiteral("signed-out-%1").arg(++n);
        if (refused) {
            const QString email = QStringLiteral("refused%1@example.org").arg(n);
            QVERIFY(createUser(email, "refused passphrase here"));
            QCOMPARE(loginAs(profile, email, "refused passphrase here"), 0);
            // Signed out everywhere from another device: the server refuses
            // the profile's refresh token from now on.
            TestHttpClient http(m_server.url(), m_server.fingerprint());
            const auto login
                = http.postJson(QStringLiteral("/api/v1/auth/login"),
                                QByteArray::fromStdString(nlohmann::json { { "email", email.toStdString() },
                                                                           { "password", "refused passphrase here" } }
                                                              .dump()));
            QCOMPARE(login.status, 200);
            const QByteArray access = QByteArray::fromStdString(login.json()["access_token"].get<std::string>());
            QCOMPARE(http.request("POST", QStringLiteral("/api/v1/auth/logout-all"), {},
                                  { { "Authorization", "Bearer " + access } })
                         .status,
                     204);
        } else {
            QCOMPARE(cli(withProfile(profile,
                                     { QStringLiteral("connect"), m_server.url().toString(),
                                       QStringLiteral("--trust-fingerprint"), m_server.fingerprint() }))
                         .exitCode,
                     0);
        }
        const CliResult first = cli(withProfile(profile, command));
        QCOMPARE(first.exitCode, exitCode);
        // Once refused, the profile has no session: the same command again.
        const CliResult second = cli(withProfile(profile, command));
        QCOMPARE(second.exitCode, exitCode);
        if (exitCode != 0)
            QVERIFY(!second.err.isEmpty()); // says why
    }

    // The server commits a rotation of the profile's refresh token and is
    // killed before its answer reaches the client: the next command still
    // runs signed in (the rotation's grace window hands out the successor).
    void aServerKilledMidRefreshLeavesTheCliSignedIn()
    {
        QVERIFY(createUser(QStringLiteral("crash@example.org"), "crash passphrase here"));
        QCOMPARE(loginAs(QStringLiteral("k"), QStringLiteral("crash@example.org"), "crash passphrase here"), 0);
        const QByteArray stored = storedRefreshToken(QStringLiteral("k"));
        QVERIFY(stored.startsWith("qr_"));
        {
            TestHttpClient http(m_server.url(), m_server.fingerprint());
            const auto rotated = http.postJson(
                QStringLiteral("/api/v1/auth/refresh"),
                QByteArray::fromStdString(nlohmann::json { { "refresh_token", stored.toStdString() } }.dump()));
            QCOMPARE(rotated.status, 200); // committed; this answer is what the client never saw
        }
        const quint16 port = m_server.port();
        m_server.kill();
        ServerProcess::Options again;
        again.dataDir = m_server.dataDir();
        again.extraArgs = { QStringLiteral("--port"), QString::number(port) };
        QVERIFY2(m_server.start(again), qPrintable(m_server.errorString()));

        const CliResult synced = cli(withProfile(QStringLiteral("k"), { QStringLiteral("sync") }));
        QCOMPARE(synced.exitCode, 0);
        QVERIFY(storedRefreshToken(QStringLiteral("k")) != stored); // the successor was adopted
        QCOMPARE(cli(withProfile(QStringLiteral("k"), { QStringLiteral("sync") })).exitCode, 0);
    }

    void statusWorksOffline()
    {
        const CliResult r = cli(withProfile(QStringLiteral("f"), { QStringLiteral("status") }));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Client id:"));
        QVERIFY(r.out.contains("(none)"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
