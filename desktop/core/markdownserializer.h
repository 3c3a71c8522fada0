// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/markdownblocktree.h"
#include "desktop/core/markdowninlinewriter.h"

#include <QString>
#include <QStringList>

#include <vector>

class QTextDocument;
class QTextTable;
class QTextTableCell;

namespace quire::desktop {

class MarkdownInlineCache;

// Writes a document in the house style.
//
// First a tree of Markdown blocks (quotes, lists, items, leaves) from the
// blocks' formats and containers' paths (MarkdownBlockTree), then each
// top-level block's text.
class MarkdownSerializer
{
public:
    // One top-level block in house style.
    struct HouseBlock
    {
        QString text;
        int sourceBlock = -1; // which top-level block of the loaded source it came from
    };

    // With a cache, blocks whose text and formats were written before are
    // not written again.
    explicit MarkdownSerializer(const QTextDocument *document, MarkdownInlineCache *cache = nullptr);

    std::vector<HouseBlock> blocks();

    // A table's columns' alignments as its delimiter row writes them, one
    // of "-lcr" each: the cells' alignment, told apart from the default by
    // what the loaded source said (TableAlignmentProperty).
    static QString columnAlignments(const QTextTable *table);

private:
    using Node = MarkdownBlockTree::Node;

    static void decideMarker(const Node *prev, Node *n);
    static bool needsBlank(const Node *prev, const Node *next);
    static bool isLoose(const Node *list);
    static void prefix(QStringList &lines, const QString &first, const QString &rest, const QString &blank);
    QStringList writeChildren(const Node *container, bool tight);
    QStringList write(const Node *n, bool tight);
    static QStringList writeCode(const Node *n);
    static QChar alignmentOf(const QTextTable *table, const QTextTableCell &cell);
    QStringList writeTable(const QTextTable *table);
    QString writeInline(const QTextBlock &block, MarkdownInlineWriter::Context context);

    MarkdownBlockTree m_tree;
    MarkdownInlineCache *m_cache;
};

} // namespace quire::desktop
