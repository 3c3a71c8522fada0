// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "server/sync/syncrows.h"
#include "shared/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::server {

class WorkerServices;

// What the group routes read for one caller: a group, its members in order
// with their prompts and pins resolved, its shares and the caller's role.
// Only rows the caller may see, by each table's SyncAccess; it decides
// nothing about writes (those go through ContentWriter and the rules).
class GroupStore
{
public:
    static const QString kGroups;
    static const QString kMembers;
    static const QString kShares;

    // The caller's relation to a group, as GET answers name it.
    static constexpr const char *kOwnerRole = "owner";

    GroupStore(WorkerServices &services, const Principal &who);

    // The live group `id` if the caller may see it.
    shared::Result<std::optional<StoredRow>> group(const QString &id);
    // The group's live members the caller may see, in their order: position
    // (compared byte for byte, as the keys are made), then id.
    shared::Result<QList<StoredRow>> members(const QString &groupId);
    // The member row that holds `promptId`, among members().
    static std::optional<StoredRow> memberOf(const QList<StoredRow> &members, const QString &promptId);
    // The group's live shares the caller may see, oldest first.
    shared::Result<QList<StoredRow>> shares(const QString &groupId);
    // The live share of `groupId` with `userId`, whoever may see it (so a
    // grant changes the one row instead of making a second).
    shared::Result<std::optional<StoredRow>> shareWith(const QString &groupId, const QString &userId);

    // "owner", the role of the caller's share ("viewer", "editor"), or
    // empty when the caller sees the group otherwise (or not at all).
    shared::Result<QString> roleIn(const StoredRow &group);
    // Per group id, the live members and the caller's role (list answers).
    shared::Result<QHash<QString, qint64>> memberCounts(const QStringList &groupIds);
    shared::Result<QHash<QString, QString>> shareRoles(const QStringList &groupIds);

    // The id of version `number` of a prompt the caller may read, if any.
    shared::Result<std::optional<QString>> versionId(const QString &promptId, qint64 number);
    // Whether the prompt has the label (or it is the implicit "latest").
    shared::Result<bool> hasLabel(const QString &promptId, const QString &label);

    // The answer's form of members (prompt title and name, pin, the version
    // the pin resolves to) and of shares (who, and their address for the
    // owner only).
    shared::Result<nlohmann::json> membersJson(const QList<StoredRow> &members);
    shared::Result<nlohmann::json> sharesJson(const QList<StoredRow> &shares, bool withEmail);
    // A group in the list's and the item's form, without members.
    static nlohmann::json groupJson(const StoredRow &group, const QString &ownerName, const QString &role);
    // GET /groups/:id: the group, the caller's role, its members in order
    // with the order's tag, and its shares when the caller owns it.
    shared::Result<nlohmann::json> detailJson(const StoredRow &group);
    shared::Result<QString> userName(const QString &userId);

    // A tag of the member list's order (which members, where): a reorder
    // that names it is refused when the order changed since.
    static QString orderTag(const QList<StoredRow> &members);

private:
    // Live rows of `table` matching `where` (on alias t, with `binds`) that
    // the caller may see.
    shared::Result<QList<StoredRow>> visibleRows(const QString &table, const QString &where, QVariantList binds,
                                                 const QString &orderBy);
    // The version id and number a member's pin stands for, or null.
    shared::Result<nlohmann::json> resolvedVersion(const StoredRow &member);
    shared::Result<nlohmann::json> versionById(const QString &versionId);

    WorkerServices &m_services;
    const Principal &m_who;
};

} // namespace quire::server
