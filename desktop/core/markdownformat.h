// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTextFormat>

#include <md4c.h>

class QTextBlock;

namespace quire::desktop {

// What MarkdownDocument's loader, writer and checks share.
//
// The user properties that carry what Qt's formats do not say, md4c's
// parser options, and small readings of md4c's output and of Qt's formats.
struct MarkdownFormat
{
    // What Markdown needs and Qt's formats do not say, as user properties.
    enum Property : int {
        // Block and table formats: the quotes and list items the block sits in,
        // outermost first, as "q<id>" and "i<id>" joined by '/'. A block in a
        // QTextList starts the item named last.
        ContainersProperty = QTextFormat::UserProperty + 0x5100,
        // Block and table formats: the source's top-level block it came from.
        SourceBlockProperty,
        // Block formats of code lines: lines with the same number are one block.
        CodeGroupProperty,
        // Block formats of code lines: the info string when it says more than
        // the language.
        CodeInfoProperty,
        // Block formats of code lines: the code is one blank line, where an
        // empty code block would look the same in the editor (one empty block).
        CodeBlankLineProperty,
        // List formats: an ordered list's first number (Qt 6.4 keeps none), and
        // whether the list is loose (blank lines between items).
        ListStartProperty,
        ListLooseProperty,
        // Table formats: the columns' alignments, one of "-lcr" each.
        TableAlignmentProperty,
        // Character formats: the weight is the look of a heading or a table
        // header, not **strong** text.
        StyleWeightProperty,
        // Character formats of links: which link of the source the text
        // belongs to, so that two links side by side stay two.
        LinkIdProperty,
        // Character formats of links written as references: a
        // MarkdownLinkReference.
        LinkReferenceProperty,
        // Character formats: emphasis inside emphasis (`*(*foo*)*`), which
        // Qt's one italic flag cannot say.
        NestedEmphasisProperty,
        // Character formats of a stand-in character (kStandIn): what the
        // source wrote there and what md4c reads from it, as a string list,
        // for what the document cannot hold as text (`&#10;`, `[](url)`).
        SourceTextProperty,
    };

    // The character that stands in for source text the document cannot
    // hold (SourceTextProperty).
    static constexpr char16_t kStandIn = 0x2060; // WORD JOINER, invisible

    // The parser options of the readers' pages (shared/markdownrenderer.cpp):
    // GitHub's dialect, raw HTML is text.
    static constexpr unsigned kParserFlags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;

    static bool isSpaceOrTab(QChar c) { return c == QLatin1Char(' ') || c == QLatin1Char('\t'); }

    // An attribute md4c hands over (a link's target, a code block's info
    // string …), with its entities decoded.
    static QString decodeAttribute(const MD_ATTRIBUTE &a);
    // The text md4c hands over, as the document holds it. A NUL of the
    // source is one U+FFFD wherever it is; md4c reports it as
    // MD_TEXT_NULLCHAR (paragraphs), raw (code spans), or both, the raw
    // byte first in the next text (code blocks). `afterNullChar` is the
    // caller's memory of the previous call, false at the start.
    static QString textOf(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, bool &afterNullChar);

    // Reads `utf8` with md4c, handing its events to `handler`'s enterBlock(),
    // leaveBlock(), enterSpan(), leaveSpan() and text(). False when md4c gave up.
    template<typename Handler> static bool parse(const QByteArray &utf8, Handler &handler)
    {
        MD_PARSER parser {};
        parser.abi_version = 0;
        parser.flags = kParserFlags;
        parser.enter_block
            = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Handler *>(u)->enterBlock(t, d); };
        parser.leave_block
            = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Handler *>(u)->leaveBlock(t, d); };
        parser.enter_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<Handler *>(u)->enterSpan(t, d); };
        parser.leave_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<Handler *>(u)->leaveSpan(t, d); };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u) {
            return static_cast<Handler *>(u)->text(t, s, n);
        };
        return md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &handler) == 0;
    }

    // Whether text in `f` is code: a fixed-pitch font, or one named like one.
    static bool isCodeFont(const QTextCharFormat &f);
    // A code block is marked as one (fence, language), or preformatted (as
    // HTML's <pre> comes in) in a fixed-pitch font, or set in a fixed-pitch
    // font as a whole, block and text.
    static bool isCodeBlock(const QTextBlock &block);
    // Whether `f` is **strong**; in a heading or table header
    // (`styledWeight`) not when the weight is only the look.
    static bool isStrong(const QTextCharFormat &f, bool styledWeight);
};

} // namespace quire::desktop
