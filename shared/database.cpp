// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/database.h"

#include "shared/logging.h"
#include "shared/postgresurl.h"
#include "shared/sqldialect.h"
#include "shared/tr.h"

#include <QAtomicInteger>
#include <QAtomicPointer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

#include <sys/stat.h>

#include <algorithm>
#include <type_traits>

namespace quire::shared {
namespace {

QAtomicInteger<quint64> s_connectionCounter;

QString newConnectionName()
{
    return QStringLiteral("quire-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
}

// Registers a connection of Qt's driver under name; whenMissing names the
// Debian package that brings a driver Qt lacks.
Result<QSqlDatabase> addConnection(const QString &driver, const QString &name, const QString &whenMissing)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
    if (!db.isValid())
        return Error::make(ErrorCode::DatabaseDriverMissing, whenMissing);
    return db;
}
QAtomicInteger<int> s_openConnections;
QAtomicPointer<std::remove_pointer_t<Database::QueryObserver>> s_queryObserver;

// Times one statement for the query observer, when there is one.
class QueryTimer
{
public:
    QueryTimer()
        : m_observer(s_queryObserver.loadRelaxed())
    {
        if (m_observer)
            m_timer.start();
    }
    ~QueryTimer()
    {
        if (m_observer)
            m_observer(m_timer.nsecsElapsed());
    }
    QueryTimer(const QueryTimer &) = delete;
    QueryTimer &operator=(const QueryTimer &) = delete;

private:
    Database::QueryObserver m_observer;
    QElapsedTimer m_timer;
};

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

// Any number, the same in every process: the lock every write transaction
// takes on PostgreSQL (see transaction()).
constexpr qint64 kWriteLock = 0x7175697265; // "quire"

Error sqlError(const QString &what, const QSqlError &e, Database::Engine engine = Database::Engine::Sqlite)
{
    const QString native = e.nativeErrorCode();
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26): the file is not what we expect.
    if (engine == Database::Engine::Sqlite && (native == QLatin1String("11") || native == QLatin1String("26"))) {
        return Error::make(ErrorCode::DatabaseCorrupt,
                           Tr::tr("The database file is damaged or is not a Quire database: %1").arg(e.databaseText()));
    }
    return Error::make(ErrorCode::DatabaseError, Tr::tr("%1 failed: %2").arg(what, e.text()));
}

} // namespace

Database::Database(QString connectionName, QString path, Engine engine)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
    , m_engine(engine)
{
    s_openConnections.ref();
}

