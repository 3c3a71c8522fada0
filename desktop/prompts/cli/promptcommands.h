// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clicommand.h"
#include "desktop/cli/clisupport.h"
#include "shared/promptrenderer.h"

namespace quire::desktop {
class PromptStore;
}

namespace quire::cli {

// `quire-cli prompts list|show|create|edit|render|favourite|unfavourite|versions|groups`:
// the prompt library in the replica, read and changed locally (offline
// too; sync sends the changes). Prompts are named by id or by name.
class PromptCommands
{
public:
    explicit PromptCommands(CliSupport &support);
    static QList<CliCommand> commands();

    int run(const QString &profile, QStringList args);

private:
    int list(desktop::Workspace &ws, QStringList args);
    int show(desktop::Workspace &ws, QStringList args);
    int create(desktop::Workspace &ws, QStringList args);
    int edit(desktop::Workspace &ws, QStringList args);
    int favourite(desktop::Workspace &ws, QStringList args, bool on);
    int versions(desktop::Workspace &ws, QStringList args);
    // Renders with --var values (includes from the replica) and records the use.
    int render(desktop::Workspace &ws, QStringList args);
    static shared::IncludeResolver includes(desktop::Workspace &ws);
    // The prompt's row, or an exit code (after saying why).
    std::optional<nlohmann::json> prompt(desktop::Workspace &ws, const QString &idOrName, int &exitCode);
    // The fields given by --title, --name, --content(-file), --description,
    // --category, --tags, --template and --no-template.
    std::optional<nlohmann::json> readFields(QStringList &args, int &exitCode);

    CliSupport &m_cli;
};

} // namespace quire::cli
