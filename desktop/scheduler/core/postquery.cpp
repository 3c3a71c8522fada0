// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/postquery.h"

#include "shared/database.h"
#include "shared/schedulertables.h"
#include "shared/timestamp.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Result;

Result<QList<PostSummary>> PostQuery::run(shared::Database &db) const
{
    QString sql = QStringLiteral("SELECT p.id, p.title, p.client_id, c.name, p.scheduled_at, p.time_zone, p.status "
                                 "FROM %1 p LEFT JOIN %2 c ON c.id = p.client_id WHERE 1 = 1")
                      .arg(shared::postsTable(), shared::clientsTable());
    QVariantList binds;
    if (!clientId.isEmpty()) {
        sql += QStringLiteral(" AND p.client_id = ?");
        binds << clientId;
    }
    if (status) {
        sql += QStringLiteral(" AND p.status = ?");
        binds << shared::kPostStatuses.name(*status);
    }
    // Timed posts first, soonest first; then the drafts without a time, newest first.
    sql += QStringLiteral(" ORDER BY CASE WHEN p.scheduled_at = '' THEN 1 ELSE 0 END, p.scheduled_at, "
                          "p.created_at DESC, p.id");
    Result<QSqlQuery> q = db.exec(sql, binds);
    if (!q)
        return q.error();
    QList<PostSummary> posts;
    QHash<QString, qsizetype> byId;
    while (q->next()) {
        PostSummary p;
        p.id = q->value(0).toString();
        p.title = q->value(1).toString();
        p.clientId = q->value(2).toString();
        p.clientName = q->value(3).toString();
        if (const auto at = shared::Timestamp::parse(q->value(4).toString()))
            p.scheduledAt = *at;
        p.timeZone = q->value(5).toString();
        p.status = shared::kPostStatuses.fromName(q->value(6).toString()).value_or(shared::PostStatus::Draft);
        byId.insert(p.id, posts.size());
        posts.append(std::move(p));
    }
    if (posts.isEmpty())
        return posts;
    Result<QSqlQuery> d
        = db.exec(QStringLiteral("SELECT d.post_id, d.id, f.display_name, f.kind, d.status, d.last_error, d.preflight "
                                 "FROM %1 d LEFT JOIN %2 f ON f.id = d.platform_id ORDER BY d.created_at, d.id")
                      .arg(shared::postDestinationsTable(), shared::platformsTable()));
    if (!d)
        return d.error();
    while (d->next()) {
        const auto it = byId.constFind(d->value(0).toString());
        if (it == byId.constEnd())
            continue;
        DestinationState s;
        s.id = d->value(1).toString();
        s.platformName = d->value(2).toString();
        s.kind = shared::kPlatformKinds.fromName(d->value(3).toString()).value_or(shared::PlatformKind::Webhook);
        s.status = shared::kDestinationStatuses.fromName(d->value(4).toString())
                       .value_or(shared::DestinationStatus::Pending);
        s.lastError = d->value(5).toString();
        s.preflight = d->value(6).toString();
        posts[*it].destinations.append(s);
    }
    return posts;
}

} // namespace quire::desktop
