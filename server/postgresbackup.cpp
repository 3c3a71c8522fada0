// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/postgresbackup.h"

#include "server/accounts/sessioncarryover.h"
#include "server/serverdatabase.h"
#include "server/sync/restorepoint.h"
#include "shared/database.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <algorithm>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

// Where a restore keeps the tables it replaced: one schema per restore.
constexpr QLatin1String kAsidePrefix("quire_before_restore_");

Error failed(const QString &what, const QByteArray &stderrText)
{
    // The client programs' first line says what went wrong ("pg_dump: error: …").
    QString first = QString::fromUtf8(stderrText).trimmed().section(QLatin1Char('\n'), 0, 0);
    return Error::make(shared::ErrorCode::DatabaseError, QStringLiteral("%1: %2").arg(what, first));
}

// Puts back what a failed restore found: the replaced tables become
// `public` again (or an empty `public` when there were none).
VoidResult putBack(shared::Database &db, const QString &aside)
{
    if (VoidResult r = db.run(QStringLiteral("DROP SCHEMA IF EXISTS public CASCADE")); !r)
        return r;
    return db.run(aside.isEmpty() ? QStringLiteral("CREATE SCHEMA public")
                                  : QStringLiteral("ALTER SCHEMA %1 RENAME TO public").arg(aside));
}

// Moves the tables in place out of the way; the schema's name, or empty
// when there was nothing to keep (a new, empty database).
Result<QString> setAside(shared::Database &db)
{
    Result<QVariant> tables = db.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    if (!tables)
        return tables.error();
    if (tables->toLongLong() == 0) {
        if (VoidResult r = db.run(QStringLiteral("DROP SCHEMA IF EXISTS public CASCADE")); !r)
            return r.error();
        return QString();
    }
    const QString aside
        = kAsidePrefix + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'_'HHmmss'_'zzz"));
    if (VoidResult r = db.run(QStringLiteral("ALTER SCHEMA public RENAME TO %1").arg(aside)); !r)
        return r.error();
    return aside;
}

// The restored database made current: migrations of a newer build, a new
// epoch, the sign-ins of the replaced tables (or none).
Result<QStringList> finish(const QString &url, const QString &aside, bool endSessions)
{
    auto db = ServerDatabase::openMigrated(url);
    if (!db)
        return db.error();
    if (VoidResult r = RestorePoint::mark(**db); !r)
        return r.error();
    QStringList notes;
    if (endSessions) {
        if (VoidResult r = SessionCarryOver::endAll(**db); !r)
            return r.error();
        notes << QStringLiteral("every sign-in ended: clients must sign in again");
    } else if (!aside.isEmpty()) {
        // Not fatal: without it clients sign in again and keep their work.
        Result<int> carried = SessionCarryOver::carryFromSchema(**db, aside);
        notes << (carried ? QStringLiteral("kept %1 sign-in(s) of the replaced database").arg(*carried)
                          : QStringLiteral("sign-ins not kept (%1): clients must sign in again")
                                .arg(carried.error().message));
    }
    return notes;
}

} // namespace

QProcessEnvironment PostgresBackup::environment(const QString &location)
{
    // Read as Database::openPostgres reads it.
    const QUrl url(location);
    const QUrlQuery query(url);
    const QString host
        = query.hasQueryItem(QStringLiteral("host")) ? query.queryItemValue(QStringLiteral("host")) : url.host();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGDATABASE"), url.path().mid(1));
    if (!host.isEmpty())
        env.insert(QStringLiteral("PGHOST"), host);
    if (url.port() > 0)
        env.insert(QStringLiteral("PGPORT"), QString::number(url.port()));
    if (!url.userName().isEmpty())
        env.insert(QStringLiteral("PGUSER"), url.userName());
    if (!url.password().isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), url.password());
    return env;
}

