// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clicommand.h"
#include "desktop/cli/clisupport.h"

class QUrl;

namespace quire::cli {

// `quire-cli connect` and `status`: the server a profile uses, its pinned
// certificate, and the state of the replica. Part of the platform: signing
// in (desktop/accounts/cli) connects through connectWorkspace() too.
class ConnectionCommands
{
public:
    explicit ConnectionCommands(CliSupport &support);
    static QList<CliCommand> commands();

    struct ServerArgs
    {
        QString url;
        QString pin;
        bool tofu = false;
        QStringList rest; // positional arguments after the URL
    };
    // URL, --trust-fingerprint and --trust-on-first-use; nullopt (with
    // `exitCode` set) after a usage error.
    std::optional<ServerArgs> parseServerArgs(const QStringList &args, int &exitCode);
    // Checks the server, pins its certificate as told, remembers it.
    int connectWorkspace(desktop::Workspace &ws, const QUrl &url, QString pin, bool tofu);

    int connect(const QString &profileDir, const QStringList &args);
    int status(const QString &profileDir, const QStringList &args);

private:
    CliSupport &m_cli;
};

} // namespace quire::cli
