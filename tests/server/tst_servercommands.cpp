// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/tlscredentials.h"
#include "shared/database.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testfiles.h"
#include "tests/support/testhttpclient.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace quire::test;

namespace {
// Start-up failures must say what is wrong in one line and exit non-zero.
void verifyOneErrorLine(const ServerProcess::RunResult &r, int exitCode, const QString &mentions)
{
    QVERIFY(!r.crashed);
    QCOMPARE(r.exitCode, exitCode);
    // Log lines are JSON objects; the error is the one plain line.
    QList<QByteArray> lines;
    for (const QByteArray &line : r.err.trimmed().split('\n')) {
        if (!line.startsWith('{'))
            lines << line;
    }
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith("quire-server: "), r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
}

QStringList serveArgs(const QString &dataDir, quint16 port = 0)
{
    return { QStringLiteral("serve"), QStringLiteral("--data-dir"), dataDir, QStringLiteral("--port"),
             QString::number(port) };
}

// What ./quire.sh run prints about the first admin (scripts/first-admin.sh,
// run with this build's quire-server), one line after another.
QString firstAdminLines(const QString &dataDir)
{
    QProcess script;
    // As in a terminal: no logging rules, so nothing but these lines.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    // On PostgreSQL the script's commands find the directory's database as a server would.
    if (const QString url = ServerProcess::databaseUrlFor(dataDir); !url.isEmpty())
        env.insert(QStringLiteral("QUIRE_DATABASE_URL"), url);
    script.setProcessEnvironment(env);
    script.start(QStringLiteral("bash"),
                 { QStringLiteral(QUIRE_SOURCE_DIR "/scripts/first-admin.sh"), ServerProcess::binary(), dataDir,
                   QStringLiteral("admin@quire.local") });
    const bool finished = script.waitForFinished(60000);
    if (const QByteArray noise = script.readAllStandardError(); !finished || script.exitCode() != 0 || !noise.isEmpty())
        return QStringLiteral("failed or not quiet: ") + QString::fromUtf8(noise);
    return QString::fromUtf8(script.readAllStandardOutput());
}

// The password a `password:` line shows, if it shows one.
QString shownPassword(const QString &lines)
{
    for (const QString &line : lines.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("password:")) && line.contains(QLatin1String("one-time")))
            return line.section(QLatin1Char(' '), 1, -1, QString::SectionSkipEmpty).section(QLatin1Char(' '), 0, 0);
    }
    return {};
}

int checkPassword(const QString &dataDir, const QString &password)
{
    return ServerProcess::run({ QStringLiteral("check-password"), QStringLiteral("--data-dir"), dataDir,
                                QStringLiteral("--email"), QStringLiteral("admin@quire.local") },
                              60000, {}, password.toUtf8() + '\n')
        .exitCode;
}
} // namespace

