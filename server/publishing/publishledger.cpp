// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/publishledger.h"

#include "server/audit/auditchain.h"
#include "server/sync/syncaccess.h"
#include "server/sync/syncrows.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/schedulernames.h"
#include "shared/schedulertables.h"
#include "shared/timestamp.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariant>

namespace quire::server::PublishLedger {

namespace {

using shared::DestinationStatus;
using shared::PostStatus;
using shared::Result;
using shared::VoidResult;

// Revisions the publisher writes name it as their replica, so no replica
// counts them as its own.
const QString kClientId = QStringLiteral("publisher");

QString stateName(LedgerState state)
{
    return kLedgerStates.name(state);
}

QString postStatus(PostStatus status)
{
    return shared::kPostStatuses.name(status);
}

// 128 random bits from the system's generator, as hex.
QString newIdempotencyKey()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

// What a destination shows for a ledger state.
DestinationStatus shownAs(LedgerState state)
{
    switch (state) {
    case LedgerState::Due:
    case LedgerState::Retry:
        return DestinationStatus::Pending;
    case LedgerState::Claimed:
        return DestinationStatus::Publishing;
    case LedgerState::Sent:
        return DestinationStatus::Published;
    case LedgerState::Failed:
        return DestinationStatus::Failed;
    case LedgerState::Cancelled:
        return DestinationStatus::Cancelled;
    }
    return DestinationStatus::Pending;
}

// The revision of a row changed by a conditional update that already set its rev.
VoidResult recordRevision(shared::Database &db, const QString &table, const QString &id, qint64 rev, const QString &now)
{
    SyncRows rows(db, SyncAccess::find(table)->table());
    Result<std::optional<StoredRow>> row = rows.load(id);
    if (!row)
        return row.error();
    if (!*row)
        return VoidResult::success();
    return db.run(QStringLiteral("INSERT INTO sync_revisions(tbl, row_id, rev, data, created_at, user_id, client_id) "
                                 "VALUES (?, ?, ?, ?, ?, '', ?)"),
                  { table, id, rev, QString::fromUtf8(shared::toJsonBytes((*row)->values)), now, kClientId });
}

// A post's status from its destinations' ledger states: still working
// while any is unsettled; else published when every one was sent, failed
// when none was, partially published in between. Only a post the
// publisher holds (publishing or one of its outcomes) is changed: an
// author who cancelled it or sent it back to draft keeps their choice.
VoidResult settlePost(shared::Database &db, const QString &postId, const QString &now, qint64 &lastSeq)
{
    Result<QVariant> current
        = db.scalar(QStringLiteral("SELECT status FROM posts WHERE id = ? AND deleted = 0"), { postId });
    if (!current)
        return current.error();
    const std::optional<PostStatus> status = shared::kPostStatuses.fromName(current->toString());
    if (!status || shared::isAuthorStatus(*status))
        return VoidResult::success();
    Result<QMap<QString, LedgerState>> states = statesOf(db, postId);
    if (!states)
        return states.error();
    int sent = 0, settled = 0, counted = 0;
    for (LedgerState s : std::as_const(*states)) {
        if (s == LedgerState::Cancelled)
            continue;
        ++counted;
        if (s == LedgerState::Sent)
            ++sent;
        if (s == LedgerState::Sent || s == LedgerState::Failed)
            ++settled;
    }
    PostStatus next = PostStatus::Publishing;
    if (settled == counted)
        next = sent == counted && counted > 0 ? PostStatus::Published
            : sent == 0                       ? PostStatus::Failed
                                              : PostStatus::PartiallyPublished;
    return serverChange(db, shared::postsTable(), postId, { { "status", postStatus(next).toStdString() } }, now,
                        lastSeq);
}

// The destination's synced columns for the ledger row as it now is.
VoidResult mirrorDestination(shared::Database &db, const QString &destinationId, const QString &now, qint64 &lastSeq)
{
    Result<QSqlQuery> q = db.exec(QStringLiteral("SELECT state, attempts, remote_url, error_code, error_message "
                                                 "FROM publish_attempts WHERE destination_id = ?"),
                                  { destinationId });
    if (!q)
        return q.error();
    if (!q->next())
        return VoidResult::success();
    const LedgerState state = kLedgerStates.fromName(q->value(0).toString()).value_or(LedgerState::Due);
    const QString code = q->value(3).toString();
    const QString error = code.isEmpty() ? QString() : code + QStringLiteral(": ") + q->value(4).toString();
    const nlohmann::json values {
        { "status", shared::kDestinationStatuses.name(shownAs(state)).toStdString() },
        { "attempts", QString::number(q->value(1).toLongLong()).toStdString() },
        { "published_url", state == LedgerState::Sent ? q->value(2).toString().toStdString() : std::string() },
        { "last_error", error.left(2000).toStdString() },
    };
    return serverChange(db, shared::postDestinationsTable(), destinationId, values, now, lastSeq);
}

QStringList jsonList(const QString &text)
{
    QStringList out;
    const nlohmann::json list = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (list.is_array()) {
        for (const nlohmann::json &item : list) {
            if (item.is_string())
                out << QString::fromStdString(item.get<std::string>());
        }
    }
    return out;
}

nlohmann::json jsonObject(const QString &text)
{
    nlohmann::json object = nlohmann::json::parse(text.toStdString(), nullptr, false);
    return object.is_object() ? object : nlohmann::json::object();
}

} // namespace

VoidResult serverChange(shared::Database &db, const QString &table, const QString &id, const nlohmann::json &values,
                        const QString &now, qint64 &lastSeq)
{
    SyncRows rows(db, SyncAccess::find(table)->table());
    Result<std::optional<StoredRow>> loaded = rows.load(id);
    if (!loaded)
        return loaded.error();
    if (!*loaded || (*loaded)->deleted)
        return VoidResult::success();
    StoredRow row = **loaded;
    bool changed = false;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (row.values.value(it.key(), nlohmann::json()) != *it) {
            row.values[it.key()] = *it;
            changed = true;
        }
    }
    if (!changed)
        return VoidResult::success();
    row.values["updated_at"] = now.toStdString();
    Result<qint64> seq = nextSequence(db);
    if (!seq)
        return seq.error();
    row.rev = *seq;
    if (VoidResult r = rows.write(row, QString()); !r)
        return r;
    lastSeq = std::max(lastSeq, *seq);
    return db.run(QStringLiteral("INSERT INTO sync_revisions(tbl, row_id, rev, data, created_at, user_id, client_id) "
                                 "VALUES (?, ?, ?, ?, ?, '', ?)"),
                  { table, id, *seq, QString::fromUtf8(shared::toJsonBytes(row.values)), now, kClientId });
}

