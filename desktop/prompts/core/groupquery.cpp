// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/core/groupquery.h"

#include "shared/database.h"
#include "shared/prompttables.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Result;

namespace {

// Owner first, then the share's role; a row the scope brought without a
// share for this user (an administrator's view) is read-only.
const QString kGroupSelect
    = QStringLiteral("SELECT g.id, g.name, g.description, g.owner_id, "
                     "(SELECT s.role FROM %1 s WHERE s.group_id = g.id AND s.user_id = ? ORDER BY s.id LIMIT 1), "
                     "(SELECT count(*) FROM %2 m WHERE m.group_id = g.id) FROM %3 g")
          .arg(shared::promptGroupSharesTable(), shared::promptGroupMembersTable(), shared::promptGroupsTable());

GroupSummary groupFrom(const QSqlQuery &q, const QString &userId)
{
    GroupSummary g { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), GroupAccess::Viewer,   q.value(5).toInt() };
    if (g.ownerId == userId)
        g.access = GroupAccess::Owner;
    else if (shared::kShareRoles.fromName(q.value(4).toString()) == shared::ShareRole::Editor)
        g.access = GroupAccess::Editor;
    return g;
}

} // namespace

GroupQuery::GroupQuery(shared::Database &db, QString userId)
    : m_db(db)
    , m_userId(std::move(userId))
{ }

QString GroupQuery::knownEmailKey(const QString &userId)
{
    return QStringLiteral("user_email:") + userId;
}

Result<QList<GroupSummary>> GroupQuery::groups() const
{
    Result<QSqlQuery> q
        = m_db.exec(kGroupSelect + QStringLiteral(" ORDER BY g.owner_id <> ?, g.name COLLATE NOCASE, g.id"),
                    { m_userId, m_userId });
    if (!q)
        return q.error();
    QList<GroupSummary> out;
    while (q->next())
        out << groupFrom(*q, m_userId);
    return out;
}

Result<std::optional<GroupSummary>> GroupQuery::group(const QString &id) const
{
    Result<QSqlQuery> q = m_db.exec(kGroupSelect + QStringLiteral(" WHERE g.id = ?"), { m_userId, id });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<GroupSummary>();
    return std::optional<GroupSummary>(groupFrom(*q, m_userId));
}

Result<std::optional<GroupSummary>> GroupQuery::find(const QString &idOrName) const
{
    Result<std::optional<GroupSummary>> byId = group(idOrName);
    if (!byId || *byId)
        return byId;
    Result<QSqlQuery> q = m_db.exec(
        kGroupSelect + QStringLiteral(" WHERE lower(g.name) = lower(?) ORDER BY g.owner_id <> ?, g.id LIMIT 1"),
        { m_userId, idOrName.trimmed(), m_userId });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<GroupSummary>();
    return std::optional<GroupSummary>(groupFrom(*q, m_userId));
}

Result<ResolvedVersion> GroupQuery::resolve(const QString &promptId, const QString &versionId,
                                            const QString &label) const
{
    // A version not yet numbered was made here after every numbered one, so
    // it is the latest; among numbered ones the highest number is.
    QString sql;
    QVariantList binds;
    if (!versionId.isEmpty()) {
        sql = QStringLiteral("SELECT id, number, content FROM %1 WHERE id = ? AND prompt_id = ?")
                  .arg(shared::promptVersionsTable());
        binds << versionId << promptId;
    } else if (!label.isEmpty() && label != QLatin1String(shared::kLatestLabel)) {
        sql = QStringLiteral("SELECT v.id, v.number, v.content FROM %1 l JOIN %2 v "
                             "ON v.id = l.version_id WHERE l.prompt_id = ? AND l.name = ?")
                  .arg(shared::promptLabelsTable(), shared::promptVersionsTable());
        binds << promptId << label;
    } else {
        sql = QStringLiteral("SELECT id, number, content FROM %1 WHERE prompt_id = ? ORDER BY "
                             "number = '' DESC, CAST(number AS INTEGER) DESC, id DESC LIMIT 1")
                  .arg(shared::promptVersionsTable());
        binds << promptId;
    }
    Result<QSqlQuery> q = m_db.exec(sql, binds);
    if (!q)
        return q.error();
    if (!q->next())
        return ResolvedVersion {};
    return ResolvedVersion { q->value(0).toString(), q->value(1).toString(), q->value(2).toString() };
}

Result<QList<GroupMember>> GroupQuery::members(const QString &groupId) const
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT m.id, m.group_id, m.prompt_id, coalesce(p.title, ''), coalesce(p.name, ''), "
                       "m.position, m.pinned_version_id, m.pinned_label FROM %1 m "
                       "LEFT JOIN %2 p ON p.id = m.prompt_id WHERE m.group_id = ? ORDER BY m.position, m.id")
            .arg(shared::promptGroupMembersTable(), shared::promptsTable()),
        { groupId });
    if (!q)
        return q.error();
    QList<GroupMember> out;
    while (q->next()) {
        out << GroupMember { q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                             q->value(3).toString(), q->value(4).toString(), q->value(5).toString(),
                             q->value(6).toString(), q->value(7).toString(), {} };
    }
    for (GroupMember &m : out) {
        Result<ResolvedVersion> v = resolve(m.promptId, m.pinnedVersionId, m.pinnedLabel);
        if (!v)
            return v.error();
        m.resolved = *v;
    }
    return out;
}

Result<QList<GroupShare>> GroupQuery::shares(const QString &groupId) const
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT s.id, s.group_id, s.user_id, coalesce(k.value, ''), s.role FROM %1 s "
                       "LEFT JOIN replica_meta k ON k.key = 'user_email:' || s.user_id WHERE s.group_id = ? "
                       "ORDER BY s.created_at, s.id")
            .arg(shared::promptGroupSharesTable()),
        { groupId });
    if (!q)
        return q.error();
    QList<GroupShare> out;
    while (q->next()) {
        out << GroupShare { q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                            q->value(3).toString(),
                            shared::kShareRoles.fromName(q->value(4).toString()).value_or(shared::ShareRole::Viewer) };
    }
    return out;
}

Result<QList<PromptVersionSummary>> GroupQuery::versions(const QString &promptId) const
{
    Result<QSqlQuery> q = m_db.exec(QStringLiteral("SELECT id, number, message, created_at FROM %1 WHERE prompt_id = ? "
                                                   "ORDER BY number = '' DESC, CAST(number AS INTEGER) DESC, id DESC")
                                        .arg(shared::promptVersionsTable()),
                                    { promptId });
    if (!q)
        return q.error();
    QList<PromptVersionSummary> out;
    while (q->next()) {
        out << PromptVersionSummary { q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                      q->value(3).toString() };
    }
    return out;
}

Result<QStringList> GroupQuery::labels(const QString &promptId) const
{
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT name FROM %1 WHERE prompt_id = ? AND version_id <> '' ORDER BY name")
                        .arg(shared::promptLabelsTable()),
                    { promptId });
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

} // namespace quire::desktop
