// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clicommand.h"
#include "desktop/cli/clisupport.h"

namespace quire::cli {

// `quire-cli guides list|show|create|edit|delete`: the replica's articles
// (guides and case studies), read and changed locally (offline too); sync
// sends the changes.
class ArticleCommands
{
public:
    explicit ArticleCommands(CliSupport &support);
    static QList<CliCommand> commands();

    int run(const QString &profile, QStringList args);

private:
    int list(desktop::Workspace &ws, QStringList args);
    int show(desktop::Workspace &ws, QStringList args);
    int create(desktop::Workspace &ws, QStringList args);
    int edit(desktop::Workspace &ws, QStringList args);
    int remove(desktop::Workspace &ws, QStringList args);
    // The fields given by --title, --body-file and --status.
    std::optional<nlohmann::json> readFields(QStringList &args, int &exitCode);

    CliSupport &m_cli;
};

} // namespace quire::cli
