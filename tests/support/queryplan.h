// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace quire::shared {
class Database;
}

namespace quire::test {

// The plan an engine chooses for a statement, read the same way on SQLite
// (EXPLAIN QUERY PLAN) and on PostgreSQL (EXPLAIN (FORMAT JSON)): which
// table each step reads through which index and by which columns, which
// steps read a table whole, and which sort. Tests use it to show that a
// statement stays an index search however large the tables grow.
class QueryPlan
{
public:
    struct Step
    {
        QString table; // as the statement names it (its alias)
        QString index; // empty when the step uses none
        QStringList columns; // the columns the index is searched by
        bool readsWholeTable = false; // a table (or a whole index) read from end to end
        bool sorts = false; // rows sorted apart (SQLite's temporary B-tree, PostgreSQL's Sort)
        QString text; // the engine's own words, for messages
    };

    // Explains `sql` on `db`: the plan for any values, as SQLite's EXPLAIN
    // QUERY PLAN gives it and as a statement prepared once runs (on
    // PostgreSQL the generic plan; `binds` give the placeholders their
    // types). PostgreSQL plans for the statistics it has: a test whose
    // tables hold a handful of rows, which it rightly reads whole, fills and
    // analyses them first (inside a transaction it rolls back). SQLite's
    // planner, without statistics, takes every table to be large.
    static shared::Result<QueryPlan> of(shared::Database &db, const QString &sql, const QVariantList &binds = {});

    const QList<Step> &steps() const { return m_steps; }
    // The steps that read a table whole or sort: what must not grow with the data.
    QList<Step> costlySteps() const;
    // Every step's text, one a line.
    QString describe() const;

private:
    static shared::Result<QueryPlan> ofSqlite(shared::Database &db, const QString &sql, const QVariantList &binds);
    static shared::Result<QueryPlan> ofPostgres(shared::Database &db, const QString &sql, const QVariantList &binds);

    QList<Step> m_steps;
};

} // namespace quire::test
