// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>

class QTextCursor;

namespace quire::gui {

// Markdown typed in the rich view turns into what it means as it is typed,
// as in Typora and Ghost: `# ` to `###### ` make headings, `- ` (or `* `,
// `+ `) a bulleted list, `1. ` a numbered one, `[ ] ` a task, `> ` a quote;
// ``` and --- on a line of their own followed by Return a code block (with
// the language after the backticks) and a rule; **bold**, *italic*, _italic_,
// ~~struck~~ and `code` take their format when the closing mark is typed.
// Each change is one undo step of its own, so one Undo gives back exactly
// the characters typed. Works on a QTextCursor like TextFormatter, so it
// can be tested on a bare QTextDocument; RichTextEdit calls it for typed keys.
class MarkdownShortcuts final
{
public:
    // Called after `typed` went in just before the cursor; applies the
    // shortcut it completes and returns whether there was one.
    static bool afterTyping(QTextCursor &cursor, QChar typed);
    // Called for Return before it is handled: true when the line was a code
    // fence or a rule and became one (the Return is then used up).
    static bool beforeReturn(QTextCursor &cursor);

private:
    static bool blockMarker(QTextCursor &cursor);
    static bool inlineSpan(QTextCursor &cursor, QChar typed);
};

} // namespace quire::gui
