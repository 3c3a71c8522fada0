// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/widgets/listformatter.h"

#include <QList>
#include <QString>

class QTextBlock;
class QTextCursor;

namespace quire::gui {

// The body editor's formatting commands, as functions on a QTextCursor so
// that each one can be tested on a bare QTextDocument without a window
// (lists: ListFormatter; tables: TableFormatter). Every command is one undo
// step. The formats are the ones Qt's Markdown importer makes (heading
// sizes, code fences, quote levels), so what the toolbar makes looks and
// serializes like what was loaded from Markdown. Character commands work on
// the selection, or without one on what is typed next; block commands on
// every block the selection touches.
namespace TextFormatter {

// A link in the text: its characters [start, end) and target.
struct Link
{
    QString text;
    QString url;
    int start = -1;
    int end = -1;
    bool isValid() const { return start >= 0; }
};

// What the toolbar shows as checked or enabled at the cursor.
struct State
{
    bool bold = false;
    bool italic = false;
    bool strikeOut = false;
    bool inlineCode = false;
    int headingLevel = 0;
    bool codeBlock = false;
    bool quote = false;
    ListFormatter::Kind list = ListFormatter::Kind::None;
    bool inTable = false;
    bool onLink = false;
};

void toggleBold(QTextCursor &cursor);
void toggleItalic(QTextCursor &cursor);
void toggleStrikeOut(QTextCursor &cursor);
void toggleInlineCode(QTextCursor &cursor);

// 0 makes a paragraph; 1 to 3 a heading.
void setHeading(QTextCursor &cursor, int level);
void toggleCodeBlock(QTextCursor &cursor);
void toggleQuote(QTextCursor &cursor);
// Makes `text` a link to `url`: replaces the selection, or the link under
// the cursor, or is inserted at the cursor.
void insertLink(QTextCursor &cursor, const QString &text, const QString &url);
// The link at the cursor (or touching it); invalid when there is none.
Link linkAt(const QTextCursor &cursor);
// Turns the link at the cursor back into text.
void removeLink(QTextCursor &cursor);
void insertImage(QTextCursor &cursor, const QString &url, const QString &altText);
void insertHorizontalRule(QTextCursor &cursor);

// Every block the selection touches; a selection that ends at the very
// start of a block does not take that block along.
QList<QTextBlock> blocksOf(const QTextCursor &cursor);
State stateAt(const QTextCursor &cursor);

} // namespace TextFormatter
} // namespace quire::gui
