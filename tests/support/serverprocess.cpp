// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/serverprocess.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>

#include <algorithm>
#include <csignal>

namespace quire::test {

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        if (!stop(5000))
            kill();
    }
    reportTrouble();
}

void ServerProcess::reportTrouble()
{
    // What the server itself said went wrong, in the test's output, which
    // ctest shows when a test failed: a 500 then comes with its reason.
    QList<QByteArray> trouble;
    for (const QByteArray &line : standardError().split('\n')) {
        if (line.contains("\"level\":\"warning\"") || line.contains("\"level\":\"error\"")
            || line.contains("\"level\":\"fatal\"") || line.startsWith("=="))
            trouble << line;
    }
    constexpr qsizetype kShown = 30;
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
    QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        pe.insert(it.key(), it.value());
    p.setProcessEnvironment(pe);
    p.start(binary(), args);
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
