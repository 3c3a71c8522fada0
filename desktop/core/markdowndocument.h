// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/documentpatcher.h"
#include "desktop/core/markdowninlinecache.h"

#include <QMetaObject>
#include <QString>

#include <memory>

class QTextDocument;

namespace quire::desktop {

// Carries an article body between its Markdown text (what is stored and
// synced) and the QTextDocument the WYSIWYG editor edits. What the user
// wrote survives: blocks that were not changed in the editor come back
// byte for byte as they were loaded; changed or new blocks are written in
// the house style (ATX headings, `-` bullets, `1.` numbers, `**`, `*`,
// `~~`, backticks, fenced code, pipe tables with spaces, `\` line breaks).
//
// Loading reads the Markdown with md4c (the parser of the readers' pages,
// GitHub dialect, raw HTML as text) into blocks, lists, tables and
// character formats; what Markdown needs and Qt has no format for (which
// quote or list item a block belongs to, a list's first number, tight or
// loose lists, a table's column alignment) rides along as user properties
// of the formats, and gives way to what the editor shows when an edit
// contradicts it. Text typed in the editor is escaped, so that
// `# not a heading` stays text.
//
// Saving writes the document in the house style, then puts back the
// source's bytes for every top-level block whose house text is still what
// it was when loaded (a longest common subsequence, so moves and repeated
// blocks work), with the blank lines the source had around them. The
// result is read back with md4c and must mean block for block what the
// document holds; where kept bytes would read differently next to new ones
// (two lists becoming one), the blocks there are written in house style.
// A document that never changed is its source, byte for byte. A changed
// one keeps the source's line endings (CRLF too), and its ending while its
// last block is kept; otherwise it ends with exactly one line ending.
class MarkdownDocument
{
public:
    explicit MarkdownDocument(QTextDocument *document);
    ~MarkdownDocument();
    MarkdownDocument(const MarkdownDocument &) = delete;
    MarkdownDocument &operator=(const MarkdownDocument &) = delete;

    // Replaces the document's content with `markdown` and remembers the
    // source, so that unchanged blocks round-trip exactly.
    void setMarkdown(const QString &markdown);
    // The document as Markdown. Blocks written before (at load or an
    // earlier call) are not written again, and the result is read back
    // with md4c only around what changed, so a call after a small edit of
    // a long document is cheap.
    QString markdown() const;
    // What markdown() gives, worked out from scratch: every block written,
    // the whole result read back. For tests that the shortcuts change
    // nothing.
    QString markdownFromScratch() const;
    // How many blocks the last markdown() wrote rather than found written.
    int blocksWritten() const { return m_inlineCache.written(); }
    // Like setMarkdown(), but replaces only the top-level blocks that
    // differ, as one undoable edit (DocumentPatcher), so the cursors and
    // the undo history survive. False, with the document unchanged, where
    // that cannot be done exactly.
    // `change` says which characters were replaced.
    bool mergeMarkdown(const QString &markdown, DocumentPatcher::Change *change = nullptr);

    QTextDocument *document() const { return m_document; }

    // The document in the house style alone, without the source's bytes:
    // what markdown() writes for blocks the user changed.
    QString houseMarkdown() const;

private:
    struct Source;

    QString write(bool shortcuts) const;

    QTextDocument *m_document;
    QString m_source;
    // Whether the document changed since setMarkdown(); until it does,
    // markdown() is the source itself.
    bool m_changed = true;
    // The document in house style as loaded: while it is the same, the
    // document is unchanged, whatever edits came and went.
    QString m_loadedHouse;
    QMetaObject::Connection m_changeConnection;
    // What setMarkdown() learnt about the source, to put its bytes back.
    std::unique_ptr<Source> m_loaded;
    // The blocks' house text as last written.
    mutable MarkdownInlineCache m_inlineCache;
};

} // namespace quire::desktop
