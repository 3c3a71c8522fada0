// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdownblocktree.h"

#include "desktop/core/markdownformat.h"

#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

#include <algorithm>

namespace quire::desktop {

MarkdownBlockTree::MarkdownBlockTree(const QTextDocument *document)
{
    m_nodes.push_back({});
    m_nodes.back().kind = Node::Root;
    m_open = { &m_nodes.back() };
    addFrame(document->rootFrame());
}

MarkdownBlockTree::Node *MarkdownBlockTree::newNode(Node::Kind kind, Node *parent, int sourceBlock)
{
    m_nodes.push_back({});
    Node *n = &m_nodes.back();
    n->kind = kind;
    n->sourceBlock = sourceBlock;
    parent->children.push_back(n);
    return n;
}

int MarkdownBlockTree::sourceBlockOf(const QTextFormat &f)
{
    return f.hasProperty(MarkdownFormat::SourceBlockProperty) ? f.intProperty(MarkdownFormat::SourceBlockProperty) : -1;
}

std::vector<MarkdownBlockTree::PathEntry> MarkdownBlockTree::parsePath(const QTextFormat &f, int *quotes, int *items)
{
    std::vector<PathEntry> path;
    *quotes = 0;
    *items = 0;
    const QString s = f.stringProperty(MarkdownFormat::ContainersProperty);
    if (s.isEmpty())
        return path;
    for (const QStringView part : QStringView(s).split(QLatin1Char('/'))) {
        if (part.size() < 2 || (part[0] != QLatin1Char('q') && part[0] != QLatin1Char('i')))
            return {};
        bool ok = false;
        const int id = part.mid(1).toInt(&ok);
        if (!ok || id <= 0)
            return {};
        const bool item = part[0] == QLatin1Char('i');
        path.push_back({ item, id });
        (item ? *items : *quotes) += 1;
    }
    return path;
}

// The containers a block sits in: the path it was loaded with, as long as
// it still agrees with what the editor shows (quote level, list level,
// indent); otherwise what the editor shows.
std::vector<MarkdownBlockTree::PathEntry> MarkdownBlockTree::pathOf(const QTextBlock &block)
{
    const QTextBlockFormat f = block.blockFormat();
    const int quoteLevel = std::max(0, f.intProperty(QTextFormat::BlockQuoteLevel));
    const QTextList *list = block.textList();
    const int depth = list ? std::max(1, list->format().indent()) : std::max(0, f.indent());
    int quotes = 0;
    int items = 0;
    std::vector<PathEntry> path = parsePath(f, &quotes, &items);
    if (quotes == quoteLevel && items == depth)
        return path;
    path.clear();
    path.insert(path.end(), size_t(quoteLevel), PathEntry { false, 0 });
    path.insert(path.end(), size_t(depth), PathEntry { true, 0 });
    return path;
}

// Quotes are told apart by their ids (`> a` and `> b` with a blank line
// between are two quotes); a paragraph continues whichever item is open
// at its depth, as the editor shows it.
bool MarkdownBlockTree::matches(const PathEntry &e, const Node *open)
{
    if (open->kind != (e.item ? Node::Item : Node::Quote))
        return false;
    return e.item || e.id == 0 || open->id == 0 || open->id == e.id;
}

// Finds or opens the containers for a block and returns the innermost.
// A block in a list starts a new item there.
MarkdownBlockTree::Node *MarkdownBlockTree::place(const std::vector<PathEntry> &path, const QTextBlock *member,
                                                  int sourceBlock)
{
    qsizetype itemAt = -1;
    if (member) {
        for (qsizetype k = qsizetype(path.size()) - 1; k >= 0; --k) {
            if (path[size_t(k)].item) {
                itemAt = k;
                break;
            }
        }
    }
    size_t matched = 0;
    while (matched < path.size() && qsizetype(matched) != itemAt && matched + 1 < m_open.size()
           && matches(path[matched], m_open[matched + 1]))
        ++matched;
    m_open.resize(matched + 1);
    for (size_t k = matched; k < path.size(); ++k) {
        const PathEntry &e = path[k];
        Node *parent = m_open.back();
        if (!e.item) {
            Node *q = newNode(Node::Quote, parent, sourceBlock);
            q->id = e.id;
            m_open.push_back(q);
            continue;
        }
        if (!member || qsizetype(k) > itemAt)
            break; // an item is only ever started by its first block
        const QTextList *list = qsizetype(k) == itemAt ? member->textList() : nullptr;
        Node *listNode = parent->children.empty() ? nullptr : parent->children.back();
        if (!listNode || listNode->kind != Node::List || listNode->list != list || !list) {
            listNode = newNode(Node::List, parent, sourceBlock);
            listNode->list = list;
            if (list) {
                const QTextListFormat lf = list->format();
                const QTextListFormat::Style style = lf.style();
                listNode->ordered = style == QTextListFormat::ListDecimal || style == QTextListFormat::ListLowerAlpha
                    || style == QTextListFormat::ListUpperAlpha || style == QTextListFormat::ListLowerRoman
                    || style == QTextListFormat::ListUpperRoman;
                listNode->start = lf.hasProperty(MarkdownFormat::ListStartProperty)
                    ? lf.intProperty(MarkdownFormat::ListStartProperty)
                    : 1;
                listNode->start = std::clamp(listNode->start, 0, 999'999'999);
                listNode->loose = lf.boolProperty(MarkdownFormat::ListLooseProperty);
            }
        }
        Node *item = newNode(Node::Item, listNode, sourceBlock);
        item->id = e.id;
        if (qsizetype(k) == itemAt)
            item->marker = member->blockFormat().marker();
        m_open.push_back(item);
    }
    return m_open.back();
}

void MarkdownBlockTree::addFrame(const QTextFrame *frame)
{
    for (QTextFrame::iterator it = frame->begin(); !it.atEnd(); ++it) {
        if (const QTextFrame *child = it.currentFrame()) {
            if (const auto *table = qobject_cast<const QTextTable *>(child))
                addTable(table);
            else
                addFrame(child);
        } else {
            addBlock(it.currentBlock());
        }
    }
}

void MarkdownBlockTree::addTable(const QTextTable *table)
{
    m_lastCode = nullptr;
    if (table->rows() == 0 || table->columns() == 0)
        return;
    const QTextTableFormat f = table->format();
    int quotes = 0;
    int items = 0;
    const std::vector<PathEntry> path = parsePath(f, &quotes, &items);
    Node *parent = place(path, nullptr, sourceBlockOf(f));
    Node *n = newNode(Node::Table, parent, sourceBlockOf(f));
    n->table = table;
}

void MarkdownBlockTree::addBlock(const QTextBlock &block)
{
    const QTextBlockFormat f = block.blockFormat();
    const bool rule = f.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth);
    const bool code = !rule && MarkdownFormat::isCodeBlock(block);
    const QTextList *list = block.textList();
    const int source = sourceBlockOf(f);
    bool empty = !code;
    // Read in place, not through a copy of the text: this runs for every
    // block on every save, and the first character usually decides.
    const QTextDocument *document = block.document();
    for (int i = block.position(), end = block.position() + block.length() - 1; empty && i < end; ++i) {
        const QChar c = document->characterAt(i);
        empty = c.isSpace() || c == QChar::LineSeparator;
    }
    const int level = code || rule ? 0 : headingLevelOf(block);
    if (empty && !rule && !list && level == 0) {
        // An empty line: nothing in Markdown, but it ends a code block;
        // and in a quote of its own it is an empty quote.
        m_lastCode = nullptr;
        const std::vector<PathEntry> path = pathOf(block);
        if (std::any_of(path.begin(), path.end(), [](const PathEntry &e) { return !e.item; }))
            place(path, nullptr, source);
        return;
    }
    Node *parent = place(pathOf(block), list ? &block : nullptr, source);
    if (code) {
        const int group
            = f.hasProperty(MarkdownFormat::CodeGroupProperty) ? f.intProperty(MarkdownFormat::CodeGroupProperty) : 0;
        QString info = f.stringProperty(QTextFormat::BlockCodeLanguage);
        const QString full = f.stringProperty(MarkdownFormat::CodeInfoProperty);
        if (!full.isEmpty() && (info.isEmpty() || full.section(QLatin1Char(' '), 0, 0) == info))
            info = full;
        Node *n = m_lastCode;
        if (!n || parent->children.empty() || parent->children.back() != n || n->group != group || n->info != info) {
            n = newNode(Node::Code, parent, source);
            n->group = group;
            n->info = info;
            n->blankLine = f.boolProperty(MarkdownFormat::CodeBlankLineProperty);
        }
        n->lines += block.text().split(QChar::LineSeparator);
        m_lastCode = n;
        return;
    }
    m_lastCode = nullptr;
    if (!empty || level > 0) {
        Node *n = newNode(level > 0 ? Node::Heading : Node::Paragraph, parent, source);
        n->block = block;
        n->level = level;
    }
    if (rule)
        newNode(Node::Rule, parent, source);
}

// A heading's level; a block pasted from HTML into an existing line
// keeps that line's format and with it no level, only the heading's
// bigger, bold text: that, too, is a heading.
int MarkdownBlockTree::headingLevelOf(const QTextBlock &block)
{
    const int level = block.blockFormat().headingLevel();
    if (level > 0)
        return std::min(level, 6);
    int adjustment = 0;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextCharFormat f = it.fragment().charFormat();
        const int a = f.intProperty(QTextFormat::FontSizeAdjustment);
        if (a < 1 || (adjustment != 0 && a != adjustment) || f.fontWeight() < QFont::DemiBold)
            return 0;
        adjustment = a;
    }
    return adjustment > 0 ? std::clamp(4 - adjustment, 1, 3) : 0;
}

} // namespace quire::desktop
