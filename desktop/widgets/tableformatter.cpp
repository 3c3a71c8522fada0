// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/tableformatter.h"

#include "desktop/core/blockspacing.h"

#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

namespace quire::gui::TableFormatter {

namespace {

// After a row or column went: the cursor into the cell that took the place
// of its own, if the table is still there (it is looked up again: the old
// pointer is gone with the table's last row).
void keepInTable(QTextCursor &cursor, int tableStart, int row, int column)
{
    QTextCursor probe(cursor.document());
    probe.setPosition(std::min(tableStart, cursor.document()->characterCount() - 1));
    QTextTable *table = probe.currentTable();
    if (!table || table->firstPosition() != tableStart)
        return;
    const QTextTableCell cell
        = table->cellAt(std::clamp(row, 0, table->rows() - 1), std::clamp(column, 0, table->columns() - 1));
    if (cell.isValid())
        cursor = cell.firstCursorPosition();
}

// The cell after (`step` 1) or before (-1) `here`, reading the table row by
// row; invalid past either end. A position a merged cell covers belongs to
// that cell and is passed over.
QTextTableCell neighbour(const QTextTable *table, const QTextTableCell &here, int step)
{
    const int columns = table->columns();
    const int count = table->rows() * columns;
    for (int i = here.row() * columns + here.column() + step; i >= 0 && i < count; i += step) {
        const int row = i / columns;
        const int column = i % columns;
        const QTextTableCell cell = table->cellAt(row, column);
        if (cell.isValid() && cell != here && cell.row() == row && cell.column() == column)
            return cell;
    }
    return {};
}

} // namespace

void insert(QTextCursor &cursor, int rows, int columns)
{
    rows = std::max(1, rows);
    columns = std::max(1, columns);
    QTextTableFormat format;
    format.setHeaderRowCount(1);
    format.setCellPadding(4);
    format.setCellSpacing(0);
    format.setBorder(1);
    format.setBorderCollapse(true);
    desktop::BlockSpacing::apply(format);
    cursor.beginEditBlock();
    if (cursor.hasSelection())
        cursor.removeSelectedText();
    QTextTable *table = cursor.insertTable(rows, columns, format);
    for (int c = 0; c < columns; ++c) {
        QTextTableCell cell = table->cellAt(0, c);
        QTextCharFormat f = cell.format();
        f.setFontWeight(QFont::Bold); // as the importer marks header cells
        cell.setFormat(f);
    }
    cursor.endEditBlock();
    cursor = table->cellAt(0, 0).firstCursorPosition();
}

bool isInTable(const QTextCursor &cursor)
{
    return cursor.currentTable() != nullptr;
}

bool insertRow(QTextCursor &cursor, bool below)
{
    QTextTable *table = cursor.currentTable();
    if (!table)
        return false;
    const QTextTableCell cell = table->cellAt(cursor);
    cursor.beginEditBlock();
    table->insertRows(cell.row() + (below ? cell.rowSpan() : 0), 1);
    cursor.endEditBlock();
    return true;
}

bool removeRow(QTextCursor &cursor)
{
    QTextTable *table = cursor.currentTable();
    if (!table)
        return false;
    // Read before the change: a cell answers from the table as it is now.
    const QTextTableCell cell = table->cellAt(cursor);
    const int row = cell.row();
    const int column = cell.column();
    const int tableStart = table->firstPosition();
    cursor.beginEditBlock();
    table->removeRows(row, 1); // the last row takes the table along
    cursor.endEditBlock();
    keepInTable(cursor, tableStart, row, column);
    return true;
}

bool insertColumn(QTextCursor &cursor, bool after)
{
    QTextTable *table = cursor.currentTable();
    if (!table)
        return false;
    const QTextTableCell cell = table->cellAt(cursor);
    const int column = cell.column() + (after ? cell.columnSpan() : 0);
    cursor.beginEditBlock();
    table->insertColumns(column, 1);
    QTextTableCell header = table->cellAt(0, column);
    QTextCharFormat f = header.format();
    f.setFontWeight(QFont::Bold);
    header.setFormat(f);
    cursor.endEditBlock();
    return true;
}

bool removeColumn(QTextCursor &cursor)
{
    QTextTable *table = cursor.currentTable();
    if (!table)
        return false;
    const QTextTableCell cell = table->cellAt(cursor);
    const int row = cell.row();
    const int column = cell.column();
    const int tableStart = table->firstPosition();
    cursor.beginEditBlock();
    table->removeColumns(column, 1);
    cursor.endEditBlock();
    keepInTable(cursor, tableStart, row, column);
    return true;
}

bool nextCell(QTextCursor &cursor)
{
    QTextTable *table = cursor.currentTable();
    if (!table)
        return false;
    QTextTableCell next = neighbour(table, table->cellAt(cursor), 1);
    if (!next.isValid()) {
        const int row = table->rows();
        cursor.beginEditBlock();
        table->appendRows(1);
        cursor.endEditBlock();
        next = table->cellAt(row, 0);
    }
    cursor = next.lastCursorPosition();
    return true;
}

bool previousCell(QTextCursor &cursor)
{
    QTextTable *table = cursor.currentTable();
    if (!table)
        return false;
    const QTextTableCell here = table->cellAt(cursor);
    const QTextTableCell previous = neighbour(table, here, -1);
    cursor = (previous.isValid() ? previous : here).lastCursorPosition();
    return true;
}

} // namespace quire::gui::TableFormatter
