// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clisupport.h"

namespace quire::desktop {
class GroupStore;
}

namespace quire::cli {

// `quire-cli prompts groups list|show|create|add|remove|move|pin`: prompt
// groups in the replica (offline too). Groups are named by id or name,
// their prompts by the prompt's id or name.
class PromptGroupCommands
{
public:
    explicit PromptGroupCommands(CliSupport &support);

    int run(const QString &profile, QStringList args);

private:
    int list(desktop::GroupStore &store, QStringList args);
    int show(desktop::GroupStore &store, QStringList args);
    int create(desktop::GroupStore &store, QStringList args);
    int add(desktop::GroupStore &store, QStringList args);
    int remove(desktop::GroupStore &store, QStringList args);
    int move(desktop::GroupStore &store, QStringList args);
    int pin(desktop::GroupStore &store, QStringList args);
    // The group's id, or empty after saying why (exitCode set).
    QString groupId(desktop::GroupStore &store, const QString &idOrName, int &exitCode);
    // The member row's id of a prompt (id or name) in a group.
    QString memberId(desktop::GroupStore &store, const QString &groupId, const QString &prompt, int &exitCode);

    CliSupport &m_cli;
    desktop::Workspace *m_ws = nullptr;
};

} // namespace quire::cli
