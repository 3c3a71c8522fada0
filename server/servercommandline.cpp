// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/servercommandline.h"

#include "server/serverconfig.h"

#include <QList>

namespace quire::server {

using shared::Error;
using shared::Result;

namespace {

const QString kServe = QStringLiteral("serve");

struct CommandOptions
{
    QString command;
    QStringList withValue; // --flag VALUE (or --flag=VALUE)
    QStringList switches; // --flag alone
};

// backup, restore, create-user, check-password, routes, migrate-to-postgres, audit and rotate-key read these
// options themselves (ServerCommands, AuditCommand, RotateKeyCommand); serve's are the configuration table.
const QList<CommandOptions> &table()
{
    static const QList<CommandOptions> commands = [] {
        CommandOptions serve { kServe, {}, {} };
        for (const ConfigOption &o : ServerConfigLoader::options())
            (o.valueName.isEmpty() ? serve.switches : serve.withValue) << QStringLiteral("--") + o.flag;
        const QString dataDir = QStringLiteral("--data-dir");
        const QString databaseUrl = QStringLiteral("--database-url");
        return QList<CommandOptions> {
            serve,
            { QStringLiteral("backup"),
              { dataDir, databaseUrl, QStringLiteral("--to"), QStringLiteral("--into"), QStringLiteral("--keep") },
              {} },
            { QStringLiteral("restore"),
              { dataDir, databaseUrl, QStringLiteral("--from") },
              { QStringLiteral("--end-sessions") } },
            { QStringLiteral("create-user"),
              { dataDir, databaseUrl, QStringLiteral("--email"), QStringLiteral("--role"), QStringLiteral("--name") },
              { QStringLiteral("--only-if-none") } },
            { QStringLiteral("check-password"), { dataDir, databaseUrl, QStringLiteral("--email") }, {} },
            { QStringLiteral("routes"), {}, {} },
            { QStringLiteral("migrate-to-postgres"), { QStringLiteral("--from"), databaseUrl }, {} },
            // verify or list: a word AuditCommand reads.
            { QStringLiteral("audit"), { dataDir, databaseUrl, QStringLiteral("--limit") }, {} },
            { QStringLiteral("rotate-key"), { dataDir, databaseUrl, QStringLiteral("--credential-key-file") }, {} },
        };
    }();
    return commands;
}

const CommandOptions *find(const QString &command)
{
    for (const CommandOptions &c : table()) {
        if (c.command == command)
            return &c;
    }
    return nullptr;
}

Error usage(const QString &message)
{
    return Error::make(shared::ErrorCode::Usage, message + QStringLiteral(" (see --help)"));
}

} // namespace

Result<ServerCommandLine::Parsed> ServerCommandLine::parse(const QStringList &args)
{
    // First the command: the first word that is no option's value. Which
    // options take a value is known before the command is (no command uses
    // one name both ways), so options may come first.
    Parsed parsed { kServe, {} };
    qsizetype commandAt = -1;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (!a.startsWith(QLatin1Char('-'))) {
            if (!find(a))
                return usage(QStringLiteral("unknown command `%1`").arg(a));
            parsed.command = a;
            commandAt = i;
            break;
        }
        const QString flag = a.section(QLatin1Char('='), 0, 0);
        bool takesValue = false;
        bool known = false;
        for (const CommandOptions &c : table()) {
            takesValue = takesValue || c.withValue.contains(flag);
            known = known || takesValue || c.switches.contains(flag);
        }
        if (!known)
            return usage(QStringLiteral("unknown option %1").arg(flag));
        if (takesValue && !a.contains(QLatin1Char('=')))
            ++i; // its value, whatever it looks like
    }
    QStringList rest = args;
    if (commandAt >= 0)
        rest.removeAt(commandAt);

    // Then every option, wherever it stood, must be one of that command's;
    // `--flag=VALUE` goes on as `--flag VALUE`, which every command reads.
    const CommandOptions &command = *find(parsed.command);
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QString &a = rest[i];
        const QString flag = a.section(QLatin1Char('='), 0, 0);
        const bool inlineValue = a.contains(QLatin1Char('='));
        if (!a.startsWith(QLatin1Char('-')) || command.switches.contains(flag)) {
            parsed.args << a; // a stray word: the command says what it expected
        } else if (command.withValue.contains(flag)) {
            if (!inlineValue && i + 1 >= rest.size())
                return usage(QStringLiteral("%1 needs a value").arg(flag));
            parsed.args << flag << (inlineValue ? a.section(QLatin1Char('='), 1) : rest[++i]);
        } else {
            return usage(QStringLiteral("%1 has no option %2").arg(parsed.command, flag));
        }
    }
    return parsed;
}

} // namespace quire::server
