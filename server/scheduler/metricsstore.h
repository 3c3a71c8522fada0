// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// The scheduler's numbers in the server's own tables (migration 20):
// engagement per post destination and UTC day, financial per client,
// platform, day and currency in minor units. Writes are upserts on those
// keys; reads sum per day, client and platform (and currency) over the
// caller's live rows only: a number is its client's owner's, and goes out
// of sight with its client, platform or post.
class MetricsStore
{
public:
    struct EngagementCounts
    {
        qint64 impressions = 0;
        qint64 likes = 0;
        qint64 comments = 0;
        qint64 shares = 0;
        qint64 clicks = 0;
    };
    struct FinancialEntry
    {
        QString clientId;
        QString platformId;
        QDate day;
        QString currency; // ISO 4217, checked by the caller
        qint64 revenueMinor = 0;
        qint64 payoutsMinor = 0;
    };
    // What a read is limited to; empty ids do not filter.
    struct Filter
    {
        QString ownerId;
        QDate from;
        QDate to;
        QString clientId;
        QString platformId;
        QString postId; // engagement only
    };
    // The sums of one day, client, platform (and currency): engagement in
    // the EngagementCounts order, money as revenue and payouts.
    struct DaySums
    {
        QDate day;
        QString clientId;
        QString clientName;
        QString platformId;
        QString platformName;
        QString currency; // empty for engagement
        QList<qint64> values;
    };
    struct Saved
    {
        QString id;
        bool created = false;
    };

    explicit MetricsStore(shared::Database &db);

    // The counts a network reported for a destination on `day` (replacing
    // what an earlier fetch stored for that day). Fails for an unknown
    // destination or a negative count.
    shared::VoidResult recordEngagement(const QString &destinationId, const QDate &day, const EngagementCounts &counts);
    // Adds or replaces the entry for its client, platform, day and currency;
    // the caller checked the ids are `userId`'s. Run inside a transaction
    // when several go together.
    shared::Result<Saved> saveFinancial(const FinancialEntry &entry, const QString &userId, const QString &source);
    // The entry `id` as the API shows it, if its client is `ownerId`'s.
    shared::Result<std::optional<nlohmann::json>> financialRow(const QString &id, const QString &ownerId);
    shared::Result<bool> removeFinancial(const QString &id, const QString &ownerId);
    // The entries themselves, as financialRow() shows them, in the filter's
    // range, ordered by day and id: at most `limit`, those after the entry
    // (`afterDay`, `afterId`) when one is named, so a deep page costs what
    // the first does.
    shared::Result<QList<nlohmann::json>> financialEntries(const Filter &filter, const QString &afterDay,
                                                           const QString &afterId, int limit);

    shared::Result<QList<DaySums>> engagementByDay(const Filter &filter);
    shared::Result<QList<DaySums>> financialByDay(const Filter &filter);

private:
    shared::Result<QList<DaySums>> sums(const QString &sql, const QVariantList &binds, int values, bool currency);

    shared::Database &m_db;
};

} // namespace quire::server
