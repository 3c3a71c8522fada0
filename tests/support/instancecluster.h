// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/serverprocess.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <vector>

namespace quire::test {

// Several real quire-server processes on one data directory (one database:
// the directory's SQLite file, or on PostgreSQL (QUIRE_TEST_POSTGRES, as
// ServerProcess) a database of the cluster's own on the test cluster; one
// media directory), each with its own --instance-name and loopback
// port, behind Debian's nginx as the load balancer: nginx runs in the
// foreground with its own prefix and config in a temporary directory,
// speaks TLS to the client with the instances' own certificate (so a test
// pins the same fingerprint) and TLS to each instance, round-robin.
class InstanceCluster
{
public:
    struct Options
    {
        int instances = 2;
        QStringList extraArgs; // given to every instance
        int threads = 1;
        bool balancer = true;
    };

    InstanceCluster();
    ~InstanceCluster(); // stops nginx and every instance still running

    bool start(const Options &options);
    QString errorString() const { return m_error; }

    int size() const { return int(m_instances.size()); }
    ServerProcess &instance(int i) { return *m_instances[size_t(i)]; }
    static QString instanceName(int i) { return QStringLiteral("quire-%1").arg(i + 1); }
    // Which instance holds the job lease `job` now, -1 when none does.
    int leaseHolder(const QString &job) const;

    QUrl url() const { return m_balancerUrl; } // the balancer's address
    QString fingerprint() const { return m_fingerprint; }
    QString dataDir() const { return m_dataDir.path(); }
    // The instances' shared database: its postgresql:// URL or SQLite file,
    // for shared::Database::open.
    QString databaseLocation() const;

    void stop();

    static QString nginxBinary();

private:
    bool startBalancer();

    QTemporaryDir m_dataDir;
    QTemporaryDir m_nginxPrefix;
    std::vector<std::unique_ptr<ServerProcess>> m_instances;
    QProcess m_nginx;
    QUrl m_balancerUrl;
    QString m_fingerprint;
    QString m_error;
    QString m_databaseUrl; // on PostgreSQL; empty on SQLite
};

} // namespace quire::test
