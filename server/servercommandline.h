// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>
#include <QStringList>

namespace quire::server {

// Finds quire-server's command among its options, which may stand before
// and after it as with git and systemctl: `quire-server --data-dir D
// create-user` is `quire-server create-user --data-dir D`. Knows every
// command's options (serve's from ServerConfigLoader's table), so a value
// is never taken for the command and an option the command does not have
// is refused by name.
class ServerCommandLine
{
public:
    struct Parsed
    {
        QString command; // `serve` when none is named
        QStringList args; // the options before and after it, in their order
    };

    // `args` are the arguments after the program name.
    static shared::Result<Parsed> parse(const QStringList &args);
};

} // namespace quire::server
