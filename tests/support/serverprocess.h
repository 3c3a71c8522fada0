// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace quire::test {

// Starts the real quire-server binary on a free loopback port with its own
// temporary data directory, reads the address and certificate fingerprint it
// prints, and stops it again. Every integration test uses this one helper.
class ServerProcess
{
public:
    struct Options
    {
        QStringList extraArgs;
        bool tls = true;
        QString dataDir; // empty: a fresh temporary directory
        QMap<QString, QString> env;
        int threads = 2;
        quint16 port = 0; // 0: a free one; a restart passes the old one
    };

    struct RunResult
    {
        int exitCode = -1;
        bool crashed = false;
        QByteArray out;
        QByteArray err;
    };

    ServerProcess();
    ~ServerProcess();

    bool start(const Options &options);
    bool start() { return start(Options {}); }
    QString errorString() const { return m_error; }

    QUrl url() const { return m_url; }
    quint16 port() const { return quint16(m_url.port()); }
    QString fingerprint() const { return m_fingerprint; }
    QString dataDir() const { return m_dataDir; }
    QByteArray standardError();
    qint64 pid() const { return m_process.processId(); }

    // SIGTERM and wait; true when the server exited by itself with code 0.
    bool stop(int timeoutMs = 15000);
    // SIGKILL, as a crash or power cut would.
    void kill();

    static QString binary();
    // Runs quire-server to completion (for commands and start-up failures).
    static RunResult run(const QStringList &args, int timeoutMs = 30000, const QMap<QString, QString> &env = {},
                         const QByteArray &input = {});

private:
    // Prints the warnings and errors the server logged (and sanitizer
    // reports), the last 30, before a restart and at the end.
    void reportTrouble();

    QProcess m_process;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    QUrl m_url;
    QString m_fingerprint;
    QString m_error;
    QByteArray m_stderr;
};

} // namespace quire::test
