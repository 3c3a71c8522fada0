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
    // The dialect of a server on PostgreSQL 15.
    static const SqlDialect &postgres();
    virtual bool isPostgres() const { return false; }

    // Schema spellings, for the numbered migrations and the declared schema.
    // An integer column (64 bits on both engines).
    virtual QString integerType() const = 0;
    // A floating-point column (double precision on both engines).
    virtual QString realType() const = 0;
    virtual QString blobType() const = 0;
    // The column definition of an integer key numbered by the database.
    virtual QString autoIncrementKey() const = 0;
    // What follows a CREATE TABLE's closing parenthesis: SQLite's STRICT
    // (and WITHOUT ROWID when the primary key is the whole row's identity).
    virtual QString tableOptions(bool withoutRowid = false) const = 0;
    // An expression: 32 random hex digits.
    virtual QString randomHex16() const = 0;
    // An expression: the current UTC time as Timestamp writes it.
    virtual QString nowText() const = 0;
    virtual QString dropTrigger(const QString &name, const QString &table) const = 0;
    // The SQL type of rowKey(): derived tables store it.
    virtual QString rowKeyType() const = 0;
    // `a IS NOT b`, NULL-safe.
    virtual QString distinct(const QString &a, const QString &b) const = 0;
    // The column `column` in a condition no index may serve: SQLite, which
    // plans without statistics, would otherwise walk an index by it when
    // the rows are better reached another way (keyInList()).
    virtual QString withoutIndex(const QString &column) const = 0;

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
    // A statement selecting the rowKey() of every row of `table` whose
    // searched columns match the fullTextQuery() bound at its placeholder,
    // straight from the full-text index.
    virtual QString fullTextMatches(const SyncTable &table) const = 0;
    // A condition true for the rows (aliased `alias`) whose rowKey() is in
    // the JSON array bound at its one placeholder (keyList() makes it): a
    // search with few matches looks them up by key instead of walking an
    // index and testing every row.
    virtual QString keyInList(const QString &alias) const = 0;
    // A condition true for rows of `table` whose List column `column` holds
    // the item bound at its one placeholder (compared case-insensitively).
    virtual QString listHasItem(const SyncTable &table, const SyncColumn &column, const QString &alias) const = 0;
    // The expression a list sorts by for `column` (text sorts without case,
    // unless the column is declared caseSensitive).
    virtual QString sortExpression(const SyncColumn &column, const QString &alias) const = 0;
    // A value (`placeholder`, bound) compared with sortExpression(column): it
    // needs the same treatment of case, or a cursor's raw 'Cursor 3' would
    // compare with the lower-cased titles on PostgreSQL.
    QString sortValue(const SyncColumn &column, const QString &placeholder) const;
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
    // placeholders, the marks put before and after each match (on
    // PostgreSQL three: the fullTextQuery() first, as ts_headline needs it).
    struct RankedSearch
    {
        QString from;
        QString condition;
        QString rank;
        QString snippet;
        // PostgreSQL's rank needs the query again: then `rank` has one
        // placeholder of its own, bound to the fullTextQuery() too.
        bool rankTakesQuery = false;
    };
    virtual RankedSearch rankedSearch(const SyncTable &table, const QString &alias,
                                      const QHash<QString, double> &weights, int words) const = 0;
    // INSERT … ON CONFLICT (key) DO UPDATE SET every other column.
    virtual QString upsert(const QString &table, const QStringList &columns, const QStringList &key) const = 0;
    // INSERT … that leaves a row already there with the same `key` as it is
    // (two first uses racing agree on one row).
    virtual QString insertIfAbsent(const QString &table, const QStringList &columns, const QStringList &key) const = 0;
    // One row, one number: how many rows this connection has changed since
    // it opened. Equal numbers mean it wrote nothing in between. (On
    // PostgreSQL, which counts no such thing, the same as othersCommits:
    // it moves with every commit, this connection's too.)
    virtual QString ownChangesStatement() const = 0;
    // One row, one number that moves whenever another connection (in this
    // process or another) commits; unchanged, nobody else wrote.
    virtual QString othersCommitsStatement() const = 0;
    // Opens a read transaction whose every statement sees one snapshot
    // (SQLite's WAL does so for a plain BEGIN; PostgreSQL's default, READ
    // COMMITTED, takes a new one per statement).
    virtual QString beginSnapshot() const = 0;
    // The statement that takes `?` new change numbers from sync_state and
    // answers the last; on PostgreSQL it also NOTIFYs kChangeChannel, which
    // the other instances hear once the transaction commits.
    virtual QString takeChangeNumbers() const = 0;
    static constexpr QLatin1String kChangeChannel { "quire_changes" };
};

} // namespace quire::shared
