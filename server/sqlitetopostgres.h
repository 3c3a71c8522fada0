// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>
#include <QStringList>

namespace quire::server {

// Moves a site from its SQLite file into a new, empty PostgreSQL database:
// what `quire-server migrate-to-postgres` does. The target gets the same
// numbered migrations first; then every table the schema holds (the
// declared tables and the server's own, read from SQLite's catalogue; not what
// triggers derive from them, which PostgreSQL's triggers rebuild as the
// rows arrive) is copied row by row with its ids, revisions, sync positions
// (sync_state, change numbers, the epoch) and sessions, in one transaction,
// and the identity sequences are set past the copied maxima. Clients carry
// on without a resync: same epoch, same cursor.
class SqliteToPostgres
{
public:
    // `--from FILE --database-url URL`; the lines to tell the operator.
    static shared::Result<QStringList> command(const QStringList &args);
    static shared::Result<QStringList> copy(const QString &sqlitePath, const QString &url);
};

} // namespace quire::server
