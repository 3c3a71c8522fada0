// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowndocument.h"

#include <QTextDocument>

namespace quire::desktop {

// Placeholder on Qt's own Markdown reader and writer; replaced by the
// block-preserving implementation.
MarkdownDocument::MarkdownDocument(QTextDocument *document)
    : m_document(document)
{ }

void MarkdownDocument::setMarkdown(const QString &markdown)
{
    m_source = markdown;
    m_document->setMarkdown(markdown);
}

QString MarkdownDocument::markdown() const
{
    return m_document->toMarkdown();
}

} // namespace quire::desktop