// quire-server's command line: start-up refusals, backup and restore.
class TestServerCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionAndHelp()
    {
        const auto v = ServerProcess::run({ QStringLiteral("--version") });
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(v.out.trimmed(), QByteArray("quire-server 0.1.0"));
        const auto h = ServerProcess::run({ QStringLiteral("--help") });
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("--data-dir") && h.out.contains("QUIRE_PORT") && h.out.contains("backup"));
    }

    void usageErrors()
    {
        verifyOneErrorLine(ServerProcess::run({ QStringLiteral("--bogus") }), 2, QStringLiteral("--bogus"));
        verifyOneErrorLine(ServerProcess::run({ QStringLiteral("frobnicate") }), 2, QStringLiteral("frobnicate"));
        verifyOneErrorLine(ServerProcess::run({ QStringLiteral("backup"), QStringLiteral("--to") }), 2,
                           QStringLiteral("--to needs a value"));
        verifyOneErrorLine(
            ServerProcess::run({ QStringLiteral("backup"), QStringLiteral("--to"), QStringLiteral("x.db") }, 30000,
                               { { QStringLiteral("QUIRE_DATA_DIR"), QString() } }),
            2, QStringLiteral("--data-dir"));
    }

    // Every command takes its options before or after the command word, as
    // git and systemctl do: `quire-server --data-dir D create-user` too.
    void optionsBeforeOrAfterTheCommand_data()
    {
        QTest::addColumn<bool>("before");
        QTest::newRow("after the command") << false;
        QTest::newRow("before the command") << true;
    }

    void optionsBeforeOrAfterTheCommand()
    {
        QFETCH(bool, before);
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        // The command word, where the row says, among its options.
        auto command = [before](const QString &word, const QStringList &options) {
            return before ? options + QStringList { word } : QStringList { word } + options;
        };
        const QString d = QStringLiteral("--data-dir");
        const auto created
            = ServerProcess::run(command(QStringLiteral("create-user"),
                                         { d, data, QStringLiteral("--email"), QStringLiteral("first@example.org"),
                                           QStringLiteral("--role"), QStringLiteral("admin") }),
                                 60000, {}, QByteArray("a long enough passphrase\n"));
        QCOMPARE(created.exitCode, 0);
        QVERIFY2(created.out.startsWith("created admin first@example.org"), created.out.constData());
        // Split around the command: options on both sides.
        const auto second
            = ServerProcess::run({ d, data, QStringLiteral("create-user"), QStringLiteral("--email"),
                                   QStringLiteral("second@example.org"), QStringLiteral("--only-if-none") },
                                 60000);
        QCOMPARE(second.exitCode, 0);
        QVERIFY(second.out.isEmpty()); // there is an account already

        const QString backup = dir.filePath(QStringLiteral("backup.db"));
        const auto b
            = ServerProcess::run(command(QStringLiteral("backup"), { d, data, QStringLiteral("--to"), backup }));
        QCOMPARE(b.exitCode, 0);
        QVERIFY(QFile::exists(backup));
        const auto r
            = ServerProcess::run(command(QStringLiteral("restore"), { d, data, QStringLiteral("--from"), backup }));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("restored"));

        // serve gets its options too: a data directory that is a file is
        // its start-up error, not a usage error about the word `serve`.
        const QString file = dir.filePath(QStringLiteral("file"));
        QVERIFY(writeFile(file));
        verifyOneErrorLine(ServerProcess::run(command(QStringLiteral("serve"),
                                                      { d, file, QStringLiteral("--port"), QStringLiteral("0") })),
                           1, file);
    }

    void unknownOptionBeforeOrAfterTheCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QString create = QStringLiteral("create-user");
        const QString d = QStringLiteral("--data-dir");
        const QString email = QStringLiteral("--email");
        const QString a = QStringLiteral("a@example.org");
        const QString bogus = QStringLiteral("--bogus");
        QTest::newRow("before") << QStringList { bogus, create, d, QStringLiteral("DATA"), email, a }
                                << QStringLiteral("unknown option --bogus");
        QTest::newRow("after") << QStringList { create, d, QStringLiteral("DATA"), email, a, bogus }
                               << QStringLiteral("create-user has no option --bogus");
        QTest::newRow("another command's, before") << QStringList {
            QStringLiteral("--port"), QStringLiteral("1"), create, d, QStringLiteral("DATA"), email, a
        } << QStringLiteral("create-user has no option --port");
        QTest::newRow("backup's, after") << QStringList {
            create, d, QStringLiteral("DATA"), email, a, QStringLiteral("--to"), QStringLiteral("x.db")
        } << QStringLiteral("create-user has no option --to");
    }

    void unknownOptionBeforeOrAfterTheCommand()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        args.replaceInStrings(QStringLiteral("DATA"), data);
        verifyOneErrorLine(ServerProcess::run(args), 2, mentions);
        QVERIFY(!QFile::exists(data)); // refused before anything was made
    }

    void mismatchedCertificateAndKey()
    {
        QTemporaryDir dir;
        const QString c1 = dir.filePath(QStringLiteral("c1.pem")), k2 = dir.filePath(QStringLiteral("k2.pem"));
        QVERIFY(quire::server::TlsCredentials::generate(c1, dir.filePath(QStringLiteral("k1.pem")),
                                                        { QStringLiteral("localhost") })
                    .ok());
        QVERIFY(quire::server::TlsCredentials::generate(dir.filePath(QStringLiteral("c2.pem")), k2,
                                                        { QStringLiteral("localhost") })
                    .ok());
        QStringList args = serveArgs(dir.filePath(QStringLiteral("data")));
        args << QStringLiteral("--tls-cert") << c1 << QStringLiteral("--tls-key") << k2;
        verifyOneErrorLine(ServerProcess::run(args), 1, QStringLiteral("does not belong"));
    }

    void unreadableCertificate()
    {
        QTemporaryDir dir;
        QStringList args = serveArgs(dir.filePath(QStringLiteral("data")));
        args << QStringLiteral("--tls-cert") << dir.filePath(QStringLiteral("none.pem")) << QStringLiteral("--tls-key")
             << dir.filePath(QStringLiteral("none.key"));
        verifyOneErrorLine(ServerProcess::run(args), 1, QStringLiteral("cannot read TLS certificate"));
    }

    void givenCertificateIsUsed()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("c.pem")), key = dir.filePath(QStringLiteral("k.pem"));
        QVERIFY(quire::server::TlsCredentials::generate(cert, key, { QStringLiteral("127.0.0.1") }).ok());
        const QString expected = quire::server::TlsCredentials::load(cert, key)->fingerprint();
        ServerProcess server;
        ServerProcess::Options o;
        o.extraArgs = { QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key };
        QVERIFY2(server.start(o), qPrintable(server.errorString()));
        QCOMPARE(server.fingerprint(), expected);
        QVERIFY(!QFile::exists(server.dataDir() + QStringLiteral("/tls/cert.pem"))); // nothing generated
        QCOMPARE(TestHttpClient(server.url(), expected).get(QStringLiteral("/health")).status, 200);
    }

    void portInUse()
    {
        // By another program...
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        QStringList args = serveArgs(dir.filePath(QStringLiteral("a")), other.serverPort());
        args << QStringLiteral("--listen") << QStringLiteral("127.0.0.1");
        verifyOneErrorLine(ServerProcess::run(args), 1, QStringLiteral("already in use"));
        // ...and by another quire-server, whose SO_REUSEPORT must not let us join it.
        ServerProcess first;
        QVERIFY2(first.start(), qPrintable(first.errorString()));
        QStringList second = serveArgs(dir.filePath(QStringLiteral("b")), first.port());
        second << QStringLiteral("--listen") << QStringLiteral("127.0.0.1");
        verifyOneErrorLine(ServerProcess::run(second), 1, QStringLiteral("already in use"));
    }

    void unwritableDataDirectory()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a-file"));
        QVERIFY(writeFile(file));
        verifyOneErrorLine(ServerProcess::run(serveArgs(file)), 1, QStringLiteral("not a directory"));
        verifyOneErrorLine(ServerProcess::run(serveArgs(file + QStringLiteral("/sub"))), 1,
                           QStringLiteral("cannot create data directory"));
    }

    void corruptDatabaseIsLeftAlone()
    {
        if (TestDatabase::onPostgres())
            QSKIP("a damaged SQLite file: the server on PostgreSQL never opens it");
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("quire.db"));
        QByteArray junk(4096, '\x5a');
        junk.prepend("garbage that is no database");
        QVERIFY(writeFile(db, junk));
        verifyOneErrorLine(ServerProcess::run(serveArgs(dir.path())), 1,
                           QStringLiteral("damaged or is not a Quire database"));
        QCOMPARE(readFile(db), junk);
        QVERIFY(!QFile::exists(db + QStringLiteral("-wal")));
    }

    void databaseFromANewerServerIsRefused()
    {
        QTemporaryDir dir;
        ServerProcess server;
        ServerProcess::Options o;
        o.dataDir = dir.path();
        QVERIFY2(server.start(o), qPrintable(server.errorString()));
        QVERIFY(server.stop());
        {
            auto db = TestDatabase::open(server);
            QVERIFY(db.ok());
            QVERIFY((*db)
                        ->run(QStringLiteral(
                            "INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00.000Z')"))
                        .ok());
        }
        verifyOneErrorLine(ServerProcess::run(serveArgs(dir.path())), 1, QStringLiteral("newer Quire"));
    }

    void oneServerPerDataDirectory()
    {
        ServerProcess first;
        QVERIFY2(first.start(), qPrintable(first.errorString()));
        verifyOneErrorLine(ServerProcess::run(serveArgs(first.dataDir())), 1,
                           QStringLiteral("in use by another quire-server"));
    }

    void backupWhileRunningAndRestore()
    {
        QTemporaryDir dir;
        ServerProcess server;
        ServerProcess::Options o;
        o.dataDir = dir.filePath(QStringLiteral("data"));
        QVERIFY2(server.start(o), qPrintable(server.errorString()));
        TestHttpClient http(server.url(), server.fingerprint());
        QCOMPARE(http.get(QStringLiteral("/health")).status, 200);
        const QString epochBefore = TestDatabase::epochOf(server);
        QCOMPARE(epochBefore.size(), 32);

        const QString backup = dir.filePath(QStringLiteral("backup.db"));
        const auto b = ServerProcess::run(
            { QStringLiteral("backup"), QStringLiteral("--data-dir"), o.dataDir, QStringLiteral("--to"), backup });
        QCOMPARE(b.exitCode, 0);
        QVERIFY(b.out.contains("backup written to"));
        QCOMPARE(TestDatabase::epochOfBackup(backup), epochBefore);
        QCOMPARE(http.get(QStringLiteral("/health")).status, 200); // still serving
        // Never overwrites.
        verifyOneErrorLine(ServerProcess::run({ QStringLiteral("backup"), QStringLiteral("--data-dir"), o.dataDir,
                                                QStringLiteral("--to"), backup }),
                           1, QStringLiteral("already exists"));
        // Restoring under a running server is refused.
        verifyOneErrorLine(ServerProcess::run({ QStringLiteral("restore"), QStringLiteral("--data-dir"), o.dataDir,
                                                QStringLiteral("--from"), backup }),
                           1, QStringLiteral("in use"));

        QVERIFY(server.stop());
        const auto r = ServerProcess::run(
            { QStringLiteral("restore"), QStringLiteral("--data-dir"), o.dataDir, QStringLiteral("--from"), backup });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("previous database kept as"));
        const QString epochAfter = TestDatabase::epochOf(server);
        QCOMPARE(epochAfter.size(), 32);
        QVERIFY(epochAfter != epochBefore); // clients will know their cursors are stale
        QCOMPARE(TestDatabase::keptByRestores(server), 1);

        ServerProcess again;
        QVERIFY2(again.start(o), qPrintable(again.errorString()));
        QCOMPARE(TestHttpClient(again.url(), again.fingerprint()).get(QStringLiteral("/health")).status, 200);
    }

    void restoreRefusesJunk()
    {
        QTemporaryDir dir;
        const QString junk = dir.filePath(QStringLiteral("junk.db"));
        QVERIFY(writeFile(junk, QByteArray(4096, 'x')));
        const QString data = dir.filePath(QStringLiteral("data"));
        verifyOneErrorLine(ServerProcess::run({ QStringLiteral("restore"), QStringLiteral("--data-dir"), data,
                                                QStringLiteral("--from"), junk }),
                           1, QStringLiteral("damaged"));
        QVERIFY(!QFile::exists(data + QStringLiteral("/quire.db")));
        QVERIFY(!QFile::exists(data + QStringLiteral("/quire.db.restoring")));
    }

    void plainHttpOnlyWhenAsked()
    {
        ServerProcess server;
        ServerProcess::Options o;
        o.tls = false;
        QVERIFY2(server.start(o), qPrintable(server.errorString()));
        QCOMPARE(server.url().scheme(), QStringLiteral("http"));
        QVERIFY(server.fingerprint().isEmpty());
        const HttpResult r = TestHttpClient(server.url(), QString()).get(QStringLiteral("/health"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Strict-Transport-Security").isEmpty());
    }

    // ./quire.sh run's first admin: the one-time password is shown on every
    // run while it still signs in, the server asks for a new one at the
    // first sign-in, and once it was changed the run says how to get one.
    void firstAdminOneTimePassword()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString first = firstAdminLines(dir.path());
        QVERIFY2(first.startsWith(QStringLiteral("email:     admin@quire.local\n")), qPrintable(first));
        const QString password = shownPassword(first);
        QVERIFY2(password.size() >= 20, qPrintable(first));
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("first-admin-password"))).permissions()
                     & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        QCOMPARE(checkPassword(dir.path(), password), 0);
        QCOMPARE(checkPassword(dir.path(), QStringLiteral("not the password at all")), 1);
        // A later run, password unchanged: the same block again.
        QCOMPARE(firstAdminLines(dir.path()), first);

        ServerProcess server;
        ServerProcess::Options o;
        o.dataDir = dir.path();
        QVERIFY2(server.start(o), qPrintable(server.errorString()));
        TestHttpClient http(server.url(), server.fingerprint());
        const auto login = http.postJson(
            QStringLiteral("/api/v1/auth/login"),
            QByteArray::fromStdString(
                nlohmann::json { { "email", "admin@quire.local" }, { "password", password.toStdString() } }.dump()));
        QCOMPARE(login.status, 200);
        QCOMPARE(login.json().value("password_change_required", false), true);
        const QByteArray token = QByteArray::fromStdString(login.json()["access_token"]);
        const QString chosen = QStringLiteral("the admin's own passphrase");
        QCOMPARE(http.request("PUT", QStringLiteral("/api/v1/users/me/password"),
                              QByteArray::fromStdString(nlohmann::json { { "current_password", password.toStdString() },
                                                                         { "new_password", chosen.toStdString() } }
                                                            .dump()),
                              { { "Authorization", "Bearer " + token }, { "Content-Type", "application/json" } })
                     .status,
                 204);
        const auto again = http.postJson(
            QStringLiteral("/api/v1/auth/login"),
            QByteArray::fromStdString(
                nlohmann::json { { "email", "admin@quire.local" }, { "password", chosen.toStdString() } }.dump()));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value("password_change_required", true), false);
        QVERIFY(server.stop());

        QCOMPARE(checkPassword(dir.path(), password), 1);
        QCOMPARE(checkPassword(dir.path(), chosen), 0);
        const QString later = firstAdminLines(dir.path());
        QVERIFY2(shownPassword(later).isEmpty() && !later.contains(password), qPrintable(later));
        QVERIFY2(later.contains(QStringLiteral("Forgot your password?")) && later.contains(QStringLiteral("outbox")),
                 qPrintable(later));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("first-admin-password"))));
    }
};

QTEST_GUILESS_MAIN(TestServerCommands)
#include "tst_servercommands.moc"
