// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/syncpull.h"

#include "server/sync/jsontext.h"
#include "server/sync/syncaccess.h"
#include "server/sync/syncrows.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/sqldialect.h"

#include <QSqlError>
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

// A page's rows as the database produces them. Database::exec() reads a
// PostgreSQL result whole before it returns, so the database and this
// thread take turns: at a page of 5,000 rows the wait was as long as the
// work. Forward-only, QPSQL reads the rows off the connection one by one
// (single-row mode), and each is turned into JSON while the database still
// reads and sends the rest. The caller reads every row before it runs the
// next statement on the connection (which would drop what is left).
Result<QSqlQuery> streamed(shared::Database &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query = db.newQuery();
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Error::make(shared::ErrorCode::DatabaseError, query.lastError().text());
    for (const QVariant &v : binds)
        query.addBindValue(db.forBinding(v));
    if (!query.exec())
        return Error::make(shared::ErrorCode::DatabaseError, query.lastError().text());
    return query;
}

} // namespace

SyncPull::SyncPull(shared::Database &db, const Principal &who, QString epoch)
    : m_db(db)
    , m_who(who)
    , m_epoch(std::move(epoch))
{ }

Result<QByteArray> SyncPull::run(const Cursor &cursor, int limit, qint64 *changes)
{
    // A read transaction with one snapshot for every query below: the head
    // read first bounds the cursor, so no row may come from a later commit
    // (it would come again on the next pull).
    if (VoidResult r = m_db.run(m_db.dialect().beginSnapshot()); !r)
        return r.error();
    Result<QByteArray> result = page(cursor, limit, changes);
    if (VoidResult r = m_db.run(QStringLiteral("COMMIT")); !r)
        return r.error();
    return result;
}

Result<QByteArray> SyncPull::page(const Cursor &cursor, int limit, qint64 *changes)
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

    std::vector<Entry> candidates;
    // Each source reads at most `limit` entries; past the last entry of a
    // source that filled up, this page knows nothing, so it stops there.
    qint64 bound = std::numeric_limits<qint64>::max();
    // The wire names of the two kinds a row makes, from the protocol's own table.
    const auto opName = [](Change::Kind kind) {
        Change c;
        c.kind = kind;
        return c.toJson().at("op").get<std::string>();
    };
    const std::string upsert = opName(Change::Kind::Upsert);
    const std::string removed = opName(Change::Kind::Delete);
    for (const SyncAccess *access : SyncAccess::all()) {
        SyncRows rows(m_db, access->table());
        QVariantList binds { cursor.seq };
        const QString visible = access->visibleWhere(m_who, binds);
        // A full pull needs no tombstones: the replica has nothing to drop.
        const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE rev > ? AND %3%4 ORDER BY rev LIMIT %5")
                                .arg(rows.selectList(), access->table().name, visible,
                                     fromStart ? QStringLiteral(" AND deleted = 0") : QString())
                                .arg(limit);
        Result<QSqlQuery> q = streamed(m_db, sql, binds);
        if (!q)
            return q.error();
        std::string prefix = "{\"table\":";
        JsonText::appendString(prefix, access->table().name);
        prefix += ",\"id\":";
        const int revAt = int(access->table().columns.size()) + 1; // after id and the columns
        int n = 0;
        qint64 last = 0;
        while (q->next()) {
            ++n;
            Entry e;
            e.rev = q->value(revAt).toLongLong();
            last = e.rev;
            const bool deleted = q->value(revAt + 1).toInt() != 0;
            e.json = prefix;
            JsonText::appendString(e.json, q->value(0).toString());
            e.json += ",\"rev\":" + std::to_string(e.rev) + ",\"op\":\"" + (deleted ? removed : upsert) + '"';
            if (!deleted) {
                e.json += ",\"row\":";
                rows.appendJson(*q, e.json);
            }
            e.json += '}';
            candidates.push_back(std::move(e));
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
            candidates.push_back(
                Entry { c.rev, c.toJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) });
        }
        if (n == limit)
            bound = std::min(bound, last);
    }
    std::erase_if(candidates, [bound](const Entry &e) { return e.rev > bound; });
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Entry &a, const Entry &b) { return a.rev < b.rev; });

    qint64 upTo = headSeq;
    bool hasMore = false;
    if (qsizetype(candidates.size()) > limit) {
        candidates.resize(std::size_t(limit));
        upTo = candidates.back().rev;
        hasMore = true;
    } else if (bound != std::numeric_limits<qint64>::max()) {
        upTo = bound;
        hasMore = true;
    }
    // The PullResponse's JSON, put together from the changes' texts.
    std::size_t size = 64;
    for (const Entry &e : candidates)
        size += e.json.size() + 1;
    if (changes)
        *changes = qint64(candidates.size());
    QByteArray body;
    body.reserve(qsizetype(size));
    body += "{\"changes\":[";
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i > 0)
            body += ',';
        body.append(candidates[i].json.data(), qsizetype(candidates[i].json.size()));
        std::string().swap(candidates[i].json); // the page is held once, not twice
    }
    std::string tail = "],\"cursor\":";
    JsonText::appendString(tail, Cursor { m_epoch, upTo }.toString());
    tail += hasMore ? ",\"has_more\":true}" : ",\"has_more\":false}";
    body.append(tail.data(), qsizetype(tail.size()));
    return body;
}

} // namespace quire::server
