// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/textformatter.h"

#include "desktop/core/blockspacing.h"
#include "desktop/widgets/listformatter.h"
#include "desktop/widgets/tableformatter.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QList>
#include <QPalette>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

#include <functional>

namespace quire::gui::TextFormatter {

namespace {

QFont monoFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

struct Piece
{
    int start;
    int end;
    QTextCharFormat format;
};

// The character runs of the selection with their formats.
QList<Piece> piecesOf(const QTextCursor &cursor)
{
    const int start = cursor.selectionStart();
    const int end = cursor.selectionEnd();
    QList<Piece> pieces;
    for (const QTextBlock &block : blocksOf(cursor)) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const int a = std::max(start, f.position());
            const int b = std::min(end, f.position() + f.length());
            if (a < b)
                pieces.append({ a, b, f.charFormat() });
        }
    }
    return pieces;
}

// Calls `change` on the format of each run of the selection (or, without
// one, on the format for what is typed next). Unlike mergeCharFormat this
// can clear properties, which turning a format off needs.
void changeCharFormat(QTextCursor &cursor, const std::function<void(QTextCharFormat &)> &change)
{
    if (!cursor.hasSelection()) {
        QTextCharFormat format = cursor.charFormat();
        change(format);
        cursor.setCharFormat(format);
        return;
    }
    const QList<Piece> pieces = piecesOf(cursor); // collected first: applying splits fragments
    QTextCursor run(cursor.document());
    for (Piece p : pieces) {
        change(p.format);
        run.setPosition(p.start);
        run.setPosition(p.end, QTextCursor::KeepAnchor);
        run.setCharFormat(p.format);
    }
}

bool allCharacters(const QTextCursor &cursor, const std::function<bool(const QTextCharFormat &)> &test)
{
    if (!cursor.hasSelection())
        return test(cursor.charFormat());
    const QList<Piece> pieces = piecesOf(cursor);
    return !pieces.isEmpty() && std::all_of(pieces.begin(), pieces.end(), [&](const Piece &p) {
        return p.format.isImageFormat() || test(p.format);
    });
}

void clearFontProperties(QTextCharFormat &format)
{
    const auto properties = format.properties();
    for (auto it = properties.cbegin(); it != properties.cend(); ++it) {
        if (it.key() >= QTextFormat::FirstFontProperty && it.key() <= QTextFormat::LastFontProperty)
            format.clearProperty(it.key());
    }
}

void toggleCharacters(QTextCursor &cursor, const std::function<bool(const QTextCharFormat &)> &isOn,
                      const std::function<void(QTextCharFormat &, bool on)> &set)
{
    const bool on = !allCharacters(cursor, isOn);
    cursor.beginEditBlock();
    changeCharFormat(cursor, [&](QTextCharFormat &f) { set(f, on); });
    cursor.endEditBlock();
}

bool isBoldFormat(const QTextCharFormat &f)
{
    return f.fontWeight() > QFont::Medium;
}

bool isCodeFormat(const QTextCharFormat &f)
{
    return f.fontFixedPitch();
}

// The characters of one block, and the format new text there starts with.
void changeBlockCharacters(const QTextBlock &block, const std::function<void(QTextCharFormat &)> &change)
{
    QTextCursor c(block);
    c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    if (c.hasSelection())
        changeCharFormat(c, change);
    QTextCharFormat blockChars = block.charFormat();
    change(blockChars);
    c.setBlockCharFormat(blockChars);
}

void setBlockFormat(const QTextBlock &block, const QTextBlockFormat &format)
{
    QTextCursor(block).setBlockFormat(format);
}

bool isCodeBlockFormat(const QTextBlockFormat &f)
{
    return f.hasProperty(QTextFormat::BlockCodeFence);
}

QTextCharFormat withoutLink(QTextCharFormat f)
{
    f.setAnchor(false);
    f.clearProperty(QTextFormat::AnchorHref);
    f.clearProperty(QTextFormat::AnchorName);
    f.clearProperty(QTextFormat::ForegroundBrush);
    return f;
}

} // namespace

// Every block the selection touches; a selection ending at the very start
// of a block does not take that block along.
QList<QTextBlock> blocksOf(const QTextCursor &cursor)
{
    QTextDocument *doc = cursor.document();
    const int start = cursor.selectionStart();
    int end = cursor.selectionEnd();
    QTextBlock last = doc->findBlock(end);
    if (cursor.hasSelection() && end > start && last.position() == end && last.previous().isValid())
        last = last.previous();
    QList<QTextBlock> blocks;
    for (QTextBlock b = doc->findBlock(start); b.isValid(); b = b.next()) {
        blocks.append(b);
        if (b == last)
            break;
    }
    return blocks;
}

void toggleBold(QTextCursor &cursor)
{
    toggleCharacters(cursor, isBoldFormat, [](QTextCharFormat &f, bool on) {
        if (on)
            f.setFontWeight(QFont::Bold);
        else
            f.setFontWeight(QFont::Normal);
    });
}