Result<int> promoteDue(shared::Database &db, const QDateTime &now, int limit, qint64 &lastSeq)
{
    const QString at = shared::Timestamp::format(now);
    const QString scheduled = postStatus(PostStatus::Scheduled);
    Result<QSqlQuery> due = db.exec(QStringLiteral("SELECT id FROM posts WHERE status = ? AND deleted = 0 AND "
                                                   "scheduled_at <> '' AND scheduled_at <= ? ORDER BY scheduled_at "
                                                   "LIMIT ?"),
                                    { scheduled, at, limit });
    if (!due)
        return due.error();
    QStringList ids;
    while (due->next())
        ids << due->value(0).toString();
    int taken = 0;
    for (const QString &postId : std::as_const(ids)) {
        // The claim: only while still scheduled (on PostgreSQL another
        // instance's row lock makes us wait for its commit, then find
        // nothing to update).
        Result<QSqlQuery> claimed = db.exec(QStringLiteral("UPDATE posts SET status = ?, updated_at = ? "
                                                           "WHERE id = ? AND status = ? AND deleted = 0"),
                                            { postStatus(PostStatus::Publishing), at, postId, scheduled });
        if (!claimed)
            return claimed.error();
        if (claimed->numRowsAffected() != 1)
            continue;
        ++taken;
        Result<qint64> seq = nextSequence(db);
        if (!seq)
            return seq.error();
        if (VoidResult r = db.run(QStringLiteral("UPDATE posts SET rev = ? WHERE id = ?"), { *seq, postId }); !r)
            return r.error();
        if (VoidResult r = recordRevision(db, shared::postsTable(), postId, *seq, at); !r)
            return r.error();
        lastSeq = std::max(lastSeq, *seq);

        Result<QSqlQuery> destinations = db.exec(
            QStringLiteral("SELECT id, platform_id, owner_id FROM post_destinations WHERE post_id = ? AND deleted = 0"),
            { postId });
        if (!destinations)
            return destinations.error();
        QStringList destinationIds;
        while (destinations->next()) {
            const QString id = destinations->value(0).toString();
            destinationIds << id;
            if (VoidResult r
                = db.run(QStringLiteral("INSERT INTO publish_attempts(destination_id, post_id, platform_id, owner_id, "
                                        "idempotency_key, state, attempts, next_attempt_at, created_at, updated_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT(destination_id) DO NOTHING"),
                         { id, postId, destinations->value(1).toString(), destinations->value(2).toString(),
                           newIdempotencyKey(), stateName(LedgerState::Due), at, at, at });
                !r)
                return r.error();
            // Scheduled again after it failed: due once more, with its key.
            if (VoidResult r = db.run(QStringLiteral("UPDATE publish_attempts SET state = ?, attempts = 0, "
                                                     "next_attempt_at = ?, error_code = '', error_message = '', "
                                                     "updated_at = ? WHERE destination_id = ? AND state IN (?, ?)"),
                                      { stateName(LedgerState::Due), at, at, id, stateName(LedgerState::Failed),
                                        stateName(LedgerState::Cancelled) });
                !r)
                return r.error();
        }
        for (const QString &id : std::as_const(destinationIds)) {
            if (VoidResult r = mirrorDestination(db, id, at, lastSeq); !r)
                return r.error();
        }
        if (VoidResult r = settlePost(db, postId, at, lastSeq); !r)
            return r.error();
    }
    return taken;
}

