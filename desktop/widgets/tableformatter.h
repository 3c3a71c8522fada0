// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QTextCursor;

namespace quire::gui {

// The table commands of the body editor, on a QTextCursor like the other
// formatting commands (TextFormatter). A table's first row is the header
// row Markdown needs, bold as Qt's importer makes header cells. Each
// command is one undo step.
namespace TableFormatter {

void insert(QTextCursor &cursor, int rows, int columns);
bool isInTable(const QTextCursor &cursor);
// At the cursor's cell; false outside a table. Removing the last row or
// column removes the table; otherwise the cursor stays in the table.
bool insertRow(QTextCursor &cursor, bool below = true);
bool removeRow(QTextCursor &cursor);
bool insertColumn(QTextCursor &cursor, bool after = true);
bool removeColumn(QTextCursor &cursor);
// Tab and Shift+Tab in a table, as in word processors: the cursor goes to
// the end of the next (previous) cell's text, row by row. Past the last
// cell `nextCell` appends a row and goes into its first cell (one undo
// step); before the first cell `previousCell` stays. False outside a table.
bool nextCell(QTextCursor &cursor);
bool previousCell(QTextCursor &cursor);

} // namespace TableFormatter
} // namespace quire::gui
