// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowndocumentbuilder.h"

#include "desktop/core/blockspacing.h"
#include "desktop/core/markdownformat.h"
#include "desktop/core/markdowninlinesyntax.h"
#include "desktop/core/markdownlinkreference.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QPalette>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

#include <algorithm>

namespace quire::desktop {

namespace {

constexpr int kHeadingSizeAdjustment[] = { 0, 3, 2, 1, 0, -1, -2 };

} // namespace

MarkdownDocumentBuilder::MarkdownDocumentBuilder(QTextDocument *document)
    : m_cursor(document)
{
    m_codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont).families();
    if (qGuiApp)
        m_linkBrush = QGuiApplication::palette().link();
}

// The number of top-level blocks read, or -1 when md4c gave up.
int MarkdownDocumentBuilder::build(const QString &markdown)
{
    m_cursor.beginEditBlock();
    m_utf8 = markdown.toUtf8();
    const bool ok = MarkdownFormat::parse(m_utf8, *this);
    m_cursor.endEditBlock();
    return ok ? m_topBlocks : -1;
}

int MarkdownDocumentBuilder::enterBlock(MD_BLOCKTYPE type, void *detail)
{
    endImplicitParagraph();
    if (m_depth == 1)
        ++m_topBlocks;
    ++m_depth;
    switch (type) {
    case MD_BLOCK_QUOTE: {
        Container quote { Container::Quote, ++m_lastId };
        quote.blocksBefore = m_blocks;
        m_containers.push_back(quote);
        break;
    }
    case MD_BLOCK_UL:
    case MD_BLOCK_OL: {
        Container list { Container::List, 0 };
        list.ordered = type == MD_BLOCK_OL;
        if (list.ordered) {
            const auto *d = static_cast<MD_BLOCK_OL_DETAIL *>(detail);
            list.start = int(d->start);
            list.loose = !d->is_tight;
        } else {
            list.loose = !static_cast<MD_BLOCK_UL_DETAIL *>(detail)->is_tight;
        }
        m_containers.push_back(list);
        break;
    }
    case MD_BLOCK_LI: {
        const auto *d = static_cast<MD_BLOCK_LI_DETAIL *>(detail);
        Container item { Container::Item, ++m_lastId };
        if (d->is_task)
            item.marker
                = d->task_mark == ' ' ? QTextBlockFormat::MarkerType::Unchecked : QTextBlockFormat::MarkerType::Checked;
        m_containers.push_back(item);
        break;
    }
    case MD_BLOCK_HR:
        startLeaf(blockFormat(Leaf::Rule), QTextCharFormat());
        break;
    case MD_BLOCK_H: {
        m_leaf = Leaf::Heading;
        m_level = int(std::clamp(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level, 1u, 6u));
        QTextCharFormat f;
        f.setFontWeight(QFont::Bold);
        f.setProperty(MarkdownFormat::StyleWeightProperty, true);
        f.setProperty(QTextFormat::FontSizeAdjustment, kHeadingSizeAdjustment[m_level]);
        m_formats = { f };
        m_runs.clear();
        break;
    }
    case MD_BLOCK_P:
        m_leaf = Leaf::Paragraph;
        m_formats = { QTextCharFormat() };
        m_runs.clear();
        break;
    case MD_BLOCK_CODE: {
        const auto *d = static_cast<MD_BLOCK_CODE_DETAIL *>(detail);
        m_leaf = Leaf::Code;
        m_code.clear();
        m_codeInfo = MarkdownFormat::decodeAttribute(d->info);
        m_codeLanguage = MarkdownFormat::decodeAttribute(d->lang);
        m_codeFence = d->fence_char == '~' ? QLatin1Char('~') : QLatin1Char('`');
        break;
    }
    case MD_BLOCK_TABLE:
        m_table = Table();
        m_table.columns = int(static_cast<MD_BLOCK_TABLE_DETAIL *>(detail)->col_count);
        break;
    case MD_BLOCK_TR:
        m_table.rows.emplace_back();
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: {
        m_leaf = Leaf::Cell;
        QTextCharFormat f;
        if (type == MD_BLOCK_TH) {
            f.setFontWeight(QFont::Bold);
            f.setProperty(MarkdownFormat::StyleWeightProperty, true);
        }
        m_formats = { f };
        m_runs.clear();
        if (m_table.rows.size() == 1) {
            static const char kAlign[] = { '-', 'l', 'c', 'r' };
            m_table.alignment += QLatin1Char(kAlign[static_cast<MD_BLOCK_TD_DETAIL *>(detail)->align & 3]);
        }
        break;
    }
    default:
        break;
    }
    return 0;
}

