// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/serverconfig.h"
#include "shared/database.h"
#include "shared/result.h"

#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <utility>

namespace quire::server {

// What every quire-server console command shares (ServerCommands, BackupCommands, AuditCommand,
// RotateKeyCommand): the exit codes, the lines on stdout and the one line on stderr, reading its options, and
// opening the database it works on.
class CommandTools
{
public:
    static constexpr int kExitOk = 0;
    static constexpr int kExitError = 1; // a runtime error: one line on stderr says which
    static constexpr int kExitUsage = 2;

    // A command's options, each `--name VALUE` into its string or a bare `--flag` into its bool.
    struct Options
    {
        QList<std::pair<QLatin1String, QString *>> values;
        QList<std::pair<QLatin1String, bool *>> flags = {};
        // Takes an argument that is neither (a subcommand, say) or refuses it in the command's own words; unset:
        // "unexpected argument `ARG` (see --help)".
        std::function<shared::VoidResult(const QString &)> other = {};
        // Whether "--name needs a value" points to --help; the words of backup, restore, create-user and
        // check-password never did.
        bool valueErrorHint = true;
    };

    // One line (or several) on stdout, flushed at once: scripts wait for them.
    static void printOut(const QString &text);
    // `error` as the one line `quire-server: MESSAGE` on stderr; answers the exit code (2 for a usage error).
    static int fail(const shared::Error &error);
    // A usage error that points to --help.
    static shared::Error usage(const QString &message);
    static shared::VoidResult parse(const QStringList &args, const Options &options);

    // The database a command opens, as serve does: the data directory's file unless given a PostgreSQL URL.
    static ServerConfig databaseConfig(const QString &dataDir, const QString &databaseUrl);
    static shared::Result<std::unique_ptr<shared::Database>> openMigrated(const ServerConfig &config);
    // As openMigrated, but "no database in DIR" where the data directory has none: looking must not make an empty
    // database where none was.
    static shared::Result<std::unique_ptr<shared::Database>> openExisting(const ServerConfig &config);
};

} // namespace quire::server
