// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/markdownrenderer.h"

#include "shared/htmlescape.h"
#include "shared/tr.h"

#include <QHash>

#include <algorithm>
#include <md4c.h>
#include <utility>
#include <vector>

namespace quire::shared::MarkdownRenderer {

namespace {

// The few named entities a URL scheme could be hidden behind, and the
// common ones in text; anything else in an attribute is refused.
const QHash<QByteArray, QByteArray> &namedEntities()
{
    static const QHash<QByteArray, QByteArray> entities {
        { "&amp;", "&" },    { "&lt;", "<" },   { "&gt;", ">" },       { "&quot;", "\"" },       { "&apos;", "'" },
        { "&colon;", ":" },  { "&Tab;", "\t" }, { "&NewLine;", "\n" }, { "&nbsp;", "\xc2\xa0" }, { "&sol;", "/" },
        { "&period;", "." }, { "&num;", "#" },  { "&quest;", "?" },    { "&equals;", "=" },
    };
    return entities;
}

// An entity's characters, or nullopt when it is not one we can decode.
std::optional<QByteArray> decodeEntity(const QByteArray &entity)
{
    if (entity.startsWith("&#")) {
        bool ok = false;
        const bool hex = entity.size() > 3 && (entity[2] == 'x' || entity[2] == 'X');
        const uint code = entity.mid(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)).toUInt(&ok, hex ? 16 : 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return QByteArray("\xef\xbf\xbd"); // U+FFFD, as CommonMark says
        const char32_t c = char32_t(code);
        return QString::fromUcs4(&c, 1).toUtf8();
    }
    const auto it = namedEntities().find(entity);
    if (it == namedEntities().end())
        return std::nullopt;
    return *it;
}

// An attribute as md4c hands it (text with entity substrings) decoded, or
// nullopt when it holds an entity we do not know.
std::optional<QByteArray> decodeAttribute(const MD_ATTRIBUTE &a)
{
    QByteArray out;
    for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
        const MD_OFFSET begin = a.substr_offsets[i];
        const MD_OFFSET end = a.substr_offsets[i + 1];
        const QByteArray part(a.text + begin, qsizetype(end - begin));
        switch (a.substr_types[i]) {
        case MD_TEXT_NULLCHAR:
            out.append("\xef\xbf\xbd");
            break;
        case MD_TEXT_ENTITY: {
            const std::optional<QByteArray> decoded = decodeEntity(part);
            if (!decoded)
                return std::nullopt;
            out.append(*decoded);
            break;
        }
        default:
            out.append(part);
        }
    }
    return out;
}

class Renderer
{
public:
    explicit Renderer(int headingsFrom)
        : m_headingsFrom(headingsFrom)
    { }

    QByteArray out;