int MarkdownDocumentBuilder::leaveBlock(MD_BLOCKTYPE type, void *)
{
    endImplicitParagraph();
    --m_depth;
    switch (type) {
    case MD_BLOCK_QUOTE:
        if (m_blocks == m_containers.back().blocksBefore)
            startLeaf(blockFormat(Leaf::Paragraph), QTextCharFormat()); // an empty quote
        m_containers.pop_back();
        break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        m_containers.pop_back();
        break;
    case MD_BLOCK_LI:
        if (!m_containers.back().started)
            startLeaf(blockFormat(Leaf::Paragraph), QTextCharFormat()); // an empty item
        m_containers.pop_back();
        break;
    case MD_BLOCK_H:
    case MD_BLOCK_P:
        endParagraph();
        break;
    case MD_BLOCK_CODE:
        leaveCode();
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        m_table.rows.back().push_back(std::move(m_runs));
        m_runs.clear();
        m_leaf = Leaf::None;
        break;
    case MD_BLOCK_TABLE:
        leaveTable();
        break;
    default:
        break;
    }
    return 0;
}

int MarkdownDocumentBuilder::enterSpan(MD_SPANTYPE type, void *detail)
{
    if (m_imageDepth > 0) {
        m_imageDepth += type == MD_SPAN_IMG ? 1 : 0;
        return 0;
    }
    startImplicitParagraph();
    QTextCharFormat f = m_formats.back();
    switch (type) {
    case MD_SPAN_EM:
        if (f.fontItalic())
            f.setProperty(MarkdownFormat::NestedEmphasisProperty, true);
        f.setFontItalic(true);
        break;
    case MD_SPAN_STRONG:
        f.setFontWeight(QFont::Bold);
        f.clearProperty(MarkdownFormat::StyleWeightProperty);
        break;
    case MD_SPAN_DEL:
        f.setFontStrikeOut(true);
        break;
    case MD_SPAN_CODE:
        f.setFontFixedPitch(true);
        f.setFontFamilies(m_codeFont);
        break;
    case MD_SPAN_A: {
        const auto *d = static_cast<MD_SPAN_A_DETAIL *>(detail);
        f.setAnchor(true);
        f.setAnchorHref(MarkdownFormat::decodeAttribute(d->href));
        const QString title = MarkdownFormat::decodeAttribute(d->title);
        if (!title.isEmpty())
            f.setToolTip(title);
        f.setProperty(MarkdownFormat::LinkIdProperty, ++m_links);
        m_link = { m_runs.size(), -1, -1 };
        f.setFontUnderline(true);
        if (m_linkBrush.style() != Qt::NoBrush)
            f.setForeground(m_linkBrush);
        break;
    }
    case MD_SPAN_IMG: {
        const auto *d = static_cast<MD_SPAN_IMG_DETAIL *>(detail);
        m_imageDepth = 1;
        m_image = QTextImageFormat();
        m_image.merge(f);
        m_image.setName(MarkdownFormat::decodeAttribute(d->src));
        const QString title = MarkdownFormat::decodeAttribute(d->title);
        if (!title.isEmpty())
            m_image.setProperty(QTextFormat::ImageTitle, title);
        m_imageAlt.clear();
        break;
    }
    default:
        break;
    }
    m_formats.push_back(f);
    return 0;
}