void toggleItalic(QTextCursor &cursor)
{
    toggleCharacters(
        cursor, [](const QTextCharFormat &f) { return f.fontItalic(); },
        [](QTextCharFormat &f, bool on) { on ? f.setFontItalic(true) : f.clearProperty(QTextFormat::FontItalic); });
}

void toggleStrikeOut(QTextCursor &cursor)
{
    toggleCharacters(
        cursor, [](const QTextCharFormat &f) { return f.fontStrikeOut(); },
        [](QTextCharFormat &f, bool on) {
            on ? f.setFontStrikeOut(true) : f.clearProperty(QTextFormat::FontStrikeOut);
        });
}

void toggleInlineCode(QTextCursor &cursor)
{
    // Like the importer's code spans: the fixed font, the document's size.
    toggleCharacters(cursor, isCodeFormat, [](QTextCharFormat &f, bool on) {
        f.clearProperty(QTextFormat::FontFamily);
        f.clearProperty(QTextFormat::FontFamilies);
        f.clearProperty(QTextFormat::FontStyleHint);
        f.clearProperty(QTextFormat::FontFixedPitch);
        if (on) {
            f.setFontFamilies({ monoFont().family() });
            f.setFontStyleHint(QFont::TypeWriter);
            f.setFontFixedPitch(true);
        }
    });
}

void setHeading(QTextCursor &cursor, int level)
{
    level = std::clamp(level, 0, 6);
    // The importer's heading characters: bold, three sizes up for H1.
    const auto chars = [level](QTextCharFormat &f) {
        if (level > 0) {
            f.setProperty(QTextFormat::FontSizeAdjustment, 4 - level);
            f.setFontWeight(QFont::Bold);
        } else {
            f.clearProperty(QTextFormat::FontSizeAdjustment);
            f.clearProperty(QTextFormat::FontWeight);
        }
    };
    cursor.beginEditBlock();
    for (const QTextBlock &block : blocksOf(cursor)) {
        // A heading is neither a list item nor a line of code.
        if (level > 0)
            ListFormatter::removeItem(block);
        QTextBlockFormat f = block.blockFormat();
        if (level > 0) {
            f.setHeadingLevel(level);
            f.clearProperty(QTextFormat::BlockCodeFence);
            f.clearProperty(QTextFormat::BlockCodeLanguage);
            f.setNonBreakableLines(false);
        } else {
            f.clearProperty(QTextFormat::HeadingLevel);
        }
        desktop::BlockSpacing::apply(f, block.textList() || f.indent() > 0);
        setBlockFormat(block, f);
        changeBlockCharacters(block, chars);
    }
    if (!cursor.hasSelection()) {
        QTextCharFormat next = cursor.charFormat();
        chars(next);
        cursor.setCharFormat(next);
    }
    cursor.endEditBlock();
}

void toggleCodeBlock(QTextCursor &cursor)
{
    const QList<QTextBlock> blocks = blocksOf(cursor);
    const bool on = !std::all_of(blocks.begin(), blocks.end(),
                                 [](const QTextBlock &b) { return isCodeBlockFormat(b.blockFormat()); });
    cursor.beginEditBlock();
    for (const QTextBlock &block : blocks) {
        if (on)
            ListFormatter::removeItem(block);
        QTextBlockFormat f = block.blockFormat();
        if (on) {
            // What Qt's importer gives a fenced block's lines.
            f.setProperty(QTextFormat::BlockCodeFence, QStringLiteral("`"));
            f.setProperty(QTextFormat::BlockCodeLanguage, QString());
            f.setNonBreakableLines(true);
            f.clearProperty(QTextFormat::HeadingLevel);
        } else {
            f.clearProperty(QTextFormat::BlockCodeFence);
            f.clearProperty(QTextFormat::BlockCodeLanguage);
            f.setNonBreakableLines(false);
        }
        desktop::BlockSpacing::apply(f, block.textList() || f.indent() > 0);
        setBlockFormat(block, f);
        changeBlockCharacters(block, [on](QTextCharFormat &c) {
            clearFontProperties(c);
            if (on)
                c.setFont(monoFont(), QTextCharFormat::FontPropertiesSpecifiedOnly);
            c.clearProperty(QTextFormat::FontPointSize);
            c.clearProperty(QTextFormat::FontPixelSize);
        });
    }
    cursor.endEditBlock();
}

void toggleQuote(QTextCursor &cursor)
{
    const QList<QTextBlock> blocks = blocksOf(cursor);
    const bool on = !std::all_of(blocks.begin(), blocks.end(), [](const QTextBlock &b) {
        return b.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) > 0;
    });
    cursor.beginEditBlock();
    for (const QTextBlock &block : blocks) {
        QTextBlockFormat f = block.blockFormat();
        // Indented as a loaded quote is.
        desktop::BlockSpacing::quote(f, on ? 1 : 0);
        setBlockFormat(block, f);
    }
    cursor.endEditBlock();
}

