// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/servercommands.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/auditlog.h"
#include "server/accounts/onetimepassword.h"
#include "server/accounts/passwordhasher.h"
#include "server/accounts/passwordpolicy.h"
#include "server/articles/schedulepublisher.h"
#include "server/audit/auditcommand.h"
#include "server/backupcommands.h"
#include "server/commandtools.h"
#include "server/datadirectory.h"
#include "server/http/listensockets.h"
#include "server/http/requestlog.h"
#include "server/mail/mailer.h"
#include "server/metrics/metricsendpoint.h"
#include "server/metrics/metricsregistry.h"
#include "server/prompts/promptusageflusher.h"
#include "server/publishing/engagementfetcher.h"
#include "server/publishing/postpublisher.h"
#include "server/publishing/preflightchecker.h"
#include "server/scheduler/platformcredentials.h"
#include "server/scheduler/rotatekeycommand.h"
#include "server/server.h"
#include "server/servercommandline.h"
#include "server/serverconfig.h"
#include "server/serverdatabase.h"
#include "server/servermetrics.h"
#include "server/serverroutes.h"
#include "server/signalwatcher.h"
#include "server/sqlitetopostgres.h"
#include "server/sync/changewatcher.h"
#include "server/sync/syncretention.h"
#include "server/tlscredentials.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/version.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <cstdio>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <unistd.h>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

// A sync page, a search answer or a media body is built in buffers of
// megabytes, and glibc serves each such buffer with a fresh mmap that it
// unmaps on free: every page then pays a page fault per 4 KiB it touches
// (a profile of a million-row pull spent more time in those faults than in
// building JSON). Kept in the heap instead, freed buffers are reused warm.
// Bounded: at most this much free memory stays in an arena before it is
// given back.
void keepLargeBuffers()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024); // glibc's ceiling for it on 64-bit
    mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
#endif
}

} // namespace

int ServerCommands::run(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        CommandTools::printOut(ServerConfigLoader::helpText());
        return CommandTools::kExitOk;
    }
    if (args.contains(QLatin1String("--version"))) {
        CommandTools::printOut(QStringLiteral("quire-server %1").arg(QLatin1String(shared::kVersion)));
        return CommandTools::kExitOk;
    }
    // Options may stand before the command as well as after it.
    Result<ServerCommandLine::Parsed> parsed = ServerCommandLine::parse(args);
    if (!parsed)
        return CommandTools::fail(parsed.error());
    const QString &command = parsed->command;
    // The console commands answer in their own lines; what they do on the way (migrations applied, say) is shown
    // only when QT_LOGGING_RULES asks. `serve` logs as before: that log is its record.
    if (command != QLatin1String("serve") && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("quire.*.debug=false\nquire.*.info=false"));
    if (command == QLatin1String("backup"))
        return BackupCommands::backup(parsed->args);
    if (command == QLatin1String("restore"))
        return BackupCommands::restore(parsed->args);
    if (command == QLatin1String("create-user"))
        return createUser(parsed->args);
    if (command == QLatin1String("check-password"))
        return checkPassword(parsed->args);
    if (command == QLatin1String("routes"))
        return routes(parsed->args);
    if (command == QLatin1String("audit"))
        return AuditCommand::run(parsed->args);
    if (command == QLatin1String("rotate-key"))
        return RotateKeyCommand::run(parsed->args);
    if (command == QLatin1String("migrate-to-postgres")) {
        Result<QStringList> notes = SqliteToPostgres::command(parsed->args);
        if (!notes)
            return CommandTools::fail(notes.error());
        CommandTools::printOut(notes->join(QLatin1Char('\n')));
        return CommandTools::kExitOk;
    }
    return serve(parsed->args); // the only other command ServerCommandLine knows
}

