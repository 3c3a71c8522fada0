// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QListWidget;
class QPlainTextEdit;
class QLabel;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

// Open conflicts, one at a time: the server's version and the user's side
// by side, both editable, and a choice of which to keep (or the edited
// text). Nothing is lost by looking: only a choice changes the item.
class ConflictsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConflictsDialog(desktop::Workspace &workspace, QWidget *parent = nullptr);

    void reload();
    int count() const;

private:
    void showCurrent();
    void keep(int choice);

    desktop::Workspace &m_workspace;
    QListWidget *m_list;
    QLabel *m_summary;
    QPlainTextEdit *m_server;
    QPlainTextEdit *m_mine;
};

} // namespace quire::gui
