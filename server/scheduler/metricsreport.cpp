// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/metricsreport.h"

#include "shared/currencyamount.h"

#include <QMap>

#include <tuple>

namespace quire::server {

namespace {

using Kind = MetricsReport::Kind;

// The value columns of each kind, in MetricsStore's order.
QStringList valueNames(Kind kind)
{
    if (kind == Kind::Financial)
        return { QStringLiteral("revenue"), QStringLiteral("payouts") };
    return { QStringLiteral("impressions"), QStringLiteral("likes"), QStringLiteral("comments"),
             QStringLiteral("shares"), QStringLiteral("clicks") };
}

// Lines sort by period, then by the names people read, then by id.
using LineKey = std::tuple<QDate, QString, QString, QString, QString, QString>;

LineKey keyOf(const QDate &start, const MetricsStore::DaySums &s)
{
    return { start, s.clientName, s.clientId, s.platformName, s.platformId, s.currency };
}

} // namespace

std::optional<MetricsReport::Group> MetricsReport::groupOf(const QString &name)
{
    return shared::kMetricsGroups.fromName(name);
}

QString MetricsReport::groupName(Group group)
{
    return shared::kMetricsGroups.name(group);
}

MetricsReport::Period MetricsReport::periodOf(const QDate &day, Group group)
{
    switch (group) {
    case Group::Week: {
        int year = 0;
        const int week = day.weekNumber(&year);
        return { QStringLiteral("%1-W%2").arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0')),
                 day.addDays(1 - day.dayOfWeek()) };
    }
    case Group::Month:
        return { day.toString(QStringLiteral("yyyy-MM")), QDate(day.year(), day.month(), 1) };
    case Group::Day:
        break;
    }
    return { day.toString(Qt::ISODate), day };
}

MetricsReport::MetricsReport(Kind kind, Group group, const QList<MetricsStore::DaySums> &days)
    : m_kind(kind)
    , m_group(group)
{
    QMap<LineKey, Line> lines;
    for (const MetricsStore::DaySums &d : days) {
        const Period period = periodOf(d.day, group);
        auto it = lines.find(keyOf(period.start, d));
        if (it == lines.end()) {
            Line line { period, d };
            line.sums.day = period.start;
            lines.insert(keyOf(period.start, d), line);
            continue;
        }
        for (qsizetype i = 0; i < d.values.size(); ++i)
            it->sums.values[i] += d.values[i];
    }
    m_lines = lines.values();
}

nlohmann::json MetricsReport::toJson(const QDate &from, const QDate &to) const
{
    const QStringList names = valueNames(m_kind);
    nlohmann::json items = nlohmann::json::array();
    // Per currency, for money: the totals a reader would otherwise add by hand.
    QMap<QString, QList<qint64>> totals;
    for (const Line &line : m_lines) {
        const MetricsStore::DaySums &s = line.sums;
        nlohmann::json item { { "period", line.period.key.toStdString() },
                              { "period_start", line.period.start.toString(Qt::ISODate).toStdString() },
                              { "client_id", s.clientId.toStdString() },
                              { "client_name", s.clientName.toStdString() },
                              { "platform_id", s.platformId.toStdString() },
                              { "platform_name", s.platformName.toStdString() } };
        if (m_kind == Kind::Financial) {
            item["currency"] = s.currency.toStdString();
            QList<qint64> &sum = totals[s.currency];
            sum.resize(s.values.size());
            for (qsizetype i = 0; i < names.size(); ++i) {
                const std::string name = names[i].toStdString();
                item[name] = shared::CurrencyAmount::format(s.values[i], s.currency).toStdString();
                item[name + "_minor"] = s.values[i];
                sum[i] += s.values[i];
            }
        } else {
            for (qsizetype i = 0; i < names.size(); ++i)
                item[names[i].toStdString()] = s.values[i];
        }
        items.push_back(std::move(item));
    }
    nlohmann::json out { { "items", std::move(items) },
                         { "group", groupName(m_group).toStdString() },
                         { "from", from.toString(Qt::ISODate).toStdString() },
                         { "to", to.toString(Qt::ISODate).toStdString() } };
    if (m_kind == Kind::Financial) {
        nlohmann::json byCurrency = nlohmann::json::array();
        for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
            nlohmann::json t { { "currency", it.key().toStdString() } };
            for (qsizetype i = 0; i < names.size(); ++i) {
                const std::string name = names[i].toStdString();
                t[name] = shared::CurrencyAmount::format(it.value()[i], it.key()).toStdString();
                t[name + "_minor"] = it.value()[i];
            }
            byCurrency.push_back(std::move(t));
        }
        out["totals"] = std::move(byCurrency);
    }
    return out;
}

QList<QStringList> MetricsReport::toRows() const
{
    const QStringList names = valueNames(m_kind);
    QStringList header {
        QStringLiteral("period"),      QStringLiteral("period_start"), QStringLiteral("client_id"),
        QStringLiteral("client_name"), QStringLiteral("platform_id"),  QStringLiteral("platform_name")
    };
    if (m_kind == Kind::Financial)
        header << QStringLiteral("currency");
    header << names;
    QList<QStringList> rows { header };
    for (const Line &line : m_lines) {
        const MetricsStore::DaySums &s = line.sums;
        QStringList row { line.period.key, line.period.start.toString(Qt::ISODate),
                          s.clientId,      s.clientName,
                          s.platformId,    s.platformName };
        if (m_kind == Kind::Financial)
            row << s.currency;
        for (qint64 v : s.values)
            row << (m_kind == Kind::Financial ? shared::CurrencyAmount::format(v, s.currency) : QString::number(v));
        rows << row;
    }
    return rows;
}

} // namespace quire::server
