// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/serverprocess.h"

#include "shared/database.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QProcessEnvironment>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <csignal>

namespace quire::test {

namespace {

QAtomicInteger<int> s_databases;
constexpr char kKeptDatabaseFile[] = "/postgres-database";

// The database of each data directory started on PostgreSQL in this test
// process, so another ServerProcess on the same directory finds it.
QHash<QString, QString> &databaseOfDataDir()
{
    static QHash<QString, QString> map;
    return map;
}

QString withDatabase(const QString &clusterUrl, const QString &name)
{
    QUrl url(clusterUrl);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

bool runOnCluster(const QString &statement)
{
    auto db = quire::shared::Database::open(ServerProcess::postgresCluster());
    if (!db) {
        qWarning("cannot reach the test cluster: %s", qPrintable(db.error().message));
        return false;
    }
    if (quire::shared::VoidResult r = (*db)->run(statement); !r) {
        qWarning("%s: %s", qPrintable(statement), qPrintable(r.error().message));
        return false;
    }
    return true;
}

// The database of `dataDir` on the cluster, made on first use (a command
// like create-user may come before the server's first start).
QString databaseFor(const QString &dataDir)
{
    QString name = databaseOfDataDir().value(dataDir);
    if (!name.isEmpty())
        return name;
    // Kept by an earlier process (ServerProcess::keepDatabaseOf).
    if (QFile kept(dataDir + QLatin1String(kKeptDatabaseFile)); kept.open(QIODevice::ReadOnly)) {
        name = QString::fromLatin1(kept.readAll()).trimmed();
        if (!name.isEmpty()) {
            databaseOfDataDir().insert(dataDir, name);
            return name;
        }
    }
    name = QStringLiteral("quire_test_%1_%2")
               .arg(QCoreApplication::applicationPid())
               .arg(s_databases.fetchAndAddRelaxed(1));
    if (!runOnCluster(QStringLiteral("CREATE DATABASE %1").arg(name)))
        return {};
    databaseOfDataDir().insert(dataDir, name);
    return name;
}

} // namespace

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        if (!stop(5000))
            kill();
    }
    reportTrouble();
    if (!m_createdDatabase.isEmpty()) {
        databaseOfDataDir().remove(m_dataDir);
        runOnCluster(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_createdDatabase));
    }
}

QString ServerProcess::postgresCluster()
{
    const QString url = qEnvironmentVariable("QUIRE_TEST_POSTGRES");
    if (!url.isEmpty())
        return url;
    const QString file = qEnvironmentVariable("QUIRE_TEST_POSTGRES_FILE");
    if (file.isEmpty())
        return {};
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("QUIRE_TEST_POSTGRES_FILE %s cannot be read: is the cluster fixture running?", qPrintable(file));
    return QString::fromUtf8(f.readAll().trimmed());
}

QString ServerProcess::databaseUrlFor(const QString &dataDir)
{
    const QString cluster = postgresCluster();
    if (cluster.isEmpty())
        return {};
    const QString name = databaseFor(dataDir);
    return name.isEmpty() ? QString() : withDatabase(cluster, name);
}

bool ServerProcess::keepDatabaseOf(const QString &dataDir)
{
    const QString name = databaseOfDataDir().value(dataDir);
    if (name.isEmpty())
        return true; // SQLite: the file stays by itself
    QFile kept(dataDir + QLatin1String(kKeptDatabaseFile));
    return kept.open(QIODevice::WriteOnly | QIODevice::Truncate) && kept.write(name.toLatin1()) == name.size();
}

