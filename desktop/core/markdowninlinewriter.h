// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/markdowninlinereader.h"
#include "desktop/core/markdownlinkreference.h"

#include <QString>
#include <QTextFormat>

#include <optional>
#include <vector>

class QTextBlock;

namespace quire::desktop {

// One paragraph's, heading's or table cell's text with its formats.
class MarkdownInlineWriter
{
public:
    // SetextHeading: a heading's text over lines, as in a paragraph.
    enum class Context { Paragraph, Heading, SetextHeading, Cell, HeaderCell };

    static QString write(const QTextBlock &block, Context context);
    // How many blocks write() has written in this process: what tests see
    // the caches spare.
    static qint64 blocksWritten();

private:
    struct Marks
    {
        bool strong = false;
        bool em = false;
        bool strike = false;
        bool nestedEm = false; // emphasis inside emphasis
        QString href; // a link when not empty
        QString title;
        int linkId = 0; // which link of the source, 0 for one made in the editor
        std::optional<MarkdownLinkReference> reference;

        bool operator==(const Marks &o) const
        {
            return strong == o.strong && em == o.em && strike == o.strike && nestedEm == o.nestedEm && href == o.href
                && title == o.title && linkId == o.linkId
                && (reference ? reference->label : QString()) == (o.reference ? o.reference->label : QString());
        }
    };

    enum class Mark { Link, Strong, Em, NestedEm, Strike };

    // Verbatim: source text the document holds as a stand-in; `text` is
    // what md4c reads from it, `source` what is written.
    struct Segment
    {
        enum Kind { Text, Code, Image, Break, Verbatim } kind;
        QString text;
        Marks marks;
        QTextImageFormat image;
        QString source = {};
    };

    using Char = MarkdownInlineReader::Char;

    explicit MarkdownInlineWriter(Context context)
        : m_context(context)
    { }

    bool has(const Marks &m, Mark mark) const;
    void collect(const QTextBlock &block);
    void trim();
    size_t runLength(size_t from, Mark mark) const;
    QString opener(Mark mark) const;
    QString closer(Mark mark, const Marks &m, const QString &written) const;
    std::optional<QString> autolink(size_t i) const;
    QString escape(const QString &text, bool lineStart, bool lastOnLine) const;
    std::vector<Char> expectedChars() const;
    qsizetype firstMisread(const QString &markdown, quint8 *lost) const;
    bool dropEmphasisNear(qsizetype at, quint8 lost);
    void dropEmphasis();
    void merge();
    static void clear(Marks &m, Mark mark);
    QString render() const;

    Context m_context;
    bool m_boldIsLook = false;
    std::vector<Segment> m_segments;
};

} // namespace quire::desktop
