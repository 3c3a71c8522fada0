// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/schedulernames.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// One destination of a queued post: where, and how far it got.
struct DestinationState
{
    QString id;
    QString platformName;
    shared::PlatformKind kind = shared::PlatformKind::Webhook;
    shared::DestinationStatus status = shared::DestinationStatus::Pending;
    QString lastError;
    QString preflight; // the server's pre-flight findings; see DestinationDraft

    // Waiting to go out, and the server found something that would stop it.
    bool needsAttention() const { return status == shared::DestinationStatus::Pending && !preflight.isEmpty(); }
};

// One row of the queue.
struct PostSummary
{
    QString id;
    QString title;
    QString clientId;
    QString clientName;
    QDateTime scheduledAt; // UTC; invalid: no time yet
    QString timeZone;
    shared::PostStatus status = shared::PostStatus::Draft;
    QList<DestinationState> destinations;
};

// The queue: posts by time (those without one last), optionally of one
// client and in one status, each with its destinations' statuses.
struct PostQuery
{
    QString clientId; // empty: every client
    std::optional<shared::PostStatus> status;

    shared::Result<QList<PostSummary>> run(shared::Database &db) const;
};

} // namespace quire::desktop
