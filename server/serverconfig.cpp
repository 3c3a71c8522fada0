// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/serverconfig.h"

#include "server/serverconfiggroups.h"
#include "shared/chatprovider.h"
#include "shared/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <limits>

namespace quire::server {

using shared::Error;
using shared::Result;

namespace {

Error usage(const QString &message)
{
    return Error::make(shared::ErrorCode::Usage, message);
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/quire-server");
}

// Reads the whole-number option `name`, when set, into `out`; an error when
// it is not a number from `min` to `max` (no upper bound when `max` is the
// type's largest).
template<typename Number>
std::optional<Error> readNumber(const QMap<QString, QString> &v, const QString &name, Number min, Number max,
                                Number &out)
{
    if (!v.contains(name))
        return std::nullopt;
    const QString text = v.value(name);
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (ok && n >= qint64(min) && n <= qint64(max)) {
        out = Number(n);
        return std::nullopt;
    }
    const QString range = max == std::numeric_limits<Number>::max() ? QStringLiteral("of at least %1").arg(min)
                                                                    : QStringLiteral("from %1 to %2").arg(min).arg(max);
    return usage(QStringLiteral("--%1: `%2` is not a number %3").arg(name, text, range));
}

std::optional<bool> parseBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("1") || t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on"))
        return true;
    if (t == QLatin1String("0") || t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off"))
        return false;
    return std::nullopt;
}

} // namespace

QString ServerConfig::publicBaseUrl(quint16 boundPort) const
{
    if (!publicUrl.isEmpty())
        return publicUrl;
    QString host = listenAddress.toString();
    if (listenAddress == QHostAddress::Any || listenAddress == QHostAddress::AnyIPv6)
        host = QStringLiteral("localhost");
    else if (listenAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3").arg(scheme(), host).arg(boundPort);
}

QString ServerConfig::databasePath() const
{
    return QDir(dataDir).filePath(QStringLiteral("quire.db"));
}

QString ServerConfig::mediaDirectory() const
{
    return mediaDir.isEmpty() ? QDir(dataDir).filePath(QStringLiteral("media")) : mediaDir;
}

QString ServerConfig::databaseLocation() const
{
    return databaseUrl.isEmpty() ? databasePath() : databaseUrl;
}

shared::ChatProviderSettings ServerConfig::chatProvider() const
{
    shared::ChatProviderSettings s;
    if (providerUrl.isEmpty())
        return s;
    s.baseUrl = QUrl(providerUrl);
    s.model = providerModel;
    s.key = providerKey;
    s.timeoutMs = providerTimeoutSeconds * 1000;
    return s;
}

const QList<ConfigOption> &ServerConfigLoader::options()
{
    static const QList<ConfigOption> table {
        { QStringLiteral("config"), QStringLiteral("QUIRE_CONFIG"), QString(), QStringLiteral("FILE"),
          QStringLiteral("Config file of `key = value` lines (default: DATA_DIR/quire-server.conf if present).") },
        { QStringLiteral("data-dir"), QStringLiteral("QUIRE_DATA_DIR"), QStringLiteral("data_dir"),
          QStringLiteral("DIR"),
          QStringLiteral(
              "Where the database, certificate and mail outbox live (default: ~/.local/share/quire-server).") },
        { QStringLiteral("instance-name"), QStringLiteral("QUIRE_INSTANCE_NAME"), QStringLiteral("instance_name"),
          QStringLiteral("NAME"),
          QStringLiteral("Names this process when several serve one database behind a load balancer: shown in logs, "
                         "/health and the X-Quire-Instance header, and holder of job leases. Given, other named "
                         "instances may share the data directory (default: HOST-PID, and the directory is ours "
                         "alone).") },
        { QStringLiteral("change-poll-seconds"), QStringLiteral("QUIRE_CHANGE_POLL_SECONDS"),
          QStringLiteral("change_poll_seconds"), QStringLiteral("N"),
          QStringLiteral("How often a named instance looks for other instances' changes in the database (default: "
                         "1); on PostgreSQL their commits wake it at once (LISTEN/NOTIFY) and this is the fallback.") },
        { QStringLiteral("preflight-hours"), QStringLiteral("QUIRE_PREFLIGHT_HOURS"), QStringLiteral("preflight_hours"),
          QStringLiteral("N"),
          QStringLiteral("How many hours before a scheduled post is due the server checks its credentials, media "
                         "and length against each destination and tells the creator what is wrong (default: 6; 0: "
                         "no checks).") },
        { QStringLiteral("media-dir"), QStringLiteral("QUIRE_MEDIA_DIR"), QStringLiteral("media_dir"),
          QStringLiteral("DIR"),
          QStringLiteral("Where uploaded images live; every instance of a site must see the same one "
                         "(default: DATA_DIR/media).") },
        { QStringLiteral("database-url"), QStringLiteral("QUIRE_DATABASE_URL"), QStringLiteral("database_url"),
          QStringLiteral("URL"),
          QStringLiteral("Run on PostgreSQL: postgresql://user@host:port/database (a Unix socket: "
                         "postgresql://user@/database?host=/run/postgresql); default: SQLite in DATA_DIR/quire.db.") },
        { QStringLiteral("listen"), QStringLiteral("QUIRE_LISTEN"), QStringLiteral("listen"), QStringLiteral("ADDRESS"),
          QStringLiteral("Address to listen on (default: 127.0.0.1).") },
        { QStringLiteral("port"), QStringLiteral("QUIRE_PORT"), QStringLiteral("port"), QStringLiteral("N"),
          QStringLiteral("TCP port; 0 picks a free one (default: 8443).") },
        { QStringLiteral("tls-cert"), QStringLiteral("QUIRE_TLS_CERT"), QStringLiteral("tls_cert"),
          QStringLiteral("FILE"),
          QStringLiteral("PEM certificate (chain); default: a self-signed one generated in DATA_DIR/tls/.") },
        { QStringLiteral("tls-key"), QStringLiteral("QUIRE_TLS_KEY"), QStringLiteral("tls_key"), QStringLiteral("FILE"),
          QStringLiteral("PEM private key of --tls-cert.") },
        { QStringLiteral("credential-key-file"), QStringLiteral("QUIRE_CREDENTIAL_KEY_FILE"),
          QStringLiteral("credential_key_file"), QStringLiteral("FILE"),
          QStringLiteral("Master keys for platform credentials (mode 0600); else QUIRE_CREDENTIAL_KEYS.") },
        { QStringLiteral("outbound-allow"), QStringLiteral("QUIRE_OUTBOUND_ALLOW"), QStringLiteral("outbound_allow"),
          QStringLiteral("LIST"),
          QStringLiteral("Comma-separated hosts (host:port) and addresses or ranges (10.0.0.0/8) the publisher may "
                         "reach although they are loopback, private or link-local, e.g. an intranet webhook "
                         "(default: none; plain http only to these).") },
        { QStringLiteral("insecure-http"), QStringLiteral("QUIRE_INSECURE_HTTP"), QStringLiteral("insecure_http"),
          QString(), QStringLiteral("Serve plain HTTP instead of HTTPS (only behind a TLS proxy or in tests).") },
        { QStringLiteral("threads"), QStringLiteral("QUIRE_THREADS"), QStringLiteral("threads"), QStringLiteral("N"),
          QStringLiteral("Worker threads, each with its own listener and database connection (default: CPU cores).") },
        { QStringLiteral("max-body-bytes"), QStringLiteral("QUIRE_MAX_BODY_BYTES"), QStringLiteral("max_body_bytes"),
          QStringLiteral("N"), QStringLiteral("Largest request body accepted (default: 10485760, 10 MiB).") },
        { QStringLiteral("media-max-bytes"), QStringLiteral("QUIRE_MEDIA_MAX_BYTES"), QStringLiteral("media_max_bytes"),
          QStringLiteral("N"), QStringLiteral("Largest image upload accepted (default: 10485760, 10 MiB).") },
        { QStringLiteral("public-url"), QStringLiteral("QUIRE_PUBLIC_URL"), QStringLiteral("public_url"),
          QStringLiteral("URL"),
          QStringLiteral("The address readers and mail links use (default: derived from --listen and --port).") },
        { QStringLiteral("metrics-listen"), QStringLiteral("QUIRE_METRICS_LISTEN"), QStringLiteral("metrics_listen"),
          QStringLiteral("ADDRESS:PORT"),
          QStringLiteral("Serve Prometheus metrics at /metrics over plain HTTP on this address only, e.g. "
                         "127.0.0.1:9464 (default: off; never on the public port).") },
        { QStringLiteral("site-name"), QStringLiteral("QUIRE_SITE_NAME"), QStringLiteral("site_name"),
          QStringLiteral("NAME"),
          QStringLiteral("The site's name on the readers' pages, in the feed and in the desktop preview (default: "
                         "Quire).") },
        { QStringLiteral("registration"), QStringLiteral("QUIRE_REGISTRATION"), QStringLiteral("registration"),
          QStringLiteral("MODE"),
          QStringLiteral("Who may create an account: closed (admins only), invite (with an invite code) or open "
                         "(default: closed).") },
        { QStringLiteral("mail-from"), QStringLiteral("QUIRE_MAIL_FROM"), QStringLiteral("mail_from"),
          QStringLiteral("ADDRESS"), QStringLiteral("Sender of Quire's mail, e.g. \"Quire <quire@example.org>\".") },
        { QStringLiteral("smtp-host"), QStringLiteral("QUIRE_SMTP_HOST"), QStringLiteral("smtp_host"),
          QStringLiteral("HOST"),
          QStringLiteral(
              "Send mail through this SMTP server; unset: mail is written to DATA_DIR/outbox/ as .eml files.") },
        { QStringLiteral("smtp-port"), QStringLiteral("QUIRE_SMTP_PORT"), QStringLiteral("smtp_port"),
          QStringLiteral("N"), QStringLiteral("SMTP port (default: 587).") },
        { QStringLiteral("smtp-user"), QStringLiteral("QUIRE_SMTP_USER"), QStringLiteral("smtp_user"),
          QStringLiteral("NAME"), QStringLiteral("SMTP user for AUTH PLAIN (over STARTTLS).") },
        { QStringLiteral("smtp-password"), QStringLiteral("QUIRE_SMTP_PASSWORD"), QStringLiteral("smtp_password"),
          QStringLiteral("SECRET"),
          QStringLiteral("SMTP password; prefer the environment variable or the config file to a flag.") },
        { QStringLiteral("smtp-starttls"), QStringLiteral("QUIRE_SMTP_STARTTLS"), QStringLiteral("smtp_starttls"),
          QStringLiteral("BOOL"), QStringLiteral("Require STARTTLS (default: true).") },
        { QStringLiteral("smtp-ca-file"), QStringLiteral("QUIRE_SMTP_CA_FILE"), QStringLiteral("smtp_ca_file"),
          QStringLiteral("FILE"),
          QStringLiteral("PEM certificate(s) to trust for the SMTP server, besides the system's CAs.") },
        { QStringLiteral("provider-url"), QStringLiteral("QUIRE_PROVIDER_URL"), QStringLiteral("provider_url"),
          QStringLiteral("URL"),
          QStringLiteral("Base URL of an OpenAI-compatible chat-completions API that runs prompts, e.g. "
                         "https://api.openai.com/v1 (http only to a loopback address); unset: no Run.") },
        { QStringLiteral("provider-model"), QStringLiteral("QUIRE_PROVIDER_MODEL"), QStringLiteral("provider_model"),
          QStringLiteral("NAME"),
          QStringLiteral("Model used when a prompt names none (required with --provider-url).") },
        { QStringLiteral("provider-key"), QStringLiteral("QUIRE_PROVIDER_KEY"), QStringLiteral("provider_key"),
          QStringLiteral("SECRET"),
          QStringLiteral("The provider's API key; prefer the environment variable or --provider-key-file to a flag.") },
        { QStringLiteral("provider-key-file"), QStringLiteral("QUIRE_PROVIDER_KEY_FILE"),
          QStringLiteral("provider_key_file"), QStringLiteral("FILE"),
          QStringLiteral("File whose first line is the provider's API key.") },
        { QStringLiteral("provider-timeout-seconds"), QStringLiteral("QUIRE_PROVIDER_TIMEOUT_SECONDS"),
          QStringLiteral("provider_timeout_seconds"), QStringLiteral("N"),
          QStringLiteral("How long a run waits for the provider's answer, then 504 (default: 60; below "
                         "--idle-timeout-seconds).") },
        { QStringLiteral("cors-origins"), QStringLiteral("QUIRE_CORS_ORIGINS"), QStringLiteral("cors_origins"),
          QStringLiteral("LIST"),
          QStringLiteral("Comma-separated web origins (https://app.example.org) allowed to call the API from a browser "
                         "(default: none).") },
        { QStringLiteral("rate-limit-scale"), QStringLiteral("QUIRE_RATE_LIMIT_SCALE"),
          QStringLiteral("rate_limit_scale"), QStringLiteral("X"),
          QStringLiteral("Multiplies every rate limit (sign-in and API budgets) and divides the sign-in delays "
                         "(default: 1; raise only for load tests).") },
        { QStringLiteral("api-rate-limit-address"), QStringLiteral("QUIRE_API_RATE_LIMIT_ADDRESS"),
          QStringLiteral("api_rate_limit_address"), QStringLiteral("N"),
          QStringLiteral("API requests one client address (IPv6: its /64) may make per window, all at once or "
                         "spread out; more get 429 (default: 600; 0: no limit).") },
        { QStringLiteral("api-rate-limit-user"), QStringLiteral("QUIRE_API_RATE_LIMIT_USER"),
          QStringLiteral("api_rate_limit_user"), QStringLiteral("N"),
          QStringLiteral("API requests one signed-in user may make per window, from all their addresses "
                         "(default: 1200; 0: no limit).") },
        { QStringLiteral("api-answer-cache"), QStringLiteral("QUIRE_API_ANSWER_CACHE"),
          QStringLiteral("api_answer_cache"), QStringLiteral("N"),
          QStringLiteral("List and dashboard answers each worker keeps while the data they show is unchanged "
                         "(default: 512; 0: compute every answer).") },
        { QStringLiteral("api-rate-limit-window"), QStringLiteral("QUIRE_API_RATE_LIMIT_WINDOW"),
          QStringLiteral("api_rate_limit_window"), QStringLiteral("SECONDS"),
          QStringLiteral("The window of the API budgets; each refills evenly over it (default: 60).") },
        { QStringLiteral("refresh-reuse-grace-seconds"), QStringLiteral("QUIRE_REFRESH_REUSE_GRACE_SECONDS"),
          QStringLiteral("refresh_reuse_grace_seconds"), QStringLiteral("N"),
          QStringLiteral("A spent refresh token presented again within N seconds of its rotation, before its "
                         "successor was used, gets that same successor instead of ending the session: a lost answer "
                         "or two refreshes at once sign no one out (default: 30; 0 turns this off).") },
        { QStringLiteral("idle-timeout-seconds"), QStringLiteral("QUIRE_IDLE_TIMEOUT_SECONDS"),
          QStringLiteral("idle_timeout_seconds"), QStringLiteral("N"),
          QStringLiteral("Closes a connection that sends and receives nothing for this long: an idle keep-alive, "
                         "a request sent a byte at a time, a client that stopped reading (default: 75; live sync "
                         "sockets are pinged to stay open).") },
        { QStringLiteral("request-head-timeout-seconds"), QStringLiteral("QUIRE_REQUEST_HEAD_TIMEOUT_SECONDS"),
          QStringLiteral("request_head_timeout_seconds"), QStringLiteral("N"),
          QStringLiteral("A request head must be complete this long after its first byte, however slowly bytes "
                         "trickle in; later ones get 408 and a close (default: 10).") },
        { QStringLiteral("min-body-rate"), QStringLiteral("QUIRE_MIN_BODY_RATE"), QStringLiteral("min_body_rate"),
          QStringLiteral("BYTES"),
          QStringLiteral("Bytes per second a request body must average once the head timeout's grace has passed; "
                         "slower uploads get 408 and a close (default: 1024).") },
        { QStringLiteral("max-connections-per-address"), QStringLiteral("QUIRE_MAX_CONNECTIONS_PER_ADDRESS"),
          QStringLiteral("max_connections_per_address"), QStringLiteral("N"),
          QStringLiteral("Open connections one client address may hold; more are closed at once (default: 128).") },
        { QStringLiteral("sync-retention-days"), QStringLiteral("QUIRE_SYNC_RETENTION_DAYS"),
          QStringLiteral("sync_retention_days"), QStringLiteral("N"),
          QStringLiteral("Days that sync keeps tombstones and old revisions; a replica offline for longer resyncs in "
                         "full (default: 90; 0 prunes at once).") },
    };
    return table;
}

QString ServerConfigLoader::helpText()
{
    QString text = QStringLiteral(
        "Usage: quire-server [serve] [options]\n"
        "       quire-server backup --data-dir DIR [--database-url URL] --to FILE | --into DIR [--keep N]\n"
        "       quire-server restore --data-dir DIR [--database-url URL] --from FILE [--end-sessions]\n"
        "                    (on PostgreSQL through pg_dump and pg_restore)\n"
        "       quire-server create-user --data-dir DIR [--database-url URL] --email ADDRESS [--role ROLE] [--name "
        "NAME]\n"
        "                    [--only-if-none]\n"
        "                    (password from standard input; generated and shown once if none)\n"
        "       quire-server check-password --data-dir DIR [--database-url URL] --email ADDRESS\n"
        "                    (password from standard input; exit 0 if it is the account's, 1 if not)\n"
        "       quire-server migrate-to-postgres --from quire.db --database-url postgresql://...\n"
        "                    (copies an SQLite site into a new, empty PostgreSQL database)\n"
        "       quire-server audit verify|list --data-dir DIR [--database-url URL] [--limit N]\n"
        "                    (checks the scheduler's hash-chained audit log, or prints its last N entries)\n"
        "       quire-server rotate-key --credential-key-file FILE --data-dir DIR [--database-url URL]\n"
        "       quire-server routes\n"
        "                    (the route table, one METHOD pattern a line; what /api/v1/openapi.json describes)\n"
        "Options may come before or after the command: quire-server --data-dir DIR create-user ...\n"
        "\n"
        "Serves Quire's API and readers' site over HTTPS.\n"
        "Settings come from flags, then QUIRE_* environment variables, then the config file.\n"
        "\n"
        "Options:\n");
    for (const ConfigOption &o : options()) {
        QString left = QStringLiteral("  --") + o.flag;
        if (!o.valueName.isEmpty())
            left += QLatin1Char(' ') + o.valueName;
        // A name longer than the column gets its help on the next line.
        if (left.size() >= 28)
            left += QLatin1Char('\n') + QString(28, QLatin1Char(' '));
        text += left.leftJustified(28) + o.help + QStringLiteral("\n");
        text += QString(30, QLatin1Char(' ')) + QStringLiteral("env ") + o.env
            + (o.fileKey.isEmpty() ? QString() : QStringLiteral(", file key ") + o.fileKey) + QStringLiteral("\n");
    }
    text += QStringLiteral("  --help                    Show this help.\n"
                           "  --version                 Print the version.\n"
                           "\n"
                           "Exit codes: 0 success, 1 runtime error (one line on stderr says which), 2 usage error.\n");
    return text;
}

QMap<QString, QString> ServerConfigLoader::processEnvironment()
{
    QMap<QString, QString> env;
    const QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
    for (const QString &key : pe.keys()) {
        if (key.startsWith(QLatin1String("QUIRE_")))
            env.insert(key, pe.value(key));
    }
    return env;
}

Result<QMap<QString, QString>> ServerConfigLoader::parseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return usage(QStringLiteral("cannot read config file %1: %2").arg(path, file.errorString()));
    QMap<QString, QString> values;
    int lineNo = 0;
    while (!file.atEnd()) {
        ++lineNo;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QStringLiteral("%1:%2: expected `key = value`").arg(path).arg(lineNo));
        const QString key = line.left(eq).trimmed();
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        QString flag;
        for (const ConfigOption &o : options()) {
            if (!o.fileKey.isEmpty() && o.fileKey == key)
                flag = o.flag;
        }
        if (flag.isEmpty())
            return usage(QStringLiteral("%1:%2: unknown setting `%3`").arg(path).arg(lineNo).arg(key));
        values.insert(flag, value);
    }
    return values;
}

