// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/backupcommands.h"

#include "server/accounts/sessioncarryover.h"
#include "server/commandtools.h"
#include "server/datadirectory.h"
#include "server/postgresbackup.h"
#include "server/serverdatabase.h"
#include "server/sync/restorepoint.h"
#include "shared/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

// Where `backup --into DIR` writes: names that sort by time, so retention keeps the newest by name alone.
constexpr QLatin1String kBackupPrefix("quire-backup-");

// What a backup file is called after the engine it comes from: an SQLite
// database, or a pg_dump archive (custom format).
QString backupSuffix(bool postgres)
{
    return postgres ? QStringLiteral(".pgdump") : QStringLiteral(".db");
}

// Removes all but the newest `keep` backups that `backup --into` wrote in `dir`.
VoidResult pruneBackups(const QDir &dir, int keep)
{
    const QStringList names = dir.entryList({ kBackupPrefix + QLatin1Char('*') + backupSuffix(false),
                                              kBackupPrefix + QLatin1Char('*') + backupSuffix(true) },
                                            QDir::Files, QDir::Name | QDir::Reversed);
    for (qsizetype i = keep; i < names.size(); ++i) {
        if (!QFile::remove(dir.filePath(names[i])))
            return Error::make(shared::ErrorCode::Io, QStringLiteral("cannot remove the old backup %1").arg(names[i]));
        CommandTools::printOut(QStringLiteral("removed old backup %1").arg(dir.filePath(names[i])));
    }
    return VoidResult::success();
}

// What restore reads once --database-url and --end-sessions are out: a data directory and one file.
Result<std::pair<QString, QString>> parseFileCommand(const QStringList &args, const QString &fileFlag)
{
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString file;
    const QByteArray flag = fileFlag.toLatin1();
    const CommandTools::Options options {
        .values = { { QLatin1String("--data-dir"), &dataDir }, { QLatin1String(flag), &file } }, .valueErrorHint = false
    };
    if (VoidResult r = CommandTools::parse(args, options); !r)
        return r.error();
    if (dataDir.isEmpty() || file.isEmpty())
        return Error::make(shared::ErrorCode::Usage, QStringLiteral("needs --data-dir DIR and %1 FILE").arg(fileFlag));
    return std::make_pair(QDir::cleanPath(QDir::current().absoluteFilePath(dataDir)),
                          QDir::cleanPath(QDir::current().absoluteFilePath(file)));
}

} // namespace

int BackupCommands::backup(const QStringList &args)
{
    // `--to FILE` writes one file; `--into DIR [--keep N]` (the timer's way)
    // writes a new time-named file there and keeps the newest N.
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
    QString file;
    QString into;
    QString keepText;
    const CommandTools::Options options { .values = { { QLatin1String("--data-dir"), &dataDir },
                                                      { QLatin1String("--database-url"), &databaseUrl },
                                                      { QLatin1String("--to"), &file },
                                                      { QLatin1String("--into"), &into },
                                                      { QLatin1String("--keep"), &keepText } },
                                          .valueErrorHint = false };
    if (VoidResult r = CommandTools::parse(args, options); !r)
        return CommandTools::fail(r.error());
    bool keepOk = true;
    const int keep = keepText.isEmpty() ? 0 : keepText.toInt(&keepOk);
    if (dataDir.isEmpty() || file.isEmpty() == into.isEmpty() || !keepOk || keep < 0
        || (!keepText.isEmpty() && into.isEmpty()))
        return CommandTools::fail(
            Error::make(shared::ErrorCode::Usage,
                        QStringLiteral("needs --data-dir DIR and either --to FILE or --into DIR [--keep N]")));
    dataDir = QDir::cleanPath(QDir::current().absoluteFilePath(dataDir));
    if (!into.isEmpty()) {
        into = QDir::cleanPath(QDir::current().absoluteFilePath(into));
        if (!QDir().mkpath(into))
            return CommandTools::fail(Error::make(shared::ErrorCode::Io, QStringLiteral("cannot create %1").arg(into)));
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
        file = QDir(into).filePath(kBackupPrefix + stamp + backupSuffix(!databaseUrl.isEmpty()));
    }
    const QString target = QDir::cleanPath(QDir::current().absoluteFilePath(file));
    const QString source = QDir(dataDir).filePath(QStringLiteral("quire.db"));
    if (databaseUrl.isEmpty() && !QFileInfo::exists(source))
        return CommandTools::fail(
            Error::make(shared::ErrorCode::NoDatabase, QStringLiteral("there is no database at %1").arg(source)));
    if (QFileInfo::exists(target))
        return CommandTools::fail(
            Error::make(shared::ErrorCode::Exists, QStringLiteral("%1 already exists; choose a new file").arg(target)));
    // VACUUM INTO (or pg_dump) writes a consistent snapshot while the server
    // keeps writing; it goes to a temporary name first so a failure never
    // leaves half a backup.
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    const VoidResult written = [&]() -> VoidResult {
        if (!databaseUrl.isEmpty())
            return PostgresBackup::dump(databaseUrl, partial);
        auto db = shared::Database::openSqlite(source);
        if (!db)
            return db.error();
        return (*db)->backupTo(partial);
    }();
    if (VoidResult r = written; !r) {
        QFile::remove(partial);
        return CommandTools::fail(r.error());
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        return CommandTools::fail(
            Error::make(shared::ErrorCode::Io, QStringLiteral("cannot move the backup to %1").arg(target)));
    }
    CommandTools::printOut(QStringLiteral("backup written to %1 (%2 bytes)").arg(target).arg(QFileInfo(target).size()));
    // Only after the new one is complete: a failed run never costs an old backup.
    if (keep > 0) {
        if (VoidResult pruned = pruneBackups(QDir(into), keep); !pruned)
            return CommandTools::fail(pruned.error());
    }
    return CommandTools::kExitOk;
}

