// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/listformatter.h"

#include "desktop/core/blockspacing.h"
#include "desktop/widgets/textformatter.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

namespace quire::gui::ListFormatter {

namespace {

void setBlockFormat(const QTextBlock &block, const QTextBlockFormat &format)
{
    QTextCursor(block).setBlockFormat(format);
}

bool isCodeLine(const QTextBlockFormat &f)
{
    return f.hasProperty(QTextFormat::BlockCodeFence);
}

bool isNumberedStyle(QTextListFormat::Style style)
{
    switch (style) {
    case QTextListFormat::ListDisc:
    case QTextListFormat::ListCircle:
    case QTextListFormat::ListSquare:
        return false;
    default:
        return true;
    }
}

// The list a block moving to `level` joins: the nearest one above at that
// level, so an item nested next to a sibling joins the sibling's list.
QTextList *neighbourList(const QTextBlock &block, int level)
{
    for (QTextBlock b = block.previous(); b.isValid() && b.textList(); b = b.previous()) {
        const int indent = b.textList()->format().indent();
        if (indent == level)
            return b.textList();
        if (indent < level)
            return nullptr;
    }
    return nullptr;
}

bool shiftListLevel(const QTextBlock &block, int delta)
{
    QTextList *list = block.textList();
    if (!list)
        return false;
    QTextListFormat format = list->format();
    const int level = format.indent() + delta;
    if (level < 1) {
        removeItem(block);
        return true;
    }
    if (delta > 0 && !(block.previous().isValid() && block.previous().textList()))
        return false; // nothing to nest under
    if (QTextList *target = neighbourList(block, level)) {
        target->add(block);
    } else {
        format.setIndent(level);
        QTextCursor(block).createList(format);
    }
    return true;
}

} // namespace

void removeItem(const QTextBlock &block)
{
    if (QTextList *list = block.textList())
        list->remove(block);
    QTextBlockFormat f = block.blockFormat();
    f.setIndent(0);
    f.clearProperty(QTextFormat::BlockMarker);
    desktop::BlockSpacing::apply(f, false);
    setBlockFormat(block, f);
}

void toggle(QTextCursor &cursor, Kind kind)
{
    if (kind == Kind::None)
        return;
    const QList<QTextBlock> blocks = TextFormatter::blocksOf(cursor);
    cursor.beginEditBlock();
    if (kindAt(cursor) == kind) {
        for (const QTextBlock &block : blocks)
            removeItem(block);
        cursor.endEditBlock();
        return;
    }
    const QTextListFormat::Style style
        = kind == Kind::Numbered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc;
    if (QTextList *list = cursor.currentList()) {
        // Another kind of list: the list changes kind, items stay together.
        QTextListFormat f = list->format();
        f.setStyle(style);
        list->setFormat(f);
        for (const QTextBlock &block : blocks) {
            if (!block.textList())
                list->add(block);
        }
    } else {
        for (const QTextBlock &block : blocks) {
            QTextBlockFormat f = block.blockFormat();
            if (f.headingLevel() > 0 || isCodeLine(f)) {
                QTextCursor c(block);
                TextFormatter::setHeading(c, 0);
                if (isCodeLine(block.blockFormat()))
                    TextFormatter::toggleCodeBlock(c);
            }
        }
        QTextListFormat f;
        f.setStyle(style);
        f.setIndent(1);
        QTextCursor all(cursor.document());
        all.setPosition(blocks.first().position());
        all.setPosition(blocks.last().position(), QTextCursor::KeepAnchor);
        all.createList(f);
    }
    for (const QTextBlock &block : blocks) {
        QTextBlockFormat f = block.blockFormat();
        f.setIndent(0); // the list indents its items
        if (kind == Kind::Task) {
            if (f.marker() == QTextBlockFormat::MarkerType::NoMarker)
                f.setMarker(QTextBlockFormat::MarkerType::Unchecked);
        } else {
            f.clearProperty(QTextFormat::BlockMarker);
        }
        desktop::BlockSpacing::apply(f, true);
        setBlockFormat(block, f);
    }
    cursor.endEditBlock();
}

bool indent(QTextCursor &cursor)
{
    bool any = false;
    cursor.beginEditBlock();
    for (const QTextBlock &block : TextFormatter::blocksOf(cursor))
        any = shiftListLevel(block, +1) || any;
    cursor.endEditBlock();
    return any;
}

bool outdent(QTextCursor &cursor)
{
    bool any = false;
    cursor.beginEditBlock();
    for (const QTextBlock &block : TextFormatter::blocksOf(cursor))
        any = shiftListLevel(block, -1) || any;
    cursor.endEditBlock();
    return any;
}

bool toggleTaskDone(QTextCursor &cursor)
{
    QTextBlockFormat f = cursor.blockFormat();
    switch (f.marker()) {
    case QTextBlockFormat::MarkerType::Unchecked:
        f.setMarker(QTextBlockFormat::MarkerType::Checked);
        break;
    case QTextBlockFormat::MarkerType::Checked:
        f.setMarker(QTextBlockFormat::MarkerType::Unchecked);
        break;
    default:
        return false;
    }
    cursor.beginEditBlock();
    setBlockFormat(cursor.block(), f);
    cursor.endEditBlock();
    return true;
}

Kind kindAt(const QTextCursor &cursor)
{
    const QTextList *list = cursor.currentList();
    if (!list)
        return Kind::None;
    if (cursor.blockFormat().marker() != QTextBlockFormat::MarkerType::NoMarker)
        return Kind::Task;
    return isNumberedStyle(list->format().style()) ? Kind::Numbered : Kind::Bullet;
}

} // namespace quire::gui::ListFormatter
