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
// When the environment names a PostgreSQL cluster (QUIRE_TEST_POSTGRES=<url>
// or QUIRE_TEST_POSTGRES_FILE=<file holding it>, as ctest's fixture sets),
// each data directory gets a fresh database there (--database-url), which
// a restart with the same data directory (and a command such as
// create-user run on it) reuses.
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
    // The server's database: a postgresql:// URL or the SQLite file.
    QString databaseLocation() const;
    // The database a server started on `dataDir` runs on, before (or
    // without) starting one: on PostgreSQL the data directory's database,
    // made on first use, as for a command run on it.
    static QString databaseLocationFor(const QString &dataDir);
    // The cluster's URL from the environment; empty: SQLite.
    static QString postgresCluster();
    // On PostgreSQL: the database every server and command on `dataDir`
    // uses (made on first use; empty on SQLite). dropDatabaseOf() removes
    // it, for a data directory the caller owns (InstanceCluster's).
    static QString databaseUrlFor(const QString &dataDir);
    static void dropDatabaseOf(const QString &dataDir);
    // Notes `dataDir`'s database in the directory, so a later process
    // (a benchmark run again on the data it seeded) uses it too.
    static bool keepDatabaseOf(const QString &dataDir);
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
    QString m_databaseUrl; // on PostgreSQL: this data directory's database
    QString m_createdDatabase; // the database of our own temporary data directory, dropped at the end
};

} // namespace quire::test
