// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/searchindexer.h"

#include "desktop/core/corelogging.h"
#include "shared/database.h"
#include "shared/synctable.h"

#include <QTimer>
#include <QVariant>

#include <limits>

namespace quire::desktop {

using shared::Result;
using shared::VoidResult;

VoidResult SearchIndexer::catchUp(shared::Database &db)
{
    qint64 from = 0;
    Result<bool> done = catchUpSome(db, -1, from);
    return done ? VoidResult::success() : VoidResult(done.error());
}

namespace {

// One step of indexing `table`'s marked rows (all of them when maxRows < 0);
// true when the pass over the table ended.
Result<bool> indexMarked(shared::Database &db, const shared::SyncTable &table, int maxRows, qint64 &fromRowid)
{
    // The next marked rows after the last step's, by rowid (the primary
    // key), so each step reads only its own rows, not the table again.
    qint64 upTo = std::numeric_limits<qint64>::max();
    if (maxRows >= 0) {
        Result<QVariant> last = db.scalar(QStringLiteral("SELECT max(rowid) FROM (SELECT rowid FROM %1 WHERE rowid > ? "
                                                         "AND fts_dirty = 1 ORDER BY rowid LIMIT ?)")
                                              .arg(table.name),
                                          { fromRowid, maxRows });
        if (!last)
            return last.error();
        upTo = last->isNull() ? fromRowid : last->toLongLong();
    }
    const QString some = QStringLiteral("SELECT rowid FROM %1 WHERE rowid > %2 AND rowid <= %3 AND fts_dirty = 1")
                             .arg(table.name)
                             .arg(maxRows >= 0 ? fromRowid : 0)
                             .arg(upTo);
    const bool passEnded = maxRows < 0 || upTo == fromRowid;
    fromRowid = passEnded ? 0 : upTo;
    const QString columns = table.searchedColumns().join(QLatin1String(", "));
    if (VoidResult v = db.run(QStringLiteral("DELETE FROM %1_fts WHERE rowid IN (%2)").arg(table.name, some)); !v)
        return v.error();
    if (VoidResult v
        = db.run(QStringLiteral("INSERT INTO %1_fts(rowid, %2) SELECT rowid, %2 FROM %1 WHERE rowid IN (%3)")
                     .arg(table.name, columns, some));
        !v)
        return v.error();
    if (VoidResult v = db.run(QStringLiteral("UPDATE %1 SET fts_dirty = 0 WHERE rowid IN (%2)").arg(table.name, some));
        !v)
        return v.error();
    return passEnded;
}

} // namespace

// Every searchable declared table, one after the other: a step works on the
// first table with marked rows, so `fromRowid` always belongs to it.
Result<bool> SearchIndexer::catchUpSome(shared::Database &db, int maxRows, qint64 &fromRowid)
{
    Result<QVariant> stale = db.scalar(QStringLiteral("SELECT value FROM replica_meta WHERE key = 'fts_stale'"));
    if (!stale)
        return stale.error();
    if (stale->toString() != QLatin1String("1"))
        return true;
    bool finished = false;
    VoidResult r = db.transaction([&]() -> VoidResult {
        bool anyLeft = false;
        bool stepped = false;
        for (const shared::SyncTable &table : shared::SyncSchema::tables()) {
            if (!table.isSearchable())
                continue;
            Result<QVariant> marked
                = db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE fts_dirty = 1)").arg(table.name));
            if (!marked)
                return marked.error();
            if (!marked->toBool())
                continue;
            if (stepped) {
                anyLeft = true;
                break;
            }
            Result<bool> passEnded = indexMarked(db, table, maxRows, fromRowid);
            if (!passEnded)
                return passEnded.error();
            stepped = true;
            if (!*passEnded) {
                anyLeft = true; // more steps follow; the last one checks the whole table
                break;
            }
            Result<QVariant> left
                = db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE fts_dirty = 1)").arg(table.name));
            if (!left)
                return left.error();
            anyLeft = anyLeft || left->toBool();
        }
        finished = !anyLeft;
        if (!finished)
            return VoidResult::success();
        return db.run(QStringLiteral("UPDATE replica_meta SET value = '0' WHERE key = 'fts_stale'"));
    });
    if (!r)
        return r.error();
    return finished;
}

SearchIndexer::SearchIndexer(shared::Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &SearchIndexer::step);
}

void SearchIndexer::start()
{
    m_timer->start();
}

bool SearchIndexer::isRunning() const
{
    return m_timer->isActive();
}

void SearchIndexer::step()
{
    shared::Result<bool> done = catchUpSome(m_db, kRowsPerStep, m_fromRowid);
    if (!done) {
        // A search indexes what is left itself; nothing is lost by stopping.
        qCWarning(lcReplica) << "search index:" << done.error().message;
        return;
    }
    if (*done) {
        m_fromRowid = 0;
        Q_EMIT finished();
    } else
        m_timer->start();
}

} // namespace quire::desktop
