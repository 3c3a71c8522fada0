// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/schedulernames.h"

#include <QByteArray>
#include <QDate>
#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace quire::desktop {

class AuthSession;

// What a metrics report asks the server for; each part left out is the
// server's default (grouped by day, the last 30 days, every client and
// platform).
struct MetricsRequest
{
    shared::MetricsKind kind = shared::MetricsKind::Engagement;
    std::optional<shared::MetricsGroup> group;
    QDate from; // both or neither
    QDate to;
    QString clientId;
    QString platformId;

    // The path and query of GET /api/v1/metrics/<kind>.
    QString path(bool csv) const;
};

// The scheduler's metrics, which only the server has (they are summed
// there from its own records, never synced): the engagement and financial
// reports, as the server's JSON or as its CSV, as the signed-in user.
class MetricsRemote final : public QObject
{
    Q_OBJECT
public:
    explicit MetricsRemote(AuthSession &session, QObject *parent = nullptr);

    // The report's JSON envelope (items, group, from, to; totals for money),
    // or why not (field errors of the query included).
    void report(const MetricsRequest &request, std::function<void(shared::Result<nlohmann::json>)> done);
    // The same report as CSV bytes (a header line, then a line per item).
    void reportCsv(const MetricsRequest &request, std::function<void(shared::Result<QByteArray>)> done);

private:
    AuthSession &m_session;
};

} // namespace quire::desktop
