// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/queryplan.h"

#include "shared/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlField>
#include <QSqlQuery>

namespace quire::test {

namespace {

// The columns an index search compares, from SQLite's "(a=? AND b>?)" or
// PostgreSQL's "((a = $1) AND (b > 'x'::text))": the names left of an operator.
QStringList searchedColumns(const QString &condition, bool postgres)
{
    static const QRegularExpression sqlite(QStringLiteral("(\\w+)(?:=|>=|<=|>|<)"));
    static const QRegularExpression postgresql(
        QStringLiteral("\\(\\s*(?:\\w+\\.)?\"?(\\w+)\"?\\s+(?:=|>=|<=|>|<|~~)\\s"));
    QStringList columns;
    QRegularExpressionMatchIterator it = (postgres ? postgresql : sqlite).globalMatch(condition);
    while (it.hasNext())
        columns << it.next().captured(1);
    return columns;
}

// `sql` with its `?` placeholders numbered ($1, $2 …) as PREPARE wants
// them; a `?` inside a quoted literal or name stays as it is.
QString numbered(const QString &sql)
{
    QString out;
    out.reserve(sql.size() + 8);
    QChar quote;
    int n = 0;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('?')) {
            out += QLatin1Char('$') + QString::number(++n);
            continue;
        }
        out += c;
    }
    return out;
}

// Walks one node of PostgreSQL's JSON plan and those below it, in the
// plan's order (the outer side of a join first). `heapTable`: the table a
// Bitmap Heap Scan above reads through the bitmap being built below it.
void walk(const QJsonObject &node, const QString &heapTable, QList<QueryPlan::Step> &steps)
{
    const QString type = node.value(QLatin1String("Node Type")).toString();
    const QString alias = node.value(QLatin1String("Alias")).toString();
    const QString index = node.value(QLatin1String("Index Name")).toString();
    const QString condition = node.value(QLatin1String("Index Cond")).toString();
    QueryPlan::Step step;
    step.text = type;
    if (!index.isEmpty())
        step.text += QStringLiteral(" using ") + index;
    if (node.contains(QLatin1String("Relation Name")))
        step.text += QStringLiteral(" on %1 %2").arg(node.value(QLatin1String("Relation Name")).toString(), alias);
    if (!condition.isEmpty())
        step.text += QStringLiteral(" (%1)").arg(condition);
    if (node.contains(QLatin1String("Sort Key")))
        step.text += QStringLiteral(" by ")
            + node.value(QLatin1String("Sort Key")).toVariant().toStringList().join(QStringLiteral(", "));

    bool isStep = true;
    if (type == QLatin1String("Seq Scan")) {
        step.table = alias;
        step.readsWholeTable = true;
    } else if (type == QLatin1String("Index Scan") || type == QLatin1String("Index Only Scan")
               || type == QLatin1String("Bitmap Index Scan")) {
        step.table = alias.isEmpty() ? heapTable : alias;
        step.index = index;
        step.columns = searchedColumns(condition, true);
        // An index walked from end to end without a condition reads everything.
        step.readsWholeTable = condition.isEmpty();
    } else if (type == QLatin1String("Sort") || type == QLatin1String("Incremental Sort")) {
        step.sorts = true;
    } else {
        isStep = false; // joins, limits, the heap side of a bitmap scan
    }
    if (isStep)
        steps << step;
    const QString below = type == QLatin1String("Bitmap Heap Scan") ? alias : heapTable;
    const QJsonArray children = node.value(QLatin1String("Plans")).toArray();
    for (const QJsonValue &child : children)
        walk(child.toObject(), below, steps);
}

} // namespace

shared::Result<QueryPlan> QueryPlan::of(shared::Database &db, const QString &sql, const QVariantList &binds)
{
    return db.engine() == shared::Database::Engine::Postgres ? ofPostgres(db, sql, binds) : ofSqlite(db, sql, binds);
}

shared::Result<QueryPlan> QueryPlan::ofSqlite(shared::Database &db, const QString &sql, const QVariantList &binds)
{
    shared::Result<QSqlQuery> q = db.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, binds);
    if (!q)
        return q.error();
    // "SEARCH p USING [COVERING] INDEX i (a=? AND b=?)", "SEARCH v USING
    // INTEGER PRIMARY KEY (rowid=?)", "SCAN t [USING INDEX i]".
    static const QRegularExpression access(QStringLiteral(
        "^(SEARCH|SCAN) (\\S+)(?: USING (?:(?:COVERING )?INDEX (\\S+)|(?:INTEGER )?PRIMARY KEY))?(?: \\((.*)\\))?$"));
    QueryPlan plan;
    while (q->next()) {
        Step step;
        step.text = q->value(3).toString();
        const QRegularExpressionMatch m = access.match(step.text);
        if (m.hasMatch()) {
            step.table = m.captured(2);
            step.index = m.captured(3);
            step.columns = searchedColumns(m.captured(4), false);
            step.readsWholeTable = m.captured(1) == QLatin1String("SCAN");
        } else if (step.text.contains(QLatin1String("TEMP B-TREE"))) {
            step.sorts = true;
        } else {
            continue; // the plan's structure (subqueries, unions), no access of its own
        }
        plan.m_steps << step;
    }
    return plan;
}

shared::Result<QueryPlan> QueryPlan::ofPostgres(shared::Database &db, const QString &sql, const QVariantList &binds)
{
    // EXPLAIN cannot be prepared: the statement is, under a name, and
    // EXPLAIN EXECUTE gives it the values as the driver quotes them.
    const QString name = QStringLiteral("quire_query_plan");
    QStringList values;
    for (const QVariant &bind : binds) {
        const QVariant value = db.forBinding(bind);
        QSqlField field(QString(), value.metaType());
        field.setValue(value);
        values << db.handle().driver()->formatValue(field);
    }
    // The plan for any values, not for these: a prepared statement's plan.
    if (shared::VoidResult r = db.run(QStringLiteral("SET plan_cache_mode = force_generic_plan")); !r)
        return r.error();
    shared::Result<QSqlQuery> q = db.exec(QStringLiteral("PREPARE %1 AS %2").arg(name, numbered(sql)));
    QByteArray json;
    if (q) {
        q = db.exec(QStringLiteral("EXPLAIN (FORMAT JSON) EXECUTE %1").arg(name)
                    + (values.isEmpty() ? QString() : QStringLiteral("(%1)").arg(values.join(QStringLiteral(", ")))));
        if (q && q->next())
            json = q->value(0).toString().toUtf8();
        if (q)
            q->finish();
        if (shared::VoidResult r = db.run(QStringLiteral("DEALLOCATE ") + name); !r && q)
            q = r.error();
    }
    if (shared::VoidResult r = db.run(QStringLiteral("RESET plan_cache_mode")); !r)
        return r.error();
    if (!q)
        return q.error();
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isArray() || doc.array().isEmpty())
        return shared::Error::make(QStringLiteral("query_plan"),
                                   QStringLiteral("no plan in %1").arg(QString::fromUtf8(json.left(200))));
    QueryPlan plan;
    walk(doc.array().first().toObject().value(QLatin1String("Plan")).toObject(), QString(), plan.m_steps);
    return plan;
}

QList<QueryPlan::Step> QueryPlan::costlySteps() const
{
    QList<Step> costly;
    for (const Step &step : m_steps) {
        if (step.readsWholeTable || step.sorts)
            costly << step;
    }
    return costly;
}

QString QueryPlan::describe() const
{
    QStringList lines;
    for (const Step &step : m_steps)
        lines << step.text;
    return lines.join(QLatin1Char('\n'));
}

} // namespace quire::test
