// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clicommand.h"
#include "desktop/cli/clisupport.h"

namespace quire::cli {

// `quire-cli login` and `logout`: the profile's account session. The
// password comes from standard input; the refresh token goes to the keychain.
class AccountCommands
{
public:
    explicit AccountCommands(CliSupport &support);
    static QList<CliCommand> commands();

    int login(const QString &profileDir, const QStringList &args);
    int logout(const QString &profileDir, const QStringList &args);

private:
    CliSupport &m_cli;
};

} // namespace quire::cli
