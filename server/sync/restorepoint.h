// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// Where the current history branched off the one a backup was taken from.
// A restore gives the database a new epoch; up to `seq` the two histories
// are the same (same revisions, same values), after it they differ. Pushes
// from replicas of the old history use it to tell which of their versions
// the restored server lacks.
struct RestorePoint
{
    QString fromEpoch; // the epoch of the history the backup was taken from
    qint64 seq = 0; // the change sequence of the backup

    // The restore point of this database, if it was ever restored.
    static shared::Result<std::optional<RestorePoint>> load(shared::Database &db);
    // Run by `quire-server restore` on the staged backup: records its epoch
    // and sequence as the restore point and gives it a new epoch.
    static shared::VoidResult mark(shared::Database &db);
};

} // namespace quire::server