int ServerCommands::serve(const QStringList &args)
{
    Result<ServerConfig> config = ServerConfigLoader::load(args, ServerConfigLoader::processEnvironment());
    if (!config)
        return CommandTools::fail(config.error());
    RequestLog::setInstance(config->instanceName);
    RequestLog::installMessageHandler();
    keepLargeBuffers();
    if (VoidResult r = DataDirectory::prepare(config->dataDir); !r)
        return CommandTools::fail(r.error());
    // Named instances share the directory (and its database) on purpose;
    // an unnamed server keeps it to itself, as it always did.
    auto lock = config->instanceNamed ? DataDirectory::lockShared(config->dataDir, config->instanceName)
                                      : DataDirectory::lock(config->dataDir);
    if (!lock)
        return CommandTools::fail(lock.error());

    ServerContext context;
    context.config = *config;
    context.siteName = config->siteName;
    context.version = QLatin1String(shared::kVersion);
    Result<std::shared_ptr<const CredentialVault>> vault
        = PlatformCredentials::configuredVault(config->credentialKeyFile);
    if (!vault)
        return CommandTools::fail(vault.error());
    context.vault = vault->get();
    Result<AddressPolicy> outbound = AddressPolicy::fromAllowList(config->outboundAllow);
    if (!outbound)
        return CommandTools::fail(shared::Error::make(
            shared::ErrorCode::Usage, QStringLiteral("--outbound-allow: %1").arg(outbound.error().message)));

    // Everything that can be refused cheaply comes before the database is touched.
    std::optional<QSslConfiguration> tls;
    if (!config->insecureHttp) {
        QStringList hosts { QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1") };
        const QHostAddress &listen = config->listenAddress;
        if (listen != QHostAddress::Any && listen != QHostAddress::AnyIPv6 && !hosts.contains(listen.toString()))
            hosts.prepend(listen.toString());
        Result<TlsCredentials> credentials = config->tlsCertFile.isEmpty()
            ? TlsCredentials::loadOrGenerate(config->dataDir, hosts)
            : TlsCredentials::load(config->tlsCertFile, config->tlsKeyFile);
        if (!credentials)
            return CommandTools::fail(credentials.error());
        tls = credentials->serverConfiguration();
        context.fingerprint = credentials->fingerprint();
    }
    Result<ListenSockets> sockets = ListenSockets::open(config->listenAddress, config->port, config->threads);
    if (!sockets)
        return CommandTools::fail(sockets.error());
    {
        auto db = ServerDatabase::migrated(ServerDatabase::open(*config));
        if (!db)
            return CommandTools::fail(db.error());
        Result<QVariant> epoch = (*db)->scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
        if (!epoch)
            return CommandTools::fail(epoch.error());
        context.epoch = epoch->toString();
    }

    auto mailer = Mailer::fromConfig(*config);
    if (!mailer)
        return CommandTools::fail(mailer.error());
    Server server(context, tls);
    server.setMailer(std::move(mailer.value()));
    ServerRoutes::installAll(server.router());
    SyncRetention retention(*config, config->syncRetentionDays);
    if (VoidResult r = retention.start(); !r)
        return CommandTools::fail(r.error());
    SchedulePublisher scheduler(*config, server.changes());
    if (VoidResult r = scheduler.start(); !r)
        return CommandTools::fail(r.error());
    // The creators' posts go out from here, whether or not a desktop is open.
    PostPublisher::Setup publishing;
    publishing.holder = config->instanceName;
    publishing.sole = !config->instanceNamed;
    publishing.vault = context.vault;
    publishing.addresses = *outbound;
    publishing.changes = server.changes();
    publishing.mediaDir = config->mediaDirectory();
    PostPublisher posts(std::move(publishing));
    {
        auto db = ServerDatabase::open(*config);
        if (!db)
            return CommandTools::fail(db.error());
        if (VoidResult r = posts.start(std::move(db.value())); !r)
            return CommandTools::fail(r.error());
    }
    // Hours before they are due, what would stop them is found and told.
    PreflightChecker::Setup preflight;
    preflight.holder = config->instanceName;
    preflight.sole = !config->instanceNamed;
    preflight.vault = context.vault;
    preflight.addresses = *outbound;
    preflight.mediaDir = config->mediaDirectory();
    preflight.changes = server.changes();
    preflight.policy.leadMs = qint64(config->preflightHours) * 3'600'000;
    PreflightChecker checks(std::move(preflight));
    if (config->preflightHours > 0) {
        auto db = ServerDatabase::open(*config);
        if (!db)
            return CommandTools::fail(db.error());
        if (VoidResult r = checks.start(std::move(db.value())); !r)
            return CommandTools::fail(r.error());
    }
    // And their engagement comes back from the networks that tell it.
    EngagementFetcher::Setup counting;
    counting.holder = config->instanceName;
    counting.sole = !config->instanceNamed;
    counting.vault = context.vault;
    counting.addresses = *outbound;
    EngagementFetcher engagement(std::move(counting));
    {
        auto db = ServerDatabase::open(*config);
        if (!db)
            return CommandTools::fail(db.error());
        if (VoidResult r = engagement.start(std::move(db.value())); !r)
            return CommandTools::fail(r.error());
    }
    // Named instances share the database with others: their changes must
    // empty our caches and reach our live sockets too.
    ChangeWatcher others(*config, server.changes());
    if (config->instanceNamed) {
        if (VoidResult r = others.start(config->changePollSeconds * 1000); !r)
            return CommandTools::fail(r.error());
    }
    PromptUsageFlusher fetchUsage(*config, server.changes());
    if (VoidResult r = fetchUsage.start(); !r)
        return CommandTools::fail(r.error());
    if (VoidResult started = server.start(std::move(*sockets)); !started)
        return CommandTools::fail(started.error());
    // Off unless asked for, and then on an address of its own: the public
    // port never answers /metrics.
    std::unique_ptr<MetricsEndpoint> metrics;
    if (config->metricsPort) {
        ServerMetrics::watchDatabase();
        metrics = std::make_unique<MetricsEndpoint>(MetricsRegistry::global());
        if (VoidResult listening = metrics->listen(config->metricsAddress, *config->metricsPort); !listening)
            return CommandTools::fail(listening.error());
        CommandTools::printOut(QStringLiteral("metrics on http://%1:%2/metrics")
                                   .arg(config->metricsAddress.toString())
                                   .arg(metrics->port()));
    }

    // Before `listening on`: whoever waits for that line may stop us at once.
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &server, [&server](int signal) {
        qInfo("signal %d: shutting down", signal);
        server.shutdown();
        QCoreApplication::exit(CommandTools::kExitOk);
    });
    // The fingerprint first: `listening on` is the line scripts wait for
    // (./quire.sh run), and then it must already be there to read.
    if (!context.fingerprint.isEmpty())
        CommandTools::printOut(QStringLiteral("certificate SHA-256 fingerprint %1").arg(context.fingerprint));
    CommandTools::printOut(QStringLiteral("listening on %1").arg(server.url()));
    return QCoreApplication::exec();
}

