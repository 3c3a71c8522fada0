// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QTextBlockFormat;
class QTextFormat;
class QTextTableFormat;

namespace quire::desktop {

// The rich view's rhythm: the space above and below each kind of block,
// close to the readers' page (a gap between paragraphs, more room above a
// heading than below it, none between a list's items or a code block's
// lines), and a quote's indent. The vertical margins are only the look:
// Markdown says nothing of them, the writer ignores them, and comparisons
// of documents leave them out (clear()). Every place that makes or changes
// a block's kind applies them, so loaded and typed text look the same.
struct BlockSpacing
{
    // Sets `format`'s top and bottom margins for its kind: a heading (by its
    // level), a line of code, a list item or text inside one (`inList`), or
    // a paragraph.
    static void apply(QTextBlockFormat &format, bool inList);
    // A table's room above and below, as a paragraph's.
    static void apply(QTextTableFormat &format);
    // Makes `format` a quote nested `level` deep, indented on the left for
    // each level as the readers' page indents it (not on the right); level
    // 0 takes the quote and its indent off.
    static void quote(QTextBlockFormat &format, int level);
    // Takes them off a block's or a table's format again, for comparing what
    // two documents mean.
    static void clear(QTextFormat &format);
};

} // namespace quire::desktop
