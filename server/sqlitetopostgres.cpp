// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sqlitetopostgres.h"

#include "server/serverdatabase.h"
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/declaredtables.h"
#include "shared/sqldialect.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace quire::server {

using shared::Database;
using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

// Parameters per INSERT: many rows a statement, well below PostgreSQL's 65,535.
constexpr int kParametersPerStatement = 20000;
constexpr int kRowsPerStatement = 500;

struct Table
{
    QString name;
    QStringList columns;
    QStringList types; // PostgreSQL's data_type of each column
};

// The tables triggers derive from the declared ones (list items, counts,
// search) on either engine: rebuilt on PostgreSQL by its own triggers, and
// SQLite's name rows by their row number, which PostgreSQL has not.
QSet<QString> derivedTables()
{
    QSet<QString> names;
    for (const shared::SqlDialect *dialect : { &shared::SqlDialect::sqlite(), &shared::SqlDialect::postgres() }) {
        const shared::DeclaredSchema schema(shared::DeclaredSchema::Side::Server, *dialect);
        for (const shared::SyncTable &table : shared::declaredTables()) {
            for (const shared::DeclaredSchema::Object &o : schema.objects(table)) {
                if (o.type == QLatin1String("table"))
                    names << o.name;
            }
        }
    }
    return names;
}

// The tables of the SQLite file that hold the site: all that hold rows,
// less the derived ones and the migrations' bookkeeping, which the target has.
Result<QStringList> sourceTables(Database &source)
{
    Result<QStringList> names = source.tableNames();
    if (!names)
        return names.error();
    const QSet<QString> derived = derivedTables();
    QStringList kept;
    for (const QString &name : std::as_const(*names)) {
        if (!derived.contains(name) && name != QLatin1String("schema_migrations"))
            kept << name;
    }
    return kept;
}

Result<QStringList> sqliteColumns(Database &source, const QString &table)
{
    return source.columnNames(table);
}

// Referenced tables before the tables that reference them (PostgreSQL
// checks each row's foreign keys as it arrives).
Result<QStringList> inForeignKeyOrder(Database &target, const QStringList &tables)
{
    Result<QSqlQuery> q = target.exec(
        QStringLiteral("SELECT c.relname, p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN "
                       "pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f' AND k.connamespace = "
                       "current_schema()::regnamespace"));
    if (!q)
        return q.error();
    QHash<QString, QSet<QString>> needs;
    while (q->next()) {
        if (q->value(0).toString() != q->value(1).toString())
            needs[q->value(0).toString()] << q->value(1).toString();
    }
    QStringList ordered, left = tables;
    while (!left.isEmpty()) {
        const auto ready = std::find_if(left.begin(), left.end(), [&](const QString &t) {
            const QSet<QString> deps = needs.value(t);
            return std::all_of(deps.begin(), deps.end(),
                               [&](const QString &d) { return ordered.contains(d) || !left.contains(d); });
        });
        if (ready == left.end())
            return Error::make(
                shared::ErrorCode::MigrationFailed,
                QStringLiteral("the foreign keys of %1 form a cycle").arg(left.join(QLatin1String(", "))));
        ordered << *ready;
        left.erase(ready);
    }
    return ordered;
}

// What to bind for a value SQLite gave, in the type of the PostgreSQL column.
QVariant converted(const QVariant &value, const QString &type)
{
    if (value.isNull())
        return QVariant(); // NULL: a null QString would bind ''
    if (type == QLatin1String("bytea"))
        return value.toByteArray();
    if (type == QLatin1String("bigint") || type == QLatin1String("integer") || type == QLatin1String("smallint"))
        return value.toLongLong();
    if (type == QLatin1String("double precision") || type == QLatin1String("real") || type == QLatin1String("numeric"))
        return value.toDouble();
    if (type == QLatin1String("boolean"))
        return value.toLongLong() != 0;
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(value.toByteArray());
    return value.toString();
}

Result<qint64> copyTable(Database &source, Database &target, const Table &table)
{
    const QString columns = table.columns.join(QLatin1String(", "));
    Result<QSqlQuery> rows = source.exec(QStringLiteral("SELECT %1 FROM %2").arg(columns, table.name));
    if (!rows)
        return rows.error();
    const qsizetype width = table.columns.size();
    const int perStatement = std::max(1, std::min<int>(kRowsPerStatement, kParametersPerStatement / int(width)));
    const QString oneRow
        = QLatin1Char('(') + QStringList(width, QStringLiteral("?")).join(QLatin1String(", ")) + QLatin1Char(')');
    QVariantList binds;
    int pending = 0;
    qint64 copied = 0;
    auto flush = [&]() -> VoidResult {
        if (pending == 0)
            return VoidResult::success();
        const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                                .arg(table.name, columns, QStringList(pending, oneRow).join(QLatin1String(", ")));
        VoidResult r = target.run(sql, binds);
        copied += pending;
        binds.clear();
        pending = 0;
        return r;
    };
    while (rows->next()) {
        for (qsizetype i = 0; i < width; ++i)
            binds << converted(rows->value(int(i)), table.types[i]);
        if (++pending == perStatement) {
            if (VoidResult r = flush(); !r)
                return r.error();
        }
    }
    if (VoidResult r = flush(); !r)
        return r.error();
    return copied;
}

