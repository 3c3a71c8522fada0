// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clisupport.h"

namespace quire::cli {

// `quire-cli prompts branch|merge`: branch a prompt and merge a branch back
// on the replica (offline too), with desktop::PromptBranches. A merge that
// clashes prints each clashed field and exits 1 unless --take-branch or
// --take-parent settles every clash one way.
class PromptBranchCommands
{
public:
    explicit PromptBranchCommands(CliSupport &support);

    // `action` is "branch" or "merge".
    int run(const QString &profile, const QString &action, QStringList args);

private:
    int branch(desktop::Workspace &ws, QStringList args);
    int merge(desktop::Workspace &ws, QStringList args);
    // The prompt's id (by id or name), or empty after saying why (exitCode set).
    QString promptId(desktop::Workspace &ws, const QString &idOrName, int &exitCode);

    CliSupport &m_cli;
};

} // namespace quire::cli
