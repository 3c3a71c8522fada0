// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/servercommands.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/auditlog.h"
#include "server/accounts/onetimepassword.h"
#include "server/accounts/passwordhasher.h"
#include "server/accounts/passwordpolicy.h"
#include "server/accounts/sessioncarryover.h"
#include "server/articles/schedulepublisher.h"
#include "server/audit/auditcommand.h"
#include "server/datadirectory.h"
#include "server/http/listensockets.h"
#include "server/http/requestlog.h"
#include "server/mail/mailer.h"
#include "server/metrics/metricsendpoint.h"
#include "server/metrics/metricsregistry.h"
#include "server/postgresbackup.h"
#include "server/prompts/promptusageflusher.h"
#include "server/publishing/postpublisher.h"
#include "server/scheduler/platformcredentials.h"
#include "server/scheduler/rotatekeycommand.h"
#include "server/server.h"
#include "server/servercommandline.h"
#include "server/serverconfig.h"
#include "server/serverdatabase.h"
#include "server/servermetrics.h"
#include "server/servermigrations.h"
#include "server/serverroutes.h"
#include "server/signalwatcher.h"
#include "server/sqlitetopostgres.h"
#include "server/sync/changewatcher.h"
#include "server/sync/restorepoint.h"
#include "server/sync/syncretention.h"
#include "server/tlscredentials.h"
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/jsonqt.h"
#include "shared/migrator.h"
#include "shared/version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUrl>

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

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

void printOut(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

int fail(const Error &error)
{
    std::fputs(qPrintable(QStringLiteral("quire-server: %1\n").arg(error.message)), stderr);
    return error.is(shared::ErrorCode::Usage) ? kExitUsage : kExitError;
}

// What create-user and check-password open: as serve, the data directory's file unless given a PostgreSQL URL.
ServerConfig commandConfig(const QString &dataDir, const QString &databaseUrl)
{
    ServerConfig config;
    config.dataDir = dataDir;
    config.databaseUrl = databaseUrl;
    return config;
}

// A database file of the commands that work on files (backup, restore).
Result<std::unique_ptr<shared::Database>> openMigrated(const QString &path)
{
    return ServerDatabase::migrated(shared::Database::openSqlite(path));
}

// A command's options, each `--name VALUE` into its string or a bare
// `--flag` into its bool; anything else is a usage error.
struct CommandOptions
{
    QList<std::pair<QLatin1String, QString *>> values;
    QList<std::pair<QLatin1String, bool *>> flags = {};

    VoidResult parse(const QStringList &args) const
    {
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QString &a = args[i];
            const auto flag = std::find_if(flags.begin(), flags.end(), [&a](const auto &f) { return a == f.first; });
            if (flag != flags.end()) {
                *flag->second = true;
                continue;
            }
            const auto value = std::find_if(values.begin(), values.end(), [&a](const auto &v) { return a == v.first; });
            if (value == values.end())
                return Error::make(shared::ErrorCode::Usage,
                                   QStringLiteral("unexpected argument `%1` (see --help)").arg(a));
            if (i + 1 >= args.size())
                return Error::make(shared::ErrorCode::Usage, QStringLiteral("%1 needs a value").arg(a));
            *value->second = args[++i];
        }
        return VoidResult::success();
    }
};

// backup and restore take only a data directory and one file.
Result<std::pair<QString, QString>> parseFileCommand(const QStringList &args, const QString &fileFlag)
{
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString file;
    const QByteArray flag = fileFlag.toLatin1();
    const CommandOptions options { { { QLatin1String("--data-dir"), &dataDir }, { QLatin1String(flag), &file } } };
    if (VoidResult r = options.parse(args); !r)
        return r.error();
    if (dataDir.isEmpty() || file.isEmpty())
        return Error::make(shared::ErrorCode::Usage, QStringLiteral("needs --data-dir DIR and %1 FILE").arg(fileFlag));
    return std::make_pair(QDir::cleanPath(QDir::current().absoluteFilePath(dataDir)),
                          QDir::cleanPath(QDir::current().absoluteFilePath(file)));
}

} // namespace

