// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace quire::shared {

// Markdown (CommonMark with GFM tables, strikethrough, task lists and
// autolinks) to HTML, the one renderer the readers' site and the desktop's
// preview share, so the preview is the page. Safe by construction: raw HTML
// in the source is shown as text, every text and attribute is escaped, and
// links and images keep only http(s), mailto and relative URLs; others
// (javascript:, data:, vbscript:, file: …) are dropped and their text kept.
// Built on md4c's parser with our own output, so nothing of md4c-html's
// pass-through reaches a page.
namespace MarkdownRenderer {

QByteArray toHtml(const QByteArray &markdownUtf8);
QString toHtml(const QString &markdown);
// The same, with the headings as an outline under a page's own: the first
// becomes h`headingsFrom`, each one nested deeper one level more, so none
// is above `headingsFrom` and none skips a level (h6 at most). 0 keeps the
// levels as written.
QByteArray toHtml(const QByteArray &markdownUtf8, int headingsFrom);

// The text a reader sees, without Markdown syntax: each block on a line of
// its own, entities decoded, images by their description, raw HTML as the
// page shows it (as text). For snippets and summaries, never for a page.
QString toPlainText(const QString &markdown);

// Whether `url` (entities already decoded) may be a link or image target.
bool isSafeUrl(const QByteArray &url);

} // namespace MarkdownRenderer
} // namespace quire::shared
