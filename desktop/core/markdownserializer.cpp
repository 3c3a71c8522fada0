// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdownserializer.h"

#include "desktop/core/markdownformat.h"
#include "desktop/core/markdowninlinecache.h"

#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <algorithm>
#include <utility>

namespace quire::desktop {

MarkdownSerializer::MarkdownSerializer(const QTextDocument *document, MarkdownInlineCache *cache)
    : m_tree(document)
    , m_cache(cache)
{ }

QString MarkdownSerializer::writeInline(const QTextBlock &block, MarkdownInlineWriter::Context context)
{
    return m_cache ? m_cache->write(block, context) : MarkdownInlineWriter::write(block, context);
}

std::vector<MarkdownSerializer::HouseBlock> MarkdownSerializer::blocks()
{
    std::vector<HouseBlock> out;
    const Node *root = m_tree.root();
    const Node *prev = nullptr;
    for (Node *child : root->children) {
        decideMarker(prev, child);
        const QStringList lines = write(child, false);
        out.push_back({ lines.join(QLatin1Char('\n')), child->sourceBlock });
        prev = child;
    }
    return out;
}

// Two lists in a row need different markers, or Markdown makes them one.
void MarkdownSerializer::decideMarker(const Node *prev, Node *n)
{
    if (n->kind == Node::List)
        n->alternate = prev && prev->kind == Node::List && prev->ordered == n->ordered && !prev->alternate;
}

// Whether Markdown needs a blank line between two blocks of one container
// to keep them apart (a tight list item has none otherwise).
bool MarkdownSerializer::needsBlank(const Node *prev, const Node *next)
{
    if (prev->kind == Node::Table)
        return true;
    if (next->kind == Node::Paragraph)
        return prev->kind == Node::Paragraph || prev->kind == Node::Quote || prev->kind == Node::List;
    if (prev->kind != Node::Paragraph)
        return false;
    return next->kind == Node::Table || (next->kind == Node::List && next->ordered && next->start != 1);
}

bool MarkdownSerializer::isLoose(const Node *list)
{
    if (list->loose)
        return true;
    for (const Node *item : list->children) {
        for (size_t i = 1; i < item->children.size(); ++i) {
            if (needsBlank(item->children[i - 1], item->children[i]))
                return true;
        }
    }
    return false;
}

void MarkdownSerializer::prefix(QStringList &lines, const QString &first, const QString &rest, const QString &blank)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            lines[i] = i == 0 ? first.trimmed() : blank;
        else
            lines[i].prepend(i == 0 ? first : rest);
    }
}

QStringList MarkdownSerializer::writeChildren(const Node *container, bool tight)
{
    QStringList lines;
    const Node *prev = nullptr;
    for (Node *child : container->children) {
        decideMarker(prev, child);
        if (prev && (!tight || needsBlank(prev, child)))
            lines << QString();
        if (child->kind == Node::Rule && !prev && container->kind == Node::Item)
            lines << QStringLiteral("___"); // `- ---` and `* ***` are rules, not items
        else if (child->kind == Node::Rule && prev && prev->kind == Node::Paragraph && tight
                 && !needsBlank(prev, child))
            lines << QStringLiteral("***"); // `---` under a paragraph would make it a heading
        else
            lines += write(child, tight);
        prev = child;
    }
    return lines;
}

QStringList MarkdownSerializer::write(const Node *n, bool tight)
{
    switch (n->kind) {
    case Node::Root:
        return writeChildren(n, false);
    case Node::Quote: {
        QStringList lines = writeChildren(n, false);
        if (lines.isEmpty())
            lines << QString();
        prefix(lines, QStringLiteral("> "), QStringLiteral("> "), QStringLiteral(">"));
        return lines;
    }
    case Node::List: {
        const bool loose = isLoose(n);
        QStringList lines;
        int number = n->start;
        bool first = true;
        for (const Node *item : n->children) {
            if (!first && loose)
                lines << QString();
            first = false;
            QString marker = n->ordered
                ? QString::number(number++) + (n->alternate ? QLatin1Char(')') : QLatin1Char('.'))
                : QString(n->alternate ? QLatin1Char('*') : QLatin1Char('-'));
            QStringList itemLines = writeChildren(item, !loose);
            const QString indent(marker.size() + 1, QLatin1Char(' '));
            if (item->marker == QTextBlockFormat::MarkerType::Checked)
                marker += QStringLiteral(" [x]");
            else if (item->marker == QTextBlockFormat::MarkerType::Unchecked)
                marker += QStringLiteral(" [ ]");
            if (itemLines.isEmpty())
                itemLines << QString();
            prefix(itemLines, marker + QLatin1Char(' '), indent, QString());
            lines += itemLines;
        }
        Q_UNUSED(tight);
        return lines;
    }
    case Node::Item:
        return writeChildren(n, tight);
    case Node::Paragraph:
        return writeInline(n->block, MarkdownInlineWriter::Context::Paragraph).split(QLatin1Char('\n'));
    case Node::Heading: {
        if (n->level <= 2 && n->block.text().contains(QChar::LineSeparator)) {
            // Only an underlined heading can hold a line break.
            QStringList lines
                = writeInline(n->block, MarkdownInlineWriter::Context::SetextHeading).split(QLatin1Char('\n'));
            if (lines.size() > 1 || !lines.front().isEmpty()) {
                lines << QString(3, n->level == 1 ? QLatin1Char('=') : QLatin1Char('-'));
                return lines;
            }
        }
        const QString text = writeInline(n->block, MarkdownInlineWriter::Context::Heading);
        return { QString(n->level, QLatin1Char('#')) + (text.isEmpty() ? QString() : QLatin1Char(' ') + text) };
    }
    case Node::Rule:
        return { QStringLiteral("---") };
    case Node::Code:
        return writeCode(n);
    case Node::Table:
        return writeTable(n->table);
    }
    return {};
}

