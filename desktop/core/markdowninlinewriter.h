// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/markdowninlinereader.h"

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

private:
    struct Marks
    {
        bool strong = false;
        bool em = false;
        bool strike = false;
        QString href; // a link when not empty
        QString title;

        bool operator==(const Marks &o) const
        {
            return strong == o.strong && em == o.em && strike == o.strike && href == o.href && title == o.title;
        }
    };

    enum class Mark { Link, Strong, Em, Strike };

    struct Segment
    {
        enum Kind { Text, Code, Image, Break } kind;
        QString text;
        Marks marks;
        QTextImageFormat image;
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
    QString closer(Mark mark, const Marks &m) const;
    std::optional<QString> autolink(size_t i) const;
    QString escape(const QString &text, bool lineStart, bool lastOnLine) const;
    std::vector<Char> expectedChars() const;
    qsizetype firstMisread(const QString &markdown, quint8 *lost) const;
    bool dropEmphasisNear(qsizetype at, quint8 lost);
    void dropEmphasis();
    static bool endsWithUnescaped(const QString &out, QChar c);
    void merge();
    static void clear(Marks &m, Mark mark);
    QString render() const;

    Context m_context;
    bool m_boldIsLook = false;
    std::vector<Segment> m_segments;
};

} // namespace quire::desktop