int MarkdownDocumentBuilder::leaveSpan(MD_SPANTYPE type, void *)
{
    if (m_imageDepth > 0) {
        m_imageDepth -= type == MD_SPAN_IMG ? 1 : 0;
        if (m_imageDepth > 0)
            return 0;
        if (!m_imageAlt.isEmpty())
            m_image.setProperty(QTextFormat::ImageAltText, m_imageAlt);
        m_runs.push_back({ QString(QChar(QChar::ObjectReplacementCharacter)), m_image });
    }
    if (type == MD_SPAN_A)
        leaveLink();
    if (m_formats.size() > 1)
        m_formats.pop_back();
    return 0;
}

int MarkdownDocumentBuilder::text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
{
    if (m_leaf == Leaf::Code) {
        // Read like all text, so that a NUL is one U+FFFD here too.
        m_code += MarkdownFormat::textOf(type, text, size, m_afterNullChar);
        return 0;
    }
    QString t = MarkdownFormat::textOf(type, text, size, m_afterNullChar);
    if (m_imageDepth > 0) {
        m_imageAlt += type == MD_TEXT_BR ? QStringLiteral(" ") : t;
        return 0;
    }
    startImplicitParagraph();
    if (type != MD_TEXT_NULLCHAR && text >= m_utf8.constData() && text + size <= m_utf8.constData() + m_utf8.size()) {
        const qsizetype at = text - m_utf8.constData();
        if (m_link.first < 0)
            m_link.first = at;
        m_link.end = at + qsizetype(size);
    }
    if (type == MD_TEXT_ENTITY && (t.contains(QLatin1Char('\n')) || t.contains(QLatin1Char('\r')))) {
        // A line break as an entity is text, not the end of a block.
        QTextCharFormat f = m_formats.back();
        f.setProperty(MarkdownFormat::SourceTextProperty, QStringList { QString::fromUtf8(text, qsizetype(size)), t });
        m_runs.push_back({ QString(QChar(MarkdownFormat::kStandIn)), f });
        return 0;
    }
    if (!m_runs.empty() && m_runs.back().format == m_formats.back())
        m_runs.back().text += t;
    else
        m_runs.push_back({ std::move(t), m_formats.back() });
    return 0;
}

// A link with no text keeps its target in a stand-in; one written as a
// reference remembers so.
void MarkdownDocumentBuilder::leaveLink()
{
    QTextCharFormat f = m_formats.back();
    if (m_runs.size() == m_link.runs) {
        f.setProperty(MarkdownFormat::SourceTextProperty,
                      QStringList { QStringLiteral("[](") + MarkdownInlineSyntax::destination(f.anchorHref())
                                        + MarkdownInlineSyntax::titlePart(f.toolTip()) + QLatin1Char(')'),
                                    QString() });
        m_runs.push_back({ QString(QChar(MarkdownFormat::kStandIn)), f });
        return;
    }
    const std::optional<MarkdownLinkReference> reference
        = MarkdownLinkReference::find(m_utf8, m_link.first, m_link.end, f.anchorHref(), f.toolTip());
    if (!reference)
        return;
    for (size_t r = m_link.runs; r < m_runs.size(); ++r) {
        if (m_runs[r].format.intProperty(MarkdownFormat::LinkIdProperty) == m_links)
            m_runs[r].format.setProperty(MarkdownFormat::LinkReferenceProperty, reference->toProperty());
    }
}

void MarkdownDocumentBuilder::endParagraph()
{
    QTextBlockFormat bf = blockFormat(m_leaf);
    if (m_leaf == Leaf::Heading)
        bf.setHeadingLevel(m_level);
    startLeaf(bf, m_leaf == Leaf::Heading ? m_formats.front() : QTextCharFormat());
    insertRuns(m_cursor, m_runs);
    m_leaf = Leaf::None;
    m_implicit = false;
}

