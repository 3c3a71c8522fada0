// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/collectionlisting.h"

#include "server/sync/syncaccess.h"
#include "shared/database.h"
#include "shared/fielderrors.h"
#include "shared/jsonqt.h"
#include "shared/sqldialect.h"
#include "shared/strictjson.h"
#include "shared/synctable.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

using shared::Result;
using shared::SyncColumn;

namespace {

constexpr int kDefaultPerPage = 20;
constexpr int kMaxPerPage = 100;
constexpr int kMaxPage = 1000000;

int number(const QUrlQuery &query, const QString &name, int fallback, int min, int max, shared::FieldErrors &errors)
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const int value = query.queryItemValue(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        errors.add(name, QStringLiteral("Must be a number from %1 to %2.").arg(min).arg(max));
        return fallback;
    }
    return value;
}

// A cursor names the last row of a page by its sort value and id, and the
// sort it belongs to, so it cannot be replayed against another order.
QString encodeCursor(const QString &sortKey, bool descending, const QString &value, const QString &id)
{
    const nlohmann::json parts
        = { sortKey.toStdString(), descending ? "desc" : "asc", value.toStdString(), id.toStdString() };
    return QString::fromLatin1(QByteArray::fromStdString(parts.dump())
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QPair<QString, QString>> decodeCursor(const QString &cursor, const QString &sortKey, bool descending)
{
    const auto bytes = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    Result<nlohmann::json> parts = shared::StrictJson::parse(*bytes);
    if (!parts || !parts->is_array() || parts->size() != 4)
        return std::nullopt;
    for (const nlohmann::json &p : *parts) {
        if (!p.is_string())
            return std::nullopt;
    }
    if ((*parts)[0].get<QString>() != sortKey
        || (*parts)[1].get<QString>() != QLatin1String(descending ? "desc" : "asc"))
        return std::nullopt;
    return qMakePair((*parts)[2].get<QString>(), (*parts)[3].get<QString>());
}

} // namespace

struct CollectionListing::Plan
{
    QString select;
    QVariantList binds;
    QString count;
    QVariantList countBinds;
    const SyncColumn *sort = nullptr; // null when ranked by relevance
    bool descending = true;
    int perPage = kDefaultPerPage;
    int page = 0;
    qint64 offset = 0; // the matches a relevance cursor has served
    bool wantTotal = false;
    bool hasOwner = false;
};

nlohmann::json CollectionListing::Page::envelope(nlohmann::json items) const
{
    nlohmann::json out { { "items", std::move(items) },
                         { "per_page", perPage },
                         { "next_cursor", nextCursor.isEmpty() ? nlohmann::json() : nlohmann::json(nextCursor) } };
    if (page > 0)
        out["page"] = page;
    if (total)
        out["total"] = *total;
    return out;
}

CollectionListing::CollectionListing(shared::Database &db, const shared::SyncTable &table, const SyncAccess &access)
    : m_db(db)
    , m_table(table)
    , m_access(access)
{ }

Result<CollectionListing::Plan> CollectionListing::plan(const Principal &who, const QUrlQuery &query,
                                                        const QHash<QString, QString> &preset,
                                                        const QList<Condition> &extra) const
{
    const shared::SqlDialect &sql = m_db.dialect();
    const auto value = [&](const QString &name) {
        return preset.contains(name) ? preset.value(name) : query.queryItemValue(name, QUrl::FullyDecoded);
    };
    shared::FieldErrors errors;
    Plan p;
    p.perPage = number(query, QStringLiteral("per_page"), kDefaultPerPage, 1, kMaxPerPage, errors);
    p.page = number(query, QStringLiteral("page"), 0, 1, kMaxPage, errors);
    p.wantTotal = value(QStringLiteral("total")) == QLatin1String("true");
    const QString words = value(QStringLiteral("q")).trimmed();
    const bool searching = !words.isEmpty() && m_table.isSearchable();
    const QString sortKey
        = value(QStringLiteral("sort")).isEmpty() ? m_table.defaultSort : value(QStringLiteral("sort"));
    const bool relevance = sortKey == QLatin1String(kRelevance);
    p.sort = relevance ? nullptr : m_table.sortColumn(sortKey);
    if (relevance && !searching)
        errors.add(QStringLiteral("sort"), QStringLiteral("Sorting by relevance needs words to search for (q)."));
    else if (!relevance && !p.sort) {
        QStringList keys;
        for (const SyncColumn &c : m_table.columns) {
            if (c.isSortable())
                keys << c.sortKey;
        }
        if (m_table.isSearchable())
            keys << QString::fromLatin1(kRelevance);
        errors.add(QStringLiteral("sort"), QStringLiteral("Must be one of: %1.").arg(keys.join(QLatin1String(", "))));
    }
    const QString order = value(QStringLiteral("order"));
    if (relevance)
        p.descending = false; // best first; the order of a ranking is not a choice
    else if (order.isEmpty())
        p.descending = sortKey == m_table.defaultSort ? m_table.defaultDescending
                                                      : (p.sort && p.sort->type != shared::ColumnType::Text);
    else if (order == QLatin1String("asc") || order == QLatin1String("desc"))
        p.descending = order == QLatin1String("desc");
    else
        errors.add(QStringLiteral("order"), QStringLiteral("Must be asc or desc."));

    // Sorted by a column, the engines walk that column's index (or a
    // filter's) and test each row until a page is full: quick when many
    // rows match, but a word found nowhere read every row (29 s at a
    // million articles on PostgreSQL). So the matches are counted first, up
    // to a bound, and when they are few they are looked up by key instead.
    std::optional<QByteArray> keys;
    if (searching && !relevance) {
        Result<std::optional<QByteArray>> few = fewMatches(sql.fullTextQuery(words));
        if (!few)
            return few.error();
        keys = *few;
    }

    // Column names come from the declaration; every value is bound.
    QString where = QStringLiteral("t.deleted = 0");
    QVariantList binds;
    for (const SyncColumn &c : m_table.columns) {
        if (!c.isFilterable())
            continue;
        QString wanted = value(c.filterKey).trimmed();
        if (wanted.isEmpty())
            continue;
        if (c.type == shared::ColumnType::Choice && !c.choices.contains(wanted)) {
            errors.add(c.filterKey, QStringLiteral("Must be one of: %1.").arg(c.choices.join(QLatin1String(", "))));
            continue;
        }
        // A reference may be named by the referenced row's slug.
        if (const shared::SyncTable *target = shared::SyncSchema::find(c.references);
            target && target->column(QStringLiteral("slug"))) {
            Result<QVariant> id = m_db.scalar(
                QStringLiteral("SELECT id FROM %1 WHERE slug = ? AND deleted = 0").arg(target->name), { wanted });
            if (!id)
                return id.error();
            if (!id->isNull())
                wanted = id->toString();
        }
        if (c.type == shared::ColumnType::List)
            where += QStringLiteral(" AND ") + sql.listHasItem(m_table, c, QStringLiteral("t"));
        else
            where += QStringLiteral(" AND %1 = ?")
                         .arg(keys ? sql.withoutIndex(QStringLiteral("t.") + c.name) : QStringLiteral("t.") + c.name);
        binds << wanted;
    }
    QString from = m_table.name + QStringLiteral(" t");
    QString rank;
    QVariantList rankBinds;
    if (searching && relevance) {
        // The column that names a row weighs most: a title match ranks first.
        QHash<QString, double> weights;
        if (!m_table.labelColumn.isEmpty())
            weights.insert(m_table.labelColumn, 10.0);
        const shared::SqlDialect::RankedSearch ranked = sql.rankedSearch(m_table, QStringLiteral("t"), weights, 8);
        from = ranked.from;
        rank = ranked.rank;
        if (ranked.rankTakesQuery)
            rankBinds << sql.fullTextQuery(words);
        where += QStringLiteral(" AND ") + ranked.condition;
        binds << sql.fullTextQuery(words);
    } else if (keys) {
        where += QStringLiteral(" AND ") + sql.keyInList(QStringLiteral("t"));
        binds << QString::fromUtf8(*keys);
    } else if (searching) {
        where += QStringLiteral(" AND ") + sql.fullTextCondition(m_table, QStringLiteral("t"));
        binds << sql.fullTextQuery(words);
    }
    for (const Condition &c : extra) {
        where += QStringLiteral(" AND (%1)").arg(c.sql);
        binds += c.binds;
    }
    QVariantList visibleBinds;
    // visibleWhere() names the table's own columns; the alias keeps them unambiguous.
    where += QStringLiteral(" AND ") + m_access.visibleWhere(who, visibleBinds);
    binds += visibleBinds;
    p.count = QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(from, where);
    p.countBinds = binds;

    const QString cursor = value(QStringLiteral("cursor"));
    if (!cursor.isEmpty() && (p.sort || relevance)) {
        const auto after
            = decodeCursor(cursor, relevance ? QString::fromLatin1(kRelevance) : p.sort->sortKey, p.descending);
        bool ok = after.has_value();
        if (ok && relevance) {
            p.offset = after->first.toLongLong(&ok);
            ok = ok && p.offset > 0;
        } else if (ok) {
            where += QStringLiteral(" AND (%1, t.id) %2 (%3, ?)")
                         .arg(sql.sortExpression(*p.sort, QStringLiteral("t")),
                              p.descending ? QStringLiteral("<") : QStringLiteral(">"),
                              sql.sortValue(*p.sort, QStringLiteral("?")));
            binds << after->first << after->second;
        }
        if (!ok)
            errors.add(QStringLiteral("cursor"), QStringLiteral("Not a cursor of this list; start again without it."));
    }
    if (!cursor.isEmpty() && p.page > 0)
        errors.add(QStringLiteral("page"), QStringLiteral("Use either page or cursor."));
    if (!errors.isEmpty())
        return errors.toError();

    QStringList columns { QStringLiteral("t.id") };
    for (const SyncColumn &c : m_table.columns)
        columns << QStringLiteral("t.") + c.name;
    columns << QStringLiteral("t.rev") << QStringLiteral("t.deleted");
    p.hasOwner = m_table.column(QStringLiteral("owner_id")) != nullptr;
    const QString direction = p.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    if (p.page > 1)
        p.offset = qint64(p.page - 1) * p.perPage;
    const QString limit = p.offset > 0 ? QStringLiteral("LIMIT ? OFFSET ?") : QStringLiteral("LIMIT ?");
    const QString owner = p.hasOwner ? QStringLiteral(" LEFT JOIN users u ON u.id = t.owner_id") : QString();
    const QString selected = columns.join(QLatin1String(", ")) + (p.hasOwner ? QStringLiteral(", u.name") : QString());
    if (relevance) {
        // Ranking reads every match, so it sorts only the rows' keys with
        // their rank (ties by id) and reads the page's rows whole afterwards:
        // whole rows in the sort were built for every match and kept for
        // every row up to the page, which made a deep page twice the cost.
        const QString ranked = QStringLiteral("SELECT %1 AS row_key, %2 AS row_rank, t.id AS row_id FROM %3 WHERE %4 "
                                              "ORDER BY row_rank, row_id %5")
                                   .arg(sql.rowKey(QStringLiteral("t")), rank, from, where, limit);
        p.select = QStringLiteral("SELECT %1 FROM (%2) m JOIN %3 t ON %4 = m.row_key%5 ORDER BY m.row_rank, m.row_id")
                       .arg(selected, ranked, m_table.name, sql.rowKey(QStringLiteral("t")), owner);
    } else {
        p.select = QStringLiteral("SELECT %1 FROM %2%3 WHERE %4 ORDER BY %5 %6, t.id %6 %7")
                       .arg(selected, from, owner, where, sql.sortExpression(*p.sort, QStringLiteral("t")), direction,
                            limit);
    }
    p.binds = rankBinds; // the rank is selected by the inner SELECT, before its WHERE
    p.binds += binds;
    p.binds << p.perPage + 1; // one more tells whether a next page exists
    if (p.offset > 0)
        p.binds << p.offset;
    return p;
}

Result<std::optional<QByteArray>> CollectionListing::fewMatches(const QString &fullTextQuery) const
{
    Result<QSqlQuery> q = m_db.exec(
        m_db.dialect().fullTextMatches(m_table) + QStringLiteral(" LIMIT %1").arg(kFewMatches + 1), { fullTextQuery });
    if (!q)
        return q.error();
    nlohmann::json keys = nlohmann::json::array();
    while (q->next()) {
        if (keys.size() == std::size_t(kFewMatches))
            return std::optional<QByteArray>(); // many: the index walk finds a page soonest
        const QVariant key = q->value(0);
        if (key.typeId() == QMetaType::QString)
            keys.push_back(key.toString().toStdString());
        else
            keys.push_back(key.toLongLong());
    }
    return std::optional<QByteArray>(QByteArray::fromStdString(keys.dump()));
}

Result<QPair<QString, QVariantList>> CollectionListing::statement(const Principal &who, const QUrlQuery &query,
                                                                  const QHash<QString, QString> &preset,
                                                                  const QList<Condition> &extra) const
{
    Result<Plan> p = plan(who, query, preset, extra);
    if (!p)
        return p.error();
    return qMakePair(p->select, p->binds);
}

Result<CollectionListing::Page> CollectionListing::run(const Principal &who, const QUrlQuery &query,
                                                       const QHash<QString, QString> &preset,
                                                       const QList<Condition> &extra) const
{
    Result<Plan> p = plan(who, query, preset, extra);
    if (!p)
        return p.error();
    Page page;
    page.perPage = p->perPage;
    page.page = p->page;
    if (p->wantTotal) {
        Result<QVariant> total = m_db.scalar(p->count, p->countBinds);
        if (!total)
            return total.error();
        page.total = total->toLongLong();
    }
    Result<QSqlQuery> q = m_db.exec(p->select, p->binds);
    if (!q)
        return q.error();
    SyncRows rows(m_db, m_table);
    const int nameColumn = int(m_table.columns.size()) + 3;
    while (q->next()) {
        if (page.rows.size() == p->perPage) {
            const StoredRow &last = page.rows.last();
            if (p->sort)
                page.nextCursor = encodeCursor(
                    p->sort->sortKey, p->descending,
                    QString::fromStdString(last.values.value(p->sort->name.toStdString(), std::string())),
                    QString::fromStdString(last.values.value("id", std::string())));
            else
                page.nextCursor = encodeCursor(QString::fromLatin1(kRelevance), false,
                                               QString::number(p->offset + p->perPage), QString());
            break;
        }
        page.rows << rows.read(*q);
        page.ownerNames << (p->hasOwner ? q->value(nameColumn).toString() : QString());
    }
    return page;
}

} // namespace quire::server