QStringList MarkdownSerializer::writeCode(const Node *n)
{
    QStringList body = n->lines;
    if (body.size() == 1 && body.front().isEmpty() && !n->blankLine)
        body.clear();
    const QChar fenceChar = n->info.contains(QLatin1Char('`')) ? QLatin1Char('~') : QLatin1Char('`');
    qsizetype longest = 0;
    for (const QString &line : std::as_const(body)) {
        qsizetype i = 0;
        while (i < line.size() && i < 3 && line[i] == QLatin1Char(' '))
            ++i;
        qsizetype j = i;
        while (j < line.size() && line[j] == fenceChar)
            ++j;
        longest = std::max(longest, j - i);
    }
    const QString fence(std::max<qsizetype>(3, longest + 1), fenceChar);
    QStringList lines { fence + n->info };
    lines += body;
    lines << fence;
    return lines;
}

QChar MarkdownSerializer::alignmentOf(const QTextTable *table, const QTextTableCell &cell)
{
    // The block, not a cursor there: a cursor lays the document out up to
    // the cell, which made writing a document with tables as slow as
    // showing it.
    const QTextBlockFormat f = table->document()->findBlock(cell.firstPosition()).blockFormat();
    if (!f.hasProperty(QTextFormat::BlockAlignment))
        return QLatin1Char('-');
    const Qt::Alignment a = f.alignment();
    if (a & Qt::AlignHCenter)
        return QLatin1Char('c');
    if (a & Qt::AlignRight)
        return QLatin1Char('r');
    if (a & Qt::AlignLeft)
        return QLatin1Char('l');
    return QLatin1Char('-');
}

QString MarkdownSerializer::columnAlignments(const QTextTable *table)
{
    const int columns = table->columns();
    const QString stored = table->format().stringProperty(MarkdownFormat::TableAlignmentProperty);
    QString alignments;
    for (int c = 0; c < columns; ++c) {
        QChar a = alignmentOf(table, table->cellAt(0, c));
        if (stored.size() == columns) {
            const QChar s = stored[c];
            const bool leftish = a == QLatin1Char('-') || a == QLatin1Char('l');
            if (s == a || (leftish && (s == QLatin1Char('-') || s == QLatin1Char('l'))))
                a = s;
        }
        alignments += a;
    }
    return alignments;
}

QStringList MarkdownSerializer::writeTable(const QTextTable *table)
{
    const int rows = table->rows();
    const int columns = table->columns();
    const QString alignments = columnAlignments(table);
    QStringList lines;
    for (int r = 0; r < rows; ++r) {
        QStringList cells;
        for (int c = 0; c < columns; ++c) {
            const QTextTableCell cell = table->cellAt(r, c);
            QStringList parts;
            if (cell.row() == r && cell.column() == c) {
                for (QTextFrame::iterator it = cell.begin(); !it.atEnd(); ++it) {
                    const QTextBlock b = it.currentBlock();
                    if (!b.isValid())
                        continue;
                    const QString part = writeInline(
                        b, r == 0 ? MarkdownInlineWriter::Context::HeaderCell : MarkdownInlineWriter::Context::Cell);
                    if (!part.isEmpty())
                        parts << part;
                }
            }
            cells << parts.join(QLatin1Char(' '));
        }
        lines << QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |");
        if (r == 0) {
            QStringList rule;
            for (int c = 0; c < columns; ++c) {
                const QChar a = alignments[c];
                rule << (a == QLatin1Char('l')       ? QStringLiteral(":---")
                             : a == QLatin1Char('c') ? QStringLiteral(":---:")
                             : a == QLatin1Char('r') ? QStringLiteral("---:")
                                                     : QStringLiteral("---"));
            }
            lines << QStringLiteral("| ") + rule.join(QStringLiteral(" | ")) + QStringLiteral(" |");
        }
    }
    return lines;
}

} // namespace quire::desktop
