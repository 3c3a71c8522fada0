// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace quire::shared {

struct SyncColumn;
struct SyncTable;

// How one database engine spells what the layers above need beyond plain
// SELECT/INSERT: full-text search, the items of a List column, upserts,
// collations and the derived objects of a declared table. Features build
// their SQL from these pieces, so a second engine (PostgreSQL) is one more
// dialect and touches no feature. Every value stays a bound parameter; the
// dialect only ever writes names that come from a declaration.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    // The dialect of the SQLite databases (server and replica).
    static const SqlDialect &sqlite();

    // A condition true for the rows of `table` (aliased `alias`) whose
    // searched columns match the words bound at its one placeholder.
    virtual QString fullTextCondition(const SyncTable &table, const QString &alias) const = 0;
    // What to bind for that placeholder: each word a quoted prefix, so
    // input is never query syntax. Empty when `words` has none.
    virtual QString fullTextQuery(const QString &words) const = 0;
    // A condition true for rows of `table` whose List column `column` holds
    // the item bound at its one placeholder (compared case-insensitively).
    virtual QString listHasItem(const SyncTable &table, const SyncColumn &column, const QString &alias) const = 0;
    // The expression a list sorts by for `column` (text sorts without case).
    virtual QString sortExpression(const SyncColumn &column, const QString &alias) const = 0;
    // INSERT … ON CONFLICT (key) DO UPDATE SET every other column.
    virtual QString upsert(const QString &table, const QStringList &columns, const QStringList &key) const = 0;
};

} // namespace quire::shared
