// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/core/groupstore.h"

#include "desktop/core/authsession.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/tr.h"
#include "desktop/core/workspace.h"
#include "shared/database.h"
#include "shared/fractionalposition.h"
#include "shared/jsonqt.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"

#include <QPointer>

namespace quire::desktop {

using shared::Error;
using shared::ErrorCode;
using shared::Result;
using shared::VoidResult;

namespace {

Error notFound(const QString &what, const QString &id)
{
    return Error::make(ErrorCode::NotFound, Tr::tr("There is no %1 %2 in this replica.").arg(what, id));
}

QString text(const nlohmann::json &row, const char *key)
{
    const auto it = row.find(key);
    return it != row.end() && it->is_string() ? it->get<QString>() : QString();
}

} // namespace

GroupStore::GroupStore(Workspace &workspace, QObject *parent)
    : QObject(parent)
    , m_ws(workspace)
{
    // A sync round may bring shares, members and groups (or take them away).
    connect(&workspace.sync(), &SyncEngine::roundFinished, this, &GroupStore::changed);
}

const shared::SyncTable &GroupStore::groupsTable()
{
    return *shared::SyncSchema::find(shared::promptGroupsTable());
}

const shared::SyncTable &GroupStore::membersTable()
{
    return *shared::SyncSchema::find(shared::promptGroupMembersTable());
}

const shared::SyncTable &GroupStore::sharesTable()
{
    return *shared::SyncSchema::find(shared::promptGroupSharesTable());
}

GroupQuery GroupStore::query() const
{
    return GroupQuery(m_ws.replica().database(), m_ws.accountId());
}

VoidResult GroupStore::done(VoidResult result)
{
    if (result)
        Q_EMIT changed();
    return result;
}

Result<GroupSummary> GroupStore::editable(const QString &groupId) const
{
    Result<std::optional<GroupSummary>> g = query().group(groupId);
    if (!g)
        return g.error();
    if (!*g)
        return notFound(Tr::tr("group"), groupId);
    if (!(*g)->canEdit()) {
        return Error::make(
            ErrorCode::Forbidden,
            Tr::tr("“%1” is shared with you to read; its owner can make you an editor.").arg((*g)->name));
    }
    return **g;
}

Result<GroupSummary> GroupStore::owned(const QString &groupId) const
{
    Result<GroupSummary> g = editable(groupId);
    if (g && g->access != GroupAccess::Owner)
        return Error::make(ErrorCode::Forbidden, Tr::tr("Only the owner of “%1” can share it.").arg(g->name));
    return g;
}

Result<QString> GroupStore::createGroup(const QString &name, const QString &description)
{
    const QString owner = m_ws.accountId();
    if (owner.isEmpty())
        return Error::make(ErrorCode::NoAccount, Tr::tr("Sign in once so new groups have an owner."));
    Result<QString> id = m_ws.content().create(
        groupsTable(), { { "name", name.trimmed() }, { "description", description.trimmed() } }, owner);
    if (id)
        Q_EMIT changed();
    return id;
}

VoidResult GroupStore::updateGroup(const QString &groupId, const QString &name, const QString &description)
{
    if (Result<GroupSummary> g = editable(groupId); !g)
        return g.error();
    return done(m_ws.content().update(groupsTable(), groupId,
                                      { { "name", name.trimmed() }, { "description", description.trimmed() } }));
}

VoidResult GroupStore::removeGroup(const QString &groupId)
{
    Result<GroupSummary> g = owned(groupId);
    if (!g)
        return g.error();
    Result<QList<GroupMember>> members = query().members(groupId);
    if (!members)
        return members.error();
    Result<QList<GroupShare>> shares = query().shares(groupId);
    if (!shares)
        return shares.error();
    for (const GroupMember &m : std::as_const(*members)) {
        if (VoidResult r = m_ws.content().remove(membersTable(), m.id); !r)
            return r;
    }
    for (const GroupShare &s : std::as_const(*shares)) {
        if (VoidResult r = m_ws.content().remove(sharesTable(), s.id); !r)
            return r;
    }
    return done(m_ws.content().remove(groupsTable(), groupId));
}

Result<QString> GroupStore::addMember(const QString &groupId, const QString &promptId)
{
    Result<GroupSummary> g = editable(groupId);
    if (!g)
        return g.error();
    Result<std::optional<nlohmann::json>> prompt
        = m_ws.content().get(*shared::SyncSchema::find(shared::promptsTable()), promptId);
    if (!prompt)
        return prompt.error();
    if (!*prompt)
        return notFound(Tr::tr("prompt"), promptId);
    Result<QList<GroupMember>> members = query().members(groupId);
    if (!members)
        return members.error();
    for (const GroupMember &m : std::as_const(*members)) {
        if (m.promptId == promptId) {
            return Error::make(ErrorCode::Exists,
                               Tr::tr("“%1” is already in “%2”.").arg(text(**prompt, "title"), g->name));
        }
    }
    const QString last = members->isEmpty() ? QString() : members->constLast().position;
    Result<QString> position = shared::FractionalPosition::between(last, QString());
    if (!position)
        return position.error();
    Result<QString> id = m_ws.content().create(
        membersTable(), { { "group_id", groupId }, { "prompt_id", promptId }, { "position", *position } },
        m_ws.accountId());
    if (id)
        Q_EMIT changed();
    return id;
}

Result<nlohmann::json> GroupStore::memberRow(const QString &memberId) const
{
    Result<std::optional<nlohmann::json>> row = m_ws.content().get(membersTable(), memberId);
    if (!row)
        return row.error();
    if (!*row)
        return notFound(Tr::tr("group member"), memberId);
    if (Result<GroupSummary> g = editable(text(**row, "group_id")); !g)
        return g.error();
    return **row;
}

VoidResult GroupStore::updateMember(const QString &memberId, const nlohmann::json &fields)
{
    if (Result<nlohmann::json> row = memberRow(memberId); !row)
        return row.error();
    return done(m_ws.content().update(membersTable(), memberId, fields));
}

VoidResult GroupStore::removeMember(const QString &memberId)
{
    if (Result<nlohmann::json> row = memberRow(memberId); !row)
        return row.error();
    return done(m_ws.content().remove(membersTable(), memberId));
}

VoidResult GroupStore::moveMember(const QString &memberId, int index)
{
    Result<nlohmann::json> row = memberRow(memberId);
    if (!row)
        return row.error();
    Result<QList<GroupMember>> members = query().members(text(*row, "group_id"));
    if (!members)
        return members.error();
    QList<GroupMember> others;
    int from = -1;
    for (const GroupMember &m : std::as_const(*members)) {
        if (m.id == memberId)
            from = int(others.size());
        else
            others << m;
    }
    index = std::clamp(index, 0, int(others.size()));
    if (index == from)
        return VoidResult::success();
    const QString before = index > 0 ? others.at(index - 1).position : QString();
    // Members after the gap whose key does not sort above `before` (equal
    // keys, ordered by id, from two replicas adding at once) move along
    // behind the moved one, so the order is exactly the one asked for.
    QList<QString> behind;
    int next = index;
    while (next < others.size() && !before.isEmpty() && others.at(next).position <= before)
        behind << others.at(next++).id;
    const QString after = next < others.size() ? others.at(next).position : QString();
    Result<QStringList> positions = shared::FractionalPosition::spread(int(behind.size()) + 1, before, after);
    if (!positions)
        return positions.error();
    behind.prepend(memberId);
    for (qsizetype i = 0; i < behind.size(); ++i) {
        if (VoidResult r = m_ws.content().update(membersTable(), behind.at(i), { { "position", positions->at(i) } });
            !r)
            return r;
    }
    Q_EMIT changed();
    return VoidResult::success();
}

VoidResult GroupStore::pinVersion(const QString &memberId, const QString &versionId)
{
    Result<nlohmann::json> row = memberRow(memberId);
    if (!row)
        return row.error();
    Result<std::optional<nlohmann::json>> version
        = m_ws.content().get(*shared::SyncSchema::find(shared::promptVersionsTable()), versionId);
    if (!version)
        return version.error();
    if (!*version || text(**version, "prompt_id") != text(*row, "prompt_id"))
        return notFound(Tr::tr("version of this prompt"), versionId);
    return done(m_ws.content().update(membersTable(), memberId,
                                      { { "pinned_version_id", versionId }, { "pinned_label", "" } }));
}

VoidResult GroupStore::pinLabel(const QString &memberId, const QString &label)
{
    const QString name = label.trimmed();
    if (name.isEmpty() || name == QLatin1String(shared::kLatestLabel))
        return unpin(memberId);
    return updateMember(memberId, { { "pinned_version_id", "" }, { "pinned_label", name } });
}

VoidResult GroupStore::unpin(const QString &memberId)
{
    return updateMember(memberId, { { "pinned_version_id", "" }, { "pinned_label", "" } });
}

Result<QString> GroupStore::share(const QString &groupId, const QString &userId, shared::ShareRole role)
{
    Result<GroupSummary> g = owned(groupId);
    if (!g)
        return g.error();
    if (userId == g->ownerId)
        return Error::make(ErrorCode::Exists, Tr::tr("You own “%1”; it needs no share with you.").arg(g->name));
    Result<QList<GroupShare>> shares = query().shares(groupId);
    if (!shares)
        return shares.error();
    for (const GroupShare &s : std::as_const(*shares)) {
        if (s.userId == userId)
            return Error::make(ErrorCode::Exists, Tr::tr("“%1” is already shared with this user.").arg(g->name));
    }
    Result<QString> id = m_ws.content().create(
        sharesTable(), { { "group_id", groupId }, { "user_id", userId }, { "role", shared::kShareRoles.name(role) } },
        m_ws.accountId());
    if (id)
        Q_EMIT changed();
    return id;
}

Result<nlohmann::json> GroupStore::shareRow(const QString &shareId) const
{
    Result<std::optional<nlohmann::json>> row = m_ws.content().get(sharesTable(), shareId);
    if (!row)
        return row.error();
    if (!*row)
        return notFound(Tr::tr("share"), shareId);
    if (Result<GroupSummary> g = owned(text(**row, "group_id")); !g)
        return g.error();
    return **row;
}

VoidResult GroupStore::setShareRole(const QString &shareId, shared::ShareRole role)
{
    if (Result<nlohmann::json> row = shareRow(shareId); !row)
        return row.error();
    return done(m_ws.content().update(sharesTable(), shareId, { { "role", shared::kShareRoles.name(role) } }));
}

VoidResult GroupStore::revoke(const QString &shareId)
{
    if (Result<nlohmann::json> row = shareRow(shareId); !row)
        return row.error();
    return done(m_ws.content().remove(sharesTable(), shareId));
}

void GroupStore::shareByEmail(const QString &groupId, const QString &email, shared::ShareRole role,
                              std::function<void(Result<GroupShare>)> finished)
{
    Result<GroupSummary> g = owned(groupId);
    if (!g) {
        QMetaObject::invokeMethod(
            this, [finished, error = g.error()] { finished(error); }, Qt::QueuedConnection);
        return;
    }
    const QString address = email.trimmed();
    QPointer<GroupStore> self(this);
    m_ws.session().call(
        QStringLiteral("POST"), QStringLiteral("/api/v1/groups/%1/shares").arg(groupId),
        nlohmann::json { { "email", address.toStdString() }, { "role", shared::kShareRoles.name(role).toStdString() } },
        [self, finished, address, groupId](const ApiReply &reply) {
            if (!self)
                return;
            if (!reply.ok()) {
                Error error = *reply.error;
                if (reply.status == 0 || error.is(ErrorCode::NotSignedIn)) {
                    error = Error::make(ErrorCode::Offline,
                                        Tr::tr("Sharing by email needs a connection to the server, which knows "
                                               "who the address belongs to (%1). Try again when online.")
                                            .arg(error.message));
                }
                finished(error);
                return;
            }
            // The answer is the share row, alone or under "share".
            const nlohmann::json &row = reply.json.contains("share") ? reply.json["share"] : reply.json;
            GroupShare share { text(row, "id"), groupId, text(row, "user_id"), address,
                               shared::kShareRoles.fromName(text(row, "role")).value_or(shared::ShareRole::Viewer) };
            if (!share.userId.isEmpty()) {
                if (VoidResult r = self->m_ws.replica().setMeta(GroupQuery::knownEmailKey(share.userId), address); !r) {
                    finished(r.error());
                    return;
                }
            }
            // The row itself comes with the next round, as any server change.
            self->m_ws.sync().syncNow();
            Q_EMIT self->changed();
            finished(share);
        });
}

} // namespace quire::desktop
