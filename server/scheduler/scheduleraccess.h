// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/sync/syncaccess.h"

#include <QList>
#include <QPair>
#include <QStringList>

namespace quire::server {

// The rules of the scheduler's tables (clients, platforms, posts and their
// destinations): each user sees and changes only their own rows, and only a
// role that may schedule posts writes them. A row's references (a
// platform's client, a post's, a destination's post and platform) must name
// live rows of the same user, so no id of someone else's can be borrowed
// (IDOR), and never move once made. What differs per table is in Rules.
class SchedulerAccess final : public SyncAccess
{
public:
    struct Rules
    {
        QStringList jsonObjects {}; // text columns that hold a JSON object
        QStringList jsonLists {}; // text columns that hold a JSON list of strings
        bool hasTimeZone = false; // time_zone names an IANA zone
        bool hasAddress = false; // base_url is empty or an http(s) address
        bool authorStatuses = false; // status: a writer sets only draft, scheduled, cancelled
        bool platformOfPostsClient = false; // platform_id belongs to the client of post_id
        // credential_set_at says when platform_credentials stored the row's
        // secret (derived), and the secret goes when the row goes.
        bool holdsCredential = false;
        // The rows (table, referencing column) that go when a row goes.
        QList<QPair<QString, QString>> children {};
    };

    SchedulerAccess(QString table, Rules rules);

    const shared::SyncTable &table() const override;
    QString visibleWhere(const Principal &who, QVariantList &binds) const override;
    bool visible(const Principal &who, const nlohmann::json &scope) const override;
    nlohmann::json scopeOf(const nlohmann::json &row) const override;
    QString exitReason(const nlohmann::json &before, const nlohmann::json &after) const override;
    shared::VoidResult checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                  const nlohmann::json &after) const override;
    shared::VoidResult checkWriteWith(shared::Database &db, const Principal &who,
                                      const std::optional<nlohmann::json> &before,
                                      nlohmann::json &after) const override;
    shared::VoidResult beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &before,
                                   nlohmann::json &after, const QString &now) const override;
    shared::Result<nlohmann::json> derivedValues(shared::Database &db, const nlohmann::json &row) const override;
    shared::Result<QList<RowRef>> removedWith(shared::Database &db, const nlohmann::json &row) const override;

    const Rules &rules() const { return m_rules; }

    // The live row `id` of `table` if `userId` owns it; nullopt otherwise
    // (missing, deleted or someone else's answer alike).
    static shared::Result<std::optional<nlohmann::json>> ownedRow(shared::Database &db, const QString &table,
                                                                  const QString &id, const QString &userId);

private:
    // The checks that need only the row: zones, JSON texts, addresses, statuses.
    shared::VoidResult checkValues(const std::optional<nlohmann::json> &before, const nlohmann::json &after) const;

    QString m_table;
    Rules m_rules;
};

} // namespace quire::server
