// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/instancecluster.h"

#include "shared/database.h"
#include "shared/timestamp.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QVariant>

namespace quire::test {

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(200);
}

} // namespace

InstanceCluster::InstanceCluster() = default;

InstanceCluster::~InstanceCluster()
{
    stop();
    if (!m_databaseUrl.isEmpty())
        ServerProcess::dropDatabaseOf(dataDir());
}

QString InstanceCluster::nginxBinary()
{
    const QString path = qEnvironmentVariable("QUIRE_NGINX_BINARY");
    return path.isEmpty() ? QStringLiteral("/usr/sbin/nginx") : path;
}

QString InstanceCluster::databaseLocation() const
{
    return m_databaseUrl.isEmpty() ? QDir(dataDir()).filePath(QStringLiteral("quire.db")) : m_databaseUrl;
}

bool InstanceCluster::start(const Options &options)
{
    if (!m_dataDir.isValid() || !m_nginxPrefix.isValid()) {
        m_error = QStringLiteral("cannot create temporary directories");
        return false;
    }
    // Every instance (and every command on the data directory) gets the
    // same database from ServerProcess: the cluster's own.
    m_databaseUrl = ServerProcess::databaseUrlFor(dataDir());
    if (!ServerProcess::postgresCluster().isEmpty() && m_databaseUrl.isEmpty()) {
        m_error = QStringLiteral("cannot create a database on the test cluster");
        return false;
    }
    for (int i = 0; i < options.instances; ++i) {
        ServerProcess::Options o;
        o.dataDir = dataDir();
        o.threads = options.threads;
        o.extraArgs << QStringLiteral("--instance-name") << instanceName(i) << QStringLiteral("--media-dir")
                    << QDir(dataDir()).filePath(QStringLiteral("media")) << options.extraArgs;
        // One after the other: the first makes the certificate and runs
        // the migrations, the others find both done.
        auto server = std::make_unique<ServerProcess>();
        if (!server->start(o)) {
            m_error = QStringLiteral("%1: %2").arg(instanceName(i), server->errorString());
            return false;
        }
        m_fingerprint = server->fingerprint();
        m_instances.push_back(std::move(server));
    }
    return !options.balancer || startBalancer();
}

bool InstanceCluster::startBalancer()
{
    const quint16 port = freePort();
    if (port == 0) {
        m_error = QStringLiteral("no free port for nginx");
        return false;
    }
    const QDir prefix(m_nginxPrefix.path());
    const QString cert = QDir(dataDir()).filePath(QStringLiteral("tls/cert.pem"));
    const QString key = QDir(dataDir()).filePath(QStringLiteral("tls/key.pem"));
    QString upstreams;
    for (const auto &server : m_instances)
        upstreams += QStringLiteral("        server 127.0.0.1:%1 max_fails=1 fail_timeout=5s;\n").arg(server->port());
    // The README's "Several instances" shows the same configuration.
    const QString config = QStringLiteral("worker_processes 1;\n"
                                          "pid %1/nginx.pid;\n"
                                          "error_log %1/error.log warn;\n"
                                          "events { worker_connections 512; }\n"
                                          "http {\n"
                                          "    access_log off;\n"
                                          "    client_body_temp_path %1/client_body;\n"
                                          "    proxy_temp_path %1/proxy;\n"
                                          "    fastcgi_temp_path %1/fastcgi;\n"
                                          "    uwsgi_temp_path %1/uwsgi;\n"
                                          "    scgi_temp_path %1/scgi;\n"
                                          "    client_max_body_size 20m;\n"
                                          "    map $http_upgrade $connection_upgrade { default upgrade; '' ''; }\n"
                                          "    upstream quire {\n%2        keepalive 16;\n    }\n"
                                          "    server {\n"
                                          "        listen 127.0.0.1:%3 ssl;\n"
                                          "        ssl_certificate %4;\n"
                                          "        ssl_certificate_key %5;\n"
                                          "        location / {\n"
                                          "            proxy_pass https://quire;\n"
                                          "            proxy_http_version 1.1;\n"
                                          "            proxy_set_header Host $http_host;\n"
                                          "            proxy_set_header Upgrade $http_upgrade;\n"
                                          "            proxy_set_header Connection $connection_upgrade;\n"
                                          "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                                          "            proxy_ssl_verify on;\n"
                                          "            proxy_ssl_trusted_certificate %4;\n"
                                          "            proxy_ssl_name localhost;\n"
                                          "            proxy_ssl_session_reuse on;\n"
                                          "            proxy_connect_timeout 2s;\n"
                                          "            proxy_read_timeout 90s;\n"
                                          "            proxy_next_upstream error timeout;\n"
                                          "        }\n"
                                          "    }\n"
                                          "}\n")
                               .arg(prefix.path(), upstreams)
                               .arg(port)
                               .arg(cert, key);
    QFile file(prefix.filePath(QStringLiteral("nginx.conf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        m_error = QStringLiteral("cannot write nginx.conf");
        return false;
    }
    file.close();
    m_nginx.setProgram(nginxBinary());
    m_nginx.setArguments({ QStringLiteral("-p"), prefix.path(), QStringLiteral("-e"),
                           prefix.filePath(QStringLiteral("error.log")), QStringLiteral("-c"), file.fileName(),
                           QStringLiteral("-g"), QStringLiteral("daemon off;") });
    m_nginx.setProcessChannelMode(QProcess::MergedChannels);
    m_nginx.start();
    if (!m_nginx.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(nginxBinary(), m_nginx.errorString());
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_nginx.state() == QProcess::NotRunning)
            break;
        if (accepts(port)) {
            m_balancerUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
            return true;
        }
        m_nginx.waitForFinished(100);
    }
    QFile log(prefix.filePath(QStringLiteral("error.log")));
    (void)log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("nginx did not start: %1 %2")
                  .arg(QString::fromUtf8(m_nginx.readAll()), QString::fromUtf8(log.readAll()));
    return false;
}

int InstanceCluster::leaseHolder(const QString &job) const
{
    auto db = shared::Database::open(databaseLocation());
    if (!db)
        return -1;
    shared::Result<QVariant> holder
        = (*db)->scalar(QStringLiteral("SELECT holder FROM job_leases WHERE name = ? AND expires_at > ?"),
                        { job, shared::Timestamp::format(QDateTime::currentDateTimeUtc()) });
    if (!holder)
        return -1;
    for (int i = 0; i < size(); ++i) {
        if (holder->toString() == instanceName(i))
            return i;
    }
    return -1;
}

void InstanceCluster::stop()
{
    if (m_nginx.state() != QProcess::NotRunning) {
        m_nginx.terminate(); // SIGTERM: nginx's fast shutdown
        if (!m_nginx.waitForFinished(5000)) {
            m_nginx.kill();
            m_nginx.waitForFinished(5000);
        }
    }
    for (auto &server : m_instances) {
        if (!server->stop(10000))
            server->kill();
    }
}

} // namespace quire::test
