// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace quire::server {

// Backup and restore of a server database on PostgreSQL, through the
// PostgreSQL client programs (pg_dump and pg_restore of Debian's
// postgresql-client, custom format): what `backup` and `restore` do there.
// A dump holds the schema `public` (Quire's tables); a restore moves the
// tables it replaces into a schema of their own beside it, as the SQLite
// restore keeps the replaced file, and gives the restored data a new epoch.
class PostgresBackup
{
public:
    // A consistent snapshot of the database at `url` into the new file `target`.
    static shared::VoidResult dump(const QString &url, const QString &target);
    // Replaces the tables of the database at `url` by those of the dump
    // `file`. Returns the lines to tell the operator.
    static shared::Result<QStringList> restore(const QString &url, const QString &file, bool endSessions);

    // How the client programs reach the database at `url`: libpq's PG*
    // variables (the password stays off the command line).
    static QProcessEnvironment environment(const QString &url);
    // The client program `name` (pg_dump, pg_restore): QUIRE_PG_BINDIR, the
    // newest /usr/lib/postgresql/N/bin, or PATH.
    static shared::Result<QString> program(const QString &name);
    // Runs `name` on the database at `url`; its standard output, or its
    // first error line as the Error.
    static shared::Result<QByteArray> run(const QString &name, const QStringList &args, const QString &url);
};

} // namespace quire::server
