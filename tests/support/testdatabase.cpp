// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testdatabase.h"

#include "tests/support/serverprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDriver>
#include <QUrl>

namespace quire::test {

namespace {

const QString kGone = QStringLiteral(".gone");

QString databaseName(const ServerProcess &server)
{
    return QUrl(server.databaseLocation()).path().mid(1);
}

// Runs one statement on the cluster's maintenance database.
bool onCluster(const QString &statement, const QVariantList &binds = {})
{
    auto db = shared::Database::open(ServerProcess::postgresCluster());
    if (!db) {
        qWarning("cannot reach the test cluster: %s", qPrintable(db.error().message));
        return false;
    }
    if (shared::VoidResult r = (*db)->run(statement, binds); !r) {
        qWarning("%s: %s", qPrintable(statement), qPrintable(r.error().message));
        return false;
    }
    return true;
}

QString readEpoch(shared::Result<std::unique_ptr<shared::Database>> db)
{
    if (!db)
        return {};
    shared::Result<QVariant> epoch = (*db)->scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
    return epoch ? epoch->toString() : QString();
}

} // namespace

shared::Result<std::unique_ptr<shared::Database>> TestDatabase::open(const ServerProcess &server)
{
    return shared::Database::open(server.databaseLocation());
}

shared::Result<std::unique_ptr<shared::Database>> TestDatabase::openDataDir(const QString &dataDir)
{
    const QString location = ServerProcess::databaseLocationFor(dataDir);
    if (location.isEmpty())
        return shared::Error::make(QStringLiteral("test_database"),
                                   QStringLiteral("no test database for %1 on the cluster").arg(dataDir));
    return shared::Database::open(location);
}

shared::Result<QByteArray> TestDatabase::contents(const ServerProcess &server)
{
    const QString location = server.databaseLocation();
    if (!shared::Database::isPostgresUrl(location)) {
        QByteArray raw;
        for (const QString &file : { location, location + QStringLiteral("-wal") }) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                raw += f.readAll();
        }
        // The file keeps text in UTF-16 (see Database::configure): its bytes
        // are given read as UTF-16 too, from both alignments, so that text
        // is found in whichever encoding it is stored.
        QByteArray all = raw;
        for (qsizetype offset : { 0, 1 }) {
            const QByteArray part = raw.mid(offset); // a copy: aligned for char16_t
            all += '\n'
                + QString::fromUtf16(reinterpret_cast<const char16_t *>(part.constData()), part.size() / 2).toUtf8();
        }
        return all;
    }
    auto db = shared::Database::open(location);
    if (!db)
        return db.error();
    shared::Result<QSqlQuery> tables
        = (*db)->exec(QStringLiteral("SELECT table_name FROM information_schema.tables "
                                     "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"));
    if (!tables)
        return tables.error();
    QStringList names;
    while (tables->next())
        names << tables->value(0).toString();
    QByteArray all;
    for (const QString &name : names) {
        // The row's own text form: every column, bytea as \x… hex.
        const QString table = (*db)->handle().driver()->escapeIdentifier(name, QSqlDriver::TableName);
        shared::Result<QSqlQuery> rows = (*db)->exec(QStringLiteral("SELECT t::text FROM %1 t").arg(table));
        if (!rows)
            return rows.error();
        while (rows->next())
            all += rows->value(0).toString().toUtf8() + '\n';
    }
    return all;
}

bool TestDatabase::onPostgres()
{
    return !ServerProcess::postgresCluster().isEmpty();
}

QString TestDatabase::epochOfBackup(const QString &file)
{
    if (!onPostgres())
        return readEpoch(shared::Database::openSqlite(file));
    // A pg_dump archive: its server_meta rows as COPY text, key TAB value.
    QProcess restore;
    restore.start(
        QStringLiteral("pg_restore"),
        { QStringLiteral("--data-only"), QStringLiteral("--table=server_meta"), QStringLiteral("--file=-"), file });
    if (!restore.waitForFinished(60000) || restore.exitCode() != 0)
        return {};
    for (const QByteArray &line : restore.readAllStandardOutput().split('\n')) {
        if (line.startsWith("epoch\t"))
            return QString::fromUtf8(line.mid(6));
    }
    return {};
}

QString TestDatabase::epochOf(const ServerProcess &server)
{
    return readEpoch(open(server));
}

QString TestDatabase::backupPattern()
{
    return onPostgres() ? QStringLiteral("quire-backup-*.pgdump") : QStringLiteral("quire-backup-*.db");
}

int TestDatabase::keptByRestores(const ServerProcess &server)
{
    if (!onPostgres())
        return int(QDir(server.dataDir()).entryList({ QStringLiteral("quire.db.before-restore-*") }).size());
    auto db = open(server);
    if (!db)
        return -1;
    shared::Result<QVariant> n = (*db)->scalar(
        QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'quire\\_before\\_restore\\_%'"));
    return n ? n->toInt() : -1;
}

bool TestDatabase::takeAway(const ServerProcess &server)
{
    if (!onPostgres()) {
        const QString file = server.databaseLocation();
        return QFile::rename(file, file + kGone);
    }
    // Names come from the test harness, never from input.
    const QString name = databaseName(server);
    return onCluster(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false").arg(name))
        && onCluster(QStringLiteral("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()"),
                     { name });
}

bool TestDatabase::bringBack(const ServerProcess &server)
{
    if (!onPostgres()) {
        const QString file = server.databaseLocation();
        return QFile::rename(file + kGone, file);
    }
    return onCluster(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true").arg(databaseName(server)));
}

} // namespace quire::test
