// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/cli/clicommands.h"

#include "desktop/cli/features.h"
#include "desktop/cli/tr.h"
#include "shared/version.h"

#include <QTextStream>

namespace quire::cli {

CliCommands::CliCommands(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_support(out, err)
{ }

QString CliCommands::help()
{
    QString text = Tr::tr("Usage: quire-cli [--profile DIR] COMMAND [options]\n"
                          "\n"
                          "Commands:\n");
    for (const CliFeature &feature : cliFeatures()) {
        for (const CliCommand &command : feature.commands())
            text += command.usage;
    }
    return text
        + Tr::tr("\n"
                 "Options:\n"
                 "  --profile DIR  Use the profile in DIR instead of the default one.\n"
                 "  --help         Show this help.   --version  Show the version.\n"
                 "\n"
                 "Exit codes: 0 success, 1 error, 2 usage error, 3 server unreachable,\n"
                 "4 certificate not trusted, 5 server and client versions incompatible,\n"
                 "6 sign-in refused or needed, 7 waiting for confirmation, 8 not found.\n");
}

int CliCommands::run(const QStringList &arguments)
{
    QStringList args = arguments.mid(1);
    QString profile;
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--help")) {
            m_out << help();
            return Ok;
        }
        if (option == QLatin1String("--version")) {
            m_out << QStringLiteral("quire-cli %1").arg(QLatin1String(shared::kVersion)) << Qt::endl;
            return Ok;
        }
        if (option == QLatin1String("--profile") && !args.isEmpty()) {
            profile = args.takeFirst();
            continue;
        }
        return m_support.usage(Tr::tr("unknown option %1").arg(option));
    }
    if (args.isEmpty())
        return m_support.usage(Tr::tr("a command is missing"));
    const QString name = args.takeFirst();
    for (const CliFeature &feature : cliFeatures()) {
        for (const CliCommand &command : feature.commands()) {
            if (command.name == name)
                return command.run(m_support, profile, args);
        }
    }
    return m_support.usage(Tr::tr("unknown command %1").arg(name));
}

} // namespace quire::cli