Result<QList<LedgerClaim>> claim(shared::Database &db, const QString &holder, const QDateTime &now, qint64 leaseMs,
                                 int limit, qint64 &lastSeq)
{
    const QString at = shared::Timestamp::format(now);
    const QString until = shared::Timestamp::format(now.addMSecs(leaseMs));
    const QString claimable = QStringLiteral("((state IN (?, ?) AND next_attempt_at <= ?) OR "
                                             "(state = ? AND lease_until <= ?))");
    const QVariantList claimableBinds { stateName(LedgerState::Due), stateName(LedgerState::Retry), at,
                                        stateName(LedgerState::Claimed), at };
    Result<QSqlQuery> due = db.exec(QStringLiteral("SELECT destination_id FROM publish_attempts WHERE %1 "
                                                   "ORDER BY next_attempt_at LIMIT ?")
                                        .arg(claimable),
                                    claimableBinds + QVariantList { limit });
    if (!due)
        return due.error();
    QStringList ids;
    while (due->next())
        ids << due->value(0).toString();
    QList<LedgerClaim> claims;
    for (const QString &id : std::as_const(ids)) {
        Result<QSqlQuery> taken
            = db.exec(QStringLiteral("UPDATE publish_attempts SET state = ?, claimed_by = ?, lease_until = ?, "
                                     "attempts = attempts + 1, updated_at = ? WHERE destination_id = ? AND %1")
                          .arg(claimable),
                      QVariantList { stateName(LedgerState::Claimed), holder, until, at, id } + claimableBinds);
        if (!taken)
            return taken.error();
        if (taken->numRowsAffected() != 1)
            continue; // another instance was first
        Result<QSqlQuery> row = db.exec(QStringLiteral("SELECT post_id, platform_id, owner_id, idempotency_key, "
                                                       "attempts FROM publish_attempts WHERE destination_id = ?"),
                                        { id });
        if (!row)
            return row.error();
        if (!row->next())
            continue;
        claims << LedgerClaim { id,
                                row->value(0).toString(),
                                row->value(1).toString(),
                                row->value(2).toString(),
                                row->value(3).toString(),
                                row->value(4).toInt() };
        if (VoidResult r = mirrorDestination(db, id, at, lastSeq); !r)
            return r.error();
    }
    return claims;
}

