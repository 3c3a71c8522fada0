// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextDocument;

namespace quire::desktop {

// Carries an article body between its Markdown text (what is stored and
// synced) and the QTextDocument the WYSIWYG editor edits. What the user
// wrote survives: blocks that were not changed in the editor come back
// byte for byte as they were loaded; changed or new blocks are written in
// the house style (ATX headings, `-` bullets, `1.` numbers, `**`, `*`,
// `~~`, backticks, fenced code, pipe tables with spaces).
class MarkdownDocument
{
public:
    explicit MarkdownDocument(QTextDocument *document);

    // Replaces the document's content with `markdown` and remembers the
    // source, so that unchanged blocks round-trip exactly.
    void setMarkdown(const QString &markdown);
    // The document as Markdown.
    QString markdown() const;

    QTextDocument *document() const { return m_document; }

private:
    QTextDocument *m_document;
    QString m_source;
};

} // namespace quire::desktop
