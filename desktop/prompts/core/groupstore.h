// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/prompts/core/groupquery.h"
#include "shared/promptnames.h"
#include "shared/result.h"

#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace quire::shared {
struct SyncTable;
}

namespace quire::desktop {

class Workspace;

// Changes to prompt groups for the views and quire-cli: groups, members
// (add, remove, move, pin), shares. Each change is a working-copy edit with
// its outbox entry (ContentStore), so all of it works offline and sync
// sends it; only sharing by email asks the server, which alone knows who
// an address belongs to. A viewer's changes are refused here already (the
// server refuses them too).
class GroupStore final : public QObject
{
    Q_OBJECT
public:
    explicit GroupStore(Workspace &workspace, QObject *parent = nullptr);

    // The reads, as the user this workspace belongs to.
    GroupQuery query() const;

    shared::Result<QString> createGroup(const QString &name, const QString &description = QString());
    shared::VoidResult updateGroup(const QString &groupId, const QString &name, const QString &description);
    // The group with its members and shares (owner only).
    shared::VoidResult removeGroup(const QString &groupId);

    // Appends the prompt at the end of the group; a prompt is in a group once.
    shared::Result<QString> addMember(const QString &groupId, const QString &promptId);
    shared::VoidResult removeMember(const QString &memberId);
    // Moves a member to `index` in the order without it (0: first; past the
    // end: last). Only its own position changes: a key between its new
    // neighbours', so a concurrent move elsewhere never conflicts with it.
    shared::VoidResult moveMember(const QString &memberId, int index);
    // Pins to one version, or to a label; unpin() follows the latest again.
    shared::VoidResult pinVersion(const QString &memberId, const QString &versionId);
    shared::VoidResult pinLabel(const QString &memberId, const QString &label);
    shared::VoidResult unpin(const QString &memberId);

    // A share with a user whose id is known (offline too).
    shared::Result<QString> share(const QString &groupId, const QString &userId, shared::ShareRole role);
    shared::VoidResult setShareRole(const QString &shareId, shared::ShareRole role);
    shared::VoidResult revoke(const QString &shareId);
    // Online only: the server finds the account with `email`, makes the
    // share and answers it; the share row then arrives by sync. The address
    // is remembered to name the share in the dialog. `done` runs later,
    // through the event loop.
    void shareByEmail(const QString &groupId, const QString &email, shared::ShareRole role,
                      std::function<void(shared::Result<GroupShare>)> done);

    static const shared::SyncTable &groupsTable();
    static const shared::SyncTable &membersTable();
    static const shared::SyncTable &sharesTable();

Q_SIGNALS:
    // Groups, members or shares changed here (or a share came back from the server).
    void changed();

private:
    shared::Result<GroupSummary> editable(const QString &groupId) const;
    shared::Result<GroupSummary> owned(const QString &groupId) const;
    shared::Result<nlohmann::json> memberRow(const QString &memberId) const;
    shared::Result<nlohmann::json> shareRow(const QString &shareId) const;
    shared::VoidResult updateMember(const QString &memberId, const nlohmann::json &fields);
    shared::VoidResult done(shared::VoidResult result);

    Workspace &m_ws;
};

} // namespace quire::desktop
