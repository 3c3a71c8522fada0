// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace quire::server {

// `quire-server rotate-key --credential-key-file PATH [--data-dir DIR]
// [--database-url URL]`: puts a fresh key first in the key file
// (CredentialKeys::addCurrentKey) and seals every stored platform
// credential anew under it in one transaction, printing how many. The old
// keys stay in the file, so a server still running with them reads every
// value; remove them once every instance has restarted.
class RotateKeyCommand
{
public:
    // `args` follow the command word (ServerCommandLine's Parsed::args);
    // answers the process exit code (0, 1 runtime error, 2 usage).
    static int run(const QStringList &args);
};

} // namespace quire::server
