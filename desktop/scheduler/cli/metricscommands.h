// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clicommand.h"
#include "desktop/cli/clisupport.h"
#include "shared/schedulernames.h"

namespace quire::cli {

// `quire-cli metrics engagement|financial`: the server's reports (only the
// server has the figures), as a table, its JSON or its CSV. Clients and
// platforms are named as the replica knows them; the rest needs the server
// and a session.
class MetricsCommands
{
public:
    explicit MetricsCommands(CliSupport &support);
    static QList<CliCommand> commands();

    int run(const QString &profile, QStringList args);

private:
    // The report's items as columns that fit their widest cell.
    void printTable(const nlohmann::json &report, shared::MetricsKind kind);

    CliSupport &m_cli;
};

} // namespace quire::cli
