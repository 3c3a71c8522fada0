// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTextBlock>
#include <QTextFormat>

#include <deque>
#include <vector>

class QTextDocument;
class QTextFrame;
class QTextList;
class QTextTable;

namespace quire::desktop {

// The document as a tree of Markdown blocks, for MarkdownSerializer to write.
//
// Quotes, lists, items and leaves, from the blocks' formats and containers'
// paths.
class MarkdownBlockTree
{
public:
    // A Markdown block: a container or a leaf.
    struct Node
    {
        enum Kind { Root, Quote, List, Item, Paragraph, Heading, Code, Rule, Table } kind = Root;
        std::vector<Node *> children;
        int id = 0;
        int sourceBlock = -1;
        // List
        const QTextList *list = nullptr;
        bool ordered = false;
        bool loose = false;
        bool alternate = false; // `*` or `)`: set apart from a list just before it
        int start = 1;
        // Item
        QTextBlockFormat::MarkerType marker = QTextBlockFormat::MarkerType::NoMarker;
        // Paragraph, Heading
        QTextBlock block;
        int level = 0;
        // Code
        QStringList lines;
        QString info;
        int group = 0;
        bool blankLine = false; // one blank line, not empty code
        // Table
        const QTextTable *table = nullptr;
    };

    explicit MarkdownBlockTree(const QTextDocument *document);
    // The nodes point at each other.
    MarkdownBlockTree(const MarkdownBlockTree &) = delete;
    MarkdownBlockTree &operator=(const MarkdownBlockTree &) = delete;

    // The document's top-level blocks are its children.
    const Node *root() const { return &m_nodes.front(); }

private:
    // One step of a block's containers' path: a quote or a list item.
    struct PathEntry
    {
        bool item = false;
        int id = 0; // 0: whichever is open
    };

    Node *newNode(Node::Kind kind, Node *parent, int sourceBlock);
    static int sourceBlockOf(const QTextFormat &f);
    static std::vector<PathEntry> parsePath(const QTextFormat &f, int *quotes, int *items);
    static std::vector<PathEntry> pathOf(const QTextBlock &block);
    static bool matches(const PathEntry &e, const Node *open);
    Node *place(const std::vector<PathEntry> &path, const QTextBlock *member, int sourceBlock);
    void addFrame(const QTextFrame *frame);
    void addTable(const QTextTable *table);
    void addBlock(const QTextBlock &block);
    static int headingLevelOf(const QTextBlock &block);

    std::deque<Node> m_nodes;
    std::vector<Node *> m_open;
    Node *m_lastCode = nullptr;
};

} // namespace quire::desktop