// Identity (and serial) columns go on after the largest copied value.
VoidResult advanceSequences(Database &target)
{
    Result<QSqlQuery> q = target.exec(
        QStringLiteral("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
                       "current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')"));
    if (!q)
        return q.error();
    QList<QPair<QString, QString>> keys;
    while (q->next())
        keys.append({ q->value(0).toString(), q->value(1).toString() });
    for (const auto &[table, column] : std::as_const(keys)) {
        if (VoidResult r = target.run(
                QStringLiteral("SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max(%1), 0) + 1, false) FROM %2")
                    .arg(column, table),
                { table, column });
            !r)
            return r;
    }
    return VoidResult::success();
}

// The tables to copy with the columns both sides have, in insert order.
Result<QList<Table>> plan(Database &source, Database &target)
{
    Result<QStringList> tables = sourceTables(source);
    if (!tables)
        return tables.error();
    QStringList present;
    QHash<QString, Table> byName;
    for (const QString &name : std::as_const(*tables)) {
        Result<QList<QPair<QString, QString>>> targetColumns = target.columnTypes(name);
        Result<QStringList> sourceColumns = sqliteColumns(source, name);
        if (!targetColumns || !sourceColumns)
            return !targetColumns ? targetColumns.error() : sourceColumns.error();
        if (targetColumns->isEmpty())
            return Error::make(shared::ErrorCode::MigrationFailed,
                               QStringLiteral("the table %1 has no counterpart on PostgreSQL").arg(name));
        Table table { name, {}, {} };
        for (const auto &[column, type] : std::as_const(*targetColumns)) {
            if (sourceColumns->contains(column)) {
                table.columns << column;
                table.types << type;
            }
        }
        // Both sides ran the same migrations: a column only SQLite has would be data lost.
        for (const QString &column : std::as_const(*sourceColumns)) {
            if (!table.columns.contains(column))
                return Error::make(
                    shared::ErrorCode::MigrationFailed,
                    QStringLiteral("the column %1.%2 has no counterpart on PostgreSQL").arg(name, column));
        }
        present << name;
        byName.insert(name, table);
    }
    Result<QStringList> ordered = inForeignKeyOrder(target, present);
    if (!ordered)
        return ordered.error();
    QList<Table> result;
    for (const QString &name : std::as_const(*ordered))
        result << byName.value(name);
    return result;
}

} // namespace

Result<QStringList> SqliteToPostgres::command(const QStringList &args)
{
    QString from;
    QString url = qEnvironmentVariable("QUIRE_DATABASE_URL");
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        QString *value = a == QLatin1String("--from") ? &from : a == QLatin1String("--database-url") ? &url : nullptr;
        if (!value)
            return Error::make(shared::ErrorCode::Usage,
                               QStringLiteral("unexpected argument `%1` (see --help)").arg(a));
        if (i + 1 >= args.size())
            return Error::make(shared::ErrorCode::Usage, QStringLiteral("%1 needs a value").arg(a));
        *value = args[++i];
    }
    if (from.isEmpty() || !Database::isPostgresUrl(url))
        return Error::make(shared::ErrorCode::Usage,
                           QStringLiteral("migrate-to-postgres needs --from FILE and --database-url postgresql://…"));
    return copy(QDir::cleanPath(QDir::current().absoluteFilePath(from)), url);
}

Result<QStringList> SqliteToPostgres::copy(const QString &sqlitePath, const QString &url)
{
    if (!QFileInfo::exists(sqlitePath))
        return Error::make(shared::ErrorCode::NoDatabase, QStringLiteral("there is no database at %1").arg(sqlitePath));
    auto target = Database::openPostgres(url);
    if (!target)
        return target.error();
    // Into a new database only: merging two sites' ids and histories is no move.
    Result<QVariant> existing
        = (*target)->scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"));
    if (!existing)
        return existing.error();
    if (existing->toLongLong() > 0)
        return Error::make(shared::ErrorCode::Exists,
                           QStringLiteral("the database %1 is not empty (%2 tables): migrate-to-postgres copies into "
                                          "a new, empty database only")
                               .arg((*target)->path())
                               .arg(existing->toLongLong()));
    // Both at this build's schema, so their tables and columns agree.
    auto source = ServerDatabase::migrated(Database::openSqlite(sqlitePath));
    if (!source)
        return source.error();
    target = ServerDatabase::migrated(std::move(target));
    if (!target)
        return target.error();
    Result<QList<Table>> tables = plan(**source, **target);
    if (!tables)
        return tables.error();

    QStringList notes;
    // One read snapshot of the file (writes of a server still running on it
    // after this point stay behind), one transaction on PostgreSQL.
    if (VoidResult r = (*source)->run(QStringLiteral("BEGIN")); !r)
        return r.error();
    VoidResult copied = (*target)->transaction([&]() -> VoidResult {
        // What the migrations seeded (the epoch, the sync counter) gives way to the site's own rows.
        for (auto it = tables->crbegin(); it != tables->crend(); ++it) {
            if (VoidResult r = (*target)->run(QStringLiteral("DELETE FROM %1").arg(it->name)); !r)
                return r;
        }
        for (const Table &table : std::as_const(*tables)) {
            Result<qint64> rows = copyTable(**source, **target, table);
            if (!rows)
                return rows.error();
            if (*rows > 0)
                notes << QStringLiteral("%1: %2 row(s)").arg(table.name).arg(*rows);
        }
        return advanceSequences(**target);
    });
    if (VoidResult r = (*source)->run(QStringLiteral("COMMIT")); !r)
        return r.error();
    if (!copied)
        return copied.error();
    notes << QStringLiteral("copied %1 into %2; start quire-server with --database-url to use it")
                 .arg(sqlitePath, (*target)->path());
    return notes;
}

} // namespace quire::server