    int enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        switch (type) {
        case MD_BLOCK_DOC:
            break;
        case MD_BLOCK_QUOTE:
            out.append("<blockquote>\n");
            break;
        case MD_BLOCK_UL:
            out.append("<ul>\n");
            break;
        case MD_BLOCK_OL: {
            const auto *d = static_cast<MD_BLOCK_OL_DETAIL *>(detail);
            if (d->start == 1)
                out.append("<ol>\n");
            else
                out.append("<ol start=\"").append(QByteArray::number(d->start)).append("\">\n");
            break;
        }
        case MD_BLOCK_LI: {
            const auto *d = static_cast<MD_BLOCK_LI_DETAIL *>(detail);
            if (d->is_task) {
                // A form control needs a name of its own; its state says done or not.
                out.append("<li class=\"task\"><input type=\"checkbox\" disabled");
                if (d->task_mark == 'x' || d->task_mark == 'X')
                    out.append(" checked");
                //: What screen readers call the checkbox of an item in a task list.
                out.append(" aria-label=\"").append(HtmlEscape::escape(Tr::tr("Task"))).append("\"> ");
            } else {
                out.append("<li>");
            }
            break;
        }
        case MD_BLOCK_HR:
            out.append("<hr>\n");
            break;
        case MD_BLOCK_H:
            m_headingLevel = headingLevel(int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level));
            out.append("<h").append(QByteArray::number(m_headingLevel)).append('>');
            break;
        case MD_BLOCK_CODE: {
            const auto *d = static_cast<MD_BLOCK_CODE_DETAIL *>(detail);
            out.append("<pre><code");
            if (d->lang.text && d->lang.size > 0) {
                if (const std::optional<QByteArray> lang = decodeAttribute(d->lang)) {
                    out.append(" class=\"language-");
                    HtmlEscape::appendTo(out, lang->constData(), lang->size());
                    out.append('"');
                }
            }
            out.append('>');
            break;
        }
        case MD_BLOCK_HTML:
            break; // never produced: raw HTML is off
        case MD_BLOCK_P:
            if (!m_tightList)
                out.append("<p>");
            break;
        case MD_BLOCK_TABLE:
            out.append("<table>\n");
            break;
        case MD_BLOCK_THEAD:
            out.append("<thead>\n");
            break;
        case MD_BLOCK_TBODY:
            out.append("<tbody>\n");
            break;
        case MD_BLOCK_TR:
            out.append("<tr>");
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD: {
            out.append(type == MD_BLOCK_TH ? "<th" : "<td");
            // A class, not a style attribute: the pages' CSP allows no inline style.
            switch (static_cast<MD_BLOCK_TD_DETAIL *>(detail)->align) {
            case MD_ALIGN_LEFT:
                out.append(" class=\"align-left\"");
                break;
            case MD_ALIGN_CENTER:
                out.append(" class=\"align-center\"");
                break;
            case MD_ALIGN_RIGHT:
                out.append(" class=\"align-right\"");
                break;
            default:
                break;
            }
            out.append('>');
            break;
        }
        }
        if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
            const bool tight = type == MD_BLOCK_UL ? static_cast<MD_BLOCK_UL_DETAIL *>(detail)->is_tight != 0
                                                   : static_cast<MD_BLOCK_OL_DETAIL *>(detail)->is_tight != 0;
            m_tightStack.push_back(m_tightList);
            m_tightList = tight;
        } else if (type == MD_BLOCK_QUOTE) {
            m_tightStack.push_back(m_tightList);
            m_tightList = false;
        }
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type, void *)
    {
        switch (type) {
        case MD_BLOCK_DOC:
            break;
        case MD_BLOCK_QUOTE:
            out.append("</blockquote>\n");
            break;
        case MD_BLOCK_UL:
            out.append("</ul>\n");
            break;
        case MD_BLOCK_OL:
            out.append("</ol>\n");
            break;
        case MD_BLOCK_LI:
            out.append("</li>\n");
            break;
        case MD_BLOCK_HR:
            break;
        case MD_BLOCK_H:
            out.append("</h").append(QByteArray::number(m_headingLevel)).append(">\n");
            break;
        case MD_BLOCK_CODE:
            out.append("</code></pre>\n");
            break;
        case MD_BLOCK_HTML:
            break;
        case MD_BLOCK_P:
            if (!m_tightList)
                out.append("</p>\n");
            break;
        case MD_BLOCK_TABLE:
            out.append("</table>\n");
            break;
        case MD_BLOCK_THEAD:
            out.append("</thead>\n");
            break;
        case MD_BLOCK_TBODY:
            out.append("</tbody>\n");
            break;
        case MD_BLOCK_TR:
            out.append("</tr>\n");
            break;
        case MD_BLOCK_TH:
            out.append("</th>");
            break;
        case MD_BLOCK_TD:
            out.append("</td>");
            break;
        }
        if (type == MD_BLOCK_UL || type == MD_BLOCK_OL || type == MD_BLOCK_QUOTE) {
            m_tightList = m_tightStack.back();
            m_tightStack.pop_back();
        }
        return 0;
    }

    int enterSpan(MD_SPANTYPE type, void *detail)
    {
        if (m_imageDepth > 0) {
            if (type == MD_SPAN_IMG)
                ++m_imageDepth; // an image in alt text: only its text counts
            return 0;
        }
        switch (type) {
        case MD_SPAN_EM:
            out.append("<em>");
            break;
        case MD_SPAN_STRONG:
            out.append("<strong>");
            break;
        case MD_SPAN_U:
            out.append("<u>");
            break;
        case MD_SPAN_DEL:
            out.append("<del>");
            break;
        case MD_SPAN_CODE:
            out.append("<code>");
            break;
        case MD_SPAN_A: {
            const auto *d = static_cast<MD_SPAN_A_DETAIL *>(detail);
            const std::optional<QByteArray> href = decodeAttribute(d->href);
            const bool safe = href && isSafeUrl(*href);
            m_linkStack.push_back(safe);
            if (!safe)
                break; // the text stays, the link goes
            out.append("<a href=\"");
            HtmlEscape::appendTo(out, href->constData(), href->size());
            out.append('"');
            if (d->title.text && d->title.size > 0) {
                if (const std::optional<QByteArray> title = decodeAttribute(d->title)) {
                    out.append(" title=\"");
                    HtmlEscape::appendTo(out, title->constData(), title->size());
                    out.append('"');
                }
            }
            out.append('>');
            break;
        }
        case MD_SPAN_IMG: {
            const auto *d = static_cast<MD_SPAN_IMG_DETAIL *>(detail);
            const std::optional<QByteArray> src = decodeAttribute(d->src);
            m_imageSafe = src && isSafeUrl(*src);
            m_imageDepth = 1;
            if (m_imageSafe) {
                out.append("<img src=\"");
                HtmlEscape::appendTo(out, src->constData(), src->size());
                out.append("\" loading=\"lazy\" alt=\"");
                m_imageTitle.clear();
                if (d->title.text && d->title.size > 0)
                    m_imageTitle = decodeAttribute(d->title).value_or(QByteArray());
            }
            break;
        }
        default:
            break; // LaTeX and wiki links are not enabled
        }
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type, void *)
    {
        if (m_imageDepth > 0) {
            if (type == MD_SPAN_IMG && --m_imageDepth == 0 && m_imageSafe) {
                out.append('"');
                if (!m_imageTitle.isEmpty()) {
                    out.append(" title=\"");
                    HtmlEscape::appendTo(out, m_imageTitle.constData(), m_imageTitle.size());
                    out.append('"');
                }
                out.append('>');
            }
            return 0;
        }
        switch (type) {
        case MD_SPAN_EM:
            out.append("</em>");
            break;
        case MD_SPAN_STRONG:
            out.append("</strong>");
            break;
        case MD_SPAN_U:
            out.append("</u>");
            break;
        case MD_SPAN_DEL:
            out.append("</del>");
            break;
        case MD_SPAN_CODE:
            out.append("</code>");
            break;
        case MD_SPAN_A:
            if (!m_linkStack.empty()) {
                if (m_linkStack.back())
                    out.append("</a>");
                m_linkStack.pop_back();
            }
            break;
        default:
            break;
        }
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
    {
        const bool inAlt = m_imageDepth > 0;
        // A NUL of the source is one U+FFFD wherever it is: md4c reports it
        // as MD_TEXT_NULLCHAR (paragraphs), raw (code spans), or both, the
        // raw byte first in the next text (code blocks).
        const bool echo = std::exchange(m_afterNullChar, type == MD_TEXT_NULLCHAR);
        if (type == MD_TEXT_NULLCHAR) {
            out.append("\xef\xbf\xbd");
            return 0;
        }
        if (echo && size > 0 && text[0] == '\0') {
            ++text;
            --size;
        }
        if (inAlt && !m_imageSafe) {
            // The image is dropped; its description stays readable.
            appendEscapedText(text, size);
            return 0;
        }
        switch (type) {
        case MD_TEXT_BR:
            out.append(inAlt ? " " : "<br>\n");
            break;
        case MD_TEXT_SOFTBR:
            out.append(inAlt ? " " : "\n");
            break;
        case MD_TEXT_ENTITY:
            // md4c reports only well-formed entities; they are safe as they are.
            out.append(text, qsizetype(size));
            break;
        default:
            appendEscapedText(text, size);
            break;
        }
        return 0;
    }

private:
    // Escaped, with any NUL as U+FFFD.
    void appendEscapedText(const MD_CHAR *text, MD_SIZE size)
    {
        qsizetype start = 0;
        for (qsizetype i = 0; i <= qsizetype(size); ++i) {
            if (i == qsizetype(size) || text[i] == '\0') {
                HtmlEscape::appendTo(out, text + start, i - start);
                if (i < qsizetype(size))
                    out.append("\xef\xbf\xbd");
                start = i + 1;
            }
        }
    }

    // The level a heading written at `level` gets: as written, or its depth
    // in the outline so far counted from m_headingsFrom.
    int headingLevel(int level)
    {
        if (m_headingsFrom <= 0)
            return level;
        while (!m_outline.empty() && m_outline.back() >= level)
            m_outline.pop_back();
        m_outline.push_back(level);
        return std::min(6, m_headingsFrom + int(m_outline.size()) - 1);
    }

    int m_headingsFrom = 0;
    std::vector<int> m_outline; // the levels as written of the headings enclosing this point
    int m_headingLevel = 1;
    bool m_tightList = false;
    std::vector<bool> m_tightStack;
    std::vector<bool> m_linkStack;
    int m_imageDepth = 0;
    bool m_imageSafe = false;
    bool m_afterNullChar = false; // the last text was MD_TEXT_NULLCHAR
    QByteArray m_imageTitle;
};

} // namespace

