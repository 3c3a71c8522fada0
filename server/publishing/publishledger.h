// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/publishing/connector.h"
#include "server/publishing/publishingnames.h"
#include "shared/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// One delivery an instance claimed: the ledger row and what it needs to
// find the rest.
struct LedgerClaim
{
    QString destinationId;
    QString postId;
    QString platformId;
    QString ownerId;
    QString idempotencyKey;
    int attempts = 0; // counting this one
};

// What became of a delivery, as the ledger records it.
struct LedgerOutcome
{
    LedgerState state = LedgerState::Failed; // Sent, Retry, Failed or Cancelled
    QString remoteId;
    QString remoteUrl;
    std::optional<DeliveryError> error;
    QString message;
    QDateTime nextAttemptAt; // for Retry
};

// The post publisher's ledger (publish_attempts, migration 21) and the
// synced statuses that mirror it. Every function runs inside the caller's
// write transaction, so a ledger change commits together with the
// destination's and the post's status (written as server changes: a new
// rev and a revision, so replicas pull them) or not at all. `lastSeq` is
// raised to the last change made, for the change feed.
//
// Ledger states and what a destination shows:
//   due, retry -> pending; claimed -> publishing; sent -> published;
//   failed -> failed; cancelled -> cancelled.
// A row reaches sent only from claimed, and nothing leaves sent: a
// destination the network confirmed is never shown failed.
namespace PublishLedger {

// Scheduled posts due at `now` (at most `limit`) become publishing, each
// by a conditional update so that of two instances only one does it; each
// live destination gets a ledger row (a fresh idempotency key) unless it
// has one, and a failed or cancelled one is due again. A post without a
// destination fails. Answers how many posts were taken.
shared::Result<int> promoteDue(shared::Database &db, const QDateTime &now, int limit, qint64 &lastSeq);

// Claims up to `limit` deliveries that are due, waiting for a retry whose
// time came, or claimed by an instance whose lease ran out (the outcome
// unknown: the same idempotency key goes again). Each by a conditional
// update: two instances never hold the same row. The destinations show
// publishing.
shared::Result<QList<LedgerClaim>> claim(shared::Database &db, const QString &holder, const QDateTime &now,
                                         qint64 leaseMs, int limit, qint64 &lastSeq);

// The delivery of a claim, without the secret; nullopt when the post or
// the destination went, or the post was cancelled or sent back to draft
// meanwhile (the caller then records Cancelled).
shared::Result<std::optional<Delivery>> delivery(shared::Database &db, const LedgerClaim &claim);

// Records `outcome` for a delivery `holder` claimed, with the
// destination's status and the post's derived one; false when the claim is
// no longer ours (its lease ran out and another instance took it), and
// then nothing changes.
shared::Result<bool> record(shared::Database &db, const QString &holder, const QString &destinationId,
                            const LedgerOutcome &outcome, const QDateTime &now, qint64 &lastSeq);

// Every claim whose holder is gone (a sole instance at start: whatever
// was claimed was claimed by a process that no longer runs) becomes due at
// once, with its key. Answers how many.
shared::Result<int> releaseOrphans(shared::Database &db, const QDateTime &now);

// A failed delivery of the post is due again now (a manual retry); false
// when the destination is not the post's or has not failed.
shared::Result<bool> retryFailed(shared::Database &db, const QString &postId, const QString &destinationId,
                                 const QDateTime &now, qint64 &lastSeq);

// The ledger state of each live destination of the post (destination id ->
// state); a destination without a row is absent.
shared::Result<QMap<QString, LedgerState>> statesOf(shared::Database &db, const QString &postId);

// The earliest time something may become due (a scheduled post, a retry,
// a lease running out); nullopt when nothing waits.
shared::Result<std::optional<QDateTime>> nextWake(shared::Database &db);

// Sets columns of a synced row as the server's change (a new rev and a
// revision), when they differ; a row missing or deleted is left alone.
shared::VoidResult serverChange(shared::Database &db, const QString &table, const QString &id,
                                const nlohmann::json &values, const QString &now, qint64 &lastSeq);

} // namespace PublishLedger
} // namespace quire::server
