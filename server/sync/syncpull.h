// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "shared/result.h"
#include "shared/syncprotocol.h"

namespace quire::shared {
class Database;
}

namespace quire::server {

// Answers one pull page: the rows a user may see that changed after a
// cursor, with tombstones and "left your scope" markers, in sequence order.
// Reads in one transaction so the page and its cursor agree. A cursor from
// another history, past the retention of tombstones or older than a change
// of the user's role answers `resync_required`.
class SyncPull
{
public:
    SyncPull(shared::Database &db, const Principal &who, QString epoch);

    shared::Result<shared::SyncProtocol::PullResponse> run(const shared::SyncProtocol::Cursor &cursor, int limit);

private:
    shared::Result<shared::SyncProtocol::PullResponse> page(const shared::SyncProtocol::Cursor &cursor, int limit);

    shared::Database &m_db;
    const Principal &m_who;
    QString m_epoch;
};

} // namespace quire::server
