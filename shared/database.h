// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <memory>

namespace quire::shared {

class SqlDialect;

// One connection to a Quire SQLite database, set up the same way on the
// server and in the desktop replica: WAL journal, foreign keys on, a busy
// timeout, full fsync. Qt SQL ties a connection to the thread that opened it,
// so each thread opens its own Database. Failures come back as Errors; no
// query result is ever dropped unchecked.
class Database
{
public:
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QString path() const { return m_path; }
    QSqlDatabase handle() const;
    // How this connection's engine spells what plain SQL does not say.
    const SqlDialect &dialect() const;

    // Prepares, binds positionally and runs one statement. A QVariant() binds
    // NULL; a null QString binds '' (see exec()).
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    // What to bind for `value` so that it is stored exactly (exec() and run()
    // use it; a statement prepared by hand must too): a null QString
    // becomes '', and text starting with a byte-order mark keeps it.
    static QVariant bindable(const QVariant &value);
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
    // empty when there is no such table.
    Result<QStringList> columnNames(const QString &table, const QString &schema = QStringLiteral("main"));

    // Cheap check that the database still answers and that its file is still
    // the one opened: a file deleted or replaced under a running process
    // would silently swallow every later write.
    VoidResult ping();

private:
    Database(QString connectionName, QString path);
    VoidResult configure();

    static constexpr qsizetype kMaxCachedStatements = 128;

    QString m_connectionName;
    mutable QSqlDatabase m_handle;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    QString m_path;
    quint64 m_device = 0;
    quint64 m_inode = 0;
};

} // namespace quire::shared