Result<QString> PostgresBackup::program(const QString &name)
{
    QStringList dirs;
    if (const QString bindir = qEnvironmentVariable("QUIRE_PG_BINDIR"); !bindir.isEmpty())
        dirs << bindir;
    // Debian keeps each major version's programs apart; the newest reads
    // every older server.
    QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : std::as_const(versions))
        dirs << QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
    for (const QString &dir : std::as_const(dirs)) {
        const QFileInfo candidate(QDir(dir).filePath(name));
        if (candidate.isExecutable())
            return candidate.filePath();
    }
    const QString inPath = QStandardPaths::findExecutable(name);
    if (!inPath.isEmpty())
        return inPath;
    return Error::make(shared::ErrorCode::Io,
                       QStringLiteral("%1 is not installed (Debian: apt-get install postgresql-client)").arg(name));
}

Result<QByteArray> PostgresBackup::run(const QString &name, const QStringList &args, const QString &url)
{
    Result<QString> path = program(name);
    if (!path)
        return path.error();
    QProcess process;
    process.setProcessEnvironment(environment(url));
    process.start(*path, args);
    // No limit: a large database takes as long as it takes.
    if (!process.waitForStarted() || !process.waitForFinished(-1))
        return Error::make(shared::ErrorCode::Io,
                           QStringLiteral("cannot run %1: %2").arg(*path, process.errorString()));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return failed(name, process.readAllStandardError());
    return process.readAllStandardOutput();
}

VoidResult PostgresBackup::dump(const QString &url, const QString &target)
{
    // pg_dump reads one snapshot, so the server may keep writing. Only
    // `public`: the tables earlier restores set aside stay out.
    Result<QByteArray> out
        = run(QStringLiteral("pg_dump"),
              { QStringLiteral("--format=custom"), QStringLiteral("--schema=public"), QStringLiteral("--no-owner"),
                QStringLiteral("--no-privileges"), QStringLiteral("--file"), target },
              url);
    return out ? VoidResult::success() : VoidResult(out.error());
}

Result<QStringList> PostgresBackup::restore(const QString &url, const QString &file, bool endSessions)
{
    // Read the whole table of contents first: junk is refused before anything moves.
    if (Result<QByteArray> listed = run(QStringLiteral("pg_restore"), { QStringLiteral("--list"), file }, url);
        !listed || !listed->contains("TABLE DATA public server_meta"))
        return Error::make(shared::ErrorCode::DatabaseCorrupt,
                           QStringLiteral("the backup %1 is damaged or is not a Quire backup of PostgreSQL").arg(file));
    auto db = shared::Database::openPostgres(url);
    if (!db)
        return db.error();
    // The data directory's lock keeps out a server of this directory; this
    // keeps out every other one (another machine's, a named instance).
    Result<QVariant> others = (*db)->scalar(QStringLiteral(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"));
    if (!others)
        return others.error();
    if (others->toLongLong() > 0)
        return Error::make(shared::ErrorCode::DataDirLocked,
                           QStringLiteral("the database %1 is in use by %2 other connection(s): stop every "
                                          "quire-server on it first")
                               .arg((*db)->path())
                               .arg(others->toLongLong()));
    Result<QString> aside = setAside(**db);
    if (!aside)
        return aside.error();
    // One transaction: a failed restore leaves no half of the backup.
    Result<QByteArray> restored
        = run(QStringLiteral("pg_restore"),
              { QStringLiteral("--single-transaction"), QStringLiteral("--exit-on-error"), QStringLiteral("--no-owner"),
                QStringLiteral("--no-privileges"), QStringLiteral("--dbname"), QUrl(url).path().mid(1), file },
              url);
    Result<QStringList> notes = restored ? finish(url, *aside, endSessions) : Result<QStringList>(restored.error());
    if (!notes) {
        if (VoidResult back = putBack(**db, *aside); !back)
            return Error::make(notes.error().code,
                               QStringLiteral("%1; putting the previous tables back failed too: %2")
                                   .arg(notes.error().message, back.error().message));
        return notes.error();
    }
    if (!aside->isEmpty())
        notes->prepend(QStringLiteral("previous database kept as the schema %1 of %2").arg(*aside, (*db)->path()));
    return notes;
}

} // namespace quire::server
