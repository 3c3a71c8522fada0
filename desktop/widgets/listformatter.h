// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QTextBlock;
class QTextCursor;

namespace quire::gui {

// The list commands of the body editor, on a QTextCursor like the other
// formatting commands (TextFormatter): bulleted, numbered and task lists
// (QTextListFormat ListDisc and ListDecimal; a task is an item with a
// QTextBlockFormat marker), nesting and ticking. Lists look as Qt's
// Markdown importer makes them. Each command is one undo step and works on
// every block the selection touches.
namespace ListFormatter {

enum class Kind { None, Bullet, Numbered, Task };

// Makes the blocks items of a list of `kind`; when they already are one,
// back into paragraphs.
void toggle(QTextCursor &cursor, Kind kind);
Kind kindAt(const QTextCursor &cursor);
// One level deeper or shallower; false outside a list (or with nothing to
// nest under). Outdenting a top-level item makes it a paragraph.
bool indent(QTextCursor &cursor);
bool outdent(QTextCursor &cursor);
// Ticks or unticks the task at the cursor; false when it is no task.
bool toggleTaskDone(QTextCursor &cursor);
// The block as a paragraph again, out of its list.
void removeItem(const QTextBlock &block);

} // namespace ListFormatter
} // namespace quire::gui
