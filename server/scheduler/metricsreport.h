// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/scheduler/metricsstore.h"
#include "shared/schedulernames.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::server {

// The day sums of MetricsStore folded into periods (UTC days, ISO weeks
// starting Monday, calendar months), per client and platform and, for
// money, per currency: amounts of different currencies are never added.
// Answers as the API's JSON envelope or as CSV rows.
class MetricsReport
{
public:
    // Their wire names are in shared/schedulernames.h (the desktop asks by them).
    using Kind = shared::MetricsKind;
    using Group = shared::MetricsGroup;

    struct Period
    {
        QString key; // 2024-03-05, 2024-W10, 2024-03
        QDate start;
    };
    struct Line
    {
        Period period;
        MetricsStore::DaySums sums; // day is the period's start
    };

    static std::optional<Group> groupOf(const QString &name);
    static QString groupName(Group group);
    static Period periodOf(const QDate &day, Group group);

    MetricsReport(Kind kind, Group group, const QList<MetricsStore::DaySums> &days);

    const QList<Line> &lines() const { return m_lines; }
    nlohmann::json toJson(const QDate &from, const QDate &to) const;
    // A header row, then one row per line; amounts in major units (12.50).
    QList<QStringList> toRows() const;

private:
    Kind m_kind;
    Group m_group;
    QList<Line> m_lines;
};

} // namespace quire::server
