// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"

#include "shared/logging.h"
#include "shared/sqldialect.h"
#include "shared/tr.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

#include <sys/stat.h>

namespace quire::shared {
namespace {

QAtomicInteger<quint64> s_connectionCounter;

bool fileIdentity(const QString &path, quint64 &device, quint64 &inode)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    device = quint64(st.st_dev);
    inode = quint64(st.st_ino);
    return true;
}

Error sqlError(const QString &what, const QSqlError &e)
{
    const QString native = e.nativeErrorCode();
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26): the file is not what we expect.
    if (native == QLatin1String("11") || native == QLatin1String("26")) {
        return Error::make(ErrorCode::DatabaseCorrupt,
                           Tr::tr("The database file is damaged or is not a Quire database: %1").arg(e.databaseText()));
    }
    return Error::make(ErrorCode::DatabaseError, Tr::tr("%1 failed: %2").arg(what, e.text()));
}

} // namespace

Database::Database(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
{ }

Database::~Database()
{
    m_statements.clear();
    m_handle = QSqlDatabase();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::handle() const
{
    // Looking the connection up by name takes a global lock; keep it.
    if (!m_handle.isValid())
        m_handle = QSqlDatabase::database(m_connectionName, false);
    return m_handle;
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path)
{
    const QString name = QStringLiteral("quire-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(name, path));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid()) {
            return Error::make(ErrorCode::DatabaseDriverMissing,
                               Tr::tr("The SQLite driver for Qt is not installed (package libqt6sql6-sqlite)."));
        }
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            return Error::make(ErrorCode::DatabaseOpenFailed,
                               Tr::tr("Cannot open the database %1: %2").arg(path, db.lastError().text()));
        }
    }
    if (VoidResult r = database->configure(); !r)
        return r.error();
    fileIdentity(path, database->m_device, database->m_inode);
    qCDebug(lcDb) << "opened" << path << "as" << name;
    return database;
}

VoidResult Database::configure()
{
    // Qt's driver reads and writes text as UTF-16 only. In a UTF-8 database
    // SQLite converts on every read and turns U+FFFE and U+FFFF into U+FFFD;
    // stored as UTF-16 (native order), text passes unconverted and so
    // unchanged. Only a new file takes this; an existing one keeps its own.
    if (VoidResult r = run(QStringLiteral("PRAGMA encoding = 'UTF-16'")); !r)
        return r;
    // These two are the first statements that read the file, so a file that
    // is not a database is caught here, before anything is written to it.
    Result<QVariant> mode = scalar(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!mode)
        return mode.error();
    if (mode->toString().toLower() != QLatin1String("wal")) {
        return Error::make(ErrorCode::DatabaseError,
                           Tr::tr("The database %1 cannot use write-ahead logging.").arg(m_path));
    }
    for (const char *pragma : { "PRAGMA foreign_keys=ON", "PRAGMA synchronous=FULL" }) {
        if (VoidResult r = run(QString::fromLatin1(pragma)); !r)
            return r;
    }
    return VoidResult::success();
}

// Qt binds text as UTF-16, and
// SQLite reads two leading bytes FF FE or FE FF as a byte-order mark: it
// drops them and, for FE FF, reads the rest byte-swapped. So text that
// starts with U+FEFF or U+FFFE gets one more U+FEFF in front, for SQLite to
// take as the (native) mark, and arrives whole.
QVariant Database::bindable(const QVariant &v)
{
    if (v.typeId() != QMetaType::QString)
        return v;
    const QString text = v.toString();
    // Qt binds a null QString as SQL NULL, so an absent header or an
    // empty default would silently become NULL. Here NULL is only ever
    // asked for explicitly, with an invalid QVariant().
    if (text.isNull())
        return QStringLiteral("");
    if (text.startsWith(QChar(0xFEFF)) || text.startsWith(QChar(0xFFFE)))
        return QString(QChar(0xFEFF) + text);
    return v;
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(handle());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(Tr::tr("Preparing a query"), query.lastError());
    for (const QVariant &v : binds)
        query.addBindValue(bindable(v));
    if (!query.exec()) {
        qCWarning(lcDb) << "query failed:" << sql.left(120) << query.lastError().text();
        return sqlError(Tr::tr("A database query"), query.lastError());
    }
    return query;
}

