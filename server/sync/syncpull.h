// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "shared/result.h"
#include "shared/syncprotocol.h"

#include <QByteArray>

#include <string>

namespace quire::shared {
class Database;
}

namespace quire::server {

// Answers one pull page: the rows a user may see that changed after a
// cursor, with tombstones and "left your scope" markers, in sequence order.
// Reads in one transaction so the page and its cursor agree. A cursor from
// another history, past the retention of tombstones or older than a change
// of the user's role answers `resync_required`.
//
// The answer is the JSON of a PullResponse, written row by row as the rows
// are read (each change's text straight from the query, no JSON tree of the
// page), so its memory is the page's text and the time is the database's.
class SyncPull
{
public:
    SyncPull(shared::Database &db, const Principal &who, QString epoch);

    // `changes`, when given, is set to how many changes the page holds.
    shared::Result<QByteArray> run(const shared::SyncProtocol::Cursor &cursor, int limit, qint64 *changes = nullptr);

private:
    // One change of the page, as JSON text, and where it sorts.
    struct Entry
    {
        qint64 rev = 0;
        std::string json;
    };
    shared::Result<QByteArray> page(const shared::SyncProtocol::Cursor &cursor, int limit, qint64 *changes);

    shared::Database &m_db;
    const Principal &m_who;
    QString m_epoch;
};

} // namespace quire::server
