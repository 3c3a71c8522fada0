// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

#include <array>

class QAction;
class QKeyEvent;
class QWidget;

namespace quire::gui {

namespace TextFormatter {
struct State;
}

// The body editor's commands as QActions: menu text, a short label for the
// toolbar when the icon theme has no icon, the theme icon, the shortcut,
// and a tooltip naming the shortcut. They are added to the editor widget
// in menu order (separators included), so its actions() is the Format
// menu. Shortcuts act while the focus is inside that editor, so the
// editors of the guides and the case studies never compete for a key.
class FormatActions final : public QObject
{
    Q_OBJECT
public:
    enum Id {
        Undo,
        Redo,
        Paragraph,
        Heading1,
        Heading2,
        Heading3,
        Bold,
        Italic,
        StrikeOut,
        InlineCode,
        CodeBlock,
        Quote,
        BulletList,
        NumberedList,
        TaskList,
        Outdent,
        Indent,
        Link,
        Image,
        Table,
        AddRow,
        RemoveRow,
        AddColumn,
        RemoveColumn,
        HorizontalRule,
        Find,
        Replace,
        PastePlainText,
        RichView,
        SourceView,
        SideBySideView,
        Preview,
        Count
    };
    Q_ENUM(Id)

    explicit FormatActions(QWidget *owner);

    QAction *action(Id id) const { return m_actions[id]; }
    // The toolbar's actions in order; nullptr stands for a separator.
    QList<QAction *> toolBarActions() const;
    // The view modes, one of them checked (one control on the toolbar).
    QList<QAction *> viewModeActions() const;
    // The commands on the table under the cursor (enabled only there).
    QList<QAction *> tableActions() const;
    // The actions that change the rich text (off while the Markdown source
    // is the view being edited).
    QList<QAction *> richTextActions() const;
    // Checked states and the table actions following the cursor.
    void showState(const TextFormatter::State &state);
    // Whether the key press is one of these shortcuts; text views let such
    // keys through (Ctrl+K, Ctrl+E mean something else to them on X11).
    bool isShortcut(const QKeyEvent *event) const;

private:
    std::array<QAction *, Count> m_actions {};
    QList<QAction *> m_toolBar;
};

} // namespace quire::gui
