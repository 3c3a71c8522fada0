// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/restorepoint.h"

#include "shared/database.h"
#include "shared/sqldialect.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

namespace {

const QString kFromEpochKey = QStringLiteral("restored_from_epoch");
const QString kSeqKey = QStringLiteral("restored_seq");

} // namespace

Result<std::optional<RestorePoint>> RestorePoint::load(shared::Database &db)
{
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT key, value FROM server_meta WHERE key IN (?, ?)"), { kFromEpochKey, kSeqKey });
    if (!q)
        return q.error();
    RestorePoint point;
    bool haveEpoch = false;
    while (q->next()) {
        if (q->value(0).toString() == kFromEpochKey) {
            point.fromEpoch = q->value(1).toString();
            haveEpoch = !point.fromEpoch.isEmpty();
        } else {
            point.seq = q->value(1).toLongLong();
        }
    }
    if (!haveEpoch)
        return std::optional<RestorePoint>();
    return std::optional<RestorePoint>(point);
}

VoidResult RestorePoint::mark(shared::Database &db)
{
    return db.transaction([&]() -> VoidResult {
        // Both read from the backup before anything changes: its own epoch
        // names the history its revisions belong to.
        const QString upsert
            = db.dialect().upsert(QStringLiteral("server_meta"), { QStringLiteral("key"), QStringLiteral("value") },
                                  { QStringLiteral("key") });
        if (VoidResult r = db.run(QStringLiteral("INSERT INTO server_meta(key, value) SELECT ?, value FROM "
                                                 "server_meta WHERE key = 'epoch' ON CONFLICT(key) DO UPDATE "
                                                 "SET value = excluded.value"),
                                  { kFromEpochKey });
            !r)
            return r;
        Result<QVariant> seq = db.scalar(QStringLiteral("SELECT seq FROM sync_state WHERE id = 1"));
        if (!seq)
            return seq.error();
        if (VoidResult r = db.run(upsert, { kSeqKey, QString::number(seq->toLongLong()) }); !r)
            return r;
        // A new epoch tells every client that its cursor belongs to another history.
        QByteArray epoch(16, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(epoch.data()), epoch.size() / 4);
        return db.run(QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'epoch'"),
                      { QString::fromLatin1(epoch.toHex()) });
    });
}

} // namespace quire::server
