// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
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

    // The integer key of a row of a declared table (aliased `alias`), which
    // its derived tables (list items, full-text index) refer to.
    virtual QString rowKey(const QString &alias) const = 0;
    // The derived table that holds a List column's items, one row each:
    // `item` (lower-cased, what filters compare), `value` (as written) and
    // `row_id` (the row's rowKey). Kept by the declared schema for every
    // filterable List column.
    QString listItemsTable(const SyncTable &table, const SyncColumn &column) const;

    // A condition true for the rows of `table` (aliased `alias`) whose
    // searched columns match the words bound at its one placeholder.
    virtual QString fullTextCondition(const SyncTable &table, const QString &alias) const = 0;
    // The same for the one word the SQL expression `word` gives (a column,
    // never input), matched whole, not as a prefix.
    virtual QString fullTextHasWord(const SyncTable &table, const QString &alias, const QString &word) const = 0;
    // What to bind for that placeholder: each word a quoted prefix, so
    // input is never query syntax. Empty when `words` has none.
    virtual QString fullTextQuery(const QString &words) const = 0;
    // A condition true for rows of `table` whose List column `column` holds
    // the item bound at its one placeholder (compared case-insensitively).
    virtual QString listHasItem(const SyncTable &table, const SyncColumn &column, const QString &alias) const = 0;
    // The expression a list sorts by for `column` (text sorts without case,
    // unless the column is declared caseSensitive).
    virtual QString sortExpression(const SyncColumn &column, const QString &alias) const = 0;
    // Text `expression` ordered without regard to (ASCII) case.
    virtual QString caseless(const QString &expression) const = 0;
    // A condition true when text `haystack` contains text `needle` (both SQL
    // expressions), case-sensitively.
    virtual QString containsText(const QString &haystack, const QString &needle) const = 0;

    // A search ranked by relevance over `table`'s full-text index: `from`
    // joins the index to the table (aliased `alias`); `condition` has one
    // placeholder, the fullTextQuery(); `rank` orders best first, each
    // searched column weighted by `weights` (1 when not named); `snippet`
    // is the best matching passage of about `words` words, with two
    // placeholders, the marks put before and after each match.
    struct RankedSearch
    {
        QString from;
        QString condition;
        QString rank;
        QString snippet;
    };
    virtual RankedSearch rankedSearch(const SyncTable &table, const QString &alias,
                                      const QHash<QString, double> &weights, int words) const = 0;
    // INSERT … ON CONFLICT (key) DO UPDATE SET every other column.
    virtual QString upsert(const QString &table, const QStringList &columns, const QStringList &key) const = 0;
    // INSERT … that leaves a row already there with the same `key` as it is
    // (two first uses racing agree on one row).
    virtual QString insertIfAbsent(const QString &table, const QStringList &columns, const QStringList &key) const = 0;
    // One row, one number: how many rows this connection has changed since
    // it opened. Equal numbers mean it wrote nothing in between.
    virtual QString ownChangesStatement() const = 0;
    // One row, one number that moves whenever another connection (in this
    // process or another) commits; unchanged, nobody else wrote.
    virtual QString othersCommitsStatement() const = 0;
};

} // namespace quire::shared
