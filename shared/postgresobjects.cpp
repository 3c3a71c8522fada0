// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/postgresobjects.h"

#include "shared/postgresdialect.h"
#include "shared/sqldialect.h"

namespace quire::shared {

namespace {

QString joined(const QStringList &parts, const QString &prefix = {})
{
    QStringList out;
    for (const QString &p : parts)
        out << prefix + p;
    return out.join(QLatin1String(", "));
}

QString function(const QString &name, const QString &body)
{
    return QStringLiteral("CREATE OR REPLACE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN %2 RETURN "
                          "NULL; END $$")
        .arg(name, body);
}

DeclaredSchema::Object trigger(const QString &name, const QString &table, const QString &events,
                               const QString &function, const QStringList &fill, const QString &when = {})
{
    return { QStringLiteral("trigger"), name,
             QStringLiteral("CREATE TRIGGER %1 AFTER %2 ON %3 FOR EACH ROW %4EXECUTE FUNCTION %5()")
                 .arg(name, events, table, when.isEmpty() ? QString() : QStringLiteral("WHEN (%1) ").arg(when),
                      function),
             fill, table };
}

} // namespace

QStringList PostgresObjects::setup()
{
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS quire_declared_objects (type TEXT NOT NULL, name TEXT NOT NULL, "
                       "definition TEXT NOT NULL, PRIMARY KEY (type, name))"),
        // The text items of a JSON array, none when the text is not one
        // (SQLite's json_each over json_valid() text, filtered to strings).
        QStringLiteral("CREATE OR REPLACE FUNCTION quire_json_texts(doc text) RETURNS SETOF text LANGUAGE plpgsql "
                       "IMMUTABLE AS $$ BEGIN RETURN QUERY SELECT e #>> '{}' FROM jsonb_array_elements(doc::jsonb) e "
                       "WHERE jsonb_typeof(e) = 'string'; EXCEPTION WHEN others THEN RETURN; END $$"),
    };
}

QString PostgresObjects::definitionStatement()
{
    // Recorded and still there (a table dropped by a migration takes its
    // indexes and triggers along).
    return QStringLiteral(
        "SELECT d.definition FROM quire_declared_objects d WHERE d.type = ? AND d.name = ? AND (EXISTS (SELECT 1 "
        "FROM pg_class c WHERE c.relname = d.name AND c.relnamespace = current_schema()::regnamespace) OR EXISTS "
        "(SELECT 1 FROM pg_trigger t WHERE t.tgname = d.name) OR EXISTS (SELECT 1 FROM pg_proc p WHERE p.proname = "
        "d.name AND p.pronamespace = current_schema()::regnamespace))");
}

QString PostgresObjects::recordStatement()
{
    return QStringLiteral("INSERT INTO quire_declared_objects(type, name, definition) VALUES (?, ?, ?) ON CONFLICT "
                          "(type, name) DO UPDATE SET definition = excluded.definition");
}

QString PostgresObjects::drop(const Object &o)
{
    if (o.type == QLatin1String("trigger"))
        return QStringLiteral("DROP TRIGGER IF EXISTS %1 ON %2").arg(o.name, o.on);
    if (o.type == QLatin1String("function"))
        return QStringLiteral("DROP FUNCTION IF EXISTS %1() CASCADE").arg(o.name);
    if (o.type == QLatin1String("index"))
        return QStringLiteral("DROP INDEX IF EXISTS %1").arg(o.name);
    return QStringLiteral("DROP TABLE IF EXISTS %1").arg(o.name);
}