int ServerCommands::run(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        printOut(ServerConfigLoader::helpText());
        return kExitOk;
    }
    if (args.contains(QLatin1String("--version"))) {
        printOut(QStringLiteral("quire-server %1").arg(QLatin1String(shared::kVersion)));
        return kExitOk;
    }
    // Options may stand before the command as well as after it.
    Result<ServerCommandLine::Parsed> parsed = ServerCommandLine::parse(args);
    if (!parsed)
        return fail(parsed.error());
    const QString &command = parsed->command;
    // The console commands answer in their own lines; what they do on the way (migrations applied, say) is shown
    // only when QT_LOGGING_RULES asks. `serve` logs as before: that log is its record.
    if (command != QLatin1String("serve") && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("quire.*.debug=false\nquire.*.info=false"));
    if (command == QLatin1String("backup"))
        return backup(parsed->args);
    if (command == QLatin1String("restore"))
        return restore(parsed->args);
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
            return fail(notes.error());
        printOut(notes->join(QLatin1Char('\n')));
        return kExitOk;
    }
    return serve(parsed->args); // the only other command ServerCommandLine knows
}

int ServerCommands::serve(const QStringList &args)
{
    Result<ServerConfig> config = ServerConfigLoader::load(args, ServerConfigLoader::processEnvironment());
    if (!config)
        return fail(config.error());
    RequestLog::setInstance(config->instanceName);
    RequestLog::installMessageHandler();
    keepLargeBuffers();
    if (VoidResult r = DataDirectory::prepare(config->dataDir); !r)
        return fail(r.error());
    // Named instances share the directory (and its database) on purpose;
    // an unnamed server keeps it to itself, as it always did.
    auto lock = config->instanceNamed ? DataDirectory::lockShared(config->dataDir, config->instanceName)
                                      : DataDirectory::lock(config->dataDir);
    if (!lock)
        return fail(lock.error());

    ServerContext context;
    context.config = *config;
    context.siteName = config->siteName;
    context.version = QLatin1String(shared::kVersion);
    Result<std::shared_ptr<const CredentialVault>> vault
        = PlatformCredentials::configuredVault(config->credentialKeyFile);
    if (!vault)
        return fail(vault.error());
    context.vault = vault->get();
    Result<AddressPolicy> outbound = AddressPolicy::fromAllowList(config->outboundAllow);
    if (!outbound)
        return fail(shared::Error::make(shared::ErrorCode::Usage,
                                        QStringLiteral("--outbound-allow: %1").arg(outbound.error().message)));

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
            return fail(credentials.error());
        tls = credentials->serverConfiguration();
        context.fingerprint = credentials->fingerprint();
    }
    Result<ListenSockets> sockets = ListenSockets::open(config->listenAddress, config->port, config->threads);
    if (!sockets)
        return fail(sockets.error());
    {
        auto db = ServerDatabase::migrated(ServerDatabase::open(*config));
        if (!db)
            return fail(db.error());
        Result<QVariant> epoch = (*db)->scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
        if (!epoch)
            return fail(epoch.error());
        context.epoch = epoch->toString();
    }

    auto mailer = Mailer::fromConfig(*config);
    if (!mailer)
        return fail(mailer.error());
    Server server(context, tls);
    server.setMailer(std::move(mailer.value()));
    ServerRoutes::installAll(server.router());
    SyncRetention retention(*config, config->syncRetentionDays);
    if (VoidResult r = retention.start(); !r)
        return fail(r.error());
    SchedulePublisher scheduler(*config, server.changes());
    if (VoidResult r = scheduler.start(); !r)
        return fail(r.error());
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
            return fail(db.error());
        if (VoidResult r = posts.start(std::move(db.value())); !r)
            return fail(r.error());
    }
    // Named instances share the database with others: their changes must
    // empty our caches and reach our live sockets too.
    ChangeWatcher others(*config, server.changes());
    if (config->instanceNamed) {
        if (VoidResult r = others.start(config->changePollSeconds * 1000); !r)
            return fail(r.error());
    }
    PromptUsageFlusher fetchUsage(*config, server.changes());
    if (VoidResult r = fetchUsage.start(); !r)
        return fail(r.error());
    if (VoidResult started = server.start(std::move(*sockets)); !started)
        return fail(started.error());
    // Off unless asked for, and then on an address of its own: the public
    // port never answers /metrics.
    std::unique_ptr<MetricsEndpoint> metrics;
    if (config->metricsPort) {
        ServerMetrics::watchDatabase();
        metrics = std::make_unique<MetricsEndpoint>(MetricsRegistry::global());
        if (VoidResult listening = metrics->listen(config->metricsAddress, *config->metricsPort); !listening)
            return fail(listening.error());
        printOut(QStringLiteral("metrics on http://%1:%2/metrics")
                     .arg(config->metricsAddress.toString())
                     .arg(metrics->port()));
    }

    // Before `listening on`: whoever waits for that line may stop us at once.
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &server, [&server](int signal) {
        qInfo("signal %d: shutting down", signal);
        server.shutdown();
        QCoreApplication::exit(kExitOk);
    });
    // The fingerprint first: `listening on` is the line scripts wait for
    // (./quire.sh run), and then it must already be there to read.
    if (!context.fingerprint.isEmpty())
        printOut(QStringLiteral("certificate SHA-256 fingerprint %1").arg(context.fingerprint));
    printOut(QStringLiteral("listening on %1").arg(server.url()));
    return QCoreApplication::exec();
}

