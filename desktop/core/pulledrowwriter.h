// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/sqlitestatement.h"
#include "shared/result.h"
#include "shared/syncprotocol.h"
#include "shared/synctable.h"

#include <QHash>
#include <QSqlDatabase>

#include <memory>
#include <string>
#include <vector>

namespace quire::desktop {

// Writes the upserted rows of one pull page into the replica: the hot path
// of a large pull, so its statements are prepared once per page and bound
// with the UTF-8 the page already holds.
class PulledRowWriter
{
public:
    explicit PulledRowWriter(QSqlDatabase db);

    // The server's copy of the row; `keepData` stores its values too (the
    // base of local changes), otherwise they are "as the working row".
    shared::VoidResult writeServerRow(const shared::SyncProtocol::Change &change, bool keepData, qint64 generation);
    // The working copy, set straight from the server's row.
    shared::VoidResult writeWorkingRow(const shared::SyncTable &table, const shared::SyncProtocol::Change &change);

private:
    struct TableStatement
    {
        std::unique_ptr<SqliteStatement> statement;
        std::vector<std::string> keys; // the columns' JSON keys, made once, not per row
    };

    QSqlDatabase m_db;
    std::unique_ptr<SqliteStatement> m_serverRow;
    QHash<QString, std::shared_ptr<TableStatement>> m_working;
};

} // namespace quire::desktop