QList<DeclaredSchema::Object> PostgresObjects::listItems(const SyncTable &t, const SyncColumn &c)
{
    const QString items = SqlDialect::postgres().listItemsTable(t, c);
    const QString keep = items + QStringLiteral("_keep");
    const QString clear = QStringLiteral("DELETE FROM %1").arg(items);
    const QString fill = QStringLiteral("INSERT INTO %1(item, value, row_id) SELECT lower(v), v, r.id FROM %2 r, "
                                        "quire_json_texts(r.%3) v ON CONFLICT DO NOTHING")
                             .arg(items, t.name, c.name);
    const QString body
        = QStringLiteral("IF TG_OP <> 'INSERT' THEN DELETE FROM %1 WHERE row_id = OLD.id; END IF; IF TG_OP <> "
                         "'DELETE' THEN INSERT INTO %1(item, value, row_id) SELECT lower(v), v, NEW.id FROM "
                         "quire_json_texts(NEW.%2) v ON CONFLICT DO NOTHING; END IF;")
              .arg(items, c.name);
    return {
        { QStringLiteral("table"),
          items,
          QStringLiteral("CREATE TABLE %1 (item TEXT NOT NULL, value TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY "
                         "KEY (item, row_id))")
              .arg(items),
          { clear, fill },
          {} },
        { QStringLiteral("index"),
          items + QStringLiteral("_row"),
          QStringLiteral("CREATE INDEX %1_row ON %1(row_id)").arg(items),
          {},
          {} },
        { QStringLiteral("function"), keep, function(keep, body), { clear, fill }, {} },
        trigger(keep, t.name, QStringLiteral("INSERT OR DELETE OR UPDATE OF %1").arg(c.name), keep, { clear, fill }),
    };
}

QList<DeclaredSchema::Object> PostgresObjects::counts(const SyncTable &t, const QStringList &cols)
{
    // Kept per statement, not per row: a row-level trigger updated the same
    // count row once per inserted row, and each update of a row already
    // updated in the transaction walks a longer version chain (a bulk insert
    // grew quadratically). Transition tables give each statement's rows at
    // once; they are allowed only on a single-event trigger without a column
    // list, hence three triggers on one function.
    const QString table = t.name + QStringLiteral("_counts");
    const QString keep = table + QStringLiteral("_keep");
    const QString oldRows = QStringLiteral("quire_old_rows");
    const QString newRows = QStringLiteral("quire_new_rows");
    QStringList changed { QStringLiteral("o.deleted IS DISTINCT FROM n.deleted") };
    QStringList same;
    QStringList columnDefs;
    for (const QString &c : cols) {
        changed << QStringLiteral("o.%1 IS DISTINCT FROM n.%1").arg(c);
        same << QStringLiteral("%1.%2 = d.%2").arg(table, c);
        columnDefs << c + QStringLiteral(" TEXT NOT NULL");
    }
    const QString clear = QStringLiteral("DELETE FROM %1").arg(table);
    const QString fill
        = QStringLiteral("INSERT INTO %1(%2, n) SELECT %2, count(*) FROM %3 WHERE deleted = 0 GROUP BY %2")
              .arg(table, joined(cols), t.name);
    // Adds each group's delta once; a group whose delta nets to zero (rows
    // moved out and back in) is not touched.
    const QString add = QStringLiteral("INSERT INTO %1(%2, n) SELECT %2, sum(d) FROM (%3) x GROUP BY %2 HAVING "
                                       "sum(d) <> 0 ON CONFLICT (%2) DO UPDATE SET n = %1.n + excluded.n;")
                            .arg(table, joined(cols));
    const QString inserted
        = add.arg(QStringLiteral("SELECT %1, 1 AS d FROM %2 WHERE deleted = 0").arg(joined(cols), newRows));
    const QString deleted = QStringLiteral("UPDATE %1 SET n = %1.n - d.k FROM (SELECT %2, count(*) AS k FROM %3 WHERE "
                                           "deleted = 0 GROUP BY %2) d WHERE %4;")
                                .arg(table, joined(cols), oldRows, same.join(QLatin1String(" AND ")));
    // Only rows whose counted values or deletion changed: a body edit
    // touches no count row.
    const QString moved = QStringLiteral("FROM %1 o JOIN %2 n ON n.id = o.id WHERE (%3)")
                              .arg(oldRows, newRows, changed.join(QLatin1String(" OR ")));
    const QString updated
        = add.arg(QStringLiteral("SELECT %1, -1 AS d %2 AND o.deleted = 0 UNION ALL SELECT %3, 1 "
                                 "%2 AND n.deleted = 0")
                      .arg(joined(cols, QStringLiteral("o.")), moved, joined(cols, QStringLiteral("n."))));
    const QString body = QStringLiteral("IF TG_OP = 'INSERT' THEN %1 ELSIF TG_OP = 'DELETE' THEN %2 ELSE %3 END IF;")
                             .arg(inserted, deleted, updated);
    const auto statementTrigger = [&](const QString &event, const QString &referencing) {
        const QString name = keep + QLatin1Char('_') + event.toLower();
        return DeclaredSchema::Object { QStringLiteral("trigger"),
                                        name,
                                        QStringLiteral("CREATE TRIGGER %1 AFTER %2 ON %3 REFERENCING %4 FOR EACH "
                                                       "STATEMENT EXECUTE FUNCTION %5()")
                                            .arg(name, event, t.name, referencing, keep),
                                        { clear, fill },
                                        t.name };
    };
    const QString oldTable = QStringLiteral("OLD TABLE AS ") + oldRows;
    const QString newTable = QStringLiteral("NEW TABLE AS ") + newRows;
    return {
        { QStringLiteral("table"),
          table,
          QStringLiteral("CREATE TABLE %1 (%2, n BIGINT NOT NULL, PRIMARY KEY (%3))")
              .arg(table, columnDefs.join(QLatin1String(", ")), joined(cols)),
          { clear, fill },
          {} },
        // Replacing the row-level function of earlier builds drops its
        // triggers along (DROP ... CASCADE), so none of them is left.
        { QStringLiteral("function"), keep, function(keep, body), { clear, fill }, {} },
        statementTrigger(QStringLiteral("INSERT"), newTable),
        statementTrigger(QStringLiteral("DELETE"), oldTable),
        statementTrigger(QStringLiteral("UPDATE"), oldTable + QLatin1Char(' ') + newTable),
    };
}

