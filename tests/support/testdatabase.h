// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/database.h"

#include <QByteArray>

#include <memory>

namespace quire::test {

class ServerProcess;

// The database a test server runs on, opened by the test itself (to look
// or to set something up): its SQLite file, or its PostgreSQL database.
// Also what differs between the engines around it, so one test function
// runs on both: what a backup file is, and how a database goes away.
class TestDatabase
{
public:
    static shared::Result<std::unique_ptr<shared::Database>> open(const ServerProcess &server);
    // The database of a server on `dataDir` that is not started yet (or no
    // longer runs), as ServerProcess would give it.
    static shared::Result<std::unique_ptr<shared::Database>> openDataDir(const QString &dataDir);

    // Everything the server's database holds, to show what it does not: on
    // SQLite the bytes of its file and its write-ahead log (free pages
    // included), as they are and read as UTF-16 text; on PostgreSQL, whose files belong to the cluster, every
    // row of every table in its text form (binary values in hex).
    static shared::Result<QByteArray> contents(const ServerProcess &server);
    // True when the tests run on PostgreSQL (ServerProcess::postgresCluster()).
    static bool onPostgres();

    // The epoch written in a file `backup` wrote; empty when none can be read.
    static QString epochOfBackup(const QString &file);
    // The server's epoch now (the server may be stopped).
    static QString epochOf(const ServerProcess &server);
    // The name pattern of the files `backup --into` writes.
    static QString backupPattern();
    // How many copies of a replaced database restores kept (SQLite's
    // quire.db.before-restore-* files, PostgreSQL's quire_before_restore_*
    // schemas).
    static int keptByRestores(const ServerProcess &server);

    // Makes the running server's database unreachable, as a lost disk or a
    // database server gone would: SQLite's file is renamed away; on
    // PostgreSQL the database stops taking connections and the server's are
    // ended. bringBack() undoes it.
    static bool takeAway(const ServerProcess &server);
    static bool bringBack(const ServerProcess &server);
};

} // namespace quire::test
