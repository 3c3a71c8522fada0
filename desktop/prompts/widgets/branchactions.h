// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace quire::desktop {
class PromptStore;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

class PromptEditor;

// Branch and Merge Back for the prompt open in the editor, offline: Branch…
// asks for an optional title, makes the user's branch and asks for it to be
// opened; on a branch a line names its prompt and version with a link that
// opens it, and Merge Back… previews the merge (clean: confirm and merge;
// clashes: MergeDialog). Only the parent's owner may merge, so for anyone
// else the button is disabled with a tooltip saying why.
class BranchActions final : public QWidget
{
    Q_OBJECT
public:
    BranchActions(desktop::Workspace &workspace, desktop::PromptStore &store, PromptEditor &editor,
                  QWidget *parent = nullptr);

    // Branches the open prompt with `title` (empty: the default) and opens
    // it; the branch's id, or empty after saying why.
    QString branchOpenPrompt(const QString &title);
    // Merge Back… as the button does it (confirmation or MergeDialog); true when merged.
    bool mergeBack();
    QPushButton *branchButton() const { return m_branch; }
    QPushButton *mergeButton() const { return m_merge; }
    QLabel *originLabel() const { return m_origin; }
    // Shows what fits the prompt open now.
    void update();

Q_SIGNALS:
    // The user asked to see another prompt (the new branch, or a branch's parent).
    void openRequested(const QString &id);
    // A merge wrote the parent `id`.
    void merged(const QString &id);

private:
    void askAndBranch();

    desktop::Workspace &m_workspace;
    desktop::PromptStore &m_store;
    PromptEditor &m_editor;
    QString m_parentId; // the open branch's prompt, empty when not a branch
    QLabel *m_origin;
    QPushButton *m_branch;
    QPushButton *m_merge;
};

} // namespace quire::gui