Result<ServerConfig> ServerConfigLoader::load(const QStringList &args, const QMap<QString, QString> &env)
{
    // 1. Flags.
    QMap<QString, QString> fromFlags;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args[i];
        if (!arg.startsWith(QLatin1String("--")))
            return usage(QStringLiteral("unexpected argument `%1` (see --help)").arg(arg));
        arg = arg.mid(2);
        QString inlineValue;
        bool hasInline = false;
        if (const qsizetype eq = arg.indexOf(QLatin1Char('=')); eq > 0) {
            inlineValue = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasInline = true;
        }
        const ConfigOption *option = nullptr;
        for (const ConfigOption &o : options()) {
            if (o.flag == arg)
                option = &o;
        }
        if (!option)
            return usage(QStringLiteral("unknown option --%1 (see --help)").arg(arg));
        if (option->valueName.isEmpty()) {
            fromFlags.insert(arg, hasInline ? inlineValue : QStringLiteral("true"));
        } else if (hasInline) {
            fromFlags.insert(arg, inlineValue);
        } else {
            if (i + 1 >= args.size())
                return usage(QStringLiteral("--%1 needs a value %2").arg(arg, option->valueName));
            fromFlags.insert(arg, args[++i]);
        }
    }
    // 2. Environment.
    QMap<QString, QString> fromEnv;
    for (const ConfigOption &o : options()) {
        if (env.contains(o.env))
            fromEnv.insert(o.flag, env.value(o.env));
    }
    // 3. The config file: named explicitly, or the one in the data directory.
    QString configFile = fromFlags.value(QStringLiteral("config"), fromEnv.value(QStringLiteral("config")));
    const bool explicitConfig = !configFile.isEmpty();
    if (!explicitConfig) {
        const QString dir
            = fromFlags.value(QStringLiteral("data-dir"), fromEnv.value(QStringLiteral("data-dir"), defaultDataDir()));
        configFile = QDir(dir).filePath(QStringLiteral("quire-server.conf"));
    }
    QMap<QString, QString> merged;
    if (explicitConfig || QFileInfo::exists(configFile)) {
        Result<QMap<QString, QString>> fromFile = parseFile(configFile);
        if (!fromFile)
            return fromFile.error();
        merged = *fromFile;
        merged.insert(QStringLiteral("config"), configFile);
    }
    for (auto it = fromEnv.cbegin(); it != fromEnv.cend(); ++it)
        merged.insert(it.key(), it.value());
    for (auto it = fromFlags.cbegin(); it != fromFlags.cend(); ++it)
        merged.insert(it.key(), it.value());
    return build(merged);
}