int ServerCommands::createUser(const QStringList &args)
{
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
    QString email, name, roleText = QStringLiteral("reader");
    bool onlyIfNone = false;
    const CommandTools::Options options { { { QLatin1String("--data-dir"), &dataDir },
                                            { QLatin1String("--database-url"), &databaseUrl },
                                            { QLatin1String("--email"), &email },
                                            { QLatin1String("--role"), &roleText },
                                            { QLatin1String("--name"), &name } },
                                          { { QLatin1String("--only-if-none"), &onlyIfNone } } };
    if (VoidResult r = CommandTools::parse(args, options); !r)
        return CommandTools::fail(r.error());
    if (dataDir.isEmpty() || email.isEmpty())
        return CommandTools::fail(Error::make(shared::ErrorCode::Usage,
                                              QStringLiteral("create-user needs --data-dir DIR and --email ADDRESS")));
    const std::optional<shared::Role> role = shared::roleFromName(roleText);
    if (!role)
        return CommandTools::fail(Error::make(
            shared::ErrorCode::Usage,
            QStringLiteral("--role must be one of: %1").arg(shared::roleNames().join(QLatin1String(", ")))));
    email = shared::User::normalizeEmail(email);
    if (!shared::User::isPlausibleEmail(email))
        return CommandTools::fail(
            Error::make(shared::ErrorCode::Usage, QStringLiteral("`%1` is not an email address").arg(email)));
    if (name.trimmed().isEmpty())
        name = email.section(QLatin1Char('@'), 0, 0);

    // The password comes from standard input; on a terminal, or when none is
    // given, a strong one is generated and shown once.
    QString password;
    if (!::isatty(STDIN_FILENO)) {
        char buffer[1024];
        if (std::fgets(buffer, sizeof buffer, stdin))
            password = QString::fromUtf8(buffer).trimmed();
    }
    const bool generated = password.isEmpty();
    if (generated) {
        QByteArray random(18, Qt::Uninitialized);
        for (char &c : random)
            c = char(QRandomGenerator::system()->bounded(256));
        password = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    } else if (const std::optional<QString> weak = PasswordPolicy::instance().check(password)) {
        return CommandTools::fail(
            Error::make(shared::ErrorCode::WeakPassword, QStringLiteral("password refused: %1").arg(*weak)));
    }

    if (VoidResult r = DataDirectory::prepare(dataDir); !r)
        return CommandTools::fail(r.error());
    auto db = CommandTools::openMigrated(CommandTools::databaseConfig(dataDir, databaseUrl));
    if (!db)
        return CommandTools::fail(db.error());
    if (onlyIfNone) {
        Result<QVariant> users = (*db)->scalar(QStringLiteral("SELECT count(*) FROM users"));
        if (!users)
            return CommandTools::fail(users.error());
        if (users->toInt() > 0)
            return CommandTools::kExitOk; // the first account exists already: nothing to do, nothing to print
    }
    PasswordHasher hasher;
    Result<QByteArray> hash = hasher.hash(password.toUtf8());
    if (!hash)
        return CommandTools::fail(hash.error());
    AccountStore accounts(**db);
    // Made by the operator at the console, so the address counts as verified.
    Result<StoredUser> user = accounts.insertUser(email, name, *role, *hash, true);
    if (!user)
        return CommandTools::fail(user.error());
    AuditLog::note(**db, QString(), QStringLiteral("user_created"), user->user.id, QStringLiteral("console"),
                   nlohmann::json { { "role", shared::roleName(*role) } });
    if (generated) {
        if (VoidResult r = OneTimePassword::mark(**db, user->user.id); !r)
            return CommandTools::fail(r.error());
    }
    CommandTools::printOut(QStringLiteral("created %1 %2 (id %3)").arg(roleText, email, user->user.id));
    if (generated)
        CommandTools::printOut(
            QStringLiteral("password: %1   (shown once; a new one is asked for at the first sign-in)").arg(password));
    return CommandTools::kExitOk;
}

