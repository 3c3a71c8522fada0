// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clicommand.h"
#include "desktop/cli/clisupport.h"

namespace quire::cli {

// `quire-cli sync`, `conflicts list|show|resolve` and `rejected list|dismiss`.
class SyncCommands
{
public:
    explicit SyncCommands(CliSupport &support);
    static QList<CliCommand> commands();

    int sync(const QString &profile, QStringList args);
    int conflicts(const QString &profile, QStringList args);
    int rejected(const QString &profile, QStringList args);

private:
    int resolve(desktop::Workspace &ws, QStringList args);

    CliSupport &m_cli;
};

} // namespace quire::cli
