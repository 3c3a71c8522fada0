// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/markdownshortcuts.h"

#include "desktop/widgets/listformatter.h"
#include "desktop/widgets/textformatter.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <functional>

namespace quire::gui {

namespace {

bool isCodeLine(const QTextBlock &block)
{
    return block.blockFormat().hasProperty(QTextFormat::BlockCodeFence);
}

// Where shortcuts never apply: code (its characters mean themselves) and
// tables (a cell holds one line of inline text in Markdown).
bool isLiteralPlace(const QTextCursor &cursor)
{
    return isCodeLine(cursor.block()) || cursor.currentTable() || cursor.charFormat().fontFixedPitch();
}

// Removes the block's first `length` characters, keeping the cursor where
// it was relative to the rest.
void removeBlockStart(QTextCursor &cursor, int length)
{
    QTextCursor marks(cursor.block());
    marks.setPosition(cursor.block().position() + length, QTextCursor::KeepAnchor);
    marks.removeSelectedText();
}

void removeRange(QTextDocument *doc, int start, int length)
{
    QTextCursor c(doc);
    c.setPosition(start);
    c.setPosition(start + length, QTextCursor::KeepAnchor);
    c.removeSelectedText();
}

// An inline span's marks and what turns its text on.
struct Span
{
    QString mark;
    void (*toggle)(QTextCursor &);
    bool (*isOn)(const TextFormatter::State &);
    bool wordBound; // `_`: not inside a word (snake_case stays as it is)
};

const Span kSpans[] = {
    { QStringLiteral("**"), TextFormatter::toggleBold, [](const TextFormatter::State &s) { return s.bold; }, false },
    { QStringLiteral("__"), TextFormatter::toggleBold, [](const TextFormatter::State &s) { return s.bold; }, true },
    { QStringLiteral("~~"), TextFormatter::toggleStrikeOut, [](const TextFormatter::State &s) { return s.strikeOut; },
      false },
    { QStringLiteral("*"), TextFormatter::toggleItalic, [](const TextFormatter::State &s) { return s.italic; }, false },
    { QStringLiteral("_"), TextFormatter::toggleItalic, [](const TextFormatter::State &s) { return s.italic; }, true },
    { QStringLiteral("`"), TextFormatter::toggleInlineCode, [](const TextFormatter::State &s) { return s.inlineCode; },
      false },
};

} // namespace

bool MarkdownShortcuts::afterTyping(QTextCursor &cursor, QChar typed)
{
    if (cursor.hasSelection() || cursor.positionInBlock() == 0
        || cursor.block().text().at(cursor.positionInBlock() - 1) != typed)
        return false;
    if (typed == QLatin1Char(' '))
        return blockMarker(cursor);
    return inlineSpan(cursor, typed);
}

bool MarkdownShortcuts::blockMarker(QTextCursor &cursor)
{
    if (isLiteralPlace(cursor))
        return false;
    const QTextBlock block = cursor.block();
    const QString typed = block.text().left(cursor.positionInBlock());
    const ListFormatter::Kind list = ListFormatter::kindAt(cursor);
    const bool plain = list == ListFormatter::Kind::None && block.blockFormat().headingLevel() == 0;
    static const QRegularExpression heading(QStringLiteral("^(#{1,6}) $"));
    static const QRegularExpression bullet(QStringLiteral("^[-*+] $"));
    static const QRegularExpression numbered(QStringLiteral("^\\d{1,9}[.)] $"));
    static const QRegularExpression task(QStringLiteral("^\\[([ xX])\\] $"));
    std::function<void(QTextCursor &)> apply;
    if (const auto m = heading.match(typed); m.hasMatch() && list == ListFormatter::Kind::None) {
        const int level = int(m.capturedLength(1));
        apply = [level](QTextCursor &c) { TextFormatter::setHeading(c, level); };
    } else if (plain && bullet.match(typed).hasMatch()) {
        apply = [](QTextCursor &c) { ListFormatter::toggle(c, ListFormatter::Kind::Bullet); };
    } else if (plain && numbered.match(typed).hasMatch()) {
        apply = [](QTextCursor &c) { ListFormatter::toggle(c, ListFormatter::Kind::Numbered); };
    } else if (const auto t = task.match(typed); t.hasMatch() && (plain || list == ListFormatter::Kind::Bullet)) {
        const bool done = t.captured(1) != QLatin1String(" ");
        apply = [done](QTextCursor &c) {
            ListFormatter::toggle(c, ListFormatter::Kind::Task);
            if (done)
                ListFormatter::toggleTaskDone(c);
        };
    } else if (typed == QLatin1String("> ") && list == ListFormatter::Kind::None
               && block.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) == 0) {
        apply = TextFormatter::toggleQuote;
    } else {
        return false;
    }
    // One edit block: one Undo brings back the marks as typed.
    cursor.beginEditBlock();
    removeBlockStart(cursor, int(typed.size()));
    cursor.setPosition(block.position());
    apply(cursor);
    cursor.endEditBlock();
    return true;
}

