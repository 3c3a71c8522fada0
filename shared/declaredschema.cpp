// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/declaredschema.h"

#include "shared/database.h"
#include "shared/postgresobjects.h"
#include "shared/sqldialect.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace quire::shared {

namespace {

// Tokenising every full-text index the same way: accents folded, and
// prefixes of two and three letters indexed for search-as-you-type.
const QString kFullTextOptions = QStringLiteral("tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'");

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString joined(const QStringList &parts, const QString &prefix = {})
{
    QStringList out;
    for (const QString &p : parts)
        out << prefix + p;
    return out.join(QLatin1String(", "));
}

QList<const SyncColumn *> columnsWhere(const SyncTable &table, bool (*keep)(const SyncColumn &))
{
    QList<const SyncColumn *> out;
    for (const SyncColumn &c : table.columns) {
        if (keep(c))
            out << &c;
    }
    return out;
}

// The full-text index and the triggers that keep it: every row, tombstones
// too (their values stay), so an update always removes exactly what the
// index holds; who may see a match is the list's business.
QList<DeclaredSchema::Object> serverFullText(const SyncTable &t)
{
    const QStringList cols = t.searchedColumns();
    const QString fts = t.name + QStringLiteral("_fts");
    const QString rebuild = QStringLiteral("INSERT INTO %1(%1) VALUES ('rebuild')").arg(fts);
    const QString add = QStringLiteral("INSERT INTO %1(rowid, %2) VALUES (new.rowid, %3);")
                            .arg(fts, joined(cols), joined(cols, QStringLiteral("new.")));
    const QString drop = QStringLiteral("INSERT INTO %1(%1, rowid, %2) VALUES ('delete', old.rowid, %3);")
                             .arg(fts, joined(cols), joined(cols, QStringLiteral("old.")));
    return {
        { QStringLiteral("table"),
          fts,
          QStringLiteral("CREATE VIRTUAL TABLE %1 USING fts5(%2, content = '%3', content_rowid = 'rowid', %4)")
              .arg(fts, joined(cols), t.name, kFullTextOptions),
          { rebuild } },
        { QStringLiteral("trigger"),
          fts + QStringLiteral("_insert"),
          QStringLiteral("CREATE TRIGGER %1_insert AFTER INSERT ON %2 BEGIN %3 END").arg(fts, t.name, add),
          { rebuild } },
        { QStringLiteral("trigger"),
          fts + QStringLiteral("_update"),
          QStringLiteral("CREATE TRIGGER %1_update AFTER UPDATE OF %2 ON %3 BEGIN %4 %5 END")
              .arg(fts, joined(cols), t.name, drop, add),
          { rebuild } },
        { QStringLiteral("trigger"),
          fts + QStringLiteral("_delete"),
          QStringLiteral("CREATE TRIGGER %1_delete AFTER DELETE ON %2 BEGIN %3 END").arg(fts, t.name, drop),
          { rebuild } },
    };
}

// A filterable List column's items, one row each, so "has this tag" is an
// index lookup instead of parsing every row's JSON.
QList<DeclaredSchema::Object> listItems(const SyncTable &t, const SyncColumn &c)
{
    const SqlDialect &sql = SqlDialect::sqlite();
    const QString items = sql.listItemsTable(t, c);
    // `item` is what filters compare (lower-cased), `value` the item as
    // written (what a list of tags shows).
    const auto insertFrom = [&](const QString &row) {
        return QStringLiteral("INSERT OR IGNORE INTO %1(item, value, row_id) SELECT lower(value), value, %2.rowid FROM "
                              "json_each(CASE WHEN json_valid(%2.%3) THEN %2.%3 ELSE '[]' END) WHERE type = 'text';")
            .arg(items, row, c.name);
    };
    const QString fill
        = QStringLiteral("INSERT OR IGNORE INTO %1(item, value, row_id) SELECT lower(j.value), j.value, %2.rowid "
                         "FROM %2, json_each(CASE WHEN json_valid(%2.%3) THEN %2.%3 ELSE '[]' END) j "
                         "WHERE j.type = 'text'")
              .arg(items, t.name, c.name);
    const QString clear = QStringLiteral("DELETE FROM %1").arg(items);
    return {
        { QStringLiteral("table"),
          items,
          QStringLiteral("CREATE TABLE %1 (item TEXT NOT NULL, value TEXT NOT NULL, row_id INTEGER NOT NULL, "
                         "PRIMARY KEY (item, row_id)) STRICT, WITHOUT ROWID")
              .arg(items),
          { clear, fill } },
        { QStringLiteral("index"),
          items + QStringLiteral("_row"),
          QStringLiteral("CREATE INDEX %1_row ON %1(row_id)").arg(items),
          {} },
        { QStringLiteral("trigger"),
          items + QStringLiteral("_insert"),
          QStringLiteral("CREATE TRIGGER %1_insert AFTER INSERT ON %2 BEGIN %3 END")
              .arg(items, t.name, insertFrom(QStringLiteral("new"))),
          { clear, fill } },
        { QStringLiteral("trigger"),
          items + QStringLiteral("_update"),
          QStringLiteral("CREATE TRIGGER %1_update AFTER UPDATE OF %2 ON %3 BEGIN DELETE FROM %1 WHERE row_id = "
                         "old.rowid; %4 END")
              .arg(items, c.name, t.name, insertFrom(QStringLiteral("new"))),
          { clear, fill } },
        { QStringLiteral("trigger"),
          items + QStringLiteral("_delete"),
          QStringLiteral(
              "CREATE TRIGGER %1_delete AFTER DELETE ON %2 BEGIN DELETE FROM %1 WHERE row_id = old.rowid; END")
              .arg(items, t.name),
          { clear, fill } },
    };
}

// Live rows counted by the values of the counted columns, kept by
// triggers: dashboards and facet totals read a few rows instead of
// counting the table.
QList<DeclaredSchema::Object> counts(const SyncTable &t, const QStringList &cols)
{
    const QString table = t.name + QStringLiteral("_counts");
    QStringList same;
    QStringList changed;
    for (const QString &c : cols) {
        same << QStringLiteral("%1 = old.%1").arg(c);
        changed << QStringLiteral("old.%1 IS NOT new.%1").arg(c);
    }
    const QString add = QStringLiteral("INSERT INTO %1(%2, n) SELECT %3, 1 WHERE new.deleted = 0 ON CONFLICT (%2) DO "
                                       "UPDATE SET n = n + 1;")
                            .arg(table, joined(cols), joined(cols, QStringLiteral("new.")));
    const QString remove = QStringLiteral("UPDATE %1 SET n = n - 1 WHERE old.deleted = 0 AND %2;")
                               .arg(table, same.join(QLatin1String(" AND ")));
    const QString clear = QStringLiteral("DELETE FROM %1").arg(table);
    const QString fill
        = QStringLiteral("INSERT INTO %1(%2, n) SELECT %2, count(*) FROM %3 WHERE deleted = 0 GROUP BY %2")
              .arg(table, joined(cols), t.name);
    QStringList columnDefs;
    for (const QString &c : cols)
        columnDefs << c + QStringLiteral(" TEXT NOT NULL");
    return {
        { QStringLiteral("table"),
          table,
          QStringLiteral("CREATE TABLE %1 (%2, n INTEGER NOT NULL, PRIMARY KEY (%3)) STRICT, WITHOUT ROWID")
              .arg(table, columnDefs.join(QLatin1String(", ")), joined(cols)),
          { clear, fill } },
        { QStringLiteral("trigger"),
          table + QStringLiteral("_insert"),
          QStringLiteral("CREATE TRIGGER %1_insert AFTER INSERT ON %2 BEGIN %3 END").arg(table, t.name, add),
          { clear, fill } },
        { QStringLiteral("trigger"),
          table + QStringLiteral("_update"),
          QStringLiteral("CREATE TRIGGER %1_update AFTER UPDATE OF %2, deleted ON %3 WHEN %4 OR old.deleted IS NOT "
                         "new.deleted BEGIN %5 %6 END")
              .arg(table, joined(cols), t.name, changed.join(QLatin1String(" OR ")), remove, add),
          { clear, fill } },
        { QStringLiteral("trigger"),
          table + QStringLiteral("_delete"),
          QStringLiteral("CREATE TRIGGER %1_delete AFTER DELETE ON %2 BEGIN %3 END").arg(table, t.name, remove),
          { clear, fill } },
    };
}

} // namespace