Result<std::shared_ptr<QSqlQuery>> Database::prepared(const QString &sql)
{
    std::shared_ptr<QSqlQuery> &query = m_statements[sql];
    if (query)
        return query;
    // Bounded without bookkeeping: when full, start over (a caller still
    // holding one keeps it alive until it is done).
    if (m_statements.size() > kMaxCachedStatements) {
        m_statements.clear();
        return prepared(sql);
    }
    auto fresh = std::make_shared<QSqlQuery>(handle());
    fresh->setForwardOnly(true);
    if (!fresh->prepare(sql)) {
        const QSqlError error = fresh->lastError();
        m_statements.remove(sql);
        return sqlError(Tr::tr("Preparing a query"), error);
    }
    m_statements[sql] = fresh;
    return fresh;
}

VoidResult Database::run(const QString &sql, const QVariantList &binds)
{
    // Statements that return nothing to the caller are prepared once per
    // connection and reused: sync writes the same few statements thousands
    // of times a second, and SQLite's parser would otherwise dominate.
    Result<std::shared_ptr<QSqlQuery>> prepared = this->prepared(sql);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = **prepared;
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), bindable(binds[i]));
    const bool ok = query.exec();
    const QSqlError error = query.lastError();
    query.finish();
    if (!ok) {
        qCWarning(lcDb) << "query failed:" << sql.left(120) << error.text();
        return sqlError(Tr::tr("A database query"), error);
    }
    return VoidResult::success();
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &binds)
{
    Result<QSqlQuery> q = exec(sql, binds);
    if (!q)
        return q.error();
    if (!q->next())
        return QVariant();
    return q->value(0);
}

VoidResult Database::transaction(const std::function<VoidResult()> &work)
{
    if (VoidResult r = run(QStringLiteral("BEGIN IMMEDIATE")); !r)
        return r;
    VoidResult result = work();
    if (result) {
        if (VoidResult c = run(QStringLiteral("COMMIT")); !c)
            result = c;
        else
            return result;
    }
    if (VoidResult rb = run(QStringLiteral("ROLLBACK")); !rb)
        qCWarning(lcDb) << "rollback failed:" << rb.error().message;
    return result;
}

VoidResult Database::backupTo(const QString &target)
{
    if (QFileInfo::exists(target)) {
        return Error::make(ErrorCode::BackupTargetExists, Tr::tr("The backup file %1 already exists.").arg(target));
    }
    return run(QStringLiteral("VACUUM INTO ?"), { target });
}

const SqlDialect &Database::dialect() const
{
    return SqlDialect::sqlite();
}

VoidResult Database::checkpoint()
{
    return run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

VoidResult Database::attach(const QString &path, const QString &alias)
{
    // A schema name cannot be bound; it only ever comes from code.
    return run(QStringLiteral("ATTACH DATABASE ? AS %1").arg(alias), { path });
}

VoidResult Database::detach(const QString &alias)
{
    return run(QStringLiteral("DETACH DATABASE %1").arg(alias));
}

Result<QStringList> Database::columnNames(const QString &table, const QString &schema)
{
    Result<QSqlQuery> q = exec(QStringLiteral("SELECT name FROM pragma_table_info(?, ?)"), { table, schema });
    if (!q)
        return q.error();
    QStringList names;
    while (q->next())
        names << q->value(0).toString();
    return names;
}

VoidResult Database::ping()
{
    // Reads the schema page, so a file that went bad under us shows here.
    Result<QVariant> v = scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    if (!v)
        return v.error();
    quint64 device = 0, inode = 0;
    if (m_inode != 0 && (!fileIdentity(m_path, device, inode) || device != m_device || inode != m_inode)) {
        return Error::make(ErrorCode::DatabaseMissing,
                           Tr::tr("The database file %1 was removed or replaced while in use.").arg(m_path));
    }
    return VoidResult::success();
}

} // namespace quire::shared