bool MarkdownShortcuts::inlineSpan(QTextCursor &cursor, QChar typed)
{
    if (isLiteralPlace(cursor))
        return false;
    const QTextBlock block = cursor.block();
    const QString text = block.text().left(cursor.positionInBlock());
    const int end = int(text.size());
    for (const Span &span : kSpans) {
        const int n = int(span.mark.size());
        if (span.mark.at(0) != typed || !text.endsWith(span.mark))
            continue;
        // A longer run of the same mark is another span's (or unfinished).
        if (end > n && text.at(end - n - 1) == typed)
            continue;
        const int open = int(text.lastIndexOf(span.mark, end - 2 * n - 1));
        if (open < 0)
            continue;
        const int innerStart = open + n;
        const QString inner = text.mid(innerStart, end - n - innerStart);
        if (inner.trimmed().isEmpty() || inner.startsWith(typed) || inner.endsWith(typed))
            continue;
        if (typed != QLatin1Char('`') && (inner.front().isSpace() || inner.back().isSpace()))
            continue;
        if (open > 0 && text.at(open - 1) == typed)
            continue;
        if (span.wordBound && open > 0 && text.at(open - 1).isLetterOrNumber())
            continue;
        const QTextCharFormat typing = cursor.charFormat();
        const int base = block.position();
        QTextDocument *doc = cursor.document();
        cursor.beginEditBlock();
        removeRange(doc, base + end - n, n);
        removeRange(doc, base + open, n);
        cursor.setPosition(base + open);
        cursor.setPosition(base + open + int(inner.size()), QTextCursor::KeepAnchor);
        if (!span.isOn(TextFormatter::stateAt(cursor)))
            span.toggle(cursor);
        cursor.setPosition(base + open + int(inner.size()));
        // What comes next is typed as before the span.
        cursor.setCharFormat(typing);
        cursor.endEditBlock();
        return true;
    }
    return false;
}

bool MarkdownShortcuts::beforeReturn(QTextCursor &cursor)
{
    const QTextBlock block = cursor.block();
    if (cursor.hasSelection() || isLiteralPlace(cursor) || cursor.positionInBlock() != block.length() - 1
        || ListFormatter::kindAt(cursor) != ListFormatter::Kind::None || block.blockFormat().headingLevel() > 0)
        return false;
    static const QRegularExpression fence(QStringLiteral("^```([^`\\s]*)$"));
    static const QRegularExpression rule(QStringLiteral("^(?:---|\\*\\*\\*|___)$"));
    const QString text = block.text();
    const QRegularExpressionMatch m = fence.match(text);
    if (!m.hasMatch() && !rule.match(text).hasMatch())
        return false;
    cursor.beginEditBlock();
    removeBlockStart(cursor, int(text.size()));
    cursor.setPosition(block.position());
    if (m.hasMatch()) {
        TextFormatter::toggleCodeBlock(cursor);
        QTextBlockFormat f = cursor.blockFormat();
        f.setProperty(QTextFormat::BlockCodeLanguage, m.captured(1));
        cursor.setBlockFormat(f);
    } else {
        TextFormatter::insertHorizontalRule(cursor);
    }
    cursor.endEditBlock();
    return true;
}

} // namespace quire::gui