DeclaredSchema::DeclaredSchema(Side side, const SqlDialect &dialect)
    : m_side(side)
    , m_sql(&dialect)
{ }

QList<QPair<QString, QString>> DeclaredSchema::fixedColumns(const SyncTable &table) const
{
    const QString integer = m_sql->integerType();
    QList<QPair<QString, QString>> fixed { { QStringLiteral("id"), QStringLiteral("TEXT") },
                                           { QStringLiteral("rev"), integer } };
    if (m_side == Side::Server) {
        fixed << qMakePair(QStringLiteral("deleted"), integer)
              << qMakePair(QStringLiteral("deleted_at"), QStringLiteral("TEXT"));
    } else if (table.isSearchable()) {
        fixed << qMakePair(QStringLiteral("fts_dirty"), integer);
    }
    return fixed;
}

QString DeclaredSchema::columnDefinition(const SyncColumn &column) const
{
    return QStringLiteral("%1 TEXT NOT NULL DEFAULT %2").arg(column.name, quoted(column.defaultValue));
}

QString DeclaredSchema::createTable(const SyncTable &table) const
{
    QStringList defs { QStringLiteral("id TEXT PRIMARY KEY") };
    for (const SyncColumn &c : table.columns)
        defs << columnDefinition(c);
    if (m_side == Side::Server) {
        // Deleted rows stay as tombstones with their values, so an edit
        // against a delete can bring the row back whole.
        defs << QStringLiteral("rev %1 NOT NULL").arg(m_sql->integerType())
             << QStringLiteral("deleted %1 NOT NULL DEFAULT 0").arg(m_sql->integerType())
             << QStringLiteral("deleted_at TEXT");
    } else {
        defs << QStringLiteral("rev %1 NOT NULL DEFAULT 0").arg(m_sql->integerType());
        if (table.isSearchable())
            defs << QStringLiteral("fts_dirty %1 NOT NULL DEFAULT 1").arg(m_sql->integerType());
    }
    return QStringLiteral("CREATE TABLE %1 (%2)%3")
        .arg(table.name, defs.join(QLatin1String(", ")), m_sql->tableOptions(false));
}

