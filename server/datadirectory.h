// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace quire::server {

// The server's data directory: created when missing, proven writable before
// anything is stored, and locked so two servers never share one database.
class DataDirectory
{
public:
    // Creates the directory if needed and checks that files can be written in it.
    static shared::VoidResult prepare(const QString &path);

    // Holds DATA_DIR/quire-server.lock for as long as the result lives.
    static shared::Result<std::unique_ptr<QLockFile>> lock(const QString &path);
};

} // namespace quire::server
