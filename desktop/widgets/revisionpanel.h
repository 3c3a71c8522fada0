// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace quire::desktop {
class RevisionHistory;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

// An article's history by editing session (newest first, each saying who,
// when and how much changed), one session's text, two compared line by
// line, restoring one (a new revision, so it can be undone the same way)
// and keeping the current text as a version. The history lives on the
// server; offline the panel says so instead of showing nothing.
class RevisionPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit RevisionPanel(desktop::Workspace &workspace, QWidget *parent = nullptr);
    ~RevisionPanel() override;

    // Shows the history of article `id` of `kind` (empty id: none).
    void showArticle(const QString &kind, const QString &id);
    void reload();
    // Called before "Save version" sends anything: writes the editor's
    // pending edits into the replica (false: they could not be saved).
    void setBeforeSaveVersion(std::function<bool()> save) { m_beforeSaveVersion = std::move(save); }

Q_SIGNALS:
    // A revision was restored on the server; the replica gets it by syncing.
    void restored(const QString &id);

private:
    void showSelected();
    void compareSelected();
    void restoreSelected();
    void saveVersion();
    QList<qint64> selectedRevs() const;
    void setMessage(const QString &text);

    desktop::Workspace &m_workspace;
    desktop::RevisionHistory *m_history;
    QString m_kind;
    QString m_id;
    QLabel *m_message;
    QListWidget *m_list;
    QTextBrowser *m_view;
    QPushButton *m_show;
    QPushButton *m_compare;
    QPushButton *m_restore;
    QPushButton *m_saveVersion;
    std::function<bool()> m_beforeSaveVersion;
};

} // namespace quire::gui