QList<DeclaredSchema::Object> DeclaredSchema::objects(const SyncTable &table) const
{
    return m_side == Side::Server ? serverObjects(table) : replicaObjects(table);
}

QList<DeclaredSchema::Object> DeclaredSchema::serverObjects(const SyncTable &t) const
{
    const SqlDialect &sql = *m_sql;
    QList<Object> out;
    // Pull reads changes in rev order.
    out << Object { QStringLiteral("index"),
                    t.name + QStringLiteral("_rev"),
                    QStringLiteral("CREATE INDEX %1_rev ON %1(rev)").arg(t.name),
                    {} };
    // Retention (at every start, then hourly) finds the tombstones it may
    // forget here; without it, "the newest old tombstone" walks the whole
    // table whenever there is none, so start-up grew with the data.
    out << Object { QStringLiteral("index"),
                    t.name + QStringLiteral("_tombstones"),
                    QStringLiteral("CREATE INDEX %1_tombstones ON %1(deleted_at, rev) WHERE deleted = 1").arg(t.name),
                    {} };
    // Every declared sort, alone and after every declared filter: a list
    // walks an index in order and stops after one page.
    const auto sorts = columnsWhere(t, [](const SyncColumn &c) { return c.isSortable(); });
    const auto filters
        = columnsWhere(t, [](const SyncColumn &c) { return c.isFilterable() && c.type != ColumnType::List; });
    for (const SyncColumn *s : sorts) {
        out << Object { QStringLiteral("index"),
                        QStringLiteral("%1_by_%2").arg(t.name, s->sortKey),
                        QStringLiteral("CREATE INDEX %1_by_%2 ON %1(%3, id) WHERE deleted = 0")
                            .arg(t.name, s->sortKey, sql.sortExpression(*s, {})),
                        {} };
        for (const SyncColumn *f : filters) {
            out << Object { QStringLiteral("index"),
                            QStringLiteral("%1_%2_by_%3").arg(t.name, f->filterKey, s->sortKey),
                            QStringLiteral("CREATE INDEX %1_%2_by_%3 ON %1(%4, %5, id) WHERE deleted = 0")
                                .arg(t.name, f->filterKey, s->sortKey, f->name, sql.sortExpression(*s, {})),
                            {} };
        }
    }
    const bool postgres = sql.isPostgres();
    for (const SyncColumn &c : t.columns) {
        if (c.isFilterable() && c.type == ColumnType::List)
            out += postgres ? PostgresObjects::listItems(t, c) : listItems(t, c);
    }
    QStringList counted;
    for (const SyncColumn &c : t.columns) {
        if (c.counted)
            counted << c.name;
    }
    if (!counted.isEmpty())
        out += postgres ? PostgresObjects::counts(t, counted) : counts(t, counted);
    if (t.isSearchable())
        out += postgres ? PostgresObjects::fullText(t) : serverFullText(t);
    return out;
}

