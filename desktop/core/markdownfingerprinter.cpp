// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdownfingerprinter.h"

#include "desktop/core/markdownformat.h"

namespace quire::desktop {

std::vector<QString> MarkdownFingerprinter::of(const QString &markdown)
{
    MarkdownFingerprinter f;
    if (!MarkdownFormat::parse(markdown.toUtf8(), f))
        return {};
    return std::move(f.m_blocks);
}

int MarkdownFingerprinter::enterBlock(MD_BLOCKTYPE type, void *detail)
{
    if (m_depth == 1)
        m_blocks.emplace_back();
    ++m_depth;
    if (type == MD_BLOCK_DOC)
        return 0;
    QString &out = m_blocks.back();
    out += QChar(1);
    out += QChar(u'A' + int(type));
    switch (type) {
    case MD_BLOCK_UL:
        out += static_cast<MD_BLOCK_UL_DETAIL *>(detail)->is_tight ? QLatin1Char('t') : QLatin1Char('l');
        break;
    case MD_BLOCK_OL: {
        const auto *d = static_cast<MD_BLOCK_OL_DETAIL *>(detail);
        out += QString::number(d->start) + (d->is_tight ? QLatin1Char('t') : QLatin1Char('l'));
        break;
    }
    case MD_BLOCK_LI: {
        const auto *d = static_cast<MD_BLOCK_LI_DETAIL *>(detail);
        out += !d->is_task ? QLatin1Char('-') : d->task_mark == ' ' ? QLatin1Char(' ') : QLatin1Char('x');
        break;
    }
    case MD_BLOCK_H:
        out += QString::number(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
        break;
    case MD_BLOCK_CODE: {
        const auto *d = static_cast<MD_BLOCK_CODE_DETAIL *>(detail);
        out += MarkdownFormat::decodeAttribute(d->info);
        break;
    }
    case MD_BLOCK_TABLE:
        out += QString::number(static_cast<MD_BLOCK_TABLE_DETAIL *>(detail)->col_count);
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        out += QString::number(int(static_cast<MD_BLOCK_TD_DETAIL *>(detail)->align));
        break;
    default:
        break;
    }
    out += QChar(2);
    return 0;
}

int MarkdownFingerprinter::leaveBlock(MD_BLOCKTYPE type, void *)
{
    --m_depth;
    if (type != MD_BLOCK_DOC)
        m_blocks.back() += QChar(3);
    return 0;
}

int MarkdownFingerprinter::enterSpan(MD_SPANTYPE type, void *detail)
{
    if (m_imageDepth > 0) {
        m_imageDepth += type == MD_SPAN_IMG ? 1 : 0;
        return 0; // the document keeps an image's description as plain text
    }
    QString &out = m_blocks.back();
    out += QChar(4);
    out += QChar(u'a' + int(type));
    if (type == MD_SPAN_A) {
        const auto *d = static_cast<MD_SPAN_A_DETAIL *>(detail);
        out += MarkdownFormat::decodeAttribute(d->href) + QChar(2) + MarkdownFormat::decodeAttribute(d->title);
    } else if (type == MD_SPAN_IMG) {
        const auto *d = static_cast<MD_SPAN_IMG_DETAIL *>(detail);
        out += MarkdownFormat::decodeAttribute(d->src) + QChar(2) + MarkdownFormat::decodeAttribute(d->title);
        m_imageDepth = 1;
    }
    out += QChar(2);
    return 0;
}

int MarkdownFingerprinter::leaveSpan(MD_SPANTYPE type, void *)
{
    if (m_imageDepth > 0) {
        m_imageDepth -= type == MD_SPAN_IMG ? 1 : 0;
        if (m_imageDepth > 0)
            return 0;
    }
    m_blocks.back() += QChar(5);
    return 0;
}

int MarkdownFingerprinter::text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
{
    QString t = MarkdownFormat::textOf(type, text, size, m_afterNullChar);
    if (m_imageDepth > 0 && type == MD_TEXT_BR)
        t = QStringLiteral(" ");
    m_blocks.back() += t;
    return 0;
}

} // namespace quire::desktop
