// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "server/sync/syncrows.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::server {

class WorkerServices;

// Changes synced rows on behalf of a REST API request: the same rules,
// merge, revisions and change feed as a replica's push (SyncPush::applyOne),
// so a change made over the API reaches every replica and the site's cache.
class ContentWriter
{
public:
    ContentWriter(WorkerServices &services, const Principal &who);

    // The stored row `id` of `table` if `who` may see it (tombstones are
    // not found).
    shared::Result<std::optional<StoredRow>> load(const QString &table, const QString &id);

    // Creates or changes a row; the stored row after it, or the error to
    // answer with (errorResponse() in servercontext.h).
    shared::Result<StoredRow> upsert(const QString &table, const QString &id, const nlohmann::json &fields,
                                     std::optional<qint64> expectedRev = std::nullopt);
    shared::VoidResult remove(const QString &table, const QString &id,
                              std::optional<qint64> expectedRev = std::nullopt);

private:
    WorkerServices &m_services;
    const Principal &m_who;
};

} // namespace quire::server
