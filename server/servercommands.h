// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace quire::server {

// The quire-server command line: `serve` (the default), `backup` and `restore` (BackupCommands), `create-user`,
// `check-password`, `routes`, `migrate-to-postgres` (SqliteToPostgres), `audit` (AuditCommand) and `rotate-key`
// (RotateKeyCommand), with options before or after the command (ServerCommandLine finds it). Returns the process
// exit code: 0 success, 1 runtime error, 2 usage error; every error is one line on stderr (CommandTools).
class ServerCommands
{
public:
    static int run(const QStringList &arguments);

private:
    static int serve(const QStringList &args);
    static int createUser(const QStringList &args);
    // Exit 0 when the password on standard input is the account's, 1 when
    // not: lets `./quire.sh run` show the first admin's one-time password
    // again only while it still works.
    static int checkPassword(const QStringList &args);
    // Prints the route table, one `METHOD pattern` a line in the order the
    // router matches: what the OpenAPI document is checked against.
    static int routes(const QStringList &args);
};

} // namespace quire::server