// md4c reports no paragraph for the text of a tight list's item.
void MarkdownDocumentBuilder::startImplicitParagraph()
{
    if (m_leaf != Leaf::None)
        return;
    m_leaf = Leaf::Paragraph;
    m_implicit = true;
    m_formats = { QTextCharFormat() };
    m_runs.clear();
}

void MarkdownDocumentBuilder::endImplicitParagraph()
{
    if (m_implicit)
        endParagraph();
}

void MarkdownDocumentBuilder::insertRuns(QTextCursor &cursor, const std::vector<Run> &runs)
{
    for (const Run &run : runs)
        cursor.insertText(run.text, run.format);
}

// The containers' path and the formats that go with it, for a block
// inside the first `depth` containers.
QTextBlockFormat MarkdownDocumentBuilder::blockFormat(Leaf leaf, size_t depth) const
{
    QTextBlockFormat bf;
    QString path;
    int quotes = 0;
    int items = 0;
    for (size_t i = 0; i < depth; ++i) {
        const Container &c = m_containers[i];
        if (c.kind == Container::List)
            continue;
        if (!path.isEmpty())
            path += QLatin1Char('/');
        path += (c.kind == Container::Quote ? QLatin1Char('q') : QLatin1Char('i')) + QString::number(c.id);
        (c.kind == Container::Quote ? quotes : items) += 1;
    }
    if (!path.isEmpty())
        bf.setProperty(MarkdownFormat::ContainersProperty, path);
    bf.setProperty(MarkdownFormat::SourceBlockProperty, m_topBlocks - 1);
    if (quotes > 0)
        BlockSpacing::quote(bf, quotes);
    if (items > 0)
        bf.setIndent(items); // continuation blocks line up with their item; list members reset it
    if (leaf == Leaf::Rule)
        bf.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength::PercentageLength, 100));
    return bf;
}

void MarkdownDocumentBuilder::newBlock(const QTextBlockFormat &bf, const QTextCharFormat &cf)
{
    ++m_blocks;
    if (m_reuseBlock) {
        m_cursor.setBlockFormat(bf);
        m_cursor.setBlockCharFormat(cf);
        m_reuseBlock = false;
    } else {
        m_cursor.insertBlock(bf, cf);
    }
}

// Makes the current block the first of the item at `index`.
void MarkdownDocumentBuilder::joinList(size_t index)
{
    Container &item = m_containers[index];
    Container &list = m_containers[index - 1];
    item.started = true;
    if (list.list) {
        list.list->add(m_cursor.block());
        return;
    }
    int level = 0;
    for (size_t i = 0; i < index; ++i)
        level += m_containers[i].kind == Container::List ? 1 : 0;
    QTextListFormat lf;
    lf.setStyle(list.ordered ? QTextListFormat::ListDecimal
                             : (level == 1       ? QTextListFormat::ListDisc
                                    : level == 2 ? QTextListFormat::ListCircle
                                                 : QTextListFormat::ListSquare));
    lf.setIndent(level);
    if (list.ordered && list.start != 1)
        lf.setProperty(MarkdownFormat::ListStartProperty, list.start);
    if (list.loose)
        lf.setProperty(MarkdownFormat::ListLooseProperty, true);
    list.list = m_cursor.createList(lf);
}

// A list item's first block is its bullet: items that have none yet get
// an empty one, except the innermost when this leaf can be it.
void MarkdownDocumentBuilder::startItems(bool leafCanStartItem, size_t *memberOf)
{
    *memberOf = 0;
    size_t innermost = 0;
    for (size_t i = 0; i < m_containers.size(); ++i) {
        if (m_containers[i].kind == Container::Item && !m_containers[i].started)
            innermost = i;
    }
    for (size_t i = 0; i < m_containers.size(); ++i) {
        const Container &c = m_containers[i];
        if (c.kind != Container::Item || c.started)
            continue;
        if (i == innermost && leafCanStartItem) {
            *memberOf = i;
            continue;
        }
        QTextBlockFormat bf = blockFormat(Leaf::Paragraph, i + 1);
        bf.setIndent(0);
        bf.setMarker(c.marker);
        newBlock(bf, QTextCharFormat());
        joinList(i);
    }
}