Database::~Database()
{
    s_openConnections.deref();
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

bool Database::isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

Result<std::unique_ptr<Database>> Database::open(const QString &location)
{
    return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
}

Result<std::unique_ptr<Database>> Database::openPostgres(const QString &location)
{
    const Result<PostgresUrl> url = PostgresUrl::parse(location);
    if (!url)
        return url.error();
    const QString shown = url->shown();
    const QString name = newConnectionName();
    std::unique_ptr<Database> database(new Database(name, shown, Engine::Postgres));
    {
        Result<QSqlDatabase> added
            = addConnection(QStringLiteral("QPSQL"), name,
                            Tr::tr("The PostgreSQL driver for Qt is not installed (package libqt6sql6-psql)."));
        if (!added)
            return added.error();
        QSqlDatabase db = *added;
        url->applyTo(db);
        if (!db.open()) {
            return Error::make(ErrorCode::DatabaseOpenFailed,
                               Tr::tr("Cannot open the database %1: %2").arg(shown, db.lastError().text()));
        }
    }
    if (VoidResult r = database->configurePostgres(); !r)
        return r.error();
    qCDebug(lcDb) << "opened" << shown << "as" << name;
    return database;
}

VoidResult Database::configurePostgres()
{
    // Notices (a DROP … IF EXISTS that found nothing) are not our log's business;
    // timestamps are written by the code as UTC text, never by the server's zone.
    for (const char *setting : { "SET client_min_messages = warning", "SET TIME ZONE 'UTC'" }) {
        if (VoidResult r = run(QString::fromLatin1(setting)); !r)
            return r;
    }
    if (m_commitsWithoutWaiting)
        return run(QStringLiteral("SET synchronous_commit = off"));
    return VoidResult::success();
}

VoidResult Database::unsupported(const QString &what) const
{
    return Error::make(ErrorCode::DatabaseUnsupported, Tr::tr("%1 is not supported on PostgreSQL.").arg(what));
}

bool Database::sendsUnprepared(const QString &sql, const QVariantList &binds) const
{
    // PostgreSQL prepares only SELECT, INSERT, UPDATE, DELETE and VALUES;
    // a statement without parameters gains nothing from preparing anyway.
    Q_UNUSED(sql);
    return m_engine == Engine::Postgres && binds.isEmpty();
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path)
{
    const QString name = newConnectionName();
    std::unique_ptr<Database> database(new Database(name, path, Engine::Sqlite));
    {
        Result<QSqlDatabase> added
            = addConnection(QStringLiteral("QSQLITE"), name,
                            Tr::tr("The SQLite driver for Qt is not installed (package libqt6sql6-sqlite)."));
        if (!added)
            return added.error();
        QSqlDatabase db = *added;
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

// Qt binds text as UTF-16, and SQLite reads two leading bytes FF FE or FE FF
// as a byte-order mark: it drops them and, for FE FF, reads the rest
// byte-swapped. So text that starts with U+FEFF or U+FFFE gets one more
// U+FEFF in front, for SQLite to take as the (native) mark.
QVariant Database::bindable(const QVariant &v)
{
    if (v.typeId() != QMetaType::QString)
        return v;
    const QString text = v.toString();
    // Qt binds a null QString as SQL NULL; here NULL is only ever asked
    // for explicitly, with an invalid QVariant().
    if (text.isNull())
        return QStringLiteral("");
    if (text.startsWith(QChar(0xFEFF)) || text.startsWith(QChar(0xFFFE)))
        return QString(QChar(0xFEFF) + text);
    return v;
}

void Database::setQueryObserver(QueryObserver observer)
{
    s_queryObserver.storeRelaxed(observer);
}

int Database::openConnections()
{
    return s_openConnections.loadRelaxed();
}

QVariant Database::forBinding(const QVariant &value) const
{
    if (m_engine == Engine::Sqlite)
        return bindable(value);
    if (value.typeId() != QMetaType::QString)
        return value;
    const QString text = value.toString();
    if (text.isNull())
        return QStringLiteral("");
    // Qt's PostgreSQL driver reads text with QString::fromUtf8, which drops
    // one leading U+FEFF. Text that starts with one is stored with one more,
    // as on SQLite, so what is read back is what was written.
    if (text.startsWith(QChar(0xFEFF)))
        return QString(QChar(0xFEFF) + text);
    return value;
}

QSqlQuery Database::newQuery() const
{
    QSqlQuery query(handle());
    query.setForwardOnly(m_engine == Engine::Sqlite);
    return query;
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &binds)
{
    if (VoidResult r = reconnectIfLost(); !r)
        return r.error();
    const QueryTimer timed;
    QSqlQuery query = newQuery();
    if (sendsUnprepared(sql, binds)) {
        if (!query.exec(sql)) {
            qCWarning(lcDb) << "query failed:" << sql.left(120) << query.lastError().text();
            noteFailure(query.lastError());
            return sqlError(Tr::tr("A database query"), query.lastError(), m_engine);
        }
        return query;
    }
    if (!query.prepare(sql)) {
        noteFailure(query.lastError());
        return sqlError(Tr::tr("Preparing a query"), query.lastError(), m_engine);
    }
    for (const QVariant &v : binds)
        query.addBindValue(forBinding(v));
    if (!query.exec()) {
        qCWarning(lcDb) << "query failed:" << sql.left(120) << query.lastError().text();
        noteFailure(query.lastError());
        return sqlError(Tr::tr("A database query"), query.lastError(), m_engine);
    }
    return query;
}

Result<std::shared_ptr<QSqlQuery>> Database::prepared(const QString &sql)
{
    if (VoidResult r = reconnectIfLost(); !r)
        return r.error();
    std::shared_ptr<QSqlQuery> &query = m_statements[sql];
    if (query)
        return query;
    // Bounded without bookkeeping: when full, start over (a caller still
    // holding one keeps it alive until it is done).
    if (m_statements.size() > kMaxCachedStatements) {
        m_statements.clear();
        return prepared(sql);
    }
    auto fresh = std::make_shared<QSqlQuery>(newQuery());
    if (!fresh->prepare(sql)) {
        const QSqlError error = fresh->lastError();
        m_statements.remove(sql);
        noteFailure(error);
        return sqlError(Tr::tr("Preparing a query"), error, m_engine);
    }
    m_statements[sql] = fresh;
    return fresh;
}

VoidResult Database::mapForReading(qint64 bytes)
{
    if (m_engine == Engine::Postgres)
        return VoidResult::success();
    return run(QStringLiteral("PRAGMA mmap_size = %1").arg(bytes));
}

VoidResult Database::commitWithoutWaitingForDisk()
{
    m_commitsWithoutWaiting = true;
    if (m_engine == Engine::Postgres)
        return run(QStringLiteral("SET synchronous_commit = off"));
    return run(QStringLiteral("PRAGMA synchronous = NORMAL"));
}

VoidResult Database::run(const QString &sql, const QVariantList &binds)
{
    // Statements that return nothing to the caller are prepared once per
    // connection and reused: sync writes the same few statements thousands
    // of times a second, and SQLite's parser would otherwise dominate.
    if (sendsUnprepared(sql, binds)) {
        Result<QSqlQuery> q = exec(sql);
        if (!q)
            return q.error();
        return VoidResult::success();
    }
    Result<std::shared_ptr<QSqlQuery>> prepared = this->prepared(sql);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = **prepared;
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), forBinding(binds[i]));
    const QueryTimer timed;
    const bool ok = query.exec();
    const QSqlError error = query.lastError();
    query.finish();
    if (!ok) {
        qCWarning(lcDb) << "query failed:" << sql.left(120) << error.text();
        noteFailure(error);
        return sqlError(Tr::tr("A database query"), error, m_engine);
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
    // Connecting again is only safe between transactions.
    if (VoidResult r = reconnectIfLost(); !r)
        return r;
    struct InTransaction
    {
        bool &flag;
        explicit InTransaction(bool &f)
            : flag(f)
        {
            flag = true;
        }
        ~InTransaction() { flag = false; }
    } inTransaction(m_inTransaction);
    if (m_engine == Engine::Postgres) {
        // BEGIN IMMEDIATE on SQLite takes the one write lock at the start, so
        // write transactions run one after another, and the code relies on
        // it: max()+1 numbering, read-then-write of the sync_state counter,
        // "does it exist, else insert". PostgreSQL's READ COMMITTED would let
        // two of them interleave; one transaction-scoped advisory lock, taken
        // right after BEGIN and released by COMMIT or ROLLBACK, serializes
        // them the same way (across every instance on the database).
        if (VoidResult r = run(QStringLiteral("BEGIN")); !r)
            return r;
        if (VoidResult r = run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriteLock)); !r) {
            if (VoidResult rb = run(QStringLiteral("ROLLBACK")); !rb)
                qCWarning(lcDb) << "rollback failed:" << rb.error().message;
            return r;
        }
    } else if (VoidResult r = run(QStringLiteral("BEGIN IMMEDIATE")); !r) {
        return r;
    }
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
    if (m_engine == Engine::Postgres)
        return unsupported(Tr::tr("A backup by quire-server"));
    if (QFileInfo::exists(target)) {
        return Error::make(ErrorCode::BackupTargetExists, Tr::tr("The backup file %1 already exists.").arg(target));
    }
    return run(QStringLiteral("VACUUM INTO ?"), { target });
}

