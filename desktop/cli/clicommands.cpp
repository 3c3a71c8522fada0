// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/cli/clicommands.h"

#include "desktop/cli/guidecommands.h"
#include "desktop/cli/synccommands.h"
#include "desktop/cli/tr.h"
#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/profile.h"
#include "desktop/core/replica.h"
#include "desktop/core/serverprobe.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "shared/fingerprint.h"
#include "shared/jsonqt.h"
#include "shared/version.h"

#include <QTextStream>

namespace quire::cli {

using desktop::ProbeResult;

CliCommands::CliCommands(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
    , m_support(out, err)
{ }

QString CliCommands::help()
{
    return Tr::tr("Usage: quire-cli [--profile DIR] COMMAND [options]\n"
                  "\n"
                  "Commands:\n"
                  "  connect URL [--trust-fingerprint SHA256 | --trust-on-first-use]\n"
                  "                 Check the server at URL and remember it. A certificate that no\n"
                  "                 CA vouches for is accepted only with its fingerprint or with\n"
                  "                 --trust-on-first-use.\n"
                  "  login URL EMAIL [--trust-fingerprint SHA256 | --trust-on-first-use]\n"
                  "                 Connect as above and sign in; the password is read from\n"
                  "                 standard input. The refresh token goes to the keychain.\n"
                  "  logout         Sign out here and on the server (works offline too).\n"
                  "  status [--json]  Show the profile, its server and its replica: pending changes,\n"
                  "                 cursor, last sync, conflicts (works offline).\n"
                  "  sync [--allow-mass-removal] [--json]\n"
                  "                 Send local changes and fetch the server's. A pull that would\n"
                  "                 remove most of the replica waits for --allow-mass-removal.\n"
                  "  guides list [--json]\n"
                  "  guides show ID [--json]\n"
                  "  guides create --title T [FIELDS] [--json]   (prints the id)\n"
                  "  guides edit ID [--title T] [FIELDS]\n"
                  "    FIELDS: --body-file F --status S --kind guide|case_study --slug S --summary S\n"
                  "            --tags a,b --cover URL --publish-at ISO-8601\n"
                  "  guides delete ID\n"
                  "                 Read and change guides in the replica (offline too; F may be -).\n"
                  "  conflicts list [--all] [--json] | show ID [--json]\n"
                  "  conflicts resolve ID (--keep server|client | --with-file F)\n"
                  "                 Both versions of what two replicas changed at once.\n"
                  "  rejected list [--json] | dismiss N\n"
                  "                 Changes the server refused, with their content.\n"
                  "\n"
                  "Options:\n"
                  "  --profile DIR  Use the profile in DIR instead of the default one.\n"
                  "  --help         Show this help.   --version  Show the version.\n"
                  "\n"
                  "Exit codes: 0 success, 1 error, 2 usage error, 3 server unreachable,\n"
                  "4 certificate not trusted, 5 server and client versions incompatible,\n"
                  "6 sign-in refused or needed, 7 waiting for confirmation, 8 not found.\n");
}

int CliCommands::usage(const QString &message)
{
    m_err << Tr::tr("quire-cli: %1").arg(message) << Qt::endl << Tr::tr("Try quire-cli --help.") << Qt::endl;
    return Usage;
}

int CliCommands::run(const QStringList &arguments)
{
    QStringList args = arguments.mid(1);
    QString profile;
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--help")) {
            m_out << help();
            return Ok;
        }
        if (option == QLatin1String("--version")) {
            m_out << QStringLiteral("quire-cli %1").arg(QLatin1String(shared::kVersion)) << Qt::endl;
            return Ok;
        }
        if (option == QLatin1String("--profile") && !args.isEmpty()) {
            profile = args.takeFirst();
            continue;
        }
        return usage(Tr::tr("unknown option %1").arg(option));
    }
    if (args.isEmpty())
        return usage(Tr::tr("a command is missing"));
    const QString command = args.takeFirst();
    if (command == QLatin1String("connect"))
        return connect(profile, args);
    if (command == QLatin1String("status"))
        return status(profile, args);
    if (command == QLatin1String("login"))
        return login(profile, args);
    if (command == QLatin1String("logout"))
        return logout(profile, args);
    if (command == QLatin1String("guides"))
        return GuideCommands(m_support).run(profile, args);
    SyncCommands sync(m_support);
    if (command == QLatin1String("sync"))
        return sync.sync(profile, args);
    if (command == QLatin1String("conflicts"))
        return sync.conflicts(profile, args);
    if (command == QLatin1String("rejected"))
        return sync.rejected(profile, args);
    return usage(Tr::tr("unknown command %1").arg(command));
}