namespace {

// Where `backup --into DIR` writes: names that sort by time, so retention keeps the newest by name alone.
constexpr QLatin1String kBackupPrefix("quire-backup-");

// What a backup file is called after the engine it comes from: an SQLite
// database, or a pg_dump archive (custom format).
QString backupSuffix(bool postgres)
{
    return postgres ? QStringLiteral(".pgdump") : QStringLiteral(".db");
}

// Removes all but the newest `keep` backups that `backup --into` wrote in `dir`.
VoidResult pruneBackups(const QDir &dir, int keep)
{
    const QStringList names = dir.entryList({ kBackupPrefix + QLatin1Char('*') + backupSuffix(false),
                                              kBackupPrefix + QLatin1Char('*') + backupSuffix(true) },
                                            QDir::Files, QDir::Name | QDir::Reversed);
    for (qsizetype i = keep; i < names.size(); ++i) {
        if (!QFile::remove(dir.filePath(names[i])))
            return Error::make(shared::ErrorCode::Io, QStringLiteral("cannot remove the old backup %1").arg(names[i]));
        printOut(QStringLiteral("removed old backup %1").arg(dir.filePath(names[i])));
    }
    return VoidResult::success();
}

} // namespace

int ServerCommands::backup(const QStringList &args)
{
    // `--to FILE` writes one file; `--into DIR [--keep N]` (the timer's way)
    // writes a new time-named file there and keeps the newest N.
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
    QString file;
    QString into;
    QString keepText;
    const CommandOptions options { { { QLatin1String("--data-dir"), &dataDir },
                                     { QLatin1String("--database-url"), &databaseUrl },
                                     { QLatin1String("--to"), &file },
                                     { QLatin1String("--into"), &into },
                                     { QLatin1String("--keep"), &keepText } } };
    if (VoidResult r = options.parse(args); !r)
        return fail(r.error());
    bool keepOk = true;
    const int keep = keepText.isEmpty() ? 0 : keepText.toInt(&keepOk);
    if (dataDir.isEmpty() || file.isEmpty() == into.isEmpty() || !keepOk || keep < 0
        || (!keepText.isEmpty() && into.isEmpty()))
        return fail(Error::make(shared::ErrorCode::Usage,
                                QStringLiteral("needs --data-dir DIR and either --to FILE or --into DIR [--keep N]")));
    dataDir = QDir::cleanPath(QDir::current().absoluteFilePath(dataDir));
    if (!into.isEmpty()) {
        into = QDir::cleanPath(QDir::current().absoluteFilePath(into));
        if (!QDir().mkpath(into))
            return fail(Error::make(shared::ErrorCode::Io, QStringLiteral("cannot create %1").arg(into)));
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
        file = QDir(into).filePath(kBackupPrefix + stamp + backupSuffix(!databaseUrl.isEmpty()));
    }
    const QString target = QDir::cleanPath(QDir::current().absoluteFilePath(file));
    const QString source = QDir(dataDir).filePath(QStringLiteral("quire.db"));
    if (databaseUrl.isEmpty() && !QFileInfo::exists(source))
        return fail(
            Error::make(shared::ErrorCode::NoDatabase, QStringLiteral("there is no database at %1").arg(source)));
    if (QFileInfo::exists(target))
        return fail(
            Error::make(shared::ErrorCode::Exists, QStringLiteral("%1 already exists; choose a new file").arg(target)));
    // VACUUM INTO (or pg_dump) writes a consistent snapshot while the server
    // keeps writing; it goes to a temporary name first so a failure never
    // leaves half a backup.
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    const VoidResult written = [&]() -> VoidResult {
        if (!databaseUrl.isEmpty())
            return PostgresBackup::dump(databaseUrl, partial);
        auto db = shared::Database::openSqlite(source);
        if (!db)
            return db.error();
        return (*db)->backupTo(partial);
    }();
    if (VoidResult r = written; !r) {
        QFile::remove(partial);
        return fail(r.error());
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        return fail(Error::make(shared::ErrorCode::Io, QStringLiteral("cannot move the backup to %1").arg(target)));
    }
    printOut(QStringLiteral("backup written to %1 (%2 bytes)").arg(target).arg(QFileInfo(target).size()));
    // Only after the new one is complete: a failed run never costs an old backup.
    if (keep > 0) {
        if (VoidResult pruned = pruneBackups(QDir(into), keep); !pruned)
            return fail(pruned.error());
    }
    return kExitOk;
}