void MarkdownDocumentBuilder::startLeaf(QTextBlockFormat bf, const QTextCharFormat &cf)
{
    size_t member = 0;
    startItems(true, &member);
    if (member > 0) {
        bf.setIndent(0);
        bf.setMarker(m_containers[member].marker);
    }
    BlockSpacing::apply(bf, member > 0 || bf.indent() > 0);
    newBlock(bf, cf);
    if (member > 0)
        joinList(member);
}

void MarkdownDocumentBuilder::leaveCode()
{
    QTextBlockFormat bf = blockFormat(Leaf::Code);
    bf.setProperty(QTextFormat::BlockCodeFence, QString(m_codeFence));
    if (!m_codeLanguage.isEmpty())
        bf.setProperty(QTextFormat::BlockCodeLanguage, m_codeLanguage);
    if (m_codeInfo != m_codeLanguage)
        bf.setProperty(MarkdownFormat::CodeInfoProperty, m_codeInfo);
    bf.setProperty(MarkdownFormat::CodeGroupProperty, ++m_codeGroups);
    if (m_code == QLatin1String("\n"))
        bf.setProperty(MarkdownFormat::CodeBlankLineProperty, true);
    bf.setNonBreakableLines(true);
    QTextCharFormat cf;
    cf.setFontFixedPitch(true);
    cf.setFontFamilies(m_codeFont);
    if (m_code.endsWith(QLatin1Char('\n')))
        m_code.chop(1);
    const QStringList lines = m_code.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == 0) {
            startLeaf(bf, cf);
        } else {
            QTextBlockFormat next = bf;
            next.setMarker(QTextBlockFormat::MarkerType::NoMarker);
            next.setIndent(blockFormat(Leaf::Code).indent());
            newBlock(next, cf);
        }
        if (!lines[i].isEmpty())
            m_cursor.insertText(lines[i], cf);
    }
    m_leaf = Leaf::None;
}

void MarkdownDocumentBuilder::leaveTable()
{
    size_t member = 0;
    startItems(false, &member);
    const int rows = int(m_table.rows.size());
    const int columns = std::max(m_table.columns, 1);
    QTextTableFormat tf;
    tf.setHeaderRowCount(1);
    tf.setBorder(1);
    tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    tf.setCellPadding(4);
    tf.setCellSpacing(0);
    BlockSpacing::apply(tf);
    const QTextBlockFormat context = blockFormat(Leaf::Table);
    for (const int p : { int(MarkdownFormat::ContainersProperty), int(MarkdownFormat::SourceBlockProperty) }) {
        if (context.hasProperty(p))
            tf.setProperty(p, context.property(p));
    }
    tf.setLeftMargin(context.leftMargin() + 40 * context.indent());
    tf.setProperty(MarkdownFormat::TableAlignmentProperty, m_table.alignment);
    QTextTable *table = m_cursor.insertTable(std::max(rows, 1), columns, tf);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns && c < int(m_table.rows[r].size()); ++c) {
            QTextCursor cell = table->cellAt(r, c).firstCursorPosition();
            const QChar a = c < m_table.alignment.size() ? m_table.alignment[c] : QLatin1Char('-');
            if (a != QLatin1Char('-')) {
                QTextBlockFormat cbf;
                cbf.setAlignment(a == QLatin1Char('c')       ? Qt::AlignHCenter
                                     : a == QLatin1Char('r') ? Qt::AlignRight
                                                             : Qt::AlignLeft | Qt::AlignAbsolute);
                cell.setBlockFormat(cbf);
            }
            insertRuns(cell, m_table.rows[r][c]);
        }
    }
    // Qt keeps a block after a table; the next leaf takes it over.
    m_cursor.movePosition(QTextCursor::End);
    m_cursor.setBlockFormat(QTextBlockFormat());
    m_cursor.setBlockCharFormat(QTextCharFormat());
    m_reuseBlock = true;
}

} // namespace quire::desktop
