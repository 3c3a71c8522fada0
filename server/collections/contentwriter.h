// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "server/sync/syncrows.h"
#include "shared/syncprotocol.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
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

    // Recomputes the derived values of row `id` of `table` (the server's
    // change, whoever asks), after the server changed what they derive from
    // outside any synced table; in the open transaction or in its own.
    shared::VoidResult settle(const QString &table, const QString &id);

    // Runs `work` in one write transaction: what it reads is current, and
    // the upserts and removals it makes through this writer apply together,
    // or none does when one fails or `work` does (a reorder of many rows).
    // Replicas hear of the changes once it commits.
    shared::VoidResult transaction(const std::function<shared::VoidResult()> &work);

private:
    // One change, in the open transaction or in its own.
    shared::VoidResult apply(shared::SyncProtocol::Mutation m, std::optional<qint64> expectedRev);
    void publish(qint64 lastSeq);

    WorkerServices &m_services;
    const Principal &m_who;
    bool m_inTransaction = false;
    qint64 m_lastSeq = 0; // the last change the open transaction made
};

} // namespace quire::server