Link linkAt(const QTextCursor &cursor)
{
    const QTextBlock block = cursor.block();
    const int pos = cursor.hasSelection() ? cursor.selectionStart() : cursor.position();
    struct Run
    {
        int start;
        int end;
        QString href;
        QString text;
    };
    QList<Run> runs;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        const QTextCharFormat format = f.charFormat();
        const QString href = format.isAnchor() ? format.anchorHref() : QString();
        // Neighbouring fragments with the same target are one link (bold
        // inside a link splits it into fragments).
        if (!runs.isEmpty() && runs.last().end == f.position() && runs.last().href == href) {
            runs.last().end += f.length();
            runs.last().text += f.text();
        } else {
            runs.append({ f.position(), f.position() + f.length(), href, f.text() });
        }
    }
    // The link the cursor is in, else the one it is just after.
    for (int probe : { pos, pos - 1 }) {
        for (const Run &r : std::as_const(runs)) {
            if (!r.href.isEmpty() && probe >= r.start && probe < r.end)
                return { r.text, r.href, r.start, r.end };
        }
    }
    return {};
}

void insertLink(QTextCursor &cursor, const QString &text, const QString &url)
{
    cursor.beginEditBlock();
    if (!cursor.hasSelection()) {
        if (const Link existing = linkAt(cursor); existing.isValid()) {
            cursor.setPosition(existing.start);
            cursor.setPosition(existing.end, QTextCursor::KeepAnchor);
        }
    }
    const QString shown = text.isEmpty() ? url : text;
    const auto makeLink = [&url](QTextCharFormat &f) {
        f.setAnchor(true);
        f.setAnchorHref(url);
        f.setForeground(QGuiApplication::palette().link());
    };
    if (cursor.hasSelection() && cursor.selectedText() == shown) {
        // The same words: keep their own formats (bold inside a link).
        changeCharFormat(cursor, makeLink);
        cursor.setPosition(cursor.selectionEnd());
    } else {
        QTextCharFormat f = withoutLink(cursor.charFormat());
        makeLink(f);
        cursor.insertText(shown, f);
    }
    // What is typed after the link is not part of it.
    cursor.setCharFormat(withoutLink(cursor.charFormat()));
    cursor.endEditBlock();
}

void removeLink(QTextCursor &cursor)
{
    QTextCursor range = cursor;
    if (!range.hasSelection()) {
        const Link link = linkAt(cursor);
        if (!link.isValid())
            return;
        range.setPosition(link.start);
        range.setPosition(link.end, QTextCursor::KeepAnchor);
    }
    range.beginEditBlock();
    changeCharFormat(range, [](QTextCharFormat &f) { f = withoutLink(f); });
    range.endEditBlock();
}

void insertImage(QTextCursor &cursor, const QString &url, const QString &altText)
{
    QTextImageFormat f;
    f.setName(url);
    f.setProperty(QTextFormat::ImageAltText, altText);
    if (!altText.isEmpty())
        f.setToolTip(altText);
    // Text typed after the image is typed as before it: Qt would otherwise
    // carry the image's name, description and tooltip over to it.
    const QTextCharFormat typing = cursor.charFormat();
    cursor.insertImage(f);
    cursor.setCharFormat(typing);
}

void insertHorizontalRule(QTextCursor &cursor)
{
    cursor.beginEditBlock();
    if (cursor.hasSelection())
        cursor.removeSelectedText();
    if (!cursor.block().text().isEmpty()) {
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    }
    QTextBlockFormat rule;
    rule.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength::PercentageLength, 100));
    cursor.setBlockFormat(rule);
    // Typing goes on below the rule: in the next block, or a new paragraph
    // at the end (an empty paragraph in between would only add blank lines).
    if (cursor.block().next().isValid())
        cursor.movePosition(QTextCursor::NextBlock);
    else
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.endEditBlock();
}

State stateAt(const QTextCursor &cursor)
{
    State s;
    s.bold = allCharacters(cursor, isBoldFormat);
    s.italic = allCharacters(cursor, [](const QTextCharFormat &f) { return f.fontItalic(); });
    s.strikeOut = allCharacters(cursor, [](const QTextCharFormat &f) { return f.fontStrikeOut(); });
    s.inlineCode = allCharacters(cursor, isCodeFormat);
    const QTextBlockFormat block = cursor.blockFormat();
    s.headingLevel = block.headingLevel();
    s.codeBlock = isCodeBlockFormat(block);
    s.quote = block.intProperty(QTextFormat::BlockQuoteLevel) > 0;
    s.list = ListFormatter::kindAt(cursor);
    s.inTable = TableFormatter::isInTable(cursor);
    s.onLink = linkAt(cursor).isValid();
    return s;
}

} // namespace quire::gui::TextFormatter
