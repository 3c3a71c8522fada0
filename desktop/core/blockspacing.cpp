// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/blockspacing.h"

#include <QTextBlockFormat>
#include <QTextTableFormat>

#include <algorithm>
#include <array>

namespace quire::desktop {

namespace {

// In pixels at the editor's text size; Qt collapses the bottom margin of a
// block and the top margin of the next into the larger of the two, as the
// readers' stylesheet does.
constexpr qreal kParagraph = 10;
constexpr std::array<qreal, 6> kAboveHeading { 24, 20, 16, 14, 12, 12 };
constexpr qreal kBelowHeading = 6;
// About as far as the readers' page indents a quote (a 4 px bar, 1rem
// beside it).
constexpr qreal kQuoteIndent = 24;

} // namespace

void BlockSpacing::apply(QTextBlockFormat &format, bool inList)
{
    const int level = format.headingLevel();
    if (level > 0) {
        format.setTopMargin(kAboveHeading[size_t(std::clamp(level, 1, 6) - 1)]);
        format.setBottomMargin(kBelowHeading);
    } else if (inList || format.hasProperty(QTextFormat::BlockCodeFence) || format.nonBreakableLines()) {
        format.clearProperty(QTextFormat::BlockTopMargin);
        format.clearProperty(QTextFormat::BlockBottomMargin);
    } else {
        format.setTopMargin(kParagraph);
        format.setBottomMargin(kParagraph);
    }
}

void BlockSpacing::apply(QTextTableFormat &format)
{
    format.setTopMargin(kParagraph);
    format.setBottomMargin(kParagraph);
}

void BlockSpacing::quote(QTextBlockFormat &format, int level)
{
    format.clearProperty(QTextFormat::BlockRightMargin);
    if (level > 0) {
        format.setProperty(QTextFormat::BlockQuoteLevel, level);
        format.setLeftMargin(kQuoteIndent * level);
    } else {
        format.clearProperty(QTextFormat::BlockQuoteLevel);
        format.clearProperty(QTextFormat::BlockLeftMargin);
    }
}

void BlockSpacing::clear(QTextFormat &format)
{
    for (const int p : { int(QTextFormat::BlockTopMargin), int(QTextFormat::BlockBottomMargin),
                         int(QTextFormat::FrameTopMargin), int(QTextFormat::FrameBottomMargin) })
        format.clearProperty(p);
}

} // namespace quire::desktop
