// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>
#include <QVariant>

#include <memory>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// The local SQLite copy of the user's data, opened through the same
// database layer and migration mechanism as the server's database.
class Replica
{
public:
    static shared::Result<std::unique_ptr<Replica>> open(const QString &path);
    ~Replica();

    shared::Database &database() { return *m_database; }
    int schemaVersion() const { return m_schemaVersion; }

    // Small key/value facts of this replica (replica_meta).
    shared::Result<QString> meta(const QString &key);
    shared::VoidResult setMeta(const QString &key, const QString &value);

private:
    Replica(std::unique_ptr<shared::Database> database, int schemaVersion);

    std::unique_ptr<shared::Database> m_database;
    int m_schemaVersion = 0;
};

} // namespace quire::desktop
