// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/chatprovider.h"
#include "shared/result.h"

#include <QHostAddress>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace quire::server {

// Everything quire-server can be told, after merging its three sources:
// command-line flags win over QUIRE_* environment variables, which win over
// the config file, which wins over the defaults.
struct ServerConfig
{
    QString dataDir;
    QString configFile;
    // Names this process among several serving one database (logs, /health,
    // X-Quire-Instance, job leases); empty until set: host name and pid.
    QString instanceName;
    // True when instance_name was given: several processes may then share
    // the data directory (see DataDirectory::lock).
    bool instanceNamed = false;
    // How often a named instance reads the shared change counter for other
    // instances' changes; on PostgreSQL NOTIFY wakes it at once as well.
    int changePollSeconds = 1;
    int preflightHours = 6; // 0: no pre-flight checks
    QString mediaDir; // uploaded images; empty: DATA_DIR/media
    QString databaseUrl; // postgresql://…; empty: SQLite in the data directory
    QHostAddress listenAddress { QHostAddress::LocalHost };
    quint16 port = 8443;
    QString tlsCertFile; // empty: generated certificate in the data directory
    QString tlsKeyFile;
    // Master keys of platform credentials; empty: QUIRE_CREDENTIAL_KEYS, or none.
    QString credentialKeyFile;
    // Hosts and ranges the SSRF guard lets the server's outgoing requests
    // reach although they are loopback or private (AddressPolicy's entries:
    // host:port or address[/len]); none by default.
    QStringList outboundAllow;
    bool insecureHttp = false;
    int threads = 2;
    qint64 maxBodyBytes = 10 * 1024 * 1024;
    qint64 mediaMaxBytes = 10 * 1024 * 1024; // largest image upload
    QString publicUrl; // how readers reach us; empty: derived from listen and port
    QString siteName = QStringLiteral("Quire"); // on every page, the feed and the desktop preview
    enum class Registration { Closed, Invite, Open };
    Registration registration = Registration::Closed;
    double rateLimitScale = 1.0;
    // Every API route: requests per window per client address and per user
    // (0: no limit), multiplied by rateLimitScale.
    int apiRateLimitPerAddress = 600;
    int apiRateLimitPerUser = 1200;
    int apiAnswerCacheEntries = 512; // per worker; 0: off
    int apiRateLimitWindowSeconds = 60;
    // A refresh token shown again this long after its rotation, before its
    // successor was used, gets that successor instead of ending the session.
    int refreshReuseGraceSeconds = 30;
    int syncRetentionDays = 90;
    int idleTimeoutSeconds = 75; // connections that move no bytes this long are closed
    int requestHeadTimeoutSeconds = 10; // a request head must be complete this long after its first byte
    int minBodyBytesPerSecond = 1024; // after the head timeout's grace, slower bodies are cut off
    int maxConnectionsPerAddress = 128; // open connections one client address may hold
    // Where Prometheus scrapes /metrics over plain HTTP; no port: no metrics.
    QHostAddress metricsAddress { QHostAddress::LocalHost };
    std::optional<quint16> metricsPort;
    QStringList corsOrigins; // web origins allowed to call the API from a browser; none by default
    // Mail: the outbox folder unless an SMTP host is set.
    QString mailFrom;
    QString smtpHost;
    quint16 smtpPort = 587;
    QString smtpUser;
    QString smtpPassword;
    bool smtpStartTls = true;
    QString smtpCaFile;
    // The optional OpenAI-compatible chat provider that runs prompts; no
    // URL: no Run. The key comes from provider_key or provider_key_file.
    QString providerUrl;
    QString providerModel;
    QString providerKey;
    int providerTimeoutSeconds = 60;

    // The base of links in mail and pages: public_url, or our own address.
    QString publicBaseUrl(quint16 boundPort) const;

    QString databasePath() const;
    QString mediaDirectory() const;
    // What Database::open takes: the PostgreSQL URL, or the SQLite file.
    QString databaseLocation() const;
    // The chat provider's settings; not configured without provider_url.
    shared::ChatProviderSettings chatProvider() const;
    QString scheme() const { return insecureHttp ? QStringLiteral("http") : QStringLiteral("https"); }
};

// One option of the table that --help, the parser and the README share.
struct ConfigOption
{
    QString flag; // without the leading dashes
    QString env; // QUIRE_…
    QString fileKey; // key in the config file
    QString valueName; // empty for a switch
    QString help;
};

// Merges flags, environment and file into a ServerConfig and validates it.
class ServerConfigLoader
{
public:
    static const QList<ConfigOption> &options();

    // `args` are the arguments after the program name and sub-command.
    // `env` is the process environment (a map, so tests can pass their own).
    static shared::Result<ServerConfig> load(const QStringList &args, const QMap<QString, QString> &env);

    // The --help text.
    static QString helpText();

    static QMap<QString, QString> processEnvironment();

private:
    static shared::Result<QMap<QString, QString>> parseFile(const QString &path);
    static shared::Result<ServerConfig> build(const QMap<QString, QString> &values);
};

} // namespace quire::server
