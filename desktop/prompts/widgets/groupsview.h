// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QListWidget;
class QPushButton;
class QSplitter;
class QToolButton;

namespace quire::desktop {
class GroupMemberListModel;
class GroupStore;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

// Prompt groups: the user's groups and those shared with them, beside the
// chosen group's prompts in order. Members are reordered by dragging; each
// can be pinned to the latest version, one version or a label; prompts are
// added from the library and removed; the owner shares the group. A group
// shared to view is shown read-only. Lives in the Prompts section, whose
// list pane switches between the library and these groups.
class GroupsView final : public QWidget
{
    Q_OBJECT
public:
    explicit GroupsView(desktop::Workspace &workspace, QWidget *parent = nullptr);
    ~GroupsView() override;

    desktop::GroupStore &store() { return *m_store; }
    // Shows the group with this id (tests and the list).
    void showGroup(const QString &groupId);
    QString currentGroup() const { return m_groupId; }
    // Adds a prompt to the shown group (what the chooser does once picked).
    void addPrompt(const QString &promptId);
    // The pin menu of the selected member, as the Pin button opens it.
    void fillPinMenu();
    // In the Prompts section's list pane: the groups above their members,
    // without a margin of its own.
    void setStacked(bool stacked);
    QListView *membersView() const { return m_members; }

Q_SIGNALS:
    // The user chose a member: the section opens that prompt in its editor.
    void promptChosen(const QString &promptId);

private:
    void reloadGroups();
    void updateState();
    void newGroup();
    void choosePrompt();
    void removeSelected();
    void openShareDialog();
    QString selectedMember() const;
    void report(const QString &message);

    desktop::Workspace &m_ws;
    desktop::GroupStore *m_store;
    desktop::GroupMemberListModel *m_model;
    QString m_groupId;
    QListWidget *m_groups;
    QLabel *m_noGroups;
    QLabel *m_title;
    QLabel *m_access;
    QListView *m_members;
    QLabel *m_noMembers;
    QPushButton *m_add;
    QPushButton *m_remove;
    QToolButton *m_pin;
    QPushButton *m_share;
    QLabel *m_message;
    QSplitter *m_splitter;
};

} // namespace quire::gui