bool isSafeUrl(const QByteArray &url)
{
    // Browsers ignore control characters and spaces inside a scheme
    // ("java\tscript:"), so they are ignored here too before looking.
    QByteArray compact;
    for (const char c : url) {
        if (uchar(c) > 0x20 && c != 0x7f)
            compact.append(c);
    }
    const QByteArray lower = compact.toLower();
    qsizetype colon = -1;
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const char c = lower[i];
        if (c == ':') {
            colon = i;
            break;
        }
        if (c == '/' || c == '?' || c == '#')
            break; // a relative URL: no scheme
    }
    if (colon < 0)
        return true;
    const QByteArray scheme = lower.left(colon);
    return scheme == "http" || scheme == "https" || scheme == "mailto";
}

QByteArray toHtml(const QByteArray &markdownUtf8)
{
    return toHtml(markdownUtf8, 0);
}

QByteArray toHtml(const QByteArray &markdownUtf8, int headingsFrom)
{
    Renderer r(headingsFrom);
    r.out.reserve(markdownUtf8.size() + markdownUtf8.size() / 4 + 64);
    MD_PARSER parser {};
    parser.abi_version = 0;
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    parser.enter_block = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->enterBlock(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->leaveBlock(t, d); };
    parser.enter_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->enterSpan(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->leaveSpan(t, d); };
    parser.text
        = [](MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u) { return static_cast<Renderer *>(u)->text(t, s, n); };
    if (md_parse(markdownUtf8.constData(), MD_SIZE(markdownUtf8.size()), &parser, &r) != 0)
        return {};
    return r.out;
}

