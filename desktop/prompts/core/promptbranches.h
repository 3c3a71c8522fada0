// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/promptbranchmerge.h"
#include "shared/result.h"

#include <QMap>
#include <QString>

namespace quire::desktop {

class PromptStore;

// Branch and Merge Back over the replica, offline: a branch is a new prompt
// of the user's (branch_of, branch_base, its version 1); merging it back is
// the shared rule (shared/promptbranchmerge) computed here and written as an
// ordinary edit of the parent plus a new version, so it syncs like any edit
// and later concurrent edits meet the server's sync merge.
class PromptBranches
{
public:
    explicit PromptBranches(PromptStore &store);

    // The new branch's id; `title` empty names it "<title> (branch)".
    shared::Result<QString> branch(const QString &promptId, const QString &userId, const QString &title = {});
    // The merge of the branch into its parent as it would be now (clashes included).
    shared::Result<shared::PromptBranchMerge> preview(const QString &branchId);
    // Merges the branch into its parent, `chosen` settling clashes (column -> text);
    // the parent's new version id. A clash left unsettled refuses the merge
    // and writes nothing, so neither text is lost.
    shared::Result<QString> mergeBack(const QString &branchId, const QString &userId,
                                      const QMap<QString, QString> &chosen = {});

private:
    PromptStore &m_store;
};

} // namespace quire::desktop
