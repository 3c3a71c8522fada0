// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/replica.h"

#include "desktop/core/replicamigrations.h"
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/migrator.h"

namespace quire::desktop {

Replica::Replica(std::unique_ptr<shared::Database> database, int schemaVersion)
    : m_database(std::move(database))
    , m_schemaVersion(schemaVersion)
{ }

Replica::~Replica() = default;

shared::Result<std::unique_ptr<Replica>> Replica::open(const QString &path)
{
    auto db = shared::Database::openSqlite(path);
    if (!db)
        return db.error();
    shared::Migrator migrator(**db, replicaMigrations());
    if (shared::Result<int> applied = migrator.migrate(); !applied)
        return applied.error();
    // A synced type's tables, columns and search index come from its
    // declaration: a new type or column needs no replica migration.
    if (shared::VoidResult derived = shared::DeclaredSchema(shared::DeclaredSchema::Side::Replica).apply(**db);
        !derived)
        return derived.error();
    return std::unique_ptr<Replica>(new Replica(std::move(db.value()), migrator.latestVersion()));
}

shared::Result<QString> Replica::meta(const QString &key)
{
    shared::Result<QVariant> v
        = m_database->scalar(QStringLiteral("SELECT value FROM replica_meta WHERE key = ?"), { key });
    if (!v)
        return v.error();
    return v->toString();
}

shared::VoidResult Replica::setMeta(const QString &key, const QString &value)
{
    return m_database->run(QStringLiteral("INSERT INTO replica_meta(key, value) VALUES (?, ?) "
                                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                           { key, value });
}

} // namespace quire::desktop
