// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/synctable.h"

#include <QSqlQuery>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace quire::shared {
class Database;
}

namespace quire::server {

// One synced row as the server stores it: the table's columns, plus the
// fixed id, rev and tombstone flag.
struct StoredRow
{
    nlohmann::json values; // every column of the table, and "id"
    qint64 rev = 0;
    bool deleted = false;
};

// Reads and writes rows of any registered table. The SQL is built from the
// table's column list (names from code, never from requests); every value
// is bound.
class SyncRows
{
public:
    SyncRows(shared::Database &db, const shared::SyncTable &table);

    shared::Result<std::optional<StoredRow>> load(const QString &id);
    shared::VoidResult write(const StoredRow &row, const QString &deletedAt);

    // The SELECT list for a row: "id, <columns>, rev, deleted".
    QString selectList() const;
    // Turns a query positioned on a row of selectList() into a StoredRow.
    StoredRow read(const QSqlQuery &query) const;
    // The same row appended to `out` as the JSON object read() and the
    // pull would make of it (every column, "id" and "rev"), without
    // building it as a tree first: the pull's hot path.
    void appendJson(const QSqlQuery &query, std::string &out) const;

private:
    shared::Database &m_db;
    const shared::SyncTable &m_table;
    std::vector<std::string> m_keys; // ",\"column\":" for each column, made once
};

// The server's change sequence: the next number for a change, in the
// caller's write transaction.
shared::Result<qint64> nextSequence(shared::Database &db);

} // namespace quire::server
