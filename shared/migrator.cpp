// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/migrator.h"

#include "shared/clock.h"
#include "shared/database.h"
#include "shared/logging.h"
#include "shared/softassert.h"
#include "shared/timestamp.h"
#include "shared/tr.h"

namespace quire::shared {

Migrator::Migrator(Database &database, QList<Migration> migrations)
    : m_database(database)
    , m_migrations(std::move(migrations))
{
    for (int i = 0; i < m_migrations.size(); ++i)
        QUIRE_ASSERT(m_migrations[i].version == i + 1, m_migrations = m_migrations.mid(0, i); break);
}

int Migrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.last().version;
}

VoidResult Migrator::ensureBookkeeping()
{
    Result<QStringList> objects = m_database.objectNames();
    if (!objects)
        return objects.error();
    if (objects->contains(QStringLiteral("schema_migrations")))
        return VoidResult::success();
    if (!objects->isEmpty()) {
        return Error::make(ErrorCode::DatabaseForeign,
                           Tr::tr("The file %1 is a database, but not a Quire database.").arg(m_database.path()));
    }
    return m_database.run(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                         "version INTEGER PRIMARY KEY, "
                                         "name TEXT NOT NULL, "
                                         "applied_at TEXT NOT NULL)"));
}

Result<int> Migrator::currentVersion()
{
    if (VoidResult r = ensureBookkeeping(); !r)
        return r.error();
    Result<QVariant> v = m_database.scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    if (!v)
        return v.error();
    return v->toInt();
}

Result<int> Migrator::migrate()
{
    Result<int> current = currentVersion();
    if (!current)
        return current.error();
    if (*current > latestVersion()) {
        return Error::make(ErrorCode::DatabaseTooNew,
                           Tr::tr("The database %1 has schema version %2, but this Quire only knows versions up to %3. "
                                  "It was written by a newer Quire; install that version or newer.")
                               .arg(m_database.path())
                               .arg(*current)
                               .arg(latestVersion()));
    }
    int applied = 0;
    for (const Migration &m : std::as_const(m_migrations)) {
        if (m.version <= *current)
            continue;
        if (VoidResult r = apply(m); !r)
            return r.error();
        ++applied;
    }
    return applied;
}

VoidResult Migrator::apply(const Migration &migration)
{
    qCInfo(lcMigrate) << "applying migration" << migration.version << migration.name << "to" << m_database.path();
    return m_database.transaction([&]() -> VoidResult {
        // Another process may have migrated while we waited for the write lock.
        Result<QVariant> done = m_database.scalar(
            QStringLiteral("SELECT count(*) FROM schema_migrations WHERE version = ?"), { migration.version });
        if (!done)
            return done.error();
        if (done->toInt() > 0)
            return VoidResult::success();
        for (const QString &statement : migration.statements) {
            if (VoidResult r = m_database.run(statement); !r) {
                return Error::make(ErrorCode::MigrationFailed,
                                   Tr::tr("Schema migration %1 (%2) failed: %3")
                                       .arg(migration.version)
                                       .arg(migration.name, r.error().message));
            }
        }
        return m_database.run(
            QStringLiteral("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)"),
            { migration.version, migration.name, Timestamp::format(Clock::instance().now()) });
    });
}

} // namespace quire::shared
