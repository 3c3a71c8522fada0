// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "server/sync/syncrows.h"
#include "shared/result.h"

#include <QByteArray>
#include <QHash>
#include <QUrlQuery>

#include <optional>

namespace quire::shared {
class Database;
struct SyncTable;
} // namespace quire::shared

namespace quire::server {

class SyncAccess;

// One page of any declared table for the REST API: the rows the caller may
// see, filtered by the declared filters, searched through the full-text
// index, sorted by a declared sort and paged by a cursor, so a deep page
// costs what the first does. Every sort and filter it accepts has an index
// (DeclaredSchema), which the conformance suite checks.
//
// Query parameters: per_page (1-100, default 20), cursor (next_cursor of
// the page before), page (offset paging, kept for old clients; a deep page
// costs a scan), sort (a declared sortKey), order (asc, desc), q (words),
// total (true: also count the matches; costs a count), and each declared
// filterKey (a List column: one of its items; a reference: id or slug).
// With q, sort=relevance orders the matches best first (the table's
// labelColumn weighs most, so a title match comes before a text match);
// its cursor counts the matches served, as ranking reads them all anyway.
class CollectionListing
{
public:
    // A condition a feature adds on the table (aliased `t`) beyond the
    // declared filters, e.g. a join to rows of another table; its SQL is
    // written in code, its values bound.
    struct Condition
    {
        QString sql;
        QVariantList binds;
    };

    struct Page
    {
        QList<StoredRow> rows;
        QStringList ownerNames; // per row, when the table has owner_id
        QString nextCursor; // empty on the last page
        int perPage = 0;
        int page = 0; // with offset paging
        std::optional<qint64> total;

        // The answer's frame: per_page, next_cursor, page and total as asked.
        nlohmann::json envelope(nlohmann::json items) const;
    };

    CollectionListing(shared::Database &db, const shared::SyncTable &table, const SyncAccess &access);

    // `preset` filters are fixed by the route (e.g. kind for /guides) and
    // override the query's.
    shared::Result<Page> run(const Principal &who, const QUrlQuery &query, const QHash<QString, QString> &preset = {},
                             const QList<Condition> &extra = {}) const;

    // The statement run() would run for `query` (for EXPLAIN QUERY PLAN).
    shared::Result<QPair<QString, QVariantList>> statement(const Principal &who, const QUrlQuery &query,
                                                           const QHash<QString, QString> &preset = {},
                                                           const QList<Condition> &extra = {}) const;

    // The sort that orders search matches by relevance.
    static constexpr const char *kRelevance = "relevance";

private:
    struct Plan;
    // Searches whose matches are at most this many look them up by key.
    static constexpr int kFewMatches = 2000;
    // The keys of the rows matching `fullTextQuery` as a JSON array when
    // there are at most kFewMatches; none when there are more.
    shared::Result<std::optional<QByteArray>> fewMatches(const QString &fullTextQuery) const;
    shared::Result<Plan> plan(const Principal &who, const QUrlQuery &query, const QHash<QString, QString> &preset,
                              const QList<Condition> &extra) const;

    shared::Database &m_db;
    const shared::SyncTable &m_table;
    const SyncAccess &m_access;
};

} // namespace quire::server