const SqlDialect &Database::dialect() const
{
    return m_engine == Engine::Postgres ? SqlDialect::postgres() : SqlDialect::sqlite();
}

VoidResult Database::checkpoint()
{
    // PostgreSQL has no file of its own to complete: nothing to do.
    if (m_engine == Engine::Postgres)
        return VoidResult::success();
    return run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

VoidResult Database::attach(const QString &path, const QString &alias)
{
    if (m_engine == Engine::Postgres)
        return unsupported(Tr::tr("Attaching a database file"));
    // A schema name cannot be bound; it only ever comes from code.
    return run(QStringLiteral("ATTACH DATABASE ? AS %1").arg(alias), { path });
}

VoidResult Database::detach(const QString &alias)
{
    if (m_engine == Engine::Postgres)
        return unsupported(Tr::tr("Detaching a database file"));
    return run(QStringLiteral("DETACH DATABASE %1").arg(alias));
}

Result<QStringList> Database::columnNames(const QString &table, const QString &schema)
{
    // "main" is SQLite's name for a database's own schema: on PostgreSQL the
    // current one; another name is a schema there (a restore's kept tables).
    Result<QSqlQuery> q = m_engine == Engine::Postgres
        ? exec(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                              "CASE WHEN ? = 'main' THEN current_schema() ELSE ? END AND table_name = ? "
                              "ORDER BY ordinal_position"),
               { schema, schema, table })
        : exec(QStringLiteral("SELECT name FROM pragma_table_info(?, ?)"), { table, schema });
    if (!q)
        return q.error();
    QStringList names;
    while (q->next())
        names << q->value(0).toString();
    return names;
}