Result<ServerConfig> ServerConfigLoader::build(const QMap<QString, QString> &v)
{
    ServerConfig c;
    c.threads = std::max(1, QThread::idealThreadCount());
    c.configFile = v.value(QStringLiteral("config"));
    c.dataDir
        = QDir::cleanPath(QDir::current().absoluteFilePath(v.value(QStringLiteral("data-dir"), defaultDataDir())));
    if (v.contains(QStringLiteral("media-dir")) && !v.value(QStringLiteral("media-dir")).trimmed().isEmpty())
        c.mediaDir = QDir::cleanPath(QDir::current().absoluteFilePath(v.value(QStringLiteral("media-dir")).trimmed()));
    if (std::optional<Error> e = ServerConfigGroups::instanceName(v, c))
        return *e;
    if (v.contains(QStringLiteral("listen"))) {
        if (!c.listenAddress.setAddress(v.value(QStringLiteral("listen")).trimmed()))
            return usage(QStringLiteral("--listen: `%1` is not an IP address").arg(v.value(QStringLiteral("listen"))));
    }
    if (v.contains(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = v.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return usage(
                QStringLiteral("--port: `%1` is not a port number (0-65535)").arg(v.value(QStringLiteral("port"))));
        c.port = quint16(port);
    }
    c.tlsCertFile = v.value(QStringLiteral("tls-cert"));
    c.tlsKeyFile = v.value(QStringLiteral("tls-key"));
    if (c.tlsCertFile.isEmpty() != c.tlsKeyFile.isEmpty())
        return usage(QStringLiteral("--tls-cert and --tls-key go together"));
    c.credentialKeyFile = v.value(QStringLiteral("credential-key-file")).trimmed();
    for (const QString &entry : v.value(QStringLiteral("outbound-allow")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!entry.trimmed().isEmpty())
            c.outboundAllow << entry.trimmed();
    }
    if (v.contains(QStringLiteral("insecure-http"))) {
        const std::optional<bool> b = parseBool(v.value(QStringLiteral("insecure-http")));
        if (!b)
            return usage(QStringLiteral("--insecure-http: `%1` is not true or false")
                             .arg(v.value(QStringLiteral("insecure-http"))));
        c.insecureHttp = *b;
    }
    constexpr qint64 kNoLimit = std::numeric_limits<qint64>::max();
    for (const std::optional<Error> &e :
         { readNumber(v, QStringLiteral("threads"), 1, 256, c.threads),
           readNumber(v, QStringLiteral("max-body-bytes"), qint64(1024), kNoLimit, c.maxBodyBytes),
           readNumber(v, QStringLiteral("media-max-bytes"), qint64(1024), qint64(1) << 30, c.mediaMaxBytes),
           readNumber(v, QStringLiteral("idle-timeout-seconds"), 1, 3600, c.idleTimeoutSeconds),
           readNumber(v, QStringLiteral("request-head-timeout-seconds"), 1, 600, c.requestHeadTimeoutSeconds),
           readNumber(v, QStringLiteral("min-body-rate"), 0, 1 << 30, c.minBodyBytesPerSecond),
           readNumber(v, QStringLiteral("max-connections-per-address"), 1, 1 << 20, c.maxConnectionsPerAddress),
           readNumber(v, QStringLiteral("sync-retention-days"), 0, 3650, c.syncRetentionDays),
           readNumber(v, QStringLiteral("change-poll-seconds"), 1, 86'400, c.changePollSeconds),
           readNumber(v, QStringLiteral("preflight-hours"), 0, 720, c.preflightHours),
           readNumber(v, QStringLiteral("api-rate-limit-address"), 0, 100'000'000, c.apiRateLimitPerAddress),
           readNumber(v, QStringLiteral("api-rate-limit-user"), 0, 100'000'000, c.apiRateLimitPerUser),
           readNumber(v, QStringLiteral("api-rate-limit-window"), 1, 86'400, c.apiRateLimitWindowSeconds),
           readNumber(v, QStringLiteral("api-answer-cache"), 0, 100'000, c.apiAnswerCacheEntries),
           readNumber(v, QStringLiteral("refresh-reuse-grace-seconds"), 0, 600, c.refreshReuseGraceSeconds),
           readNumber(v, QStringLiteral("provider-timeout-seconds"), 1, 3600, c.providerTimeoutSeconds) }) {
        if (e)
            return *e;
    }
    if (v.contains(QStringLiteral("registration"))) {
        using R = ServerConfig::Registration;
        static const QMap<QString, R> modes { { QStringLiteral("closed"), R::Closed },
                                              { QStringLiteral("invite"), R::Invite },
                                              { QStringLiteral("open"), R::Open } };
        const QString mode = v.value(QStringLiteral("registration")).trimmed().toLower();
        if (!modes.contains(mode))
            return usage(QStringLiteral("--registration: `%1` is not closed, invite or open").arg(mode));
        c.registration = modes.value(mode);
    }
    if (v.contains(QStringLiteral("rate-limit-scale"))) {
        bool ok = false;
        const double scale = v.value(QStringLiteral("rate-limit-scale")).toDouble(&ok);
        if (!ok || scale < 0.01 || scale > 1e6)
            return usage(QStringLiteral("--rate-limit-scale: `%1` is not a number from 0.01 to 1000000")
                             .arg(v.value(QStringLiteral("rate-limit-scale"))));
        c.rateLimitScale = scale;
    }
    for (const QString &origin : v.value(QStringLiteral("cors-origins")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString o = origin.trimmed();
        const QUrl url(o, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || !url.path().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return usage(QStringLiteral("--cors-origins: `%1` is not an origin like https://app.example.org").arg(o));
        c.corsOrigins << o;
    }
    c.mailFrom = v.value(QStringLiteral("mail-from"));
    c.smtpHost = v.value(QStringLiteral("smtp-host"));
    c.smtpUser = v.value(QStringLiteral("smtp-user"));
    c.smtpPassword = v.value(QStringLiteral("smtp-password"));
    c.smtpCaFile = v.value(QStringLiteral("smtp-ca-file"));
    if (std::optional<Error> e = readNumber(v, QStringLiteral("smtp-port"), quint16(1), quint16(65535), c.smtpPort))
        return *e;
    if (v.contains(QStringLiteral("smtp-starttls"))) {
        const std::optional<bool> b = parseBool(v.value(QStringLiteral("smtp-starttls")));
        if (!b)
            return usage(QStringLiteral("--smtp-starttls: `%1` is not true or false")
                             .arg(v.value(QStringLiteral("smtp-starttls"))));
        c.smtpStartTls = *b;
    }
    if (v.contains(QStringLiteral("site-name"))) {
        const QString name = v.value(QStringLiteral("site-name")).trimmed();
        const bool control
            = std::any_of(name.cbegin(), name.cend(), [](QChar ch) { return ch.category() == QChar::Other_Control; });
        if (name.isEmpty() || name.size() > 80 || control)
            return usage(QStringLiteral("--site-name: `%1` is not a name of 1 to 80 characters on one line")
                             .arg(v.value(QStringLiteral("site-name"))));
        c.siteName = name;
    }
    if (std::optional<Error> provider = ServerConfigGroups::provider(v, c))
        return *provider;
    if (std::optional<Error> metrics = ServerConfigGroups::metricsListen(v, c))
        return *metrics;
    c.databaseUrl = v.value(QStringLiteral("database-url"));
    if (!c.databaseUrl.isEmpty() && !shared::Database::isPostgresUrl(c.databaseUrl))
        return usage(QStringLiteral("--database-url: `%1` is not a postgresql:// URL")
                         .arg(QUrl(c.databaseUrl).toDisplayString(QUrl::RemovePassword)));
    c.publicUrl = v.value(QStringLiteral("public-url"));
    if (!c.publicUrl.isEmpty()) {
        const QUrl url(c.publicUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            || url.host().isEmpty())
            return usage(QStringLiteral("--public-url: `%1` is not an http(s) URL").arg(c.publicUrl));
        while (c.publicUrl.endsWith(QLatin1Char('/')))
            c.publicUrl.chop(1);
    }
    return c;
}

} // namespace quire::server
