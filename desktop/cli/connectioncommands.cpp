// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/cli/connectioncommands.h"

#include "desktop/cli/tr.h"
#include "desktop/core/apiclient.h"
#include "desktop/core/profile.h"
#include "desktop/core/replica.h"
#include "desktop/core/serverprobe.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "shared/fingerprint.h"
#include "shared/jsonqt.h"

#include <QTextStream>

namespace quire::cli {

using desktop::ProbeResult;

ConnectionCommands::ConnectionCommands(CliSupport &support)
    : m_cli(support)
{ }

QList<CliCommand> ConnectionCommands::commands()
{
    return {
        { QStringLiteral("connect"),
          Tr::tr("  connect URL [--trust-fingerprint SHA256 | --trust-on-first-use]\n"
                 "                 Check the server at URL and remember it. A certificate that no\n"
                 "                 CA vouches for is accepted only with its fingerprint or with\n"
                 "                 --trust-on-first-use.\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return ConnectionCommands(cli).connect(profile, args);
          } },
        { QStringLiteral("status"),
          Tr::tr("  status [--json]  Show the profile, its server and its replica: pending changes,\n"
                 "                 cursor, last sync, conflicts (works offline).\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return ConnectionCommands(cli).status(profile, args);
          } },
    };
}

std::optional<ConnectionCommands::ServerArgs> ConnectionCommands::parseServerArgs(const QStringList &args,
                                                                                  int &exitCode)
{
    ServerArgs parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--trust-fingerprint") && i + 1 < args.size()) {
            const std::optional<QString> fp = shared::Fingerprint::normalize(args[++i]);
            if (!fp) {
                exitCode = m_cli.usage(Tr::tr("%1 is not a SHA-256 fingerprint").arg(args[i]));
                return std::nullopt;
            }
            parsed.pin = *fp;
        } else if (args[i] == QLatin1String("--trust-on-first-use")) {
            parsed.tofu = true;
        } else if (!args[i].startsWith(QLatin1String("--"))) {
            (parsed.url.isEmpty() ? parsed.url : parsed.rest.emplaceBack()) = args[i];
        } else {
            exitCode = m_cli.usage(Tr::tr("unexpected argument %1").arg(args[i]));
            return std::nullopt;
        }
    }
    return parsed;
}

int ConnectionCommands::connectWorkspace(desktop::Workspace &ws, const QUrl &url, QString pin, bool tofu)
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
    if (pin.isEmpty())
        pin = ws.profile().pinFor(url);
    ProbeResult result = probeOnce(pin);
    if (result.outcome == ProbeResult::Outcome::Untrusted && tofu) {
        m_cli.err() << Tr::tr("Trusting the certificate with fingerprint %1 on first use.").arg(result.fingerprint)
                    << Qt::endl;
        pin = result.fingerprint;
        result = probeOnce(pin);
    }
    switch (result.outcome) {
    case ProbeResult::Outcome::Ok:
        ws.useServer(url, pin);
        m_cli.out() << result.message << Qt::endl;
        return Ok;
    case ProbeResult::Outcome::Untrusted:
    case ProbeResult::Outcome::CertificateChanged:
        m_cli.err() << result.message << Qt::endl
                    << Tr::tr("Fingerprint: %1").arg(result.fingerprint) << Qt::endl
                    << Tr::tr("Pass --trust-fingerprint with this value if it is the one your administrator gave you.")
                    << Qt::endl;
        return Untrusted;
    case ProbeResult::Outcome::Incompatible:
        m_cli.err() << result.message << Qt::endl;
        return Incompatible;
    case ProbeResult::Outcome::NotQuire:
        m_cli.err() << result.message << Qt::endl;
        return Failure;
    case ProbeResult::Outcome::Unreachable:
        m_cli.err() << result.message << Qt::endl;
        return Unreachable;
    }
    return Failure;
}

int ConnectionCommands::connect(const QString &profileDir, const QStringList &args)
{
    int code = Ok;
    const std::optional<ServerArgs> parsed = parseServerArgs(args, code);
    if (!parsed)
        return code;
    if (!parsed->rest.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(parsed->rest.first()));
    shared::Result<QUrl> url = desktop::ApiClient::parseServerUrl(parsed->url);
    if (!url)
        return m_cli.usage(url.error().message);
    auto workspace = desktop::Workspace::open(profileDir);
    if (!workspace) {
        m_cli.err() << workspace.error().message << Qt::endl;
        return Failure;
    }
    return connectWorkspace(**workspace, *url, parsed->pin, parsed->tofu);
}

int ConnectionCommands::status(const QString &profileDir, const QStringList &args)
{
    bool json = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--json"))
            json = true;
        else
            return m_cli.usage(Tr::tr("unexpected argument %1").arg(a));
    }
    auto workspace = desktop::Workspace::open(profileDir);
    if (!workspace) {
        m_cli.err() << workspace.error().message << Qt::endl;
        return Failure;
    }
    desktop::Workspace &ws = **workspace;
    const QUrl server = ws.profile().serverUrl();
    shared::Result<desktop::SyncStore::Status> sync = ws.syncStore().status();
    if (!sync)
        return m_cli.fail(sync.error());
    if (json) {
        nlohmann::json j { { "profile", ws.profile().directory() },
                           { "client_id", ws.profile().clientId() },
                           { "server", server.isValid() ? nlohmann::json(server.toString()) : nlohmann::json() },
                           { "pinned_fingerprint", ws.profile().pinnedFingerprint() },
                           { "replica_schema_version", ws.replica().schemaVersion() },
                           { "account", ws.profile().account().email },
                           { "pending", sync->pending },
                           { "conflicts", sync->conflicts },
                           { "rejected", sync->rejected },
                           { "cursor", sync->cursor },
                           { "last_sync_at",
                             sync->lastSyncAt.isEmpty() ? nlohmann::json() : nlohmann::json(sync->lastSyncAt) } };
        m_cli.out() << QString::fromUtf8(shared::toJsonBytes(j)) << Qt::endl;
        return Ok;
    }
    m_cli.out() << Tr::tr("Profile:   %1").arg(ws.profile().directory()) << Qt::endl
                << Tr::tr("Client id: %1").arg(ws.profile().clientId()) << Qt::endl
                << Tr::tr("Server:    %1").arg(server.isValid() ? server.toString() : Tr::tr("(none)")) << Qt::endl;
    if (!ws.profile().pinnedFingerprint().isEmpty())
        m_cli.out() << Tr::tr("Pinned:    %1").arg(ws.profile().pinnedFingerprint()) << Qt::endl;
    m_cli.out() << Tr::tr("Replica:   schema version %1").arg(ws.replica().schemaVersion()) << Qt::endl
                << Tr::tr("Pending:   %1 local changes not yet sent").arg(sync->pending) << Qt::endl
                << Tr::tr("Last sync: %1").arg(sync->lastSyncAt.isEmpty() ? Tr::tr("never") : sync->lastSyncAt)
                << Qt::endl
                << Tr::tr("Cursor:    %1").arg(sync->cursor.isEmpty() ? Tr::tr("(start)") : sync->cursor) << Qt::endl
                << Tr::tr("Conflicts: %1   Refused changes: %2").arg(sync->conflicts).arg(sync->rejected) << Qt::endl;
    return Ok;
}

} // namespace quire::cli