QList<DeclaredSchema::Object> DeclaredSchema::replicaObjects(const SyncTable &t) const
{
    const SqlDialect &sql = SqlDialect::sqlite();
    QList<Object> out;
    // The replica lists by the default sort only (the desktop's views); an
    // index per sort would slow every pulled and edited row down.
    for (const SyncColumn &c : t.columns) {
        if (c.isSortable() && c.sortKey == t.defaultSort) {
            out << Object {
                QStringLiteral("index"),
                QStringLiteral("%1_by_%2").arg(t.name, c.sortKey),
                QStringLiteral("CREATE INDEX %1_by_%2 ON %1(%3, id)").arg(t.name, c.sortKey, sql.sortExpression(c, {})),
                {}
            };
        }
    }
    if (t.isSearchable()) {
        // The rows waiting for the search index, found without reading the
        // table: the indexer asks for them at every step.
        out << Object { QStringLiteral("index"),
                        t.name + QStringLiteral("_fts_waiting"),
                        QStringLiteral("CREATE INDEX %1_fts_waiting ON %1(fts_dirty) WHERE fts_dirty = 1").arg(t.name),
                        {} };
        // Indexed lazily (see SearchIndexer::catchUp): a row written is marked
        // fts_dirty and the next search indexes the marked rows.
        out << Object { QStringLiteral("table"),
                        t.name + QStringLiteral("_fts"),
                        QStringLiteral("CREATE VIRTUAL TABLE %1_fts USING fts5(%2, %3)")
                            .arg(t.name, joined(t.searchedColumns()), kFullTextOptions),
                        { QStringLiteral("UPDATE %1 SET fts_dirty = 1").arg(t.name),
                          QStringLiteral(
                              "INSERT OR REPLACE INTO replica_meta(key, value) VALUES ('fts_stale', '1')") } };
    }
    return out;
}

VoidResult DeclaredSchema::apply(Database &db) const
{
    if (&db.dialect() != m_sql)
        return DeclaredSchema(m_side, db.dialect()).apply(db);
    return db.transaction([&]() -> VoidResult {
        if (m_sql->isPostgres()) {
            for (const QString &statement : PostgresObjects::setup()) {
                if (VoidResult r = db.run(statement); !r)
                    return r;
            }
        }
        for (const SyncTable &t : SyncSchema::tables()) {
            if (VoidResult r = apply(db, t); !r)
                return r;
        }
        return VoidResult::success();
    });
}

QString DeclaredSchema::definitionStatement() const
{
    return m_sql->isPostgres() ? PostgresObjects::definitionStatement()
                               : QStringLiteral("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?");
}