void ServerProcess::dropDatabaseOf(const QString &dataDir)
{
    const QString name = databaseOfDataDir().take(dataDir);
    if (!name.isEmpty())
        runOnCluster(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
}

QString ServerProcess::databaseLocation() const
{
    return m_databaseUrl.isEmpty() ? m_dataDir + QStringLiteral("/quire.db") : m_databaseUrl;
}

QString ServerProcess::databaseLocationFor(const QString &dataDir)
{
    if (postgresCluster().isEmpty())
        return dataDir + QStringLiteral("/quire.db");
    const QString name = databaseFor(dataDir);
    return name.isEmpty() ? QString() : withDatabase(postgresCluster(), name);
}

void ServerProcess::reportTrouble()
{
    // What the server itself said went wrong, in the test's output, which
    // ctest shows when a test failed: a 500 then comes with its reason.
    // A sanitizer's report is kept whole: its stacks are the finding.
    QList<QByteArray> trouble;
    bool inSanitizerReport = false;
    for (const QByteArray &line : standardError().split('\n')) {
        if (line.startsWith("=="))
            inSanitizerReport = true;
        if (inSanitizerReport || line.contains("\"level\":\"warning\"") || line.contains("\"level\":\"error\"")
            || line.contains("\"level\":\"fatal\""))
            trouble << line;
    }
    const qsizetype kShown = inSanitizerReport ? 400 : 30;
    for (qsizetype i = std::max<qsizetype>(0, trouble.size() - kShown); i < trouble.size(); ++i)
        qInfo("quire-server: %s", trouble[i].constData());
}

QString ServerProcess::binary()
{
    const QString path = qEnvironmentVariable("QUIRE_SERVER_BINARY");
    return path.isEmpty() ? QStringLiteral("quire-server") : path;
}

bool ServerProcess::start(const Options &options)
{
    m_url.clear();
    m_fingerprint.clear();
    m_dataDir = options.dataDir;
    if (m_dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_tempDir->path();
    }
    QStringList args { QStringLiteral("serve"),       QStringLiteral("--data-dir"), m_dataDir,
                       QStringLiteral("--listen"),    QStringLiteral("127.0.0.1"),  QStringLiteral("--port"),
                       QString::number(options.port), QStringLiteral("--threads"),  QString::number(options.threads) };
    if (!options.tls)
        args << QStringLiteral("--insecure-http");
    const QString cluster = postgresCluster();
    if (!cluster.isEmpty()) {
        const QString name = databaseFor(m_dataDir);
        if (name.isEmpty()) {
            m_error = QStringLiteral("cannot create a test database on %1").arg(cluster);
            return false;
        }
        // A database of our own temporary data directory goes with it; one of
        // a directory the test keeps stays for a later start (the cluster
        // itself is thrown away after the run).
        if (m_tempDir && m_dataDir == m_tempDir->path())
            m_createdDatabase = name;
        m_databaseUrl = withDatabase(cluster, name);
        args << QStringLiteral("--database-url") << m_databaseUrl;
    }
    args << options.extraArgs;

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = options.env.cbegin(); it != options.env.cend(); ++it)
        env.insert(it.key(), it.value());
    m_process.setProcessEnvironment(env);
    m_process.setProgram(binary());
    m_process.setArguments(args);
    reportTrouble(); // of the run before, if any
    m_stderr.clear();
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binary(), m_process.errorString());
        return false;
    }
    QByteArray out;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine().trimmed();
            if (line.startsWith("listening on ")) {
                m_url = QUrl(QString::fromUtf8(line.mid(13)));
            } else if (line.startsWith("certificate SHA-256 fingerprint ")) {
                m_fingerprint = QString::fromUtf8(line.mid(32));
            }
            if (m_url.isValid() && (!options.tls || !m_fingerprint.isEmpty()))
                return true;
            continue;
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
        m_process.waitForReadyRead(100);
    }
    m_error = QStringLiteral("quire-server did not report its address: %1").arg(QString::fromUtf8(standardError()));
    kill();
    return false;
}

QByteArray ServerProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

bool ServerProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs))
        return false;
    standardError();
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

void ServerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
    standardError();
}

ServerProcess::RunResult ServerProcess::run(const QStringList &args, int timeoutMs, const QMap<QString, QString> &env,
                                            const QByteArray &input)
{
    QProcess p;
    QStringList all = args;
    // A command on a data directory whose server runs on PostgreSQL works on its database.
    const qsizetype dirAt = all.indexOf(QStringLiteral("--data-dir"));
    if (dirAt >= 0 && dirAt + 1 < all.size() && !all.contains(QStringLiteral("--database-url"))
        && !postgresCluster().isEmpty()) {
        const QString name = databaseFor(all[dirAt + 1]);
        if (!name.isEmpty())
            all << QStringLiteral("--database-url") << withDatabase(postgresCluster(), name);
    }
    QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        pe.insert(it.key(), it.value());
    p.setProcessEnvironment(pe);
    p.start(binary(), all);
    RunResult r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace quire::test