QString toPlainText(const QString &markdown)
{
    const QByteArray utf8 = markdown.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    MD_PARSER parser {};
    parser.abi_version = 0;
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    parser.enter_block = [](MD_BLOCKTYPE, void *, void *) { return 0; };
    // Every block ends a line: a heading's last word never runs into the
    // paragraph under it, nor one table cell into the next.
    parser.leave_block = [](MD_BLOCKTYPE type, void *, void *u) {
        QByteArray &text = *static_cast<QByteArray *>(u);
        if (type != MD_BLOCK_DOC && !text.endsWith('\n') && !text.isEmpty())
            text.append(type == MD_BLOCK_TD || type == MD_BLOCK_TH ? ' ' : '\n');
        return 0;
    };
    parser.enter_span = [](MD_SPANTYPE, void *, void *) { return 0; };
    parser.leave_span = [](MD_SPANTYPE, void *, void *) { return 0; };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *u) {
        QByteArray &text = *static_cast<QByteArray *>(u);
        switch (type) {
        case MD_TEXT_NULLCHAR:
            text.append("\xef\xbf\xbd");
            break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            text.append(' ');
            break;
        case MD_TEXT_ENTITY:
            text.append(decodeEntity(QByteArray(s, qsizetype(n))).value_or(QByteArray(s, qsizetype(n))));
            break;
        default:
            text.append(s, qsizetype(n));
        }
        return 0;
    };
    if (md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &out) != 0)
        return {};
    return QString::fromUtf8(out).trimmed();
}

QString toHtml(const QString &markdown)
{
    return QString::fromUtf8(toHtml(markdown.toUtf8()));
}

} // namespace quire::shared::MarkdownRenderer
