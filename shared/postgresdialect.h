// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/sqldialect.h"

namespace quire::shared {

// How PostgreSQL 15 spells what SqlDialect asks for. A row's key is its
// text id (PostgreSQL has no rowid); full-text search is a derived table of
// tsvector documents with a GIN index (see PostgresObjects), searched with
// prefix tsqueries and ranked with ts_rank_cd; case-insensitive order and
// comparison go through lower(), which the derived indexes use too.
class PostgresDialect final : public SqlDialect
{
public:
    bool isPostgres() const override { return true; }

    QString integerType() const override;
    QString realType() const override;
    QString blobType() const override;
    QString autoIncrementKey() const override;
    QString tableOptions(bool withoutRowid) const override;
    QString randomHex16() const override;
    QString nowText() const override;
    QString dropTrigger(const QString &name, const QString &table) const override;
    QString rowKeyType() const override;
    QString distinct(const QString &a, const QString &b) const override;

    QString rowKey(const QString &alias) const override;
    QString fullTextCondition(const SyncTable &table, const QString &alias) const override;
    QString fullTextMatches(const SyncTable &table) const override;
    QString keyInList(const QString &alias) const override;
    QString withoutIndex(const QString &column) const override;
    QString fullTextHasWord(const SyncTable &table, const QString &alias, const QString &word) const override;
    QString fullTextQuery(const QString &words) const override;
    QString listHasItem(const SyncTable &table, const SyncColumn &column, const QString &alias) const override;
    QString sortExpression(const SyncColumn &column, const QString &alias) const override;
    QString caseless(const QString &expression) const override;
    QString containsText(const QString &haystack, const QString &needle) const override;
    RankedSearch rankedSearch(const SyncTable &table, const QString &alias, const QHash<QString, double> &weights,
                              int words) const override;
    QString upsert(const QString &table, const QStringList &columns, const QStringList &key) const override;
    QString insertIfAbsent(const QString &table, const QStringList &columns, const QStringList &key) const override;
    QString ownChangesStatement() const override;
    QString othersCommitsStatement() const override;
    QString beginSnapshot() const override;
    QString takeChangeNumbers() const override;

    // The text search configuration every document and query uses: words
    // as written, lower-cased, no stemming (as SQLite's unicode61).
    static QString textConfig() { return QStringLiteral("'simple'"); }
    // The tsvector of the searched columns of a row (`row`: "new", or a
    // table alias), the first searched column weighted A, the next B, C, D.
    static QString document(const SyncTable &table, const QString &row);

private:
    static QString insert(const QString &table, const QStringList &columns, const QStringList &key,
                          const QString &onConflict);
};

} // namespace quire::shared
