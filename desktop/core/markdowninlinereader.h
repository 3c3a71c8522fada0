// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <md4c.h>
#include <vector>

namespace quire::desktop {

// Collects what md4c reads in a line: its characters and their formats.
//
// MarkdownInlineWriter compares that with what it meant to write.
class MarkdownInlineReader
{
public:
    // A character's formats, as bits.
    static constexpr quint8 kStrong = 1;
    static constexpr quint8 kEm = 2;
    static constexpr quint8 kStrike = 4;
    static constexpr quint8 kCode = 8;

    // The characters of a paragraph, heading or cell with their formats:
    // what the segments hold, or what md4c reads in Markdown.
    struct Char
    {
        QChar c;
        quint8 marks = 0;
        QString href;
        size_t segment = 0;
    };

    std::vector<Char> chars;

    // md4c's events, through MarkdownFormat::parse().
    int enterBlock(MD_BLOCKTYPE, void *) { return 0; }
    int leaveBlock(MD_BLOCKTYPE, void *) { return 0; }
    int enterSpan(MD_SPANTYPE type, void *detail);
    int leaveSpan(MD_SPANTYPE type, void *);
    int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size);

private:
    void count(MD_SPANTYPE type, int step);
    quint8 marks() const;
    QString href() const { return m_links.empty() ? QString() : m_links.back(); }

    int m_strong = 0;
    int m_em = 0;
    int m_strike = 0;
    int m_code = 0;
    int m_image = 0;
    bool m_afterNullChar = false; // for MarkdownFormat::textOf
    std::vector<QString> m_links;
};

} // namespace quire::desktop
