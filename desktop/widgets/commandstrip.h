// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QToolButton>
#include <QWidget>

class QAction;

namespace quire::gui {

class FlowLayout;

// The body editor's toolbar: a tool button for each command (a choice of
// modes shares one), in groups, that wrap onto another line when the
// editor is narrow rather than go into an overflow menu, so every command
// stays one click away at any width.
class CommandStrip final : public QWidget
{
    Q_OBJECT
public:
    explicit CommandStrip(QWidget *parent = nullptr);

    void addCommand(QAction *action);
    // One button for commands of which one is chosen at a time (the view
    // modes): it shows the checked one's label and lists them all.
    void addChoice(const QList<QAction *> &actions);
    // The command's button is there only while the command is enabled (the
    // table's row and column commands, while the cursor is in a table).
    void showOnlyWhenEnabled(QAction *action);
    void addSeparator();
    // The button showing `action`; nullptr when it is not on the strip.
    QWidget *widgetForAction(QAction *action) const { return m_buttons.value(action); }
    void setIconSize(const QSize &size);

private:
    FlowLayout *m_layout;
    QHash<QAction *, QToolButton *> m_buttons;
    QSize m_iconSize;
};

} // namespace quire::gui