QList<DeclaredSchema::Object> PostgresObjects::fullText(const SyncTable &t)
{
    const QString fts = t.name + QStringLiteral("_fts");
    const QString keep = fts + QStringLiteral("_keep");
    const QString clear = QStringLiteral("DELETE FROM %1").arg(fts);
    const QString fill = QStringLiteral("INSERT INTO %1(row_id, document) SELECT r.id, %2 FROM %3 r")
                             .arg(fts, PostgresDialect::document(t, QStringLiteral("r")), t.name);
    const QString body = QStringLiteral("IF TG_OP = 'DELETE' THEN DELETE FROM %1 WHERE row_id = OLD.id; ELSE INSERT "
                                        "INTO %1(row_id, document) VALUES (NEW.id, %2) ON CONFLICT (row_id) DO "
                                        "UPDATE SET document = excluded.document; END IF;")
                             .arg(fts, PostgresDialect::document(t, QStringLiteral("NEW")));
    return {
        { QStringLiteral("table"),
          fts,
          QStringLiteral("CREATE TABLE %1 (row_id TEXT PRIMARY KEY, document tsvector NOT NULL)").arg(fts),
          { clear, fill },
          {} },
        { QStringLiteral("index"),
          fts + QStringLiteral("_document"),
          QStringLiteral("CREATE INDEX %1_document ON %1 USING gin (document)").arg(fts),
          {},
          {} },
        { QStringLiteral("function"), keep, function(keep, body), { clear, fill }, {} },
        trigger(keep, t.name, QStringLiteral("INSERT OR DELETE OR UPDATE OF %1").arg(joined(t.searchedColumns())), keep,
                { clear, fill }),
    };
}

} // namespace quire::shared
