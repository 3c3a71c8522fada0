// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/metricsstore.h"

#include "shared/currencyamount.h"
#include "shared/database.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"

#include <QDateTime>
#include <QVariant>

namespace quire::server {

using shared::Error;
using shared::ErrorCode;
using shared::Result;
using shared::VoidResult;

namespace {

QString dayText(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

QString now()
{
    return shared::Timestamp::format(QDateTime::currentDateTimeUtc());
}

// The live rows a number is seen through: its client (whose owner decides)
// and platform, neither deleted. `m` is the metrics table's alias.
constexpr const char *kOwnedJoin = " JOIN clients c ON c.id = m.client_id AND c.deleted = 0"
                                   " JOIN platforms p ON p.id = m.platform_id AND p.deleted = 0";

// The filter's conditions after the owner's; binds in the same order.
QString conditions(const MetricsStore::Filter &filter, QVariantList &binds, bool withPost)
{
    QString where = QStringLiteral(" WHERE c.owner_id = ? AND m.day >= ? AND m.day <= ?");
    binds << filter.ownerId << dayText(filter.from) << dayText(filter.to);
    if (!filter.clientId.isEmpty()) {
        where += QStringLiteral(" AND m.client_id = ?");
        binds << filter.clientId;
    }
    if (!filter.platformId.isEmpty()) {
        where += QStringLiteral(" AND m.platform_id = ?");
        binds << filter.platformId;
    }
    if (withPost && !filter.postId.isEmpty()) {
        where += QStringLiteral(" AND m.post_id = ?");
        binds << filter.postId;
    }
    return where;
}

// A financial entry's columns, in the order entryJson() reads them.
constexpr const char *kEntryColumns = "SELECT m.id, m.client_id, m.platform_id, m.day, m.currency, m.revenue_minor, "
                                      "m.payouts_minor, m.source, m.updated_at FROM financial_metrics m";

nlohmann::json entryJson(const QSqlQuery &q)
{
    const QString currency = q.value(4).toString();
    const qint64 revenue = q.value(5).toLongLong();
    const qint64 payouts = q.value(6).toLongLong();
    return nlohmann::json {
        { "id", q.value(0).toString().toStdString() },
        { "client_id", q.value(1).toString().toStdString() },
        { "platform_id", q.value(2).toString().toStdString() },
        { "day", q.value(3).toString().toStdString() },
        { "currency", currency.toStdString() },
        { "revenue", shared::CurrencyAmount::format(revenue, currency).toStdString() },
        { "payouts", shared::CurrencyAmount::format(payouts, currency).toStdString() },
        { "revenue_minor", revenue },
        { "payouts_minor", payouts },
        { "source", q.value(7).toString().toStdString() },
        { "updated_at", q.value(8).toString().toStdString() },
    };
}

} // namespace

MetricsStore::MetricsStore(shared::Database &db)
    : m_db(db)
{ }

VoidResult MetricsStore::recordEngagement(const QString &destinationId, const QDate &day,
                                          const EngagementCounts &counts)
{
    for (qint64 n : { counts.impressions, counts.likes, counts.comments, counts.shares, counts.clicks }) {
        if (n < 0)
            return Error::make(ErrorCode::ValidationFailed, QStringLiteral("A count cannot be negative."));
    }
    if (!day.isValid())
        return Error::make(ErrorCode::ValidationFailed, QStringLiteral("No such day."));
    Result<QSqlQuery> q = m_db.exec(QStringLiteral("SELECT d.post_id, d.platform_id, po.client_id "
                                                   "FROM post_destinations d JOIN posts po ON po.id = d.post_id "
                                                   "WHERE d.id = ?"),
                                    { destinationId });
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(ErrorCode::NotFound, QStringLiteral("There is no such destination."));
    const QString postId = q->value(0).toString();
    const QString platformId = q->value(1).toString();
    const QString clientId = q->value(2).toString();
    return m_db.run(
        QStringLiteral("INSERT INTO engagement_metrics(destination_id, day, post_id, client_id, platform_id, "
                       "impressions, likes, comments, shares, clicks, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (destination_id, day) DO UPDATE SET impressions = excluded.impressions, "
                       "likes = excluded.likes, comments = excluded.comments, shares = excluded.shares, "
                       "clicks = excluded.clicks, updated_at = excluded.updated_at"),
        { destinationId, dayText(day), postId, clientId, platformId, counts.impressions, counts.likes, counts.comments,
          counts.shares, counts.clicks, now() });
}

Result<MetricsStore::Saved> MetricsStore::saveFinancial(const FinancialEntry &entry, const QString &userId,
                                                        const QString &source)
{
    Result<QVariant> existing = m_db.scalar(QStringLiteral("SELECT id FROM financial_metrics WHERE client_id = ? "
                                                           "AND platform_id = ? AND day = ? AND currency = ?"),
                                            { entry.clientId, entry.platformId, dayText(entry.day), entry.currency });
    if (!existing)
        return existing.error();
    if (!existing->isNull()) {
        const QString id = existing->toString();
        VoidResult updated = m_db.run(QStringLiteral("UPDATE financial_metrics SET revenue_minor = ?, "
                                                     "payouts_minor = ?, source = ?, updated_by = ?, updated_at = ? "
                                                     "WHERE id = ?"),
                                      { entry.revenueMinor, entry.payoutsMinor, source, userId, now(), id });
        if (!updated)
            return updated.error();
        return Saved { id, false };
    }
    const QString id = shared::Uuid::createV7();
    VoidResult inserted = m_db.run(
        QStringLiteral("INSERT INTO financial_metrics(id, client_id, platform_id, day, currency, revenue_minor, "
                       "payouts_minor, source, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { id, entry.clientId, entry.platformId, dayText(entry.day), entry.currency, entry.revenueMinor,
          entry.payoutsMinor, source, userId, now() });
    if (!inserted)
        return inserted.error();
    return Saved { id, true };
}

Result<std::optional<nlohmann::json>> MetricsStore::financialRow(const QString &id, const QString &ownerId)
{
    Result<QSqlQuery> q = m_db.exec(QLatin1String(kEntryColumns) + QLatin1String(kOwnedJoin)
                                        + QStringLiteral(" WHERE m.id = ? AND c.owner_id = ?"),
                                    { id, ownerId });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<nlohmann::json>();
    return std::optional<nlohmann::json>(entryJson(*q));
}

Result<QList<nlohmann::json>> MetricsStore::financialEntries(const Filter &filter, const QString &afterDay,
                                                             const QString &afterId, int limit)
{
    QVariantList binds;
    QString sql = QLatin1String(kEntryColumns) + QLatin1String(kOwnedJoin) + conditions(filter, binds, false);
    if (!afterDay.isEmpty()) {
        sql += QStringLiteral(" AND (m.day > ? OR (m.day = ? AND m.id > ?))");
        binds << afterDay << afterDay << afterId;
    }
    sql += QStringLiteral(" ORDER BY m.day, m.id LIMIT ?");
    binds << limit;
    Result<QSqlQuery> q = m_db.exec(sql, binds);
    if (!q)
        return q.error();
    QList<nlohmann::json> out;
    while (q->next())
        out << entryJson(*q);
    return out;
}

Result<bool> MetricsStore::removeFinancial(const QString &id, const QString &ownerId)
{
    Result<std::optional<nlohmann::json>> row = financialRow(id, ownerId);
    if (!row)
        return row.error();
    if (!*row)
        return false;
    VoidResult removed = m_db.run(QStringLiteral("DELETE FROM financial_metrics WHERE id = ?"), { id });
    if (!removed)
        return removed.error();
    return true;
}

Result<QList<MetricsStore::DaySums>> MetricsStore::engagementByDay(const Filter &filter)
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT m.day, m.client_id, c.name, m.platform_id, p.display_name, "
                                       "CAST(SUM(m.impressions) AS BIGINT), CAST(SUM(m.likes) AS BIGINT), "
                                       "CAST(SUM(m.comments) AS BIGINT), CAST(SUM(m.shares) AS BIGINT), "
                                       "CAST(SUM(m.clicks) AS BIGINT) FROM engagement_metrics m")
        + QLatin1String(kOwnedJoin)
        + QStringLiteral(" JOIN posts po ON po.id = m.post_id AND po.deleted = 0"
                         " JOIN post_destinations d ON d.id = m.destination_id AND d.deleted = 0")
        + conditions(filter, binds, true)
        + QStringLiteral(" GROUP BY m.day, m.client_id, c.name, m.platform_id, p.display_name");
    return sums(sql, binds, 5, false);
}