Result<std::optional<Delivery>> delivery(shared::Database &db, const LedgerClaim &claim)
{
    Result<QSqlQuery> post = db.exec(QStringLiteral("SELECT body, scheduled_at, status FROM posts "
                                                    "WHERE id = ? AND deleted = 0"),
                                     { claim.postId });
    if (!post)
        return post.error();
    if (!post->next())
        return std::optional<Delivery>();
    const std::optional<PostStatus> status = shared::kPostStatuses.fromName(post->value(2).toString());
    if (status == PostStatus::Cancelled || status == PostStatus::Draft)
        return std::optional<Delivery>();
    Delivery d;
    d.postId = claim.postId;
    d.destinationId = claim.destinationId;
    d.ownerId = claim.ownerId;
    d.idempotencyKey = claim.idempotencyKey;
    d.attempt = claim.attempts;
    d.text = post->value(0).toString();
    d.scheduledAt = post->value(1).toString();
    Result<QSqlQuery> destination = db.exec(QStringLiteral("SELECT text, media, options FROM post_destinations "
                                                           "WHERE id = ? AND deleted = 0"),
                                            { claim.destinationId });
    if (!destination)
        return destination.error();
    if (!destination->next())
        return std::optional<Delivery>();
    if (!destination->value(0).toString().isEmpty())
        d.text = destination->value(0).toString();
    d.media = jsonList(destination->value(1).toString());
    d.options = jsonObject(destination->value(2).toString());
    Result<QSqlQuery> platform = db.exec(QStringLiteral("SELECT kind, base_url, account_handle, settings "
                                                        "FROM platforms WHERE id = ? AND deleted = 0"),
                                         { claim.platformId });
    if (!platform)
        return platform.error();
    if (!platform->next())
        return std::optional<Delivery>();
    d.platform.platformId = claim.platformId;
    d.platform.kind = shared::kPlatformKinds.fromName(platform->value(0).toString()).value_or(d.platform.kind);
    d.platform.baseUrl = platform->value(1).toString();
    d.platform.accountHandle = platform->value(2).toString();
    d.platform.settings = jsonObject(platform->value(3).toString());
    return std::optional<Delivery>(std::move(d));
}

Result<bool> record(shared::Database &db, const QString &holder, const QString &destinationId,
                    const LedgerOutcome &outcome, const QDateTime &now, qint64 &lastSeq)
{
    const QString at = shared::Timestamp::format(now);
    const bool sent = outcome.state == LedgerState::Sent;
    const QString next = outcome.state == LedgerState::Retry ? shared::Timestamp::format(outcome.nextAttemptAt) : at;
    Result<QSqlQuery> done = db.exec(
        QStringLiteral("UPDATE publish_attempts SET state = ?, remote_id = ?, remote_url = ?, error_code = ?, "
                       "error_message = ?, next_attempt_at = ?, claimed_by = '', lease_until = '', updated_at = ?, "
                       "sent_at = ? WHERE destination_id = ? AND state = ? AND claimed_by = ?"),
        { stateName(outcome.state), outcome.remoteId, outcome.remoteUrl,
          outcome.error ? kDeliveryErrors.name(*outcome.error) : QString(), outcome.message.left(1000), next, at,
          sent ? at : QString(), destinationId, stateName(LedgerState::Claimed), holder });
    if (!done)
        return done.error();
    if (done->numRowsAffected() != 1)
        return false;
    if (VoidResult r = mirrorDestination(db, destinationId, at, lastSeq); !r)
        return r.error();
    Result<QSqlQuery> row = db.exec(
        QStringLiteral("SELECT post_id, platform_id, attempts FROM publish_attempts WHERE destination_id = ?"),
        { destinationId });
    if (!row)
        return row.error();
    if (!row->next())
        return true;
    const QString postId = row->value(0).toString();
    if (sent) {
        // Ids and counts only: never the text, never the secret.
        const AuditEntry entry { AuditAction::PostPublished,
                                 QString(),
                                 shared::postsTable(),
                                 postId,
                                 { { "destination_id", destinationId.toStdString() },
                                   { "platform_id", row->value(1).toString().toStdString() },
                                   { "remote_id", outcome.remoteId.toStdString() },
                                   { "attempts", row->value(2).toLongLong() } } };
        if (Result<AuditRecord> r = AuditChain::append(db, entry); !r)
            return r.error();
    }
    if (VoidResult r = settlePost(db, postId, at, lastSeq); !r)
        return r.error();
    return true;
}