std::optional<CliCommands::ServerArgs> CliCommands::parseServerArgs(const QStringList &args, int &exitCode)
{
    ServerArgs parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--trust-fingerprint") && i + 1 < args.size()) {
            const std::optional<QString> fp = shared::Fingerprint::normalize(args[++i]);
            if (!fp) {
                exitCode = usage(Tr::tr("%1 is not a SHA-256 fingerprint").arg(args[i]));
                return std::nullopt;
            }
            parsed.pin = *fp;
        } else if (args[i] == QLatin1String("--trust-on-first-use")) {
            parsed.tofu = true;
        } else if (!args[i].startsWith(QLatin1String("--"))) {
            (parsed.url.isEmpty() ? parsed.url : parsed.rest.emplaceBack()) = args[i];
        } else {
            exitCode = usage(Tr::tr("unexpected argument %1").arg(args[i]));
            return std::nullopt;
        }
    }
    return parsed;
}

int CliCommands::connectWorkspace(desktop::Workspace &ws, const QUrl &url, QString pin, bool tofu)
{
    auto probeOnce = [&ws, &url](const QString &trust) {
        desktop::ServerProbe probe;
        ProbeResult result;
        CliSupport::waitFor([&](const std::function<void()> &finished) {
            QObject::connect(&probe, &desktop::ServerProbe::finished, &probe,
                             [&result, finished](const ProbeResult &r) {
                                 result = r;
                                 finished();
                             });
            probe.start(url, trust, ws.profile().clientId());
        });
        return result;
    };
    // A server already pinned for this profile keeps its pin.
    if (pin.isEmpty() && ws.profile().serverUrl() == url)
        pin = ws.profile().pinnedFingerprint();
    ProbeResult result = probeOnce(pin);
    if (result.outcome == ProbeResult::Outcome::Untrusted && tofu) {
        m_err << Tr::tr("Trusting the certificate with fingerprint %1 on first use.").arg(result.fingerprint)
              << Qt::endl;
        pin = result.fingerprint;
        result = probeOnce(pin);
    }
    switch (result.outcome) {
    case ProbeResult::Outcome::Ok:
        ws.useServer(url, pin);
        m_out << result.message << Qt::endl;
        return Ok;
    case ProbeResult::Outcome::Untrusted:
    case ProbeResult::Outcome::CertificateChanged:
        m_err << result.message << Qt::endl
              << Tr::tr("Fingerprint: %1").arg(result.fingerprint) << Qt::endl
              << Tr::tr("Pass --trust-fingerprint with this value if it is the one your administrator gave you.")
              << Qt::endl;
        return Untrusted;
    case ProbeResult::Outcome::Incompatible:
        m_err << result.message << Qt::endl;
        return Incompatible;
    case ProbeResult::Outcome::NotQuire:
        m_err << result.message << Qt::endl;
        return Failure;
    case ProbeResult::Outcome::Unreachable:
        m_err << result.message << Qt::endl;
        return Unreachable;
    }
    return Failure;
}

int CliCommands::connect(const QString &profileDir, const QStringList &args)
{
    int code = Ok;
    const std::optional<ServerArgs> parsed = parseServerArgs(args, code);
    if (!parsed)
        return code;
    if (!parsed->rest.isEmpty())
        return usage(Tr::tr("unexpected argument %1").arg(parsed->rest.first()));
    shared::Result<QUrl> url = desktop::ApiClient::parseServerUrl(parsed->url);
    if (!url)
        return usage(url.error().message);
    auto workspace = desktop::Workspace::open(profileDir);
    if (!workspace) {
        m_err << workspace.error().message << Qt::endl;
        return Failure;
    }
    return connectWorkspace(**workspace, *url, parsed->pin, parsed->tofu);
}

int CliCommands::login(const QString &profileDir, const QStringList &args)
{
    int code = Ok;
    const std::optional<ServerArgs> parsed = parseServerArgs(args, code);
    if (!parsed)
        return code;
    if (parsed->rest.size() != 1)
        return usage(Tr::tr("login needs URL and EMAIL"));
    shared::Result<QUrl> url = desktop::ApiClient::parseServerUrl(parsed->url);
    if (!url)
        return usage(url.error().message);
    // The password comes from standard input, never from the command line.
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (password.isEmpty())
        return usage(Tr::tr("the password is read from standard input, and none came"));
    auto workspace = desktop::Workspace::open(profileDir);
    if (!workspace) {
        m_err << workspace.error().message << Qt::endl;
        return Failure;
    }
    desktop::Workspace &ws = **workspace;
    if (const int connected = connectWorkspace(ws, *url, parsed->pin, parsed->tofu); connected != Ok)
        return connected;
    desktop::ApiReply reply;
    CliSupport::waitFor([&](const std::function<void()> &finished) {
        ws.session().signIn(parsed->rest.first(), password, [&reply, finished](const desktop::ApiReply &r) {
            reply = r;
            finished();
        });
    });
    if (!reply.ok()) {
        m_err << reply.error->message << Qt::endl;
        return reply.status == 0                                                  ? Unreachable
            : (reply.status == 401 || reply.status == 403 || reply.status == 429) ? Refused
                                                                                  : Failure;
    }
    m_out << Tr::tr("Signed in as %1 (%2).").arg(ws.session().email(), ws.session().role()) << Qt::endl;
    return Ok;
}