Result<QList<MetricsStore::DaySums>> MetricsStore::financialByDay(const Filter &filter)
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT m.day, m.client_id, c.name, m.platform_id, p.display_name, "
                                       "CAST(SUM(m.revenue_minor) AS BIGINT), CAST(SUM(m.payouts_minor) AS BIGINT), "
                                       "m.currency FROM financial_metrics m")
        + QLatin1String(kOwnedJoin) + conditions(filter, binds, false)
        + QStringLiteral(" GROUP BY m.day, m.client_id, c.name, m.platform_id, p.display_name, m.currency");
    return sums(sql, binds, 2, true);
}

Result<QList<MetricsStore::DaySums>> MetricsStore::sums(const QString &sql, const QVariantList &binds, int values,
                                                        bool currency)
{
    Result<QSqlQuery> q = m_db.exec(sql, binds);
    if (!q)
        return q.error();
    QList<DaySums> out;
    while (q->next()) {
        DaySums s { QDate::fromString(q->value(0).toString(), Qt::ISODate),
                    q->value(1).toString(),
                    q->value(2).toString(),
                    q->value(3).toString(),
                    q->value(4).toString(),
                    currency ? q->value(5 + values).toString() : QString(),
                    {} };
        for (int i = 0; i < values; ++i)
            s.values << q->value(5 + i).toLongLong();
        out << s;
    }
    return out;
}

} // namespace quire::server
