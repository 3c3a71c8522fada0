// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

// Changes the server refused (no permission, invalid, …), with the reason
// and their full content, so nothing written is lost: the content can be
// copied or exported before the entry is dismissed.
class RejectedDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RejectedDialog(desktop::Workspace &workspace, QWidget *parent = nullptr);

    void reload();
    int count() const;
    QString currentContent() const;
    // Writes the selected change's content to `path`; the error, if any.
    QString exportTo(const QString &path);

private:
    void showCurrent();

    desktop::Workspace &m_workspace;
    QListWidget *m_list;
    QLabel *m_reason;
    QPlainTextEdit *m_content;
};

} // namespace quire::gui