int ServerCommands::restore(const QStringList &arguments)
{
    // After a break-in an administrator may want everyone signed out; by
    // default a restore keeps the sign-ins of the database it replaces.
    QStringList args = arguments;
    const bool endSessions = args.removeAll(QStringLiteral("--end-sessions")) > 0;
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
    if (const qsizetype at = args.indexOf(QStringLiteral("--database-url")); at >= 0 && at + 1 < args.size()) {
        databaseUrl = args[at + 1];
        args.remove(at, 2);
    }
    auto parsed = parseFileCommand(args, QStringLiteral("--from"));
    if (!parsed)
        return fail(parsed.error());
    const auto &[dataDir, backupFile] = *parsed;
    if (!QFileInfo::exists(backupFile))
        return fail(
            Error::make(shared::ErrorCode::NoBackup, QStringLiteral("there is no backup at %1").arg(backupFile)));
    if (VoidResult r = DataDirectory::prepare(dataDir); !r)
        return fail(r.error());
    auto lock = DataDirectory::lock(dataDir);
    if (!lock)
        return fail(lock.error());
    if (!databaseUrl.isEmpty()) {
        Result<QStringList> notes = PostgresBackup::restore(databaseUrl, backupFile, endSessions);
        if (!notes)
            return fail(notes.error());
        for (const QString &line : std::as_const(*notes))
            printOut(line);
        printOut(QStringLiteral("restored %1 into %2")
                     .arg(backupFile, QUrl(databaseUrl).toDisplayString(QUrl::RemovePassword)));
        return kExitOk;
    }

    const QDir dir(dataDir);
    const QString current = dir.filePath(QStringLiteral("quire.db"));
    const QString staged = dir.filePath(QStringLiteral("quire.db.restoring"));
    QFile::remove(staged);
    if (!QFile::copy(backupFile, staged))
        return fail(
            Error::make(shared::ErrorCode::Io, QStringLiteral("cannot copy %1 into %2").arg(backupFile, dataDir)));
    {
        auto db = openMigrated(staged);
        if (!db) {
            QFile::remove(staged);
            return fail(db.error());
        }
        VoidResult r = RestorePoint::mark(**db);
        if (r && endSessions) {
            r = SessionCarryOver::endAll(**db);
            printOut(QStringLiteral("every sign-in ended: clients must sign in again"));
        } else if (r && QFileInfo::exists(current)) {
            // Not fatal: without it clients sign in again and keep their work.
            Result<int> carried = SessionCarryOver::carry(**db, current);
            if (carried)
                printOut(QStringLiteral("kept %1 sign-in(s) of the replaced database").arg(*carried));
            else
                printOut(
                    QStringLiteral("sign-ins not kept (%1): clients must sign in again").arg(carried.error().message));
        }
        if (r)
            r = (*db)->checkpoint();
        if (!r) {
            QFile::remove(staged);
            return fail(r.error());
        }
    }
    QFile::remove(staged + QStringLiteral("-wal"));
    QFile::remove(staged + QStringLiteral("-shm"));
    // Keep what was there: a restore must never be the thing that loses data.
    if (QFileInfo::exists(current)) {
        const QString aside = current + QStringLiteral(".before-restore-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"));
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            if (QFileInfo::exists(current + suffix) && !QFile::rename(current + suffix, aside + suffix))
                return fail(
                    Error::make(shared::ErrorCode::Io, QStringLiteral("cannot move %1 aside").arg(current + suffix)));
        }
        printOut(QStringLiteral("previous database kept as %1").arg(aside));
    }
    if (!QFile::rename(staged, current))
        return fail(Error::make(shared::ErrorCode::Io, QStringLiteral("cannot move the restored database into place")));
    printOut(QStringLiteral("restored %1 into %2").arg(backupFile, current));
    return kExitOk;
}