VoidResult DeclaredSchema::apply(Database &db, const SyncTable &table) const
{
    if (&db.dialect() != m_sql)
        return DeclaredSchema(m_side, db.dialect()).apply(db, table);
    Result<QStringList> columns = db.columnNames(table.name);
    if (!columns)
        return columns.error();
    const QSet<QString> present(columns->cbegin(), columns->cend());
    if (present.isEmpty()) {
        if (VoidResult r = db.run(createTable(table)); !r)
            return r;
    } else {
        for (const SyncColumn &c : table.columns) {
            if (!present.contains(c.name)) {
                if (VoidResult r
                    = db.run(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(table.name, columnDefinition(c)));
                    !r)
                    return r;
            }
        }
        // The fixed columns a table made before its side's shape lacks.
        const QString integer = m_sql->integerType();
        const QHash<QString, QString> fixed {
            { QStringLiteral("rev"), QStringLiteral("rev %1 NOT NULL DEFAULT 0").arg(integer) },
            { QStringLiteral("deleted"), QStringLiteral("deleted %1 NOT NULL DEFAULT 0").arg(integer) },
            { QStringLiteral("deleted_at"), QStringLiteral("deleted_at TEXT") },
            { QStringLiteral("fts_dirty"), QStringLiteral("fts_dirty %1 NOT NULL DEFAULT 1").arg(integer) },
        };
        for (const auto &column : fixedColumns(table)) {
            if (present.contains(column.first) || !fixed.contains(column.first))
                continue;
            if (VoidResult r
                = db.run(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(table.name, fixed.value(column.first)));
                !r)
                return r;
        }
    }
    // Each fill runs once, after every object exists, in the order first named.
    QStringList fills;
    for (const Object &o : objects(table)) {
        Result<QVariant> existing = db.scalar(definitionStatement(), { o.type, o.name });
        if (!existing)
            return existing.error();
        if (!existing->isNull() && existing->toString() == o.create)
            continue;
        if (m_sql->isPostgres()) {
            // Unrecorded but there (made before a failed recording): drop it too.
            if (VoidResult r = db.run(PostgresObjects::drop(o)); !r)
                return r;
        } else if (!existing->isNull()) {
            const QString drop = o.type == QLatin1String("table") ? QStringLiteral("DROP TABLE %1")
                : o.type == QLatin1String("index")                ? QStringLiteral("DROP INDEX %1")
                                                                  : QStringLiteral("DROP TRIGGER %1");
            if (VoidResult r = db.run(drop.arg(o.name)); !r)
                return r;
        }
        if (VoidResult r = db.run(o.create); !r)
            return r;
        if (m_sql->isPostgres()) {
            if (VoidResult r = db.run(PostgresObjects::recordStatement(), { o.type, o.name, o.create }); !r)
                return r;
        }
        for (const QString &f : o.fill) {
            if (!fills.contains(f))
                fills << f;
        }
    }
    for (const QString &f : fills) {
        if (VoidResult r = db.run(f); !r)
            return r;
    }
    return VoidResult::success();
}

Result<QStringList> DeclaredSchema::differences(Database &db, const SyncTable &table) const
{
    if (&db.dialect() != m_sql)
        return DeclaredSchema(m_side, db.dialect()).differences(db, table);
    QStringList out;
    Result<QList<QPair<QString, QString>>> info = db.columnTypes(table.name);
    if (!info)
        return info.error();
    QHash<QString, QString> present;
    for (const auto &[name, type] : *info)
        present.insert(name, type.toUpper());
    if (present.isEmpty())
        return QStringList { QStringLiteral("table %1 is missing").arg(table.name) };
    QHash<QString, QString> expected;
    for (const auto &[name, type] : fixedColumns(table))
        expected.insert(name, type);
    for (const SyncColumn &c : table.columns)
        expected.insert(c.name, QStringLiteral("TEXT"));
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (!present.contains(it.key()))
            out << QStringLiteral("%1.%2 is missing").arg(table.name, it.key());
        else if (present.value(it.key()) != it.value())
            out << QStringLiteral("%1.%2 is %3, declared %4")
                       .arg(table.name, it.key(), present.value(it.key()), it.value());
    }
    for (auto it = present.cbegin(); it != present.cend(); ++it) {
        if (!expected.contains(it.key()))
            out << QStringLiteral("%1.%2 is not declared").arg(table.name, it.key());
    }
    for (const Object &o : objects(table)) {
        Result<QVariant> existing = db.scalar(definitionStatement(), { o.type, o.name });
        if (!existing)
            return existing.error();
        if (existing->isNull())
            out << QStringLiteral("%1 %2 is missing").arg(o.type, o.name);
        else if (existing->toString() != o.create)
            out << QStringLiteral("%1 %2 differs from the declaration").arg(o.type, o.name);
    }
    out.sort();
    return out;
}

} // namespace quire::shared
