// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowninlinereader.h"

#include "desktop/core/markdownformat.h"

namespace quire::desktop {

int MarkdownInlineReader::enterSpan(MD_SPANTYPE type, void *detail)
{
    if (m_image > 0) {
        m_image += type == MD_SPAN_IMG ? 1 : 0;
        return 0;
    }
    switch (type) {
    case MD_SPAN_A:
        m_links.push_back(MarkdownFormat::decodeAttribute(static_cast<MD_SPAN_A_DETAIL *>(detail)->href));
        break;
    case MD_SPAN_IMG:
        chars.push_back({ QChar(QChar::ObjectReplacementCharacter), marks(), href() });
        m_image = 1;
        break;
    default:
        count(type, 1);
    }
    return 0;
}

int MarkdownInlineReader::leaveSpan(MD_SPANTYPE type, void *)
{
    if (m_image > 0) {
        m_image -= type == MD_SPAN_IMG ? 1 : 0;
        return 0;
    }
    if (type == MD_SPAN_A) {
        if (!m_links.empty())
            m_links.pop_back();
    } else {
        count(type, -1);
    }
    return 0;
}

int MarkdownInlineReader::text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
{
    if (m_image > 0)
        return 0;
    for (const QChar c : MarkdownFormat::textOf(type, text, size, m_afterNullChar))
        chars.push_back({ c, marks(), href() });
    return 0;
}

void MarkdownInlineReader::count(MD_SPANTYPE type, int step)
{
    switch (type) {
    case MD_SPAN_STRONG:
        m_strong += step;
        break;
    case MD_SPAN_EM:
        m_em += step;
        break;
    case MD_SPAN_DEL:
        m_strike += step;
        break;
    case MD_SPAN_CODE:
        m_code += step;
        break;
    default:
        break;
    }
}

quint8 MarkdownInlineReader::marks() const
{
    return quint8((m_strong > 0 ? kStrong : 0) | (m_em > 0 ? kEm : 0) | (m_strike > 0 ? kStrike : 0)
                  | (m_code > 0 ? kCode : 0));
}

} // namespace quire::desktop
