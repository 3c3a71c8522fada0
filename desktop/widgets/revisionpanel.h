// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace quire::desktop {
class RevisionHistory;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

// An article's saved revisions: the list (newest first), one revision's
// text, two compared line by line, and restoring one (a new revision, so
// it can be undone the same way). The history lives on the server; offline
// the panel says so instead of showing nothing.
class RevisionPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit RevisionPanel(desktop::Workspace &workspace, QWidget *parent = nullptr);
    ~RevisionPanel() override;

    // Shows the history of article `id` of `kind` (empty id: none).
    void showArticle(const QString &kind, const QString &id);
    void reload();

Q_SIGNALS:
    // A revision was restored on the server; the replica gets it by syncing.
    void restored(const QString &id);

private:
    void showSelected();
    void compareSelected();
    void restoreSelected();
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
};

} // namespace quire::gui
