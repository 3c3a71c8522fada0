// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/syncpull.h"

#include "server/sync/syncaccess.h"
#include "server/sync/syncrows.h"
#include "shared/database.h"
#include "shared/jsonqt.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;
using namespace shared::SyncProtocol;

namespace {

Error resync(const QString &why)
{
    return Error::make(shared::ErrorCode::ResyncRequired, why);
}

} // namespace

SyncPull::SyncPull(shared::Database &db, const Principal &who, QString epoch)
    : m_db(db)
    , m_who(who)
    , m_epoch(std::move(epoch))
{ }

Result<PullResponse> SyncPull::run(const Cursor &cursor, int limit)
{
    // A read transaction: WAL gives it one snapshot for every query below.
    if (VoidResult r = m_db.run(QStringLiteral("BEGIN")); !r)
        return r.error();
    Result<PullResponse> result = page(cursor, limit);
    if (VoidResult r = m_db.run(QStringLiteral("COMMIT")); !r)
        return r.error();
    return result;
}

Result<PullResponse> SyncPull::page(const Cursor &cursor, int limit)
{
    Result<QVariant> head = m_db.scalar(QStringLiteral("SELECT seq FROM sync_state WHERE id = 1"));
    if (!head)
        return head.error();
    const qint64 headSeq = head->toLongLong();
    const bool fromStart = cursor.isStart();
    if (!fromStart) {
        if (cursor.epoch != m_epoch)
            return resync(QStringLiteral("The server's history changed (it was restored from a backup)."));
        if (cursor.seq > headSeq)
            return resync(QStringLiteral("The cursor is ahead of the server."));
        Result<QVariant> floor
            = m_db.scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'retention_floor'"));
        if (!floor)
            return floor.error();
        if (cursor.seq < floor->toLongLong())
            return resync(QStringLiteral("This replica was away longer than the server keeps deletions."));
        Result<QVariant> scope
            = m_db.scalar(QStringLiteral("SELECT scope_seq FROM users WHERE id = ?"), { m_who.userId });
        if (!scope)
            return scope.error();
        if (cursor.seq < scope->toLongLong())
            return resync(QStringLiteral("Your role changed, so what you may see changed."));
    }

    QList<Change> candidates;
    // Each source reads at most `limit` entries; past the last entry of a
    // source that filled up, this page knows nothing, so it stops there.
    qint64 bound = std::numeric_limits<qint64>::max();
    for (const SyncAccess *access : SyncAccess::all()) {
        SyncRows rows(m_db, access->table());
        QVariantList binds { cursor.seq };
        const QString visible = access->visibleWhere(m_who, binds);
        // A full pull needs no tombstones: the replica has nothing to drop.
        const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE rev > ? AND %3%4 ORDER BY rev LIMIT %5")
                                .arg(rows.selectList(), access->table().name, visible,
                                     fromStart ? QStringLiteral(" AND deleted = 0") : QString())
                                .arg(limit);
        Result<QSqlQuery> q = m_db.exec(sql, binds);
        if (!q)
            return q.error();
        int n = 0;
        qint64 last = 0;
        while (q->next()) {
            ++n;
            StoredRow row = rows.read(*q);
            last = row.rev;
            Change c;
            c.table = access->table().name;
            c.id = QString::fromStdString(row.values.value("id", std::string()));
            c.rev = row.rev;
            if (row.deleted) {
                c.kind = Change::Kind::Delete;
            } else {
                c.kind = Change::Kind::Upsert;
                row.values["rev"] = row.rev;
                c.row = std::move(row.values);
            }
            candidates.append(std::move(c));
        }
        if (n == limit)
            bound = std::min(bound, last);
    }
    if (!fromStart) {
        Result<QSqlQuery> q
            = m_db.exec(QStringLiteral("SELECT seq, tbl, row_id, prev_scope, reason FROM sync_scope_exits "
                                       "WHERE seq > ? ORDER BY seq LIMIT %1")
                            .arg(limit),
                        { cursor.seq });
        if (!q)
            return q.error();
        int n = 0;
        qint64 last = 0;
        while (q->next()) {
            ++n;
            last = q->value(0).toLongLong();
            const SyncAccess *access = SyncAccess::find(q->value(1).toString());
            if (!access)
                continue;
            const nlohmann::json prev = nlohmann::json::parse(q->value(3).toString().toStdString(), nullptr, false);
            if (!access->visible(m_who, prev))
                continue; // they never saw it
            SyncRows rows(m_db, access->table());
            Result<std::optional<StoredRow>> now = rows.load(q->value(2).toString());
            if (!now)
                return now.error();
            if (*now && !(*now)->deleted && access->visible(m_who, access->scopeOf((*now)->values)))
                continue; // visible again: the row itself comes with its later rev
            Change c;
            c.table = access->table().name;
            c.id = q->value(2).toString();
            c.rev = q->value(0).toLongLong();
            c.kind = Change::Kind::LeftScope;
            c.reason = q->value(4).toString();
            candidates.append(std::move(c));
        }
        if (n == limit)
            bound = std::min(bound, last);
    }
    candidates.removeIf([bound](const Change &c) { return c.rev > bound; });
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Change &a, const Change &b) { return a.rev < b.rev; });

    PullResponse response;
    qint64 upTo = headSeq;
    if (candidates.size() > limit) {
        candidates.resize(limit);
        upTo = candidates.last().rev;
        response.hasMore = true;
    } else if (bound != std::numeric_limits<qint64>::max()) {
        upTo = bound;
        response.hasMore = true;
    }
    response.changes = std::move(candidates);
    response.cursor = Cursor { m_epoch, upTo }.toString();
    return response;
}

} // namespace quire::server