Result<int> releaseOrphans(shared::Database &db, const QDateTime &now)
{
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("UPDATE publish_attempts SET lease_until = '', updated_at = ? WHERE state = ?"),
                  { shared::Timestamp::format(now), stateName(LedgerState::Claimed) });
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<bool> retryFailed(shared::Database &db, const QString &postId, const QString &destinationId,
                         const QDateTime &now, qint64 &lastSeq)
{
    const QString at = shared::Timestamp::format(now);
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("UPDATE publish_attempts SET state = ?, attempts = 0, "
                                 "next_attempt_at = ?, error_code = '', error_message = '', "
                                 "updated_at = ? WHERE destination_id = ? AND post_id = ? AND state = ?"),
                  { stateName(LedgerState::Due), at, at, destinationId, postId, stateName(LedgerState::Failed) });
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return false;
    if (VoidResult r = mirrorDestination(db, destinationId, at, lastSeq); !r)
        return r.error();
    if (VoidResult r = serverChange(db, shared::postsTable(), postId,
                                    { { "status", postStatus(PostStatus::Publishing).toStdString() } }, at, lastSeq);
        !r)
        return r.error();
    return true;
}

Result<QMap<QString, LedgerState>> statesOf(shared::Database &db, const QString &postId)
{
    Result<QSqlQuery> q = db.exec(QStringLiteral("SELECT a.destination_id, a.state FROM publish_attempts a "
                                                 "JOIN post_destinations d ON d.id = a.destination_id "
                                                 "WHERE a.post_id = ? AND d.deleted = 0"),
                                  { postId });
    if (!q)
        return q.error();
    QMap<QString, LedgerState> states;
    while (q->next())
        states.insert(q->value(0).toString(),
                      kLedgerStates.fromName(q->value(1).toString()).value_or(LedgerState::Due));
    return states;
}

Result<std::optional<QDateTime>> nextWake(shared::Database &db)
{
    const QList<std::pair<QString, QVariantList>> queries {
        { QStringLiteral("SELECT MIN(scheduled_at) FROM posts WHERE status = ? AND deleted = 0 AND scheduled_at <> ''"),
          { postStatus(PostStatus::Scheduled) } },
        { QStringLiteral("SELECT MIN(next_attempt_at) FROM publish_attempts WHERE state IN (?, ?)"),
          { stateName(LedgerState::Due), stateName(LedgerState::Retry) } },
        { QStringLiteral("SELECT MIN(lease_until) FROM publish_attempts WHERE state = ?"),
          { stateName(LedgerState::Claimed) } },
    };
    std::optional<QDateTime> earliest;
    for (const auto &[sql, binds] : queries) {
        Result<QVariant> v = db.scalar(sql, binds);
        if (!v)
            return v.error();
        const std::optional<QDateTime> at = shared::Timestamp::parse(v->toString());
        if (at && (!earliest || *at < *earliest))
            earliest = at;
    }
    return earliest;
}

} // namespace quire::server::PublishLedger
