// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/promptnames.h"
#include "shared/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// What the signed-in user may do with a group: everything (its owner),
// change members and order (an editor's share), or only read it.
enum class GroupAccess { Owner, Editor, Viewer };

// One group as the library lists it.
struct GroupSummary
{
    QString id;
    QString name;
    QString description;
    QString ownerId;
    GroupAccess access = GroupAccess::Viewer;
    int memberCount = 0;

    bool canEdit() const { return access != GroupAccess::Viewer; }
};

// The version a member stands for: its pinned version, its label's
// version, or the prompt's latest; `versionId` is empty when there is none
// (no version yet, or a label that points nowhere).
struct ResolvedVersion
{
    QString versionId;
    QString number; // the server's number; empty for a version not yet sent
    QString content;
};

// One prompt in a group, in the group's order.
struct GroupMember
{
    QString id; // the member row's id
    QString groupId;
    QString promptId;
    QString promptTitle; // empty when the prompt is not in this replica
    QString promptName;
    QString position;
    QString pinnedVersionId;
    QString pinnedLabel;
    ResolvedVersion resolved;

    bool isPinned() const { return !pinnedVersionId.isEmpty() || !pinnedLabel.isEmpty(); }
};

// A group shared with one user.
struct GroupShare
{
    QString id;
    QString groupId;
    QString userId;
    QString email; // when this replica has learnt it (see GroupQuery::knownEmail)
    shared::ShareRole role = shared::ShareRole::Viewer;
};

// One version of a prompt, newest first in lists.
struct PromptVersionSummary
{
    QString id;
    QString number;
    QString message;
    QString createdAt;
};

// Reads the prompt groups in the replica for one user: their own groups and
// those shared with them (the sync scope brings those rows), members in
// order (position, then id: the same order on every replica) with each pin
// resolved to a version, and the shares.
class GroupQuery
{
public:
    GroupQuery(shared::Database &db, QString userId);

    shared::Result<QList<GroupSummary>> groups() const;
    shared::Result<std::optional<GroupSummary>> group(const QString &id) const;
    // A group by id, or by name among the user's groups (own first).
    shared::Result<std::optional<GroupSummary>> find(const QString &idOrName) const;
    shared::Result<QList<GroupMember>> members(const QString &groupId) const;
    shared::Result<QList<GroupShare>> shares(const QString &groupId) const;
    // A prompt's versions, newest first, and the labels that point at one.
    shared::Result<QList<PromptVersionSummary>> versions(const QString &promptId) const;
    shared::Result<QStringList> labels(const QString &promptId) const;
    // The version a pin stands for (both empty: the latest).
    shared::Result<ResolvedVersion> resolve(const QString &promptId, const QString &versionId,
                                            const QString &label) const;

    // The address of a user this replica learnt when sharing with them.
    static QString knownEmailKey(const QString &userId);

private:
    shared::Database &m_db;
    QString m_userId;
};

} // namespace quire::desktop
