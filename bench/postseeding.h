// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "tests/support/serverprocess.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace quire::shared {
class Database;
}

// How the publishing benchmark makes its posts: through the API, several
// requests at once, or as copies of one made through it, straight in the
// database.
namespace quire::test::PostSeeding {

inline constexpr int kInFlight = 8; // requests at once

// POSTs every body to `path` on `server` as `bearer` (an Authorization
// value), kInFlight at a time; how many were created (201). Prints the
// pace per 1,000 to stderr.
int postMany(const ServerProcess &server, const QByteArray &bearer, const QString &path,
             const QList<QByteArray> &bodies);

// Copies post `templateId` (made through the API, with its one
// destination) as posts 1 to count - 1 straight into the database, 250 a
// transaction: every column as the API wrote it but the ids, the title,
// the due time (dueAt(i)), the platform (platformOf(i)) and the change
// numbers. No revisions are written: no replica takes part.
shared::VoidResult copies(shared::Database &db, const QString &templateId, int count,
                          const std::function<QString(int)> &dueAt, const std::function<QString(int)> &platformOf);

} // namespace quire::test::PostSeeding