int ServerCommands::checkPassword(const QStringList &args)
{
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
    QString email;
    const CommandTools::Options options { { { QLatin1String("--data-dir"), &dataDir },
                                            { QLatin1String("--database-url"), &databaseUrl },
                                            { QLatin1String("--email"), &email } } };
    if (VoidResult r = CommandTools::parse(args, options); !r)
        return CommandTools::fail(r.error());
    if (dataDir.isEmpty() || email.isEmpty())
        return CommandTools::fail(Error::make(
            shared::ErrorCode::Usage, QStringLiteral("check-password needs --data-dir DIR and --email ADDRESS")));
    // Standard input only: a password never belongs on a command line.
    char buffer[1024];
    const QString password = std::fgets(buffer, sizeof buffer, stdin) ? QString::fromUtf8(buffer).trimmed() : QString();
    auto db = CommandTools::openExisting(CommandTools::databaseConfig(dataDir, databaseUrl));
    if (!db)
        return CommandTools::fail(db.error());
    AccountStore accounts(**db);
    Result<std::optional<StoredUser>> user = accounts.findByEmail(shared::User::normalizeEmail(email));
    if (!user)
        return CommandTools::fail(user.error());
    // Nothing printed either way: a script asks, the exit code answers.
    if (!*user || password.isEmpty() || !PasswordHasher().verify((*user)->passwordHash, password.toUtf8()))
        return CommandTools::kExitError;
    return CommandTools::kExitOk;
}

int ServerCommands::routes(const QStringList &args)
{
    if (!args.isEmpty())
        return CommandTools::fail(Error::make(shared::ErrorCode::Usage, QStringLiteral("routes takes no arguments")));
    Router router;
    ServerRoutes::installAll(router);
    QString out;
    for (const Router::Route &route : router.routes())
        out += route.method + QLatin1Char(' ') + QString::fromLatin1(route.pattern) + QLatin1Char('\n');
    CommandTools::printOut(out.chopped(1));
    return CommandTools::kExitOk;
}

} // namespace quire::server
