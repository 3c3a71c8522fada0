// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/groupstore.h"

#include "server/accounts/accountstore.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/promptnames.h"
#include "shared/prompttables.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

using shared::Error;
using shared::Result;

const QString GroupStore::kGroups = shared::promptGroupsTable();
const QString GroupStore::kMembers = shared::promptGroupMembersTable();
const QString GroupStore::kShares = shared::promptGroupSharesTable();

namespace {

const QString kPrompts = shared::promptsTable();
const QString kVersions = shared::promptVersionsTable();
const QString kLabels = shared::promptLabelsTable();

QString text(const StoredRow &row, const char *column)
{
    return shared::textOf(row.values, column);
}

// "?, ?, ?" for `n` binds.
QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QLatin1String(", "));
}

const SyncAccess &accessOf(const QString &table)
{
    // The prompt tables are the feature's own: their rules are always registered.
    return *SyncAccess::find(table);
}

} // namespace

GroupStore::GroupStore(WorkerServices &services, const Principal &who)
    : m_services(services)
    , m_who(who)
{ }

Result<QList<StoredRow>> GroupStore::visibleRows(const QString &table, const QString &where, QVariantList binds,
                                                 const QString &orderBy)
{
    const SyncAccess &access = accessOf(table);
    SyncRows rows(m_services.database(), access.table());
    QVariantList visibleBinds;
    // visibleWhere() names the table's own columns; the one alias keeps them unambiguous.
    const QString visible = access.visibleWhere(m_who, visibleBinds);
    binds += visibleBinds;
    Result<QSqlQuery> q = m_services.database().exec(
        QStringLiteral("SELECT %1 FROM %2 t WHERE t.deleted = 0 AND (%3) AND %4 ORDER BY %5")
            .arg(rows.selectList(), table, where, visible, orderBy),
        binds);
    if (!q)
        return q.error();
    QList<StoredRow> out;
    while (q->next())
        out << rows.read(*q);
    return out;
}

Result<std::optional<StoredRow>> GroupStore::group(const QString &id)
{
    Result<QList<StoredRow>> rows = visibleRows(kGroups, QStringLiteral("t.id = ?"), { id }, QStringLiteral("t.id"));
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<StoredRow>() : std::optional(rows->first());
}

Result<QList<StoredRow>> GroupStore::members(const QString &groupId)
{
    // Positions are compared as bytes (the column's own, binary, collation),
    // the way fractional keys are made; the id settles equal keys.
    return visibleRows(kMembers, QStringLiteral("t.group_id = ?"), { groupId }, QStringLiteral("t.position, t.id"));
}

std::optional<StoredRow> GroupStore::memberOf(const QList<StoredRow> &members, const QString &promptId)
{
    for (const StoredRow &m : members) {
        if (text(m, "prompt_id") == promptId)
            return m;
    }
    return std::nullopt;
}

Result<QList<StoredRow>> GroupStore::shares(const QString &groupId)
{
    return visibleRows(kShares, QStringLiteral("t.group_id = ?"), { groupId }, QStringLiteral("t.created_at, t.id"));
}

Result<std::optional<StoredRow>> GroupStore::shareWith(const QString &groupId, const QString &userId)
{
    SyncRows rows(m_services.database(), accessOf(kShares).table());
    Result<QSqlQuery> q = m_services.database().exec(
        QStringLiteral("SELECT %1 FROM %2 WHERE deleted = 0 AND group_id = ? AND user_id = ? ORDER BY id LIMIT 1")
            .arg(rows.selectList(), kShares),
        { groupId, userId });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StoredRow>();
    return std::optional(rows.read(*q));
}

Result<QString> GroupStore::roleIn(const StoredRow &group)
{
    if (text(group, "owner_id") == m_who.userId)
        return QString::fromLatin1(kOwnerRole);
    Result<std::optional<StoredRow>> share = shareWith(text(group, "id"), m_who.userId);
    if (!share)
        return share.error();
    return *share ? text(**share, "role") : QString();
}