int CliCommands::logout(const QString &profileDir, const QStringList &args)
{
    if (!args.isEmpty())
        return usage(Tr::tr("unexpected argument %1").arg(args.first()));
    auto workspace = desktop::Workspace::open(profileDir);
    if (!workspace) {
        m_err << workspace.error().message << Qt::endl;
        return Failure;
    }
    desktop::Workspace &ws = **workspace;
    bool signedIn = false;
    CliSupport::waitFor([&](const std::function<void()> &finished) {
        ws.session().restore([&signedIn, finished](const desktop::ApiReply &r) {
            signedIn = r.ok();
            finished();
        });
    });
    if (signedIn) {
        CliSupport::waitFor([&](const std::function<void()> &finished) {
            ws.session().signOut([finished](const desktop::ApiReply &) { finished(); });
        });
    }
    // Whatever the server said, nothing of the session stays on this machine.
    ws.session().forgetLocally();
    m_out << Tr::tr("Signed out.") << Qt::endl;
    return Ok;
}

int CliCommands::status(const QString &profileDir, const QStringList &args)
{
    bool json = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--json"))
            json = true;
        else
            return usage(Tr::tr("unexpected argument %1").arg(a));
    }
    auto workspace = desktop::Workspace::open(profileDir);
    if (!workspace) {
        m_err << workspace.error().message << Qt::endl;
        return Failure;
    }
    desktop::Workspace &ws = **workspace;
    const QUrl server = ws.profile().serverUrl();
    shared::Result<desktop::SyncStore::Status> sync = ws.syncStore().status();
    if (!sync)
        return m_support.fail(sync.error());
    if (json) {
        nlohmann::json j { { "profile", ws.profile().directory() },
                           { "client_id", ws.profile().clientId() },
                           { "server", server.isValid() ? nlohmann::json(server.toString()) : nlohmann::json() },
                           { "pinned_fingerprint", ws.profile().pinnedFingerprint() },
                           { "replica_schema_version", ws.replica().schemaVersion() },
                           { "account", ws.profile().settings().value(QStringLiteral("account/email")).toString() },
                           { "pending", sync->pending },
                           { "conflicts", sync->conflicts },
                           { "rejected", sync->rejected },
                           { "cursor", sync->cursor },
                           { "last_sync_at",
                             sync->lastSyncAt.isEmpty() ? nlohmann::json() : nlohmann::json(sync->lastSyncAt) } };
        m_out << QString::fromUtf8(shared::toJsonBytes(j)) << Qt::endl;
        return Ok;
    }
    m_out << Tr::tr("Profile:   %1").arg(ws.profile().directory()) << Qt::endl
          << Tr::tr("Client id: %1").arg(ws.profile().clientId()) << Qt::endl
          << Tr::tr("Server:    %1").arg(server.isValid() ? server.toString() : Tr::tr("(none)")) << Qt::endl;
    if (!ws.profile().pinnedFingerprint().isEmpty())
        m_out << Tr::tr("Pinned:    %1").arg(ws.profile().pinnedFingerprint()) << Qt::endl;
    m_out << Tr::tr("Replica:   schema version %1").arg(ws.replica().schemaVersion()) << Qt::endl
          << Tr::tr("Pending:   %1 local changes not yet sent").arg(sync->pending) << Qt::endl
          << Tr::tr("Last sync: %1").arg(sync->lastSyncAt.isEmpty() ? Tr::tr("never") : sync->lastSyncAt) << Qt::endl
          << Tr::tr("Cursor:    %1").arg(sync->cursor.isEmpty() ? Tr::tr("(start)") : sync->cursor) << Qt::endl
          << Tr::tr("Conflicts: %1   Refused changes: %2").arg(sync->conflicts).arg(sync->rejected) << Qt::endl;
    return Ok;
}

} // namespace quire::cli
