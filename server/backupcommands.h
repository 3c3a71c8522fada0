// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace quire::server {

// `quire-server backup` (one file with --to, or time-named files in --into DIR keeping the newest --keep N) and
// `quire-server restore --from FILE [--end-sessions]`, on SQLite through the data directory's file and on
// PostgreSQL through pg_dump and pg_restore (PostgresBackup). A restore keeps what it replaces.
class BackupCommands
{
public:
    // `args` follow the command word (ServerCommandLine's Parsed::args);
    // answers the process exit code (0, 1 runtime error, 2 usage).
    static int backup(const QStringList &args);
    static int restore(const QStringList &arguments);
};

} // namespace quire::server
