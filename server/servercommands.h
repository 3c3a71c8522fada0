// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace quire::server {

// The quire-server command line: `serve` (the default), `backup`, `restore`
// `create-user` and `check-password`, with options before or after the command
// (ServerCommandLine finds it). Returns the process exit code: 0 success, 1 runtime error,
// 2 usage error; every error is one line on stderr.
class ServerCommands
{
public:
    static int run(const QStringList &arguments);

private:
    static int serve(const QStringList &args);
    static int backup(const QStringList &args);
    static int restore(const QStringList &arguments);
    static int createUser(const QStringList &args);
    // Exit 0 when the password on standard input is the account's, 1 when
    // not: lets `./quire.sh run` show the first admin's one-time password
    // again only while it still works.
    static int checkPassword(const QStringList &args);
};

} // namespace quire::server
