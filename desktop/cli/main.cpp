// SPDX-License-Identifier: GPL-3.0-or-later
// quire-cli: the desktop core from the command line. Logic lives in quire_cli.
#include "desktop/cli/clicommands.h"
#include "desktop/core/translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // A command-line tool prints what was asked; progress notes only on request.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("quire.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("quire"));
    QCoreApplication::setOrganizationName(QStringLiteral("Quire"));
    quire::desktop::Translations::install(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    quire::cli::CliCommands commands(out, err);
    return commands.run(QCoreApplication::arguments());
}
