// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/replicamigrations.h"
#include "tests/support/serverprocess.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using quire::test::ServerProcess;

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
    p.waitForFinished(60000);
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