Result<QHash<QString, qint64>> GroupStore::memberCounts(const QStringList &groupIds)
{
    QHash<QString, qint64> counts;
    if (groupIds.isEmpty())
        return counts;
    QVariantList binds;
    for (const QString &id : groupIds)
        binds << id;
    Result<QSqlQuery> q = m_services.database().exec(
        QStringLiteral("SELECT group_id, count(*) FROM %1 WHERE deleted = 0 AND group_id IN (%2) GROUP BY group_id")
            .arg(kMembers, placeholders(groupIds.size())),
        binds);
    if (!q)
        return q.error();
    while (q->next())
        counts.insert(q->value(0).toString(), q->value(1).toLongLong());
    return counts;
}

Result<QHash<QString, QString>> GroupStore::shareRoles(const QStringList &groupIds)
{
    QHash<QString, QString> roles;
    if (groupIds.isEmpty())
        return roles;
    QVariantList binds { m_who.userId };
    for (const QString &id : groupIds)
        binds << id;
    Result<QSqlQuery> q = m_services.database().exec(
        QStringLiteral("SELECT group_id, role FROM %1 WHERE deleted = 0 AND user_id = ? AND group_id IN (%2)")
            .arg(kShares, placeholders(groupIds.size())),
        binds);
    if (!q)
        return q.error();
    while (q->next())
        roles.insert(q->value(0).toString(), q->value(1).toString());
    return roles;
}

Result<std::optional<QString>> GroupStore::versionId(const QString &promptId, qint64 number)
{
    Result<QList<StoredRow>> rows = visibleRows(kVersions, QStringLiteral("t.prompt_id = ? AND t.number = ?"),
                                                { promptId, QString::number(number) }, QStringLiteral("t.id"));
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<QString>() : std::optional(text(rows->first(), "id"));
}

