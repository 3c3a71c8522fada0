// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/sqldialect.h"
#include "shared/synctable.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace quire::shared {

class Database;

// The database objects a declared synced table needs, derived from its
// declaration alone: the table, its indexes for every declared sort and
// filter, the item tables of filterable lists, the kept-up-to-date counts
// of counted columns and the full-text index of searched columns. The
// server and the replica each get their own shape (the server keeps
// tombstones and serves lists; the replica indexes search lazily).
//
// apply() brings a database in line after its numbered migrations, so a new
// type or column needs no hand-written migration; differences() is what the
// schema-agreement tests read on both sides. Objects are named
// <table>_<what>; apply() recreates one whose definition changed.
class DeclaredSchema
{
public:
    enum class Side { Server, Replica };

    // One derived object: its name, its CREATE statement, and what fills it
    // from the table's rows when it is (re)created (may be empty).
    struct Object
    {
        QString type; // "table", "index" or "trigger", as in sqlite_master ("function" on PostgreSQL)
        QString name;
        QString create;
        QStringList fill;
        QString on {}; // the table a trigger is on
    };

    // `dialect`: the engine the objects are spelled for; apply() and
    // differences() use their database's own.
    explicit DeclaredSchema(Side side, const SqlDialect &dialect = SqlDialect::sqlite());

    // The fixed columns of every synced table on this side, with their SQL types.
    QList<QPair<QString, QString>> fixedColumns(const SyncTable &table) const;
    QString createTable(const SyncTable &table) const;
    QList<Object> objects(const SyncTable &table) const;

    // Creates what is missing, adds missing columns, recreates changed
    // objects; for every registered table, in one transaction.
    VoidResult apply(Database &db) const;
    VoidResult apply(Database &db, const SyncTable &table) const;
    // What in `db` disagrees with the declaration of `table` (missing or
    // extra columns, wrong types, missing or changed objects); empty when
    // they agree.
    Result<QStringList> differences(Database &db, const SyncTable &table) const;

private:
    QString columnDefinition(const SyncColumn &column) const;
    // Two placeholders (type, name): the definition an object was made from.
    QString definitionStatement() const;
    QList<Object> serverObjects(const SyncTable &table) const;
    QList<Object> replicaObjects(const SyncTable &table) const;

    Side m_side;
    const SqlDialect *m_sql;
};

} // namespace quire::shared
