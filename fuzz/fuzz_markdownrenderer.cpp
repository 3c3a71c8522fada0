// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the Markdown renderer of the readers' pages and the desktop
// preview: any bytes render without a crash or undefined behaviour, and the
// safety promises hold (no raw HTML, no script URL reaches an attribute).
#include "shared/markdownrenderer.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

void require(bool condition, const char *what, const QByteArray &html)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_markdownrenderer: %s\n--- html ---\n%s\n", what, html.constData());
    std::abort();
}

// Whatever the source says, the renderer writes only its own tags (raw
// HTML is escaped text) and only safe link and image targets.
void checkSafe(const QByteArray &html)
{
    static const QByteArrayList allowed { "a",     "blockquote", "br", "code",  "del", "em",     "h1",
                                          "h2",    "h3",         "h4", "h5",    "h6",  "hr",     "img",
                                          "input", "li",         "ol", "p",     "pre", "strong", "table",
                                          "tbody", "td",         "th", "thead", "tr",  "u",      "ul" };
    for (qsizetype lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
        qsizetype end = lt + 1;
        if (end < html.size() && html[end] == '/')
            ++end;
        const qsizetype nameStart = end;
        while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end])))
            ++end;
        require(allowed.contains(html.mid(nameStart, end - nameStart)), "a tag the renderer does not write", html);
    }
    require(!html.contains('\0'), "a NUL byte reached the page", html);
    const QByteArray lower = html.toLower();
    for (const char *attribute : { "href=\"", "src=\"" }) {
        for (qsizetype at = lower.indexOf(attribute); at >= 0; at = lower.indexOf(attribute, at + 1)) {
            const qsizetype start = at + qsizetype(std::strlen(attribute));
            const QByteArray url = lower.mid(start, lower.indexOf('"', start) - start);
            require(!url.startsWith("javascript:") && !url.startsWith("data:") && !url.startsWith("vbscript:"),
                    "an unsafe URL reached an attribute", html);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray source(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray html = quire::shared::MarkdownRenderer::toHtml(source);
    checkSafe(html);
    // Nested under a page's own heading, as the article pages do; the level
    // comes from the input so every depth is tried.
    const int headingsFrom = size > 0 ? data[0] % 8 : 0;
    checkSafe(quire::shared::MarkdownRenderer::toHtml(source, headingsFrom));
    // The QString entry point the desktop uses: the same page for valid UTF-8.
    const QString text = QString::fromUtf8(source);
    if (text.toUtf8() == source)
        require(quire::shared::MarkdownRenderer::toHtml(text).toUtf8() == html,
                "the QString and QByteArray renderings differ", html);
    quire::shared::MarkdownRenderer::isSafeUrl(source);
    return 0;
}