int BackupCommands::restore(const QStringList &arguments)
{
    // After a break-in an administrator may want everyone signed out; by
    // default a restore keeps the sign-ins of the database it replaces.
    QStringList args = arguments;
    const bool endSessions = args.removeAll(QStringLiteral("--end-sessions")) > 0;
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
    if (const qsizetype at = args.indexOf(QStringLiteral("--database-url")); at >= 0 && at + 1 < args.size()) {
        databaseUrl = args[at + 1];
        args.remove(at, 2);
    }
    auto parsed = parseFileCommand(args, QStringLiteral("--from"));
    if (!parsed)
        return CommandTools::fail(parsed.error());
    const auto &[dataDir, backupFile] = *parsed;
    if (!QFileInfo::exists(backupFile))
        return CommandTools::fail(
            Error::make(shared::ErrorCode::NoBackup, QStringLiteral("there is no backup at %1").arg(backupFile)));
    if (VoidResult r = DataDirectory::prepare(dataDir); !r)
        return CommandTools::fail(r.error());
    auto lock = DataDirectory::lock(dataDir);
    if (!lock)
        return CommandTools::fail(lock.error());
    if (!databaseUrl.isEmpty()) {
        Result<QStringList> notes = PostgresBackup::restore(databaseUrl, backupFile, endSessions);
        if (!notes)
            return CommandTools::fail(notes.error());
        for (const QString &line : std::as_const(*notes))
            CommandTools::printOut(line);
        CommandTools::printOut(QStringLiteral("restored %1 into %2")
                                   .arg(backupFile, QUrl(databaseUrl).toDisplayString(QUrl::RemovePassword)));
        return CommandTools::kExitOk;
    }

    const QDir dir(dataDir);
    const QString current = dir.filePath(QStringLiteral("quire.db"));
    const QString staged = dir.filePath(QStringLiteral("quire.db.restoring"));
    QFile::remove(staged);
    if (!QFile::copy(backupFile, staged))
        return CommandTools::fail(
            Error::make(shared::ErrorCode::Io, QStringLiteral("cannot copy %1 into %2").arg(backupFile, dataDir)));
    {
        auto db = ServerDatabase::migrated(shared::Database::openSqlite(staged));
        if (!db) {
            QFile::remove(staged);
            return CommandTools::fail(db.error());
        }
        VoidResult r = RestorePoint::mark(**db);
        if (r && endSessions) {
            r = SessionCarryOver::endAll(**db);
            CommandTools::printOut(QStringLiteral("every sign-in ended: clients must sign in again"));
        } else if (r && QFileInfo::exists(current)) {
            // Not fatal: without it clients sign in again and keep their work.
            Result<int> carried = SessionCarryOver::carry(**db, current);
            if (carried)
                CommandTools::printOut(QStringLiteral("kept %1 sign-in(s) of the replaced database").arg(*carried));
            else
                CommandTools::printOut(
                    QStringLiteral("sign-ins not kept (%1): clients must sign in again").arg(carried.error().message));
        }
        if (r)
            r = (*db)->checkpoint();
        if (!r) {
            QFile::remove(staged);
            return CommandTools::fail(r.error());
        }
    }
    QFile::remove(staged + QStringLiteral("-wal"));
    QFile::remove(staged + QStringLiteral("-shm"));
    // Keep what was there: a restore must never be the thing that loses data.
    if (QFileInfo::exists(current)) {
        const QString aside = current + QStringLiteral(".before-restore-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"));
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            if (QFileInfo::exists(current + suffix) && !QFile::rename(current + suffix, aside + suffix))
                return CommandTools::fail(
                    Error::make(shared::ErrorCode::Io, QStringLiteral("cannot move %1 aside").arg(current + suffix)));
        }
        CommandTools::printOut(QStringLiteral("previous database kept as %1").arg(aside));
    }
    if (!QFile::rename(staged, current))
        return CommandTools::fail(
            Error::make(shared::ErrorCode::Io, QStringLiteral("cannot move the restored database into place")));
    CommandTools::printOut(QStringLiteral("restored %1 into %2").arg(backupFile, current));
    return CommandTools::kExitOk;
}

} // namespace quire::server
