// SPDX-License-Identifier: GPL-3.0-or-later
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
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
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
        return QStringList{QStringLiteral("--profile"), m_dir.filePath(name)} + args;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }

    void helpAndVersion()
    {
        const CliResult h = cli({QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("Exit codes"));
        QVERIFY(h.out.contains("connect URL"));
        const CliResult v = cli({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(v.out.trimmed(), QByteArray("quire-cli 0.1.0"));
    }

    void usageErrors()
    {
        QCOMPARE(cli({}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(cli(withProfile(QStringLiteral("u"), {QStringLiteral("connect")})).exitCode, 2);
        QCOMPARE(cli(withProfile(QStringLiteral("u"), {QStringLiteral("connect"), m_server.url().toString(),
                                                        QStringLiteral("--trust-fingerprint"), QStringLiteral("nope")})).exitCode, 2);
    }

    void untrustedCertificateIsRefusedWithItsFingerprint()
    {
        const CliResult r = cli(withProfile(QStringLiteral("a"), {QStringLiteral("connect"), m_server.url().toString()}));
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains(m_server.fingerprint().toLatin1()));
        const CliResult s = cli(withProfile(QStringLiteral("a"), {QStringLiteral("status"), QStringLiteral("--json")}));
        QVERIFY(nlohmann::json::parse(s.out.toStdString())["server"].is_null()); // nothing remembered
    }

    void trustByFingerprint()
    {
        const QString lower = m_server.fingerprint().toLower().remove(QLatin1Char(':'));
        const CliResult r = cli(withProfile(QStringLiteral("b"), {QStringLiteral("connect"), m_server.url().toString(),
                                                                  QStringLiteral("--trust-fingerprint"), lower}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Connected"));
        const CliResult s = cli(withProfile(QStringLiteral("b"), {QStringLiteral("status"), QStringLiteral("--json")}));
        QCOMPARE(s.exitCode, 0);
        const auto j = nlohmann::json::parse(s.out.toStdString());
        QCOMPARE(QString::fromStdString(j["server"].get<std::string>()), m_server.url().toString());
        QCOMPARE(QString::fromStdString(j["pinned_fingerprint"].get<std::string>()), m_server.fingerprint());
        QCOMPARE(j["replica_schema_version"].get<int>(), 1);
    }

    void wrongFingerprintIsRefused()
    {
        const CliResult r = cli(withProfile(QStringLiteral("c"), {QStringLiteral("connect"), m_server.url().toString(),
                                                                  QStringLiteral("--trust-fingerprint"), QString(64, QLatin1Char('a'))}));
        QCOMPARE(r.exitCode, 4);
    }

    void trustOnFirstUse()
    {
        const CliResult r = cli(withProfile(QStringLiteral("d"), {QStringLiteral("connect"), m_server.url().toString(),
                                                                  QStringLiteral("--trust-on-first-use")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(m_server.fingerprint().toLatin1()));
    }

    void unreachable()
    {
        const CliResult r = cli(withProfile(QStringLiteral("e"), {QStringLiteral("connect"), QStringLiteral("https://127.0.0.1:1")}));
        QCOMPARE(r.exitCode, 3);
    }

    void loginAndLogout()
    {
        const auto created = ServerProcess::run({QStringLiteral("create-user"), QStringLiteral("--data-dir"), m_server.dataDir(),
                                                 QStringLiteral("--email"), QStringLiteral("cli@example.org"), QStringLiteral("--role"),
                                                 QStringLiteral("editor")},
                                                60000, {}, "command line passphrase\n");
        QCOMPARE(created.exitCode, 0);
        const QStringList login{QStringLiteral("login"), m_server.url().toString(), QStringLiteral("cli@example.org"),
                                QStringLiteral("--trust-fingerprint"), m_server.fingerprint()};
        QCOMPARE(cli(withProfile(QStringLiteral("g"), login), "wrong passphrase here\n").exitCode, 6);
        QCOMPARE(cli(withProfile(QStringLiteral("g"), login)).exitCode, 2); // no password on stdin
        const CliResult in = cli(withProfile(QStringLiteral("g"), login), "command line passphrase\n");
        QCOMPARE(in.exitCode, 0);
        QVERIFY(in.out.contains("Signed in as cli@example.org (editor)"));
        QVERIFY(!in.out.contains("passphrase") && !in.err.contains("passphrase"));
        // No keychain service runs here, so the refresh token is in an owner-only file.
        const QString credentials = m_dir.filePath(QStringLiteral("g/credentials.json"));
        QVERIFY(QFile::exists(credentials));
        QCOMPARE(QFile::permissions(credentials) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
        const auto status = nlohmann::json::parse(cli(withProfile(QStringLiteral("g"), {QStringLiteral("status"), QStringLiteral("--json")})).out.toStdString());
        QVERIFY(status["account"] == "cli@example.org");

        const CliResult out = cli(withProfile(QStringLiteral("g"), {QStringLiteral("logout")}));
        QCOMPARE(out.exitCode, 0);
        QFile file(credentials);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("qr_")); // the refresh token is gone
    }

    void statusWorksOffline()
    {
        const CliResult r = cli(withProfile(QStringLiteral("f"), {QStringLiteral("status")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Client id:"));
        QVERIFY(r.out.contains("(none)"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
