// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/credentials/credentialkeys.h"
#include "tests/support/instancecluster.h"
#include "tests/support/serverprocess.h"
#include "tests/sync/syncpeer.h"

#include <QList>
#include <QTemporaryDir>

#include <cstdio>

namespace quire::test {

// One quire-server, or several named instances on one database, with a
// credential key file, the fakes' address allowed and no API budget (the
// seeding makes 10,000 requests in a minute).
class PublishServers
{
public:
    ~PublishServers()
    {
        if (!m_single.dataDir().isEmpty()) {
            m_single.stop();
            ServerProcess::dropDatabaseOf(m_single.dataDir());
        }
    }

    // The account `email` (a creator, password kSyncTestPassword) is made first.
    bool start(int instances, const QString &email)
    {
        const QString keyFile = m_keys.filePath(QStringLiteral("credential.keys"));
        if (!quire::server::CredentialKeys::createKeyFile(keyFile)) {
            fprintf(stderr, "cannot write %s\n", qPrintable(keyFile));
            return false;
        }
        const QStringList extra { QStringLiteral("--credential-key-file"),    keyFile,
                                  QStringLiteral("--outbound-allow"),         QStringLiteral("127.0.0.1"),
                                  QStringLiteral("--api-rate-limit-address"), QStringLiteral("0"),
                                  QStringLiteral("--api-rate-limit-user"),    QStringLiteral("0") };
        if (instances == 1) {
            const QString data = m_dir.filePath(QStringLiteral("server"));
            ServerProcess::Options options;
            options.dataDir = data;
            options.extraArgs = extra;
            if (!createUser(data, email, QStringLiteral("creator"), kSyncTestPassword) || !m_single.start(options)) {
                fprintf(stderr, "server: %s\n", qPrintable(m_single.errorString()));
                return false;
            }
            running = { &m_single };
            location = m_single.databaseLocation();
            return true;
        }
        InstanceCluster::Options options;
        options.instances = instances;
        options.extraArgs = extra;
        options.threads = 2;
        options.balancer = false;
        if (!createUser(m_cluster.dataDir(), email, QStringLiteral("creator"), kSyncTestPassword)
            || !m_cluster.start(options)) {
            fprintf(stderr, "instances: %s\n", qPrintable(m_cluster.errorString()));
            return false;
        }
        for (int i = 0; i < m_cluster.size(); ++i)
            running << &m_cluster.instance(i);
        location = m_cluster.databaseLocation();
        return true;
    }

    QList<ServerProcess *> running;
    QString location; // the database, for shared::Database::open

private:
    QTemporaryDir m_keys;
    QTemporaryDir m_dir;
    ServerProcess m_single;
    InstanceCluster m_cluster;
};

} // namespace quire::test
