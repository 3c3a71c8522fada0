// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <memory>

namespace quire::shared {

class SqlDialect;

// One connection to a Quire database: an SQLite file, set up the same way on
// the server and in the desktop replica (WAL journal, foreign keys on, a
// busy timeout, full fsync), or a PostgreSQL database (the server only).
// What the two engines do differently lives here (transactions, backups,
// the catalogue) and in the dialect (SQL spellings). Qt SQL ties a
// connection to the thread that opened it, so each thread opens its own
// Database. Failures come back as Errors; no query result is ever dropped
// unchecked.
class Database
{
public:
    enum class Engine { Sqlite, Postgres };

    // `location` is a postgresql:// URL or the path of an SQLite file.
    static Result<std::unique_ptr<Database>> open(const QString &location);
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path);
    // postgresql://user[:password]@[host][:port]/dbname[?host=/socket/dir]
    // (also postgres://), through Qt's QPSQL driver.
    static Result<std::unique_ptr<Database>> openPostgres(const QString &url);
    static bool isPostgresUrl(const QString &location);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The file's path, or the URL without its password.
    QString path() const { return m_path; }
    Engine engine() const { return m_engine; }
    QSqlDatabase handle() const;
    // How this connection's engine spells what plain SQL does not say.
    const SqlDialect &dialect() const;

    // Prepares, binds positionally and runs one statement. A QVariant() binds
    // NULL; a null QString binds '' (see exec()).
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    // What to bind for `value` so that it is stored exactly (exec() and run()
    // use it; a statement prepared by hand must too): a null QString
    // becomes '', and text starting with a byte-order mark keeps it.
    // (This is SQLite's rule; forBinding() applies this connection's.)
    static QVariant bindable(const QVariant &value);
    QVariant forBinding(const QVariant &value) const;
    // A query on this connection, set up as exec() sets up its own (for a
    // statement prepared by hand). On SQLite it is forward-only. On
    // PostgreSQL it is not: QPSQL reads a forward-only result row by row
    // from the connection, and the next statement run on the connection
    // discards what was not read yet ("Query results lost"), so a loop
    // over one result that runs another statement would silently end early.
    // The whole result arrives at exec() instead, and results stay
    // independent as on SQLite.
    QSqlQuery newQuery() const;
    // A statement prepared once on this connection and kept (run() keeps
    // its own there too), for reads done on every request: the caller binds
    // (bindable()), runs and reads it, and finish()es it before anything
    // asks for the same text again.
    Result<std::shared_ptr<QSqlQuery>> prepared(const QString &sql);
    // The same when only success matters.
    VoidResult run(const QString &sql, const QVariantList &binds = {});
    // The first column of the first row, or a null QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &binds = {});

    // Runs `work` inside BEGIN IMMEDIATE … COMMIT; rolls back when it fails.
    // Write transactions are serialized on both engines (see the .cpp).
    VoidResult transaction(const std::function<VoidResult()> &work);

    // A consistent copy of the whole database into `target` (VACUUM INTO),
    // safe while other connections write. Fails if `target` exists.
    VoidResult backupTo(const QString &target);

    // Moves what the write-ahead log holds into the database file and
    // empties the log, so the file alone is the whole database (before it is
    // moved into place or copied).
    VoidResult checkpoint();

    // Opens the database file `path` beside this one under the schema name
    // `alias` (its tables are `alias.table`) until detach(alias).
    VoidResult attach(const QString &path, const QString &alias);
    VoidResult detach(const QString &alias);
    // The columns of `table` in schema `schema` ("main", or an attached alias),
    // empty when there is no such table. Lower-case type names per column
    // come with columnTypes().
    Result<QStringList> columnNames(const QString &table, const QString &schema = QStringLiteral("main"));
    Result<QList<QPair<QString, QString>>> columnTypes(const QString &table);
    // The names of the tables, indexes and triggers this database holds
    // beyond the engine's own.
    Result<QStringList> objectNames();
    // The tables that hold rows, by name: not the engine's own, and on
    // SQLite not virtual tables (full-text indexes) or their shadow tables.
    Result<QStringList> tableNames();

    // Reads the database file through a memory map of up to `bytes` (SQLite
    // caps it at 2 GB) instead of copying pages into the connection's small
    // cache; nothing to do on PostgreSQL, whose server keeps the pages.
    VoidResult mapForReading(qint64 bytes);
    // Commits on this connection no longer wait for the disk: a crash may
    // lose the last ones, never corrupt anything. For state that is cheap
    // to lose and written often (rate-limit leases).
    VoidResult commitWithoutWaitingForDisk();

    // Cheap check that the database still answers and that its file is still
    // the one opened: a file deleted or replaced under a running process
    // would silently swallow every later write.
    VoidResult ping();

    // Told how long each statement run through exec() or run() took, on the
    // thread that ran it (it must be thread-safe); none by default, and then
    // nothing is timed. The server's metrics set it.
    using QueryObserver = void (*)(qint64 nanoseconds);
    static void setQueryObserver(QueryObserver observer);
    // Connections open in this process right now, on every thread.
    static int openConnections();

private:
    Database(QString connectionName, QString path, Engine engine);
    VoidResult configure();
    VoidResult configurePostgres();
    VoidResult unsupported(const QString &what) const;
    // A statement PostgreSQL cannot prepare (DDL, BEGIN, SET) or one run
    // once: sent as it is.
    bool sendsUnprepared(const QString &sql, const QVariantList &binds) const;
    // PostgreSQL: remembers a failure that means the connection itself is
    // gone (the server restarted, the database was closed to connections),
    // so that the next statement outside a transaction connects again
    // instead of failing for the rest of this connection's life.
    void noteFailure(const QSqlError &error);
    VoidResult reconnectIfLost();

    bool m_lost = false;
    bool m_inTransaction = false;
    // Set by commitWithoutWaitingForDisk(): a connection opened again after
    // a loss is a new PostgreSQL session and must be told again.
    bool m_commitsWithoutWaiting = false;

    static constexpr qsizetype kMaxCachedStatements = 128;

    QString m_connectionName;
    mutable QSqlDatabase m_handle;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    QString m_path;
    Engine m_engine = Engine::Sqlite;
    quint64 m_device = 0;
    quint64 m_inode = 0;
};

} // namespace quire::shared
