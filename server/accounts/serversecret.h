// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QString>

namespace quire::shared {
class Database;
}

namespace quire::server {

// Signing keys kept in the database (server_meta), made on first use: 32
// random bytes from SQLite's generator. In the database rather than in
// memory so a restart, or a second server on the same data, keeps links and
// forms already handed out valid.
namespace ServerSecret {

// The key stored under `name` (e.g. "preview_secret"), created if missing.
shared::Result<QByteArray> get(shared::Database &db, const QString &name);

} // namespace ServerSecret
} // namespace quire::server
