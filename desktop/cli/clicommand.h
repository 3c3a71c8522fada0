// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace quire::cli {

class CliSupport;

// One command of quire-cli as the dispatcher and --help see it: the word that
// names it, its lines in the help (translated, each ending in a newline) and
// the function that runs it with the arguments after that word. The handler
// returns an exit code (see ExitCode in clisupport.h).
struct CliCommand
{
    QString name;
    QString usage;
    int (*run)(CliSupport &cli, const QString &profileDir, QStringList args);
};

} // namespace quire::cli