Result<bool> GroupStore::hasLabel(const QString &promptId, const QString &label)
{
    if (label == QLatin1String(shared::kLatestLabel))
        return true;
    Result<QList<StoredRow>> rows = visibleRows(kLabels, QStringLiteral("t.prompt_id = ? AND t.name = ?"),
                                                { promptId, label }, QStringLiteral("t.id"));
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

Result<nlohmann::json> GroupStore::versionById(const QString &versionId)
{
    Result<QList<StoredRow>> rows
        = visibleRows(kVersions, QStringLiteral("t.id = ?"), { versionId }, QStringLiteral("t.id"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return nlohmann::json();
    return nlohmann::json { { "id", versionId }, { "number", text(rows->first(), "number").toLongLong() } };
}

Result<nlohmann::json> GroupStore::resolvedVersion(const StoredRow &member)
{
    const QString promptId = text(member, "prompt_id");
    const QString pinnedVersion = text(member, "pinned_version_id");
    if (!pinnedVersion.isEmpty())
        return versionById(pinnedVersion);
    const QString label = text(member, "pinned_label");
    if (!label.isEmpty() && label != QLatin1String(shared::kLatestLabel)) {
        Result<QList<StoredRow>> labels = visibleRows(kLabels, QStringLiteral("t.prompt_id = ? AND t.name = ?"),
                                                      { promptId, label }, QStringLiteral("t.id"));
        if (!labels)
            return labels.error();
        if (labels->isEmpty() || text(labels->first(), "version_id").isEmpty())
            return nlohmann::json();
        return versionById(text(labels->first(), "version_id"));
    }
    // Unpinned (or pinned to "latest"): the highest version number.
    Result<QList<StoredRow>> latest = visibleRows(kVersions, QStringLiteral("t.prompt_id = ?"), { promptId },
                                                  QStringLiteral("CAST(t.number AS INTEGER) DESC, t.id DESC"));
    if (!latest)
        return latest.error();
    if (latest->isEmpty())
        return nlohmann::json();
    return nlohmann::json { { "id", text(latest->first(), "id") },
                            { "number", text(latest->first(), "number").toLongLong() } };
}

Result<nlohmann::json> GroupStore::membersJson(const QList<StoredRow> &members)
{
    // The prompts' titles and names in one query, only those the caller may read.
    QHash<QString, StoredRow> prompts;
    if (!members.isEmpty()) {
        QVariantList ids;
        for (const StoredRow &m : members)
            ids << text(m, "prompt_id");
        Result<QList<StoredRow>> rows = visibleRows(
            kPrompts, QStringLiteral("t.id IN (%1)").arg(placeholders(ids.size())), ids, QStringLiteral("t.id"));
        if (!rows)
            return rows.error();
        for (const StoredRow &p : *rows)
            prompts.insert(text(p, "id"), p);
    }
    nlohmann::json out = nlohmann::json::array();
    for (const StoredRow &m : members) {
        const QString promptId = text(m, "prompt_id");
        const auto prompt = prompts.constFind(promptId);
        const bool readable = prompt != prompts.constEnd();
        nlohmann::json pin;
        if (!text(m, "pinned_version_id").isEmpty())
            pin = { { "version_id", text(m, "pinned_version_id") } };
        else if (!text(m, "pinned_label").isEmpty())
            pin = { { "label", text(m, "pinned_label") } };
        Result<nlohmann::json> resolved = readable ? resolvedVersion(m) : Result<nlohmann::json>(nlohmann::json());
        if (!resolved)
            return resolved.error();
        if (pin.contains("version_id"))
            pin["version"] = resolved->is_object() ? (*resolved)["number"] : nlohmann::json();
        out.push_back({ { "id", text(m, "id") },
                        { "prompt_id", promptId },
                        { "title", readable ? nlohmann::json(text(*prompt, "title")) : nlohmann::json() },
                        { "name", readable ? nlohmann::json(text(*prompt, "name")) : nlohmann::json() },
                        { "position", text(m, "position") },
                        { "pin", pin },
                        { "resolved_version", *resolved },
                        { "rev", m.rev } });
    }
    return out;
}

Result<QString> GroupStore::userName(const QString &userId)
{
    Result<std::optional<StoredUser>> user = m_services.accounts().findById(userId);
    if (!user)
        return user.error();
    return *user ? (*user)->user.name : QString();
}

Result<nlohmann::json> GroupStore::sharesJson(const QList<StoredRow> &shares, bool withEmail)
{
    nlohmann::json out = nlohmann::json::array();
    for (const StoredRow &s : shares) {
        Result<std::optional<StoredUser>> user = m_services.accounts().findById(text(s, "user_id"));
        if (!user)
            return user.error();
        nlohmann::json item { { "id", text(s, "id") },
                              { "user_id", text(s, "user_id") },
                              { "name", *user ? (*user)->user.name : QString() },
                              { "role", text(s, "role") },
                              { "created_at", text(s, "created_at") },
                              { "rev", s.rev } };
        if (withEmail)
            item["email"] = *user ? (*user)->user.email : QString();
        out.push_back(std::move(item));
    }
    return out;
}

nlohmann::json GroupStore::groupJson(const StoredRow &group, const QString &ownerName, const QString &role)
{
    return { { "id", text(group, "id") },
             { "name", text(group, "name") },
             { "description", text(group, "description") },
             { "owner", { { "id", text(group, "owner_id") }, { "name", ownerName } } },
             { "my_role", role.isEmpty() ? nlohmann::json() : nlohmann::json(role) },
             { "created_at", text(group, "created_at") },
             { "updated_at", text(group, "updated_at") },
             { "rev", group.rev } };
}

Result<nlohmann::json> GroupStore::detailJson(const StoredRow &group)
{
    const QString id = text(group, "id");
    Result<QString> role = roleIn(group);
    if (!role)
        return role.error();
    Result<QString> ownerName = userName(text(group, "owner_id"));
    if (!ownerName)
        return ownerName.error();
    Result<QList<StoredRow>> rows = members(id);
    if (!rows)
        return rows.error();
    Result<nlohmann::json> listed = membersJson(*rows);
    if (!listed)
        return listed.error();
    nlohmann::json out = groupJson(group, *ownerName, *role);
    out["member_count"] = rows->size();
    out["members"] = std::move(*listed);
    out["order_etag"] = orderTag(*rows);
    // Who it is shared with is the owner's business (and their addresses).
    if (*role == QLatin1String(kOwnerRole)) {
        Result<QList<StoredRow>> shared = shares(id);
        if (!shared)
            return shared.error();
        Result<nlohmann::json> sharedJson = sharesJson(*shared, true);
        if (!sharedJson)
            return sharedJson.error();
        out["shares"] = std::move(*sharedJson);
    }
    return out;
}

QString GroupStore::orderTag(const QList<StoredRow> &members)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const StoredRow &m : members)
        hash.addData(
            QStringLiteral("%1\t%2\t%3\n").arg(text(m, "id"), text(m, "prompt_id"), text(m, "position")).toUtf8());
    return QString::fromLatin1(hash.result().toHex().left(32));
}

} // namespace quire::server
