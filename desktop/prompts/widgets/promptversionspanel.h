// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace quire::desktop {
class PromptStore;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

class SideBySideDiff;

// A prompt's versions, newest first (number, or "unnumbered" until the
// server has numbered it; author; date in full; message; labels), saving
// one with an optional message, two compared side by side (or one with the
// text as it is now), restoring one (as a new version) and pointing a label
// at one. Everything on the replica: it works offline and syncs. When the
// owner requires approval for production, a move of it by anyone but an
// editor or admin waits ("production → v3 waiting for approval"), and an
// editor or admin sees Approve; the server's rules decide in the end.
class PromptVersionsPanel final : public QWidget
{
    Q_OBJECT
public:
    PromptVersionsPanel(desktop::Workspace &workspace, desktop::PromptStore &store, QWidget *parent = nullptr);

    void showPrompt(const QString &id);
    void reload();
    // Writes the editor's pending edits before a version is made (false: they could not be saved).
    void setBeforeSaveVersion(std::function<bool()> save) { m_beforeSaveVersion = std::move(save); }

    // Saves a version with the message typed above the list (empty: none).
    void saveVersion();
    void compareSelected();
    // Asks first; `confirm` false skips the question (for scripted use).
    void restoreSelected(bool confirm = true);
    void setLabelOnSelected();
    // An editor's or admin's approval of the labels waiting for one.
    void approveWaiting();
    // The signed-in account may approve (editor or admin, as last signed in).
    bool mayApprove() const;
    QPushButton *approveButton() const { return m_approve; }
    QLabel *approvalState() const { return m_approval; }

    QLineEdit *messageEdit() const { return m_messageEdit; }
    QTreeWidget *list() const { return m_list; }
    SideBySideDiff *diff() const { return m_diff; }
    QComboBox *labelName() const { return m_labelName; }

Q_SIGNALS:
    // The prompt's content changed here (a restore): the editor shows it.
    void restored(const QString &id);
    void versionSaved(const QString &id);

private:
    QStringList selectedIds() const;
    void updateButtons();
    void setMessage(const QString &text);

    desktop::Workspace &m_workspace;
    desktop::PromptStore &m_store;
    QString m_id;
    QLabel *m_message;
    QLineEdit *m_messageEdit;
    QPushButton *m_save;
    QTreeWidget *m_list;
    QPushButton *m_compare;
    QPushButton *m_restore;
    QComboBox *m_labelName;
    QPushButton *m_setLabel;
    QLabel *m_approval;
    QPushButton *m_approve;
    SideBySideDiff *m_diff;
    std::function<bool()> m_beforeSaveVersion;
};

} // namespace quire::gui
