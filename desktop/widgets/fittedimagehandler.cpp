// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/fittedimagehandler.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

#include <limits>

namespace quire::gui {

namespace {

// What a frame's own margins, border and padding take from its width.
qreal frameInsets(const QTextFrameFormat &f)
{
    return f.leftMargin() + f.rightMargin() + 2 * (f.border() + f.padding());
}

} // namespace

FittedImageHandler::FittedImageHandler(QTextEdit *edit)
    : QObject(edit)
    , m_qt(edit->document()->documentLayout()->handlerForObject(QTextFormat::ImageObject))
{
    // Qt's handler stays alive (its parent is the layout) and does the rest.
    edit->document()->documentLayout()->registerHandler(QTextFormat::ImageObject, this);
}

qreal FittedImageHandler::roomAt(QTextDocument *doc, int position)
{
    qreal room = doc->textWidth();
    if (room <= 0)
        return std::numeric_limits<qreal>::infinity(); // not wrapped: any width fits
    // From the outside in: the root frame, then tables (a cell gets its
    // column's share), so nested tables narrow it further. No QTextCursor
    // here: placing one lays the line out, which asks this handler again.
    QList<QTextFrame *> frames;
    for (QTextFrame *f = doc->frameAt(position); f; f = f->parentFrame())
        frames.prepend(f);
    for (QTextFrame *f : frames) {
        const QTextFrameFormat format = f->frameFormat();
        room -= frameInsets(format);
        if (auto *table = qobject_cast<QTextTable *>(f)) {
            const QTextTableFormat t = format.toTableFormat();
            const int columns = std::max(1, table->columns());
            room = (room - (columns + 1) * t.cellSpacing()) / columns - 2 * t.cellPadding();
        }
    }
    const QTextBlock block = doc->findBlock(position);
    const QTextBlockFormat b = block.blockFormat();
    room -= b.leftMargin() + b.rightMargin() + b.indent() * doc->indentWidth();
    if (const QTextList *list = block.textList())
        room -= list->format().indent() * doc->indentWidth();
    return std::max<qreal>(room, 1);
}

qreal FittedImageHandler::gluedWidthAfter(QTextDocument *doc, int position)
{
    // Lines do not break between an image and the word right after it;
    // wider together than the text, they made a horizontal scroll bar.
    const QTextBlock block = doc->findBlock(position);
    qreal width = 0;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        if (f.position() + f.length() <= position + 1)
            continue;
        const QString text = f.text().mid(std::max(0, position + 1 - f.position()));
        qsizetype end = 0;
        while (end < text.size() && !text[end].isSpace() && text[end] != QChar::ObjectReplacementCharacter)
            ++end;
        QFont font = f.charFormat().font().resolve(doc->defaultFont());
        width += QFontMetricsF(font).horizontalAdvance(text.left(end));
        if (end < text.size())
            break;
    }
    return width;
}

QSizeF FittedImageHandler::intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format)
{
    const QSizeF natural = m_qt->intrinsicSize(doc, posInDocument, format);
    qreal room = roomAt(doc, posInDocument);
    if (natural.width() > room)
        room = std::max(room - gluedWidthAfter(doc, posInDocument), room / 4);
    if (natural.width() <= room || natural.width() <= 0)
        return natural;
    return natural * (room / natural.width());
}

void FittedImageHandler::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
                                    const QTextFormat &format)
{
    // Qt's handler scales the image into the rectangle laid out for it.
    m_qt->drawObject(painter, rect, doc, posInDocument, format);
}

} // namespace quire::gui
