// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace quire::shared {
class Database;
}

namespace quire::server {

// Forgets sync history older than the retention: tombstones, scope exits
// and old revisions. Raises the retention floor to the newest change it
// forgot, so a replica whose cursor is older must resync in full instead of
// silently missing a deletion.
class SyncRetention final : public QObject
{
    Q_OBJECT
public:
    SyncRetention(QString databasePath, int days, QObject *parent = nullptr);
    ~SyncRetention() override;

    // Prunes now and then every hour.
    shared::VoidResult start();

    static shared::VoidResult prune(shared::Database &db, const QDateTime &cutoff);

private:
    QString m_databasePath;
    int m_days;
    std::unique_ptr<shared::Database> m_db;
};

} // namespace quire::server