Result<QList<QPair<QString, QString>>> Database::columnTypes(const QString &table)
{
    const QString sql = m_engine == Engine::Postgres
        ? QStringLiteral("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
                         "current_schema() AND table_name = ? ORDER BY ordinal_position")
        : QStringLiteral("SELECT name, type FROM pragma_table_info(?)");
    Result<QSqlQuery> q = exec(sql, { table });
    if (!q)
        return q.error();
    QList<QPair<QString, QString>> columns;
    while (q->next())
        columns.append({ q->value(0).toString(), q->value(1).toString().toLower() });
    return columns;
}

Result<QStringList> Database::objectNames()
{
    const QString sql = m_engine == Engine::Postgres
        ? QStringLiteral("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                         "n.nspname = current_schema() UNION ALL SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON "
                         "c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = "
                         "current_schema() AND NOT t.tgisinternal")
        : QStringLiteral("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'");
    Result<QSqlQuery> q = exec(sql);
    if (!q)
        return q.error();
    QStringList names;
    while (q->next())
        names << q->value(0).toString();
    return names;
}

Result<QStringList> Database::tableNames()
{
    const QString sql = m_engine == Engine::Postgres
        ? QStringLiteral("SELECT tablename, '' FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
        : QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                         "ESCAPE '\\' ORDER BY name");
    Result<QSqlQuery> q = exec(sql);
    if (!q)
        return q.error();
    QStringList names, virtualTables;
    while (q->next()) {
        const QString name = q->value(0).toString();
        if (q->value(1).toString().startsWith(QLatin1String("CREATE VIRTUAL TABLE"), Qt::CaseInsensitive))
            virtualTables << name;
        else
            names << name;
    }
    // A virtual table's module keeps its data in tables named after it.
    QStringList tables;
    for (const QString &name : std::as_const(names)) {
        if (std::none_of(virtualTables.begin(), virtualTables.end(),
                         [&name](const QString &v) { return name.startsWith(v + QLatin1Char('_')); }))
            tables << name;
    }
    return tables;
}

void Database::noteFailure(const QSqlError &error)
{
    if (m_engine != Engine::Postgres)
        return;
    // SQLSTATE class 08 (connection exception) and 57P0x (the server shut
    // the session down); no SQLSTATE at all is libpq's own "no connection".
    const QString state = error.nativeErrorCode();
    if (state.isEmpty() || state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")))
        m_lost = true;
}

VoidResult Database::reconnectIfLost()
{
    if (!m_lost || m_inTransaction)
        return VoidResult::success();
    // Statements prepared on the old connection die with it.
    m_statements.clear();
    QSqlDatabase db = handle();
    db.close();
    if (!db.open()) {
        return Error::make(ErrorCode::DatabaseUnreachable,
                           Tr::tr("Cannot open the database %1: %2").arg(m_path, db.lastError().text()));
    }
    m_lost = false;
    qCInfo(lcDb) << "connected again to" << m_path;
    return configurePostgres();
}

VoidResult Database::ping()
{
    if (m_engine == Engine::Postgres) {
        Result<QVariant> v = scalar(QStringLiteral("SELECT 1"));
        return v ? VoidResult::success() : VoidResult(v.error());
    }
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
