// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/writingcanvas.h"

#include "desktop/core/markdownformat.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextFrame>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace quire::gui {

namespace {

// The least blank margin beside the text, however narrow the view.
constexpr int kMinSideMargin = 8;
// How far a code block's ground reaches past its text, and its corners.
constexpr qreal kCodePadding = 6;
constexpr qreal kCodeRadius = 4;
constexpr qreal kBarWidth = 3;

// `from` moved towards `to` by `share` (0 to 1): colours between the
// palette's text and its ground stay readable in light and dark alike.
QColor blend(const QColor &from, const QColor &to, qreal share)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * share),
                            float(from.greenF() + (to.greenF() - from.greenF()) * share),
                            float(from.blueF() + (to.blueF() - from.blueF()) * share));
}

// A colour between the palette's ground and its text, `share` of the way:
// the active group's, since an editor waiting disabled for its text (while
// an article opens) would otherwise style it in the disabled grey.
QColor towardsText(const QPalette &palette, qreal share)
{
    return blend(palette.color(QPalette::Active, QPalette::Base), palette.color(QPalette::Active, QPalette::Text),
                 share);
}

// Blocks in a table's cells lie in the table's frame; a table has no
// quotes or code blocks of its own in Markdown.
bool inRootFrame(const QTextBlock &block)
{
    const QTextDocument *doc = block.document();
    return doc->frameAt(block.position()) == doc->rootFrame();
}

bool isCodeText(const QTextCharFormat &format)
{
    return desktop::MarkdownFormat::isCodeFont(format);
}

} // namespace

WritingCanvas::WritingCanvas(QTextEdit *edit)
    : QSyntaxHighlighter(edit->document())
    , m_edit(edit)
{
    // Now instead of Qt's delayed first pass, which would announce a change.
    restyle();
}

void WritingCanvas::restyle()
{
    const QSignalBlocker quiet(document());
    rehighlight();
}

int WritingCanvas::columnWidth(const QFont &font, qreal documentMargin)
{
    return int(std::ceil(QFontMetricsF(font).averageCharWidth() * kColumnCharacters + 2 * documentMargin));
}

QMargins WritingCanvas::columnMargins(int width, const QFont &font, qreal documentMargin)
{
    const int blank = width - columnWidth(font, documentMargin);
    const int left = std::max(kMinSideMargin, blank / 2);
    return QMargins(left, 0, std::max(kMinSideMargin, blank - left), 0);
}

QColor WritingCanvas::mutedText(const QPalette &palette)
{
    return towardsText(palette, 0.68);
}

QColor WritingCanvas::barColour(const QPalette &palette)
{
    return towardsText(palette, 0.25);
}

QColor WritingCanvas::codeBackground(const QPalette &palette)
{
    return towardsText(palette, 0.07);
}

void WritingCanvas::highlightBlock(const QString &text)
{
    Q_UNUSED(text);
    if (!m_edit)
        return;
    const QTextBlock block = currentBlock();
    const QPalette &palette = m_edit->palette();
    const bool quote = block.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) > 0;
    const bool codeBlock = desktop::MarkdownFormat::isCodeBlock(block);
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const QTextCharFormat own = fragment.charFormat();
        QTextCharFormat look;
        if (own.isAnchor())
            look.setForeground(palette.brush(
                QPalette::Active, QPalette::Link)); // the colour the document got when loaded may be the other theme's
        else if (quote)
            look.setForeground(mutedText(palette));
        if (!codeBlock && isCodeText(own) && !own.isImageFormat())
            look.setBackground(codeBackground(palette));
        if (look.propertyCount() > 0)
            setFormat(fragment.position() - block.position(), fragment.length(), look);
    }
}

void WritingCanvas::paintBehind(QPainter &painter) const
{
    if (!m_edit)
        return;
    const QTextDocument *doc = m_edit->document();
    const QPalette &palette = m_edit->palette();
    const QPointF offset(-m_edit->horizontalScrollBar()->value(), -m_edit->verticalScrollBar()->value());
    const qreal bottom = m_edit->viewport()->height();
    const qreal textRight = doc->textWidth() - doc->documentMargin() + offset.x();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);

    // Consecutive lines of one code block share one ground.
    QRectF code;
    int codeGroup = -1;
    const auto drawCode = [&] {
        if (code.isNull())
            return;
        painter.setBrush(codeBackground(palette));
        painter.drawRoundedRect(code.adjusted(0, -kCodePadding / 2, 0, kCodePadding / 2), kCodeRadius, kCodeRadius);
        code = QRectF();
    };

    for (QTextBlock block = m_edit->cursorForPosition(QPoint(0, 0)).block(); block.isValid(); block = block.next()) {
        const QTextLayout *layout = block.layout();
        if (!block.isVisible() || !layout || layout->lineCount() == 0 || !inRootFrame(block)) {
            drawCode();
            continue;
        }
        const QPointF at = layout->position() + offset;
        if (at.y() > bottom)
            break;
        const qreal height = layout->boundingRect().height();
        const QTextBlockFormat format = block.blockFormat();
        const int group = format.intProperty(desktop::MarkdownFormat::CodeGroupProperty);
        if (desktop::MarkdownFormat::isCodeBlock(block)) {
            if (group != codeGroup || group == 0)
                drawCode();
            codeGroup = group;
            // As much room each side of the text as the view has on the left.
            const qreal textLeft = at.x() + layout->lineAt(0).x();
            const qreal padding = std::min(kCodePadding, textLeft);
            code = code.united(QRectF(textLeft - padding, at.y(), textRight - textLeft + 2 * padding, height));
        } else {
            drawCode();
            codeGroup = -1;
        }
        // One bar per level of quoting, in the margin the quote is indented by.
        if (const int levels = format.intProperty(QTextFormat::BlockQuoteLevel); levels > 0) {
            const qreal step = format.leftMargin() / levels;
            painter.setBrush(barColour(palette));
            for (int level = 0; level < levels; ++level)
                painter.drawRect(QRectF(at.x() + level * step + step / 4, at.y(), kBarWidth, height));
        }
    }
    drawCode();
    painter.restore();
}

} // namespace quire::gui