int ServerCommands::createUser(const QStringList &args)
{
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
    QString email, name, roleText = QStringLiteral("reader");
    bool onlyIfNone = false;
    const CommandOptions options { { { QLatin1String("--data-dir"), &dataDir },
                                     { QLatin1String("--database-url"), &databaseUrl },
                                     { QLatin1String("--email"), &email },
                                     { QLatin1String("--role"), &roleText },
                                     { QLatin1String("--name"), &name } },
                                   { { QLatin1String("--only-if-none"), &onlyIfNone } } };
    if (VoidResult r = options.parse(args); !r)
        return fail(r.error());
    if (dataDir.isEmpty() || email.isEmpty())
        return fail(Error::make(shared::ErrorCode::Usage,
                                QStringLiteral("create-user needs --data-dir DIR and --email ADDRESS")));
    const std::optional<shared::Role> role = shared::roleFromName(roleText);
    if (!role)
        return fail(Error::make(
            shared::ErrorCode::Usage,
            QStringLiteral("--role must be one of: %1").arg(shared::roleNames().join(QLatin1String(", ")))));
    email = shared::User::normalizeEmail(email);
    if (!shared::User::isPlausibleEmail(email))
        return fail(Error::make(shared::ErrorCode::Usage, QStringLiteral("`%1` is not an email address").arg(email)));
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
        return fail(Error::make(shared::ErrorCode::WeakPassword, QStringLiteral("password refused: %1").arg(*weak)));
    }

    if (VoidResult r = DataDirectory::prepare(dataDir); !r)
        return fail(r.error());
    auto db = ServerDatabase::migrated(ServerDatabase::open(commandConfig(dataDir, databaseUrl)));
    if (!db)
        return fail(db.error());
    if (onlyIfNone) {
        Result<QVariant> users = (*db)->scalar(QStringLiteral("SELECT count(*) FROM users"));
        if (!users)
            return fail(users.error());
        if (users->toInt() > 0)
            return kExitOk; // the first account exists already: nothing to do, nothing to print
    }
    PasswordHasher hasher;
    Result<QByteArray> hash = hasher.hash(password.toUtf8());
    if (!hash)
        return fail(hash.error());
    AccountStore accounts(**db);
    // Made by the operator at the console, so the address counts as verified.
    Result<StoredUser> user = accounts.insertUser(email, name, *role, *hash, true);
    if (!user)
        return fail(user.error());
    AuditLog::note(**db, QString(), QStringLiteral("user_created"), user->user.id, QStringLiteral("console"),
                   nlohmann::json { { "role", shared::roleName(*role) } });
    if (generated) {
        if (VoidResult r = OneTimePassword::mark(**db, user->user.id); !r)
            return fail(r.error());
    }
    printOut(QStringLiteral("created %1 %2 (id %3)").arg(roleText, email, user->user.id));
    if (generated)
        printOut(
            QStringLiteral("password: %1   (shown once; a new one is asked for at the first sign-in)").arg(password));
    return kExitOk;
}

int ServerCommands::checkPassword(const QStringList &args)
{
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
    QString email;
    const CommandOptions options { { { QLatin1String("--data-dir"), &dataDir },
                                     { QLatin1String("--database-url"), &databaseUrl },
                                     { QLatin1String("--email"), &email } } };
    if (VoidResult r = options.parse(args); !r)
        return fail(r.error());
    if (dataDir.isEmpty() || email.isEmpty())
        return fail(Error::make(shared::ErrorCode::Usage,
                                QStringLiteral("check-password needs --data-dir DIR and --email ADDRESS")));
    // Standard input only: a password never belongs on a command line.
    char buffer[1024];
    const QString password = std::fgets(buffer, sizeof buffer, stdin) ? QString::fromUtf8(buffer).trimmed() : QString();
    const ServerConfig config = commandConfig(dataDir, databaseUrl);
    if (databaseUrl.isEmpty() && !QFileInfo::exists(config.databasePath()))
        return fail(Error::make(shared::ErrorCode::Io, QStringLiteral("no database in %1").arg(dataDir)));
    auto db = ServerDatabase::migrated(ServerDatabase::open(config));
    if (!db)
        return fail(db.error());
    AccountStore accounts(**db);
    Result<std::optional<StoredUser>> user = accounts.findByEmail(shared::User::normalizeEmail(email));
    if (!user)
        return fail(user.error());
    // Nothing printed either way: a script asks, the exit code answers.
    if (!*user || password.isEmpty() || !PasswordHasher().verify((*user)->passwordHash, password.toUtf8()))
        return kExitError;
    return kExitOk;
}

int ServerCommands::routes(const QStringList &args)
{
    if (!args.isEmpty())
        return fail(Error::make(shared::ErrorCode::Usage, QStringLiteral("routes takes no arguments")));
    Router router;
    ServerRoutes::installAll(router);
    QString out;
    for (const Router::Route &route : router.routes())
        out += route.method + QLatin1Char(' ') + QString::fromLatin1(route.pattern) + QLatin1Char('\n');
    printOut(out.chopped(1));
    return kExitOk;
}

} // namespace quire::server
