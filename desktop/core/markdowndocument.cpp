// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowndocument.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QHash>
#include <QLoggingCategory>
#include <QPalette>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

#include <algorithm>
#include <deque>
#include <md4c.h>
#include <optional>

namespace quire::desktop {

namespace {

Q_LOGGING_CATEGORY(lcMarkdown, "quire.markdown", QtInfoMsg)

// The parser options of the readers' pages (shared/markdownrenderer.cpp):
// GitHub's dialect, raw HTML is text.
constexpr unsigned kParserFlags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;

// What Markdown needs and Qt's formats do not say, as user properties.
enum Property : int {
    // Block and table formats: the quotes and list items the block sits in,
    // outermost first, as "q<id>" and "i<id>" joined by '/'. A block in a
    // QTextList starts the item named last.
    ContainersProperty = QTextFormat::UserProperty + 0x5100,
    // Block and table formats: the source's top-level block it came from.
    SourceBlockProperty,
    // Block formats of code lines: lines with the same number are one block.
    CodeGroupProperty,
    // Block formats of code lines: the info string when it says more than
    // the language.
    CodeInfoProperty,
    // List formats: an ordered list's first number (Qt 6.4 keeps none), and
    // whether the list is loose (blank lines between items).
    ListStartProperty,
    ListLooseProperty,
    // Table formats: the columns' alignments, one of "-lcr" each.
    TableAlignmentProperty,
    // Character formats: the weight is the look of a heading or a table
    // header, not **strong** text.
    StyleWeightProperty,
};

constexpr qreal kQuoteIndent = 24;
constexpr int kHeadingSizeAdjustment[] = { 0, 3, 2, 1, 0, -1, -2 };

bool isSpaceOrTab(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

// An entity as the pages' browsers read it; one Qt does not know stays text.
QString decodeEntity(const QString &entity)
{
    if (entity.startsWith(QLatin1String("&#"))) {
        const bool hex = entity.size() > 3 && (entity[2] == QLatin1Char('x') || entity[2] == QLatin1Char('X'));
        bool ok = false;
        const uint code = entity.mid(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)).toUInt(&ok, hex ? 16 : 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return QString(QChar(QChar::ReplacementCharacter));
        const char32_t c = char32_t(code);
        return QString::fromUcs4(&c, 1);
    }
    static thread_local QHash<QString, QString> cache;
    const auto it = cache.constFind(entity);
    if (it != cache.constEnd())
        return *it;
    QString decoded = QTextDocumentFragment::fromHtml(entity).toRawText();
    if (decoded.isEmpty())
        decoded = entity;
    cache.insert(entity, decoded);
    return decoded;
}

QString decodeAttribute(const MD_ATTRIBUTE &a)
{
    QString out;
    if (!a.text)
        return out;
    for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
        const MD_OFFSET begin = a.substr_offsets[i];
        const MD_OFFSET end = a.substr_offsets[i + 1];
        const QString part = QString::fromUtf8(a.text + begin, qsizetype(end - begin));
        switch (a.substr_types[i]) {
        case MD_TEXT_NULLCHAR:
            out += QChar(QChar::ReplacementCharacter);
            break;
        case MD_TEXT_ENTITY:
            out += decodeEntity(part);
            break;
        default:
            out += part;
        }
    }
    return out;
}

// The text md4c hands over, as the document holds it.
QString textOf(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
{
    switch (type) {
    case MD_TEXT_NULLCHAR:
        return QString(QChar(QChar::ReplacementCharacter));
    case MD_TEXT_BR:
        return QString(QChar(QChar::LineSeparator));
    case MD_TEXT_SOFTBR:
        return QStringLiteral(" ");
    case MD_TEXT_ENTITY:
        return decodeEntity(QString::fromUtf8(text, qsizetype(size)));
    default:
        return QString::fromUtf8(text, qsizetype(size));
    }
}

template<typename Handler> bool parse(const QByteArray &utf8, Handler &handler)
{
    MD_PARSER parser {};
    parser.abi_version = 0;
    parser.flags = kParserFlags;
    parser.enter_block = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Handler *>(u)->enterBlock(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Handler *>(u)->leaveBlock(t, d); };
    parser.enter_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<Handler *>(u)->enterSpan(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<Handler *>(u)->leaveSpan(t, d); };
    parser.text
        = [](MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u) { return static_cast<Handler *>(u)->text(t, s, n); };
    return md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &handler) == 0;
}

// ---------------------------------------------------------------------------
// Fingerprints: what md4c makes of a text, one string per top-level block,
// holding exactly what a loaded document keeps (structure, text as loaded,
// link targets, alignments …). Two texts with equal fingerprints load into
// the same document; the check that kept bytes still mean what the
// document holds.

// Reads a text into its fingerprints.
class Fingerprinter
{
public:
    static std::vector<QString> of(const QString &markdown)
    {
        Fingerprinter f;
        if (!parse(markdown.toUtf8(), f))
            return {};
        return std::move(f.m_blocks);
    }

    int enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        if (m_depth == 1)
            m_blocks.emplace_back();
        ++m_depth;
        if (type == MD_BLOCK_DOC)
            return 0;
        QString &out = m_blocks.back();
        out += QChar(1);
        out += QChar(u'A' + int(type));
        switch (type) {
        case MD_BLOCK_UL:
            out += static_cast<MD_BLOCK_UL_DETAIL *>(detail)->is_tight ? QLatin1Char('t') : QLatin1Char('l');
            break;
        case MD_BLOCK_OL: {
            const auto *d = static_cast<MD_BLOCK_OL_DETAIL *>(detail);
            out += QString::number(d->start) + (d->is_tight ? QLatin1Char('t') : QLatin1Char('l'));
            break;
        }
        case MD_BLOCK_LI: {
            const auto *d = static_cast<MD_BLOCK_LI_DETAIL *>(detail);
            out += !d->is_task ? QLatin1Char('-') : d->task_mark == ' ' ? QLatin1Char(' ') : QLatin1Char('x');
            break;
        }
        case MD_BLOCK_H:
            out += QString::number(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
            break;
        case MD_BLOCK_CODE: {
            const auto *d = static_cast<MD_BLOCK_CODE_DETAIL *>(detail);
            out += decodeAttribute(d->info);
            break;
        }
        case MD_BLOCK_TABLE:
            out += QString::number(static_cast<MD_BLOCK_TABLE_DETAIL *>(detail)->col_count);
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            out += QString::number(int(static_cast<MD_BLOCK_TD_DETAIL *>(detail)->align));
            break;
        default:
            break;
        }
        out += QChar(2);
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type, void *)
    {
        --m_depth;
        if (type != MD_BLOCK_DOC)
            m_blocks.back() += QChar(3);
        return 0;
    }

    int enterSpan(MD_SPANTYPE type, void *detail)
    {
        if (m_imageDepth > 0) {
            m_imageDepth += type == MD_SPAN_IMG ? 1 : 0;
            return 0; // the document keeps an image's description as plain text
        }
        QString &out = m_blocks.back();
        out += QChar(4);
        out += QChar(u'a' + int(type));
        if (type == MD_SPAN_A) {
            const auto *d = static_cast<MD_SPAN_A_DETAIL *>(detail);
            out += decodeAttribute(d->href) + QChar(2) + decodeAttribute(d->title);
        } else if (type == MD_SPAN_IMG) {
            const auto *d = static_cast<MD_SPAN_IMG_DETAIL *>(detail);
            out += decodeAttribute(d->src) + QChar(2) + decodeAttribute(d->title);
            m_imageDepth = 1;
        }
        out += QChar(2);
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type, void *)
    {
        if (m_imageDepth > 0) {
            m_imageDepth -= type == MD_SPAN_IMG ? 1 : 0;
            if (m_imageDepth > 0)
                return 0;
        }
        m_blocks.back() += QChar(5);
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
    {
        QString t = textOf(type, text, size);
        if (m_imageDepth > 0 && type == MD_TEXT_BR)
            t = QStringLiteral(" ");
        m_blocks.back() += t;
        return 0;
    }

private:
    std::vector<QString> m_blocks;
    int m_depth = 0;
    int m_imageDepth = 0;
};

// ---------------------------------------------------------------------------
// Loading.

// Builds the editor's document from md4c's events: blocks, lists, tables
// and character formats, with the user properties above.
class DocumentBuilder
{
public:
    explicit DocumentBuilder(QTextDocument *document)
        : m_cursor(document)
    {
        m_codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont).families();
        if (qGuiApp)
            m_linkBrush = QGuiApplication::palette().link();
    }

    // The number of top-level blocks read, or -1 when md4c gave up.
    int build(const QString &markdown)
    {
        m_cursor.beginEditBlock();
        const bool ok = parse(markdown.toUtf8(), *this);
        m_cursor.endEditBlock();
        return ok ? m_topBlocks : -1;
    }

    int enterBlock(MD_BLOCKTYPE type, void *detail)
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
                item.marker = d->task_mark == ' ' ? QTextBlockFormat::MarkerType::Unchecked
                                                  : QTextBlockFormat::MarkerType::Checked;
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
            f.setProperty(StyleWeightProperty, true);
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
            m_codeInfo = decodeAttribute(d->info);
            m_codeLanguage = decodeAttribute(d->lang);
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
                f.setProperty(StyleWeightProperty, true);
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

    int leaveBlock(MD_BLOCKTYPE type, void *)
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

    int enterSpan(MD_SPANTYPE type, void *detail)
    {
        if (m_imageDepth > 0) {
            m_imageDepth += type == MD_SPAN_IMG ? 1 : 0;
            return 0;
        }
        startImplicitParagraph();
        QTextCharFormat f = m_formats.back();
        switch (type) {
        case MD_SPAN_EM:
            f.setFontItalic(true);
            break;
        case MD_SPAN_STRONG:
            f.setFontWeight(QFont::Bold);
            f.clearProperty(StyleWeightProperty);
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
            f.setAnchorHref(decodeAttribute(d->href));
            const QString title = decodeAttribute(d->title);
            if (!title.isEmpty())
                f.setToolTip(title);
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
            m_image.setName(decodeAttribute(d->src));
            const QString title = decodeAttribute(d->title);
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

    int leaveSpan(MD_SPANTYPE type, void *)
    {
        if (m_imageDepth > 0) {
            m_imageDepth -= type == MD_SPAN_IMG ? 1 : 0;
            if (m_imageDepth > 0)
                return 0;
            if (!m_imageAlt.isEmpty())
                m_image.setProperty(QTextFormat::ImageAltText, m_imageAlt);
            m_runs.push_back({ QString(QChar(QChar::ObjectReplacementCharacter)), m_image });
        }
        if (m_formats.size() > 1)
            m_formats.pop_back();
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
    {
        if (m_leaf == Leaf::Code) {
            m_code += QString::fromUtf8(text, qsizetype(size));
            return 0;
        }
        QString t = textOf(type, text, size);
        if (m_imageDepth > 0) {
            m_imageAlt += type == MD_TEXT_BR ? QStringLiteral(" ") : t;
            return 0;
        }
        startImplicitParagraph();
        if (!m_runs.empty() && m_runs.back().format == m_formats.back())
            m_runs.back().text += t;
        else
            m_runs.push_back({ std::move(t), m_formats.back() });
        return 0;
    }

private:
    enum class Leaf { None, Paragraph, Heading, Code, Cell, Rule, Table };

    struct Container
    {
        enum Kind { Quote, List, Item } kind;
        int id = 0;
        // a list's
        bool ordered = false;
        int start = 1;
        bool loose = false;
        QTextList *list = nullptr;
        // an item's
        QTextBlockFormat::MarkerType marker = QTextBlockFormat::MarkerType::NoMarker;
        bool started = false;
        // a quote's
        int blocksBefore = 0;
    };

    struct Run
    {
        QString text;
        QTextCharFormat format;
    };

    struct Table
    {
        int columns = 0;
        QString alignment;
        std::vector<std::vector<std::vector<Run>>> rows;
    };

    void endParagraph()
    {
        QTextBlockFormat bf = blockFormat(m_leaf);
        if (m_leaf == Leaf::Heading) {
            bf.setHeadingLevel(m_level);
            bf.setTopMargin(12);
            bf.setBottomMargin(6);
        }
        startLeaf(bf, m_leaf == Leaf::Heading ? m_formats.front() : QTextCharFormat());
        insertRuns(m_cursor, m_runs);
        m_leaf = Leaf::None;
        m_implicit = false;
    }

    // md4c reports no paragraph for the text of a tight list's item.
    void startImplicitParagraph()
    {
        if (m_leaf != Leaf::None)
            return;
        m_leaf = Leaf::Paragraph;
        m_implicit = true;
        m_formats = { QTextCharFormat() };
        m_runs.clear();
    }

    void endImplicitParagraph()
    {
        if (m_implicit)
            endParagraph();
    }

    static void insertRuns(QTextCursor &cursor, const std::vector<Run> &runs)
    {
        for (const Run &run : runs)
            cursor.insertText(run.text, run.format);
    }

    // The containers' path and the formats that go with it, for a block
    // inside the first `depth` containers.
    QTextBlockFormat blockFormat(Leaf leaf, size_t depth) const
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
            bf.setProperty(ContainersProperty, path);
        bf.setProperty(SourceBlockProperty, m_topBlocks - 1);
        if (quotes > 0) {
            bf.setProperty(QTextFormat::BlockQuoteLevel, quotes);
            bf.setLeftMargin(kQuoteIndent * quotes);
        }
        if (items > 0)
            bf.setIndent(items); // continuation blocks line up with their item; list members reset it
        if (leaf == Leaf::Rule)
            bf.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth,
                           QTextLength(QTextLength::PercentageLength, 100));
        return bf;
    }

    QTextBlockFormat blockFormat(Leaf leaf) const { return blockFormat(leaf, m_containers.size()); }

    void newBlock(const QTextBlockFormat &bf, const QTextCharFormat &cf)
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
    void joinList(size_t index)
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
            lf.setProperty(ListStartProperty, list.start);
        if (list.loose)
            lf.setProperty(ListLooseProperty, true);
        list.list = m_cursor.createList(lf);
    }

    // A list item's first block is its bullet: items that have none yet get
    // an empty one, except the innermost when this leaf can be it.
    void startItems(bool leafCanStartItem, size_t *memberOf)
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

    void startLeaf(QTextBlockFormat bf, const QTextCharFormat &cf)
    {
        size_t member = 0;
        startItems(true, &member);
        if (member > 0) {
            bf.setIndent(0);
            bf.setMarker(m_containers[member].marker);
        }
        newBlock(bf, cf);
        if (member > 0)
            joinList(member);
    }

    void leaveCode()
    {
        QTextBlockFormat bf = blockFormat(Leaf::Code);
        bf.setProperty(QTextFormat::BlockCodeFence, QString(m_codeFence));
        if (!m_codeLanguage.isEmpty())
            bf.setProperty(QTextFormat::BlockCodeLanguage, m_codeLanguage);
        if (m_codeInfo != m_codeLanguage)
            bf.setProperty(CodeInfoProperty, m_codeInfo);
        bf.setProperty(CodeGroupProperty, ++m_codeGroups);
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

    void leaveTable()
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
        const QTextBlockFormat context = blockFormat(Leaf::Table);
        for (const int p : { int(ContainersProperty), int(SourceBlockProperty) }) {
            if (context.hasProperty(p))
                tf.setProperty(p, context.property(p));
        }
        tf.setLeftMargin(context.leftMargin() + 40 * context.indent());
        tf.setProperty(TableAlignmentProperty, m_table.alignment);
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

    QTextCursor m_cursor;
    QStringList m_codeFont;
    QBrush m_linkBrush;
    std::vector<Container> m_containers;
    std::vector<QTextCharFormat> m_formats { QTextCharFormat() };
    std::vector<Run> m_runs;
    Leaf m_leaf = Leaf::None;
    int m_level = 0;
    int m_depth = 0;
    int m_topBlocks = 0;
    int m_blocks = 0; // created so far
    int m_lastId = 0;
    int m_codeGroups = 0;
    bool m_reuseBlock = true; // the document's first block, or the one after a table
    bool m_implicit = false;
    QString m_code;
    QString m_codeInfo;
    QString m_codeLanguage;
    QChar m_codeFence;
    Table m_table;
    int m_imageDepth = 0;
    QTextImageFormat m_image;
    QString m_imageAlt;
};

// ---------------------------------------------------------------------------
// Writing: the document as a tree of Markdown blocks, then in house style.

struct HouseBlock
{
    QString text;
    int sourceBlock = -1; // which top-level block of the loaded source it came from
};

bool isCodeFont(const QTextCharFormat &f)
{
    if (f.fontFixedPitch())
        return true;
    const QStringList families = f.fontFamilies().toStringList();
    for (const QString &family : families) {
        const QString lower = family.toLower();
        if (lower.contains(QLatin1String("mono")) || lower.contains(QLatin1String("courier"))
            || lower.contains(QLatin1String("consolas")))
            return true;
    }
    return false;
}

// A code block is marked as one (fence, language), or preformatted (as
// HTML's <pre> comes in) in a fixed-pitch font, or set in a fixed-pitch
// font as a whole, block and text.
bool isCodeBlock(const QTextBlock &block)
{
    const QTextBlockFormat f = block.blockFormat();
    if (f.hasProperty(QTextFormat::BlockCodeFence) || f.hasProperty(QTextFormat::BlockCodeLanguage))
        return true;
    const bool blockFont = isCodeFont(block.charFormat());
    if (!f.nonBreakableLines() && !blockFont)
        return false;
    bool any = false;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        if (!isCodeFont(it.fragment().charFormat()))
            return false;
        any = true;
    }
    return any || (blockFont && f.nonBreakableLines());
}

bool isStrong(const QTextCharFormat &f, bool styledWeight)
{
    return f.fontWeight() >= QFont::DemiBold && !(styledWeight && f.boolProperty(StyleWeightProperty));
}

// `&` that would start an entity.
bool startsEntity(const QString &s, qsizetype i)
{
    qsizetype j = i + 1;
    if (j < s.size() && s[j] == QLatin1Char('#')) {
        ++j;
        const bool hex = j < s.size() && (s[j] == QLatin1Char('x') || s[j] == QLatin1Char('X'));
        j += hex ? 1 : 0;
        const qsizetype digits = j;
        while (j < s.size() && j - digits < 8
               && (hex ? isxdigit(s[j].unicode()) && s[j].unicode() < 128 : s[j].isDigit() && s[j].unicode() < 128))
            ++j;
        return j > digits && j < s.size() && s[j] == QLatin1Char(';');
    }
    const qsizetype name = j;
    while (j < s.size() && s[j].unicode() < 128 && (s[j].isLetterOrNumber()))
        ++j;
    return j > name && s[name].isLetter() && j < s.size() && s[j] == QLatin1Char(';');
}

QString escapeEntities(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == QLatin1Char('&') && startsEntity(s, i))
            out += QLatin1Char('\\');
        out += s[i];
    }
    return out;
}

// A link or image target.
QString destination(const QString &url)
{
    if (url.isEmpty())
        return QStringLiteral("<>");
    int depth = 0;
    bool angle = false;
    for (const QChar c : url) {
        if (c.unicode() <= 0x20 || c == QLatin1Char('<') || c == QLatin1Char('>') || c.isSpace())
            angle = true;
        depth += c == QLatin1Char('(') ? 1 : c == QLatin1Char(')') ? -1 : 0;
        if (depth < 0)
            angle = true;
    }
    angle = angle || depth != 0;
    QString out;
    for (qsizetype i = 0; i < url.size(); ++i) {
        const QChar c = url[i];
        if (c == QLatin1Char('\\') || (angle && (c == QLatin1Char('<') || c == QLatin1Char('>'))))
            out += QLatin1Char('\\');
        out += c;
    }
    out = escapeEntities(out);
    return angle ? QLatin1Char('<') + out + QLatin1Char('>') : out;
}

QString titlePart(const QString &title)
{
    if (title.isEmpty())
        return {};
    QString out;
    for (const QChar c : title) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\');
        out += c;
    }
    return QStringLiteral(" \"") + escapeEntities(out) + QLatin1Char('"');
}

QString codeSpan(const QString &content)
{
    int longest = 0;
    std::vector<bool> runs;
    for (qsizetype i = 0; i < content.size();) {
        if (content[i] != QLatin1Char('`')) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < content.size() && content[j] == QLatin1Char('`'))
            ++j;
        const int n = int(j - i);
        if (size_t(n) >= runs.size())
            runs.resize(n + 1, false);
        runs[n] = true;
        longest = std::max(longest, n);
        i = j;
    }
    int fence = 1;
    while (size_t(fence) < runs.size() && runs[fence])
        ++fence;
    const bool allSpaces = std::all_of(content.begin(), content.end(), [](QChar c) { return c == QLatin1Char(' '); });
    const bool pad = content.startsWith(QLatin1Char('`')) || content.endsWith(QLatin1Char('`'))
        || (!allSpaces && content.startsWith(QLatin1Char(' ')) && content.endsWith(QLatin1Char(' ')));
    const QString ticks(fence, QLatin1Char('`'));
    return ticks + (pad ? QStringLiteral(" ") : QString()) + content + (pad ? QStringLiteral(" ") : QString()) + ticks;
}

// One paragraph's, heading's or table cell's text with its formats.
class InlineWriter
{
public:
    // SetextHeading: a heading's text over lines, as in a paragraph.
    enum class Context { Paragraph, Heading, SetextHeading, Cell, HeaderCell };

    static QString write(const QTextBlock &block, Context context)
    {
        InlineWriter w(context);
        w.collect(block);
        w.trim();
        // Emphasis next to punctuation can fail to open or close in
        // CommonMark (`**a.**b` is no emphasis), and then its delimiters show
        // as text. What is written is read back; formats that do not come
        // back are left out, so that the text always does.
        const bool marked = std::any_of(w.m_segments.begin(), w.m_segments.end(), [](const Segment &seg) {
            return seg.kind != Segment::Text || !(seg.marks == Marks());
        });
        QString out = w.render();
        for (int attempt = 0; marked && attempt < 12; ++attempt) {
            quint8 lost = 0;
            const qsizetype at = w.firstMisread(out, &lost);
            if (at < 0)
                break;
            if (!w.dropEmphasisNear(at, lost))
                w.dropEmphasis();
            w.merge();
            out = w.render();
        }
        return out;
    }

private:
    struct Marks
    {
        bool strong = false;
        bool em = false;
        bool strike = false;
        QString href; // a link when not empty
        QString title;

        bool operator==(const Marks &o) const
        {
            return strong == o.strong && em == o.em && strike == o.strike && href == o.href && title == o.title;
        }
    };

    enum class Mark { Link, Strong, Em, Strike };

    struct Segment
    {
        enum Kind { Text, Code, Image, Break } kind;
        QString text;
        Marks marks;
        QTextImageFormat image;
    };

    explicit InlineWriter(Context context)
        : m_context(context)
    { }

    bool has(const Marks &m, Mark mark) const
    {
        switch (mark) {
        case Mark::Link:
            return !m.href.isEmpty();
        case Mark::Strong:
            return m.strong;
        case Mark::Em:
            return m.em;
        case Mark::Strike:
            return m.strike;
        }
        return false;
    }

    void collect(const QTextBlock &block)
    {
        bool styled
            = m_context == Context::Heading || m_context == Context::SetextHeading || m_context == Context::HeaderCell;
        if (styled) {
            // A heading or header made bold as a whole, by an editor that does
            // not mark the weight as the look: bold is the look.
            bool marked = false;
            bool allBold = true;
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat f = it.fragment().charFormat();
                marked = marked || f.hasProperty(StyleWeightProperty);
                allBold = allBold && f.fontWeight() >= QFont::DemiBold;
            }
            m_boldIsLook = !marked && allBold;
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat f = fragment.charFormat();
            Marks marks;
            marks.strong = !m_boldIsLook && isStrong(f, styled);
            marks.em = f.fontItalic();
            marks.strike = f.fontStrikeOut();
            if (f.isAnchor() && !f.anchorHref().isEmpty()) {
                marks.href = f.anchorHref();
                marks.title = f.toolTip();
            }
            const QString text = fragment.text();
            if (f.isImageFormat()) {
                for (const QChar c : text) {
                    if (c == QChar::ObjectReplacementCharacter)
                        m_segments.push_back({ Segment::Image, QString(), marks, f.toImageFormat() });
                }
                continue;
            }
            const Segment::Kind kind = isCodeFont(f) ? Segment::Code : Segment::Text;
            QString piece;
            const auto flush = [&] {
                if (piece.isEmpty())
                    return;
                if (!m_segments.empty() && m_segments.back().kind == kind && m_segments.back().marks == marks)
                    m_segments.back().text += piece;
                else
                    m_segments.push_back({ kind, piece, marks, {} });
                piece.clear();
            };
            for (const QChar c : text) {
                if (c == QChar::LineSeparator || c == QLatin1Char('\n') || c == QChar::ParagraphSeparator) {
                    if (m_context == Context::Paragraph || m_context == Context::SetextHeading) {
                        flush();
                        m_segments.push_back({ Segment::Break, QString(), {}, {} });
                    } else {
                        piece += QLatin1Char(' ');
                    }
                } else if (c == QChar::ObjectReplacementCharacter || c == QChar::Null) {
                    continue; // an object the document cannot say what it is
                } else {
                    piece += c;
                }
            }
            flush();
        }
    }

    // Markdown drops spaces at the start and end of a line, and a line
    // that is nothing but spaces ends the paragraph: such spaces go, and
    // so do breaks that would leave an empty line.
    void trim()
    {
        std::vector<Segment> out;
        size_t start = 0;
        while (start <= m_segments.size()) {
            size_t end = start;
            while (end < m_segments.size() && m_segments[end].kind != Segment::Break)
                ++end;
            std::vector<Segment> line(m_segments.begin() + qsizetype(start), m_segments.begin() + qsizetype(end));
            while (!line.empty() && line.front().kind == Segment::Text) {
                QString &t = line.front().text;
                qsizetype n = 0;
                while (n < t.size() && isSpaceOrTab(t[n]))
                    ++n;
                t.remove(0, n);
                if (!t.isEmpty())
                    break;
                line.erase(line.begin());
            }
            while (!line.empty() && line.back().kind == Segment::Text) {
                QString &t = line.back().text;
                qsizetype n = t.size();
                while (n > 0 && isSpaceOrTab(t[n - 1]))
                    --n;
                t.truncate(n);
                if (!t.isEmpty())
                    break;
                line.pop_back();
            }
            if (!line.empty()) {
                if (!out.empty())
                    out.push_back({ Segment::Break, QString(), {}, {} });
                out.insert(out.end(), line.begin(), line.end());
            }
            start = end + 1;
        }
        m_segments = std::move(out);
    }

    // How many segments from `from` on keep `mark` (the same link).
    size_t runLength(size_t from, Mark mark) const
    {
        const Marks &m = m_segments[from].marks;
        size_t n = 0;
        for (size_t i = from; i < m_segments.size() && m_segments[i].kind != Segment::Break; ++i) {
            const Marks &o = m_segments[i].marks;
            if (!has(o, mark) || (mark == Mark::Link && (o.href != m.href || o.title != m.title)))
                break;
            ++n;
        }
        return n;
    }

    QString opener(Mark mark) const
    {
        switch (mark) {
        case Mark::Link:
            return QStringLiteral("[");
        case Mark::Strong:
            return QStringLiteral("**");
        case Mark::Em:
            return QStringLiteral("*");
        case Mark::Strike:
            return QStringLiteral("~~");
        }
        return {};
    }

    QString closer(Mark mark, const Marks &m) const
    {
        if (mark == Mark::Link)
            return QStringLiteral("](") + destination(m.href) + titlePart(m.title) + QLatin1Char(')');
        return opener(mark);
    }

    // A link written as <https://…>: its text is its target.
    std::optional<QString> autolink(size_t i) const
    {
        const Segment &s = m_segments[i];
        if (s.kind != Segment::Text || s.marks.href.isEmpty() || !s.marks.title.isEmpty() || s.marks.strong
            || s.marks.em || s.marks.strike)
            return std::nullopt;
        if ((i > 0 && m_segments[i - 1].marks.href == s.marks.href)
            || (i + 1 < m_segments.size() && m_segments[i + 1].marks.href == s.marks.href))
            return std::nullopt;
        const QString &href = s.marks.href;
        for (const QChar c : href) {
            if (c.unicode() <= 0x20 || c == QLatin1Char('<') || c == QLatin1Char('>') || c.isSpace())
                return std::nullopt;
        }
        if (s.text == href) {
            const qsizetype colon = href.indexOf(QLatin1Char(':'));
            if (colon < 2 || colon > 32 || !href[0].isLetter())
                return std::nullopt;
            for (qsizetype k = 1; k < colon; ++k) {
                const QChar c = href[k];
                if (c.unicode() >= 128
                    || !(c.isLetterOrNumber() || c == QLatin1Char('+') || c == QLatin1Char('.')
                         || c == QLatin1Char('-')))
                    return std::nullopt;
            }
            return QLatin1Char('<') + href + QLatin1Char('>');
        }
        if (href == QLatin1String("mailto:") + s.text && s.text.contains(QLatin1Char('@'))
            && !s.text.contains(QLatin1Char('\\')))
            return QLatin1Char('<') + s.text + QLatin1Char('>');
        return std::nullopt;
    }

    QString escape(const QString &text, bool lineStart, bool lastOnLine) const
    {
        QString out;
        out.reserve(text.size() + 8);
        const bool paragraph = m_context == Context::Paragraph || m_context == Context::SetextHeading;
        const auto at = [&](qsizetype k) { return k >= 0 && k < text.size() ? text[k] : QChar(); };
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            const bool first = lineStart && i == 0 && paragraph;
            switch (c.unicode()) {
            case '\\':
            case '`':
            case '*':
            case '[':
            case ']':
            case '<':
            case '~':
                out += QLatin1Char('\\');
                break;
            case '|':
                out += QLatin1Char('\\');
                break;
            case '_':
                if (!(at(i - 1).isLetterOrNumber() && at(i + 1).isLetterOrNumber()))
                    out += QLatin1Char('\\');
                break;
            case '&':
                if (startsEntity(text, i))
                    out += QLatin1Char('\\');
                break;
            case '#':
                if (first)
                    out += QLatin1Char('\\');
                else if (m_context == Context::Heading && lastOnLine) {
                    qsizetype j = i;
                    while (j < text.size() && text[j] == QLatin1Char('#'))
                        ++j;
                    if (j == text.size() && (i == 0 || text[i - 1] != QLatin1Char('#')))
                        out += QLatin1Char('\\');
                }
                break;
            case '>':
            case '=':
                if (first)
                    out += QLatin1Char('\\');
                break;
            case '-':
            case '+':
                if (first
                    && (i + 1 == text.size() || isSpaceOrTab(at(i + 1)) || (c == QLatin1Char('-') && at(i + 1) == c)))
                    out += QLatin1Char('\\');
                break;
            default:
                if (first && c.isDigit() && c.unicode() < 128) {
                    qsizetype j = i;
                    while (j < text.size() && j - i < 10 && text[j].isDigit() && text[j].unicode() < 128)
                        ++j;
                    if (j - i <= 9 && (at(j) == QLatin1Char('.') || at(j) == QLatin1Char(')'))
                        && (j + 1 == text.size() || isSpaceOrTab(at(j + 1)))) {
                        out += text.mid(i, j - i);
                        out += QLatin1Char('\\');
                        out += text[j];
                        i = j;
                        continue;
                    }
                }
                break;
            }
            out += c;
        }
        return out;
    }

    static constexpr quint8 kStrong = 1;
    static constexpr quint8 kEm = 2;
    static constexpr quint8 kStrike = 4;
    static constexpr quint8 kCode = 8;

    // The characters of a paragraph, heading or cell with their formats:
    // what the segments hold, or what md4c reads in Markdown.
    struct Char
    {
        QChar c;
        quint8 marks = 0;
        QString href;
        size_t segment = 0;
    };

    // Collects what md4c reads in a line: its characters and their formats.
    class Reader
    {
    public:
        std::vector<Char> chars;

        int enterBlock(MD_BLOCKTYPE, void *) { return 0; }
        int leaveBlock(MD_BLOCKTYPE, void *) { return 0; }

        int enterSpan(MD_SPANTYPE type, void *detail)
        {
            if (m_image > 0) {
                m_image += type == MD_SPAN_IMG ? 1 : 0;
                return 0;
            }
            switch (type) {
            case MD_SPAN_A:
                m_links.push_back(decodeAttribute(static_cast<MD_SPAN_A_DETAIL *>(detail)->href));
                break;
            case MD_SPAN_IMG:
                chars.push_back({ QChar(QChar::ObjectReplacementCharacter), marks(), href() });
                m_image = 1;
                break;
            default:
                count(type, 1);
            }
            return 0;
        }

        int leaveSpan(MD_SPANTYPE type, void *)
        {
            if (m_image > 0) {
                m_image -= type == MD_SPAN_IMG ? 1 : 0;
                return 0;
            }
            if (type == MD_SPAN_A) {
                if (!m_links.empty())
                    m_links.pop_back();
            } else {
                count(type, -1);
            }
            return 0;
        }

        int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
        {
            if (m_image > 0)
                return 0;
            for (const QChar c : textOf(type, text, size))
                chars.push_back({ c, marks(), href() });
            return 0;
        }

    private:
        void count(MD_SPANTYPE type, int step)
        {
            switch (type) {
            case MD_SPAN_STRONG:
                m_strong += step;
                break;
            case MD_SPAN_EM:
                m_em += step;
                break;
            case MD_SPAN_DEL:
                m_strike += step;
                break;
            case MD_SPAN_CODE:
                m_code += step;
                break;
            default:
                break;
            }
        }

        quint8 marks() const
        {
            return quint8((m_strong > 0 ? kStrong : 0) | (m_em > 0 ? kEm : 0) | (m_strike > 0 ? kStrike : 0)
                          | (m_code > 0 ? kCode : 0));
        }

        QString href() const { return m_links.empty() ? QString() : m_links.back(); }

        int m_strong = 0;
        int m_em = 0;
        int m_strike = 0;
        int m_code = 0;
        int m_image = 0;
        std::vector<QString> m_links;
    };

    std::vector<Char> expectedChars() const
    {
        std::vector<Char> out;
        for (size_t i = 0; i < m_segments.size(); ++i) {
            const Segment &seg = m_segments[i];
            const quint8 marks = quint8((seg.marks.strong ? kStrong : 0) | (seg.marks.em ? kEm : 0)
                                        | (seg.marks.strike ? kStrike : 0) | (seg.kind == Segment::Code ? kCode : 0));
            switch (seg.kind) {
            case Segment::Break:
                out.push_back({ QChar(QChar::LineSeparator), 0, QString(), i });
                break;
            case Segment::Image:
                out.push_back({ QChar(QChar::ObjectReplacementCharacter), marks, seg.marks.href, i });
                break;
            default:
                for (const QChar c : seg.text)
                    out.push_back({ c, marks, seg.marks.href, i });
            }
        }
        return out;
    }

    // Where md4c reads `markdown` differently from what the segments hold,
    // as an index into expectedChars(); -1 when it reads the same. `lost`:
    // the emphasis that did not come back there, 0 when the text differs.
    qsizetype firstMisread(const QString &markdown, quint8 *lost) const
    {
        *lost = 0;
        QString text = markdown;
        if (m_context == Context::Heading)
            text.prepend(QStringLiteral("# "));
        else if (m_context == Context::Cell || m_context == Context::HeaderCell)
            text = QStringLiteral("| ") + text + QStringLiteral(" |\n| --- |\n");
        Reader reader;
        if (!parse(text.toUtf8(), reader))
            return 0;
        const std::vector<Char> want = expectedChars();
        const std::vector<Char> &got = reader.chars;
        for (size_t i = 0; i < want.size(); ++i) {
            if (i >= got.size() || got[i].c != want[i].c)
                return qsizetype(i);
            if (want[i].c.isSpace())
                continue; // spaces go outside delimiters
            if (got[i].marks != want[i].marks || got[i].href != want[i].href) {
                *lost = quint8((got[i].marks ^ want[i].marks) & (kStrong | kEm | kStrike));
                return qsizetype(i);
            }
        }
        return got.size() == want.size() ? -1 : qsizetype(want.size());
    }

    // Leaves out emphasis around character `at`: the kinds in `lost` at
    // that character, or when unknown (0) all kinds of the segments around
    // it. False when there was none.
    bool dropEmphasisNear(qsizetype at, quint8 lost)
    {
        const std::vector<Char> chars = expectedChars();
        if (chars.empty())
            return false;
        const size_t seg = chars[size_t(std::clamp<qsizetype>(at, 0, qsizetype(chars.size()) - 1))].segment;
        bool dropped = false;
        const size_t first = lost ? seg : (seg > 0 ? seg - 1 : 0);
        const size_t last = lost ? seg : seg + 1;
        for (size_t k = first; k <= last && k < m_segments.size(); ++k) {
            for (const Mark mark : { Mark::Strong, Mark::Em, Mark::Strike }) {
                const quint8 bit = mark == Mark::Strong ? kStrong : mark == Mark::Em ? kEm : kStrike;
                if (!has(m_segments[k].marks, mark) || (lost && !(lost & bit)))
                    continue;
                size_t from = k;
                while (from > 0 && has(m_segments[from - 1].marks, mark))
                    --from;
                size_t to = k;
                while (to + 1 < m_segments.size() && has(m_segments[to + 1].marks, mark))
                    ++to;
                for (size_t r = from; r <= to; ++r)
                    clear(m_segments[r].marks, mark);
                dropped = true;
            }
        }
        return dropped;
    }

    void dropEmphasis()
    {
        for (Segment &seg : m_segments) {
            seg.marks.strong = false;
            seg.marks.em = false;
            seg.marks.strike = false;
        }
    }

    // Whether `out` ends with `c` not escaped.
    static bool endsWithUnescaped(const QString &out, QChar c)
    {
        if (!out.endsWith(c))
            return false;
        qsizetype slashes = 0;
        while (slashes + 1 < out.size() && out[out.size() - 2 - slashes] == QLatin1Char('\\'))
            ++slashes;
        return slashes % 2 == 0;
    }

    // Joins neighbours that became alike: two code spans side by side
    // would read as one broken span.
    void merge()
    {
        std::vector<Segment> out;
        for (Segment &seg : m_segments) {
            if (!out.empty() && (seg.kind == Segment::Text || seg.kind == Segment::Code) && out.back().kind == seg.kind
                && out.back().marks == seg.marks)
                out.back().text += seg.text;
            else
                out.push_back(std::move(seg));
        }
        m_segments = std::move(out);
    }

    static void clear(Marks &m, Mark mark)
    {
        switch (mark) {
        case Mark::Strong:
            m.strong = false;
            break;
        case Mark::Em:
            m.em = false;
            break;
        case Mark::Strike:
            m.strike = false;
            break;
        case Mark::Link:
            m.href.clear();
            break;
        }
    }

    QString render() const
    {
        QString out;
        struct Open
        {
            Mark mark;
            Marks marks;
            QString delimiter;
        };
        std::vector<Open> open;
        qsizetype closedAt = -1; // where the last closing delimiter ends
        QString pending; // spaces held back until it is clear which side of a delimiter they go
        bool lineStart = true;
        const auto closeFrom = [&](size_t k) {
            while (open.size() > k) {
                const Open &o = open.back();
                out += o.mark == Mark::Link ? closer(o.mark, o.marks) : o.delimiter;
                closedAt = out.size();
                open.pop_back();
            }
        };
        for (size_t i = 0; i < m_segments.size(); ++i) {
            const Segment &s = m_segments[i];
            if (s.kind == Segment::Break) {
                closeFrom(0);
                pending.clear();
                out += QStringLiteral("\\\n");
                lineStart = true;
                continue;
            }
            QString lead;
            QString core = s.text;
            QString trail;
            if (s.kind == Segment::Text) {
                qsizetype a = 0;
                while (a < core.size() && core[a].isSpace())
                    ++a;
                qsizetype b = core.size();
                while (b > a && core[b - 1].isSpace())
                    --b;
                lead = core.left(a);
                trail = core.mid(b);
                core = core.mid(a, b - a);
                if (core.isEmpty()) {
                    pending += s.text;
                    continue;
                }
            } else if (s.kind == Segment::Code && s.text.isEmpty()) {
                continue;
            }
            if (const std::optional<QString> link = autolink(i)) {
                closeFrom(0);
                out += pending + lead + *link;
                pending = trail;
                lineStart = false;
                continue;
            }
            // Close what this segment does not have, innermost first.
            size_t keep = 0;
            while (keep < open.size()) {
                const Open &o = open[keep];
                const bool same = has(s.marks, o.mark)
                    && (o.mark != Mark::Link || (o.marks.href == s.marks.href && o.marks.title == s.marks.title));
                if (!same)
                    break;
                ++keep;
            }
            closeFrom(keep);
            out += pending + lead;
            pending.clear();
            // Open what it adds, the longest-running outermost.
            std::vector<std::pair<size_t, Mark>> adds;
            for (const Mark mark : { Mark::Link, Mark::Strong, Mark::Em, Mark::Strike }) {
                if (!has(s.marks, mark))
                    continue;
                const bool isOpen
                    = std::any_of(open.begin(), open.end(), [&](const Open &o) { return o.mark == mark; });
                if (!isOpen)
                    adds.push_back({ runLength(i, mark), mark });
            }
            std::stable_sort(adds.begin(), adds.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            for (const auto &add : adds) {
                if (add.second == Mark::Link && endsWithUnescaped(out, QLatin1Char('!')))
                    out.insert(out.size() - 1, QLatin1Char('\\')); // `![` would be an image
                QString delimiter = opener(add.second);
                // Right after a closing `*` delimiter, an opening one would
                // make one run of both (`**a***b*`): underscores keep them
                // apart.
                if ((add.second == Mark::Strong || add.second == Mark::Em) && closedAt == out.size()
                    && out.endsWith(QLatin1Char('*')))
                    delimiter.fill(QLatin1Char('_'));
                out += delimiter;
                open.push_back({ add.second, s.marks, delimiter });
            }
            if (!adds.empty())
                lineStart = false;
            switch (s.kind) {
            case Segment::Text: {
                bool last = true;
                for (size_t k = i + 1; k < m_segments.size() && m_segments[k].kind != Segment::Break; ++k) {
                    if (m_segments[k].kind != Segment::Text || !m_segments[k].text.trimmed().isEmpty()) {
                        last = false;
                        break;
                    }
                }
                out += escape(core, lineStart, last);
                break;
            }
            case Segment::Code:
                out += codeSpan(s.text);
                break;
            case Segment::Image:
                out += QStringLiteral("![") + escape(s.image.stringProperty(QTextFormat::ImageAltText), false, false)
                    + QStringLiteral("](") + destination(s.image.name())
                    + titlePart(s.image.stringProperty(QTextFormat::ImageTitle)) + QLatin1Char(')');
                break;
            case Segment::Break:
                break;
            }
            lineStart = false;
            pending = trail;
        }
        closeFrom(0);
        return out;
    }

    Context m_context;
    bool m_boldIsLook = false;
    std::vector<Segment> m_segments;
};

struct PathEntry
{
    bool item = false;
    int id = 0; // 0: whichever is open
};

// Writes a document in the house style: first a tree of Markdown blocks
// (quotes, lists, items, leaves) from the blocks' formats and containers'
// paths, then each top-level block's text.
class Serializer
{
public:
    explicit Serializer(const QTextDocument *document)
    {
        m_nodes.push_back({});
        m_nodes.back().kind = Node::Root;
        m_open = { &m_nodes.back() };
        addFrame(document->rootFrame());
    }

    std::vector<HouseBlock> blocks()
    {
        std::vector<HouseBlock> out;
        const Node *root = &m_nodes.front();
        const Node *prev = nullptr;
        for (Node *child : root->children) {
            decideMarker(prev, child);
            const QStringList lines = write(child, false);
            out.push_back({ lines.join(QLatin1Char('\n')), child->sourceBlock });
            prev = child;
        }
        return out;
    }

private:
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
        // Table
        const QTextTable *table = nullptr;
    };

    Node *newNode(Node::Kind kind, Node *parent, int sourceBlock)
    {
        m_nodes.push_back({});
        Node *n = &m_nodes.back();
        n->kind = kind;
        n->sourceBlock = sourceBlock;
        parent->children.push_back(n);
        return n;
    }

    static int sourceBlockOf(const QTextFormat &f)
    {
        return f.hasProperty(SourceBlockProperty) ? f.intProperty(SourceBlockProperty) : -1;
    }

    static std::vector<PathEntry> parsePath(const QTextFormat &f, int *quotes, int *items)
    {
        std::vector<PathEntry> path;
        *quotes = 0;
        *items = 0;
        const QString s = f.stringProperty(ContainersProperty);
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
    static std::vector<PathEntry> pathOf(const QTextBlock &block)
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
    static bool matches(const PathEntry &e, const Node *open)
    {
        if (open->kind != (e.item ? Node::Item : Node::Quote))
            return false;
        return e.item || e.id == 0 || open->id == 0 || open->id == e.id;
    }

    // Finds or opens the containers for a block and returns the innermost.
    // A block in a list starts a new item there.
    Node *place(const std::vector<PathEntry> &path, const QTextBlock *member, int sourceBlock)
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
                    listNode->ordered = style == QTextListFormat::ListDecimal
                        || style == QTextListFormat::ListLowerAlpha || style == QTextListFormat::ListUpperAlpha
                        || style == QTextListFormat::ListLowerRoman || style == QTextListFormat::ListUpperRoman;
                    listNode->start = lf.hasProperty(ListStartProperty) ? lf.intProperty(ListStartProperty) : 1;
                    listNode->start = std::clamp(listNode->start, 0, 999'999'999);
                    listNode->loose = lf.boolProperty(ListLooseProperty);
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

    void addFrame(const QTextFrame *frame)
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

    void addTable(const QTextTable *table)
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

    void addBlock(const QTextBlock &block)
    {
        const QTextBlockFormat f = block.blockFormat();
        const bool rule = f.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth);
        const bool code = !rule && isCodeBlock(block);
        const QTextList *list = block.textList();
        const int source = sourceBlockOf(f);
        const QString text = block.text();
        bool empty = !code;
        for (const QChar c : text) {
            if (!c.isSpace() && c != QChar::LineSeparator) {
                empty = false;
                break;
            }
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
            const int group = f.hasProperty(CodeGroupProperty) ? f.intProperty(CodeGroupProperty) : 0;
            QString info = f.stringProperty(QTextFormat::BlockCodeLanguage);
            const QString full = f.stringProperty(CodeInfoProperty);
            if (!full.isEmpty() && (info.isEmpty() || full.section(QLatin1Char(' '), 0, 0) == info))
                info = full;
            Node *n = m_lastCode;
            if (!n || parent->children.empty() || parent->children.back() != n || n->group != group
                || n->info != info) {
                n = newNode(Node::Code, parent, source);
                n->group = group;
                n->info = info;
            }
            n->lines += text.split(QChar::LineSeparator);
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
    static int headingLevelOf(const QTextBlock &block)
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

    // Two lists in a row need different markers, or Markdown makes them one.
    static void decideMarker(const Node *prev, Node *n)
    {
        if (n->kind == Node::List)
            n->alternate = prev && prev->kind == Node::List && prev->ordered == n->ordered && !prev->alternate;
    }

    // Whether Markdown needs a blank line between two blocks of one container
    // to keep them apart (a tight list item has none otherwise).
    static bool needsBlank(const Node *prev, const Node *next)
    {
        if (prev->kind == Node::Table)
            return true;
        if (next->kind == Node::Paragraph)
            return prev->kind == Node::Paragraph || prev->kind == Node::Quote || prev->kind == Node::List;
        if (prev->kind != Node::Paragraph)
            return false;
        return next->kind == Node::Table || (next->kind == Node::List && next->ordered && next->start != 1);
    }

    static bool isLoose(const Node *list)
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

    static void prefix(QStringList &lines, const QString &first, const QString &rest, const QString &blank)
    {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].isEmpty())
                lines[i] = i == 0 ? first.trimmed() : blank;
            else
                lines[i].prepend(i == 0 ? first : rest);
        }
    }

    QStringList writeChildren(const Node *container, bool tight)
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

    QStringList write(const Node *n, bool tight)
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
            return InlineWriter::write(n->block, InlineWriter::Context::Paragraph).split(QLatin1Char('\n'));
        case Node::Heading: {
            if (n->level <= 2 && n->block.text().contains(QChar::LineSeparator)) {
                // Only an underlined heading can hold a line break.
                QStringList lines
                    = InlineWriter::write(n->block, InlineWriter::Context::SetextHeading).split(QLatin1Char('\n'));
                if (lines.size() > 1 || !lines.front().isEmpty()) {
                    lines << QString(3, n->level == 1 ? QLatin1Char('=') : QLatin1Char('-'));
                    return lines;
                }
            }
            const QString text = InlineWriter::write(n->block, InlineWriter::Context::Heading);
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

    static QStringList writeCode(const Node *n)
    {
        QStringList body = n->lines;
        if (body.size() == 1 && body.front().isEmpty())
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

    static QChar alignmentOf(const QTextTableCell &cell)
    {
        const QTextBlockFormat f = cell.firstCursorPosition().blockFormat();
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

    static QStringList writeTable(const QTextTable *table)
    {
        const int rows = table->rows();
        const int columns = table->columns();
        const QString stored = table->format().stringProperty(TableAlignmentProperty);
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
                        const QString part = InlineWriter::write(
                            b, r == 0 ? InlineWriter::Context::HeaderCell : InlineWriter::Context::Cell);
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
                    QChar a = alignmentOf(table->cellAt(0, c));
                    if (stored.size() == columns) {
                        const QChar s = stored[c];
                        const bool leftish = a == QLatin1Char('-') || a == QLatin1Char('l');
                        if (s == a || (leftish && (s == QLatin1Char('-') || s == QLatin1Char('l'))))
                            a = s;
                    }
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

    std::deque<Node> m_nodes;
    std::vector<Node *> m_open;
    Node *m_lastCode = nullptr;
};

// ---------------------------------------------------------------------------
// The source cut into its top-level blocks, to put unchanged ones back.

struct Line
{
    qsizetype begin = 0;
    qsizetype end = 0; // before the line ending
    qsizetype next = 0; // after it
};

std::vector<Line> linesOf(const QString &s)
{
    std::vector<Line> lines;
    qsizetype i = 0;
    while (i < s.size()) {
        Line l;
        l.begin = i;
        while (i < s.size() && s[i] != QLatin1Char('\n') && s[i] != QLatin1Char('\r'))
            ++i;
        l.end = i;
        if (i < s.size() && s[i] == QLatin1Char('\r'))
            ++i;
        if (i < s.size() && s[i] == QLatin1Char('\n') && (i == l.end || s[i - 1] == QLatin1Char('\r')))
            ++i;
        l.next = i;
        lines.push_back(l);
    }
    return lines;
}

// A reading of one source line for the block splitter.
struct LineShape
{
    bool blank = true;
    int indent = 0; // columns
    QStringView rest; // after the indentation
};

LineShape shapeOf(const QString &s, const Line &l)
{
    LineShape shape;
    qsizetype i = l.begin;
    int col = 0;
    while (i < l.end && isSpaceOrTab(s[i])) {
        col = s[i] == QLatin1Char('\t') ? (col / 4 + 1) * 4 : col + 1;
        ++i;
    }
    shape.indent = col;
    shape.rest = QStringView(s).mid(i, l.end - i);
    shape.blank = shape.rest.isEmpty();
    return shape;
}

bool isFenceOpen(const LineShape &l, QChar *ch, qsizetype *len)
{
    if (l.blank || l.indent > 3 || (l.rest[0] != QLatin1Char('`') && l.rest[0] != QLatin1Char('~')))
        return false;
    qsizetype n = 0;
    while (n < l.rest.size() && l.rest[n] == l.rest[0])
        ++n;
    if (n < 3 || (l.rest[0] == QLatin1Char('`') && l.rest.mid(n).contains(QLatin1Char('`'))))
        return false;
    *ch = l.rest[0];
    *len = n;
    return true;
}

bool isFenceClose(const LineShape &l, QChar ch, qsizetype len)
{
    if (l.blank || l.indent > 3)
        return false;
    qsizetype n = 0;
    while (n < l.rest.size() && l.rest[n] == ch)
        ++n;
    return n >= len && l.rest.mid(n).trimmed().isEmpty();
}

bool isAtxHeading(const LineShape &l)
{
    if (l.blank || l.indent > 3)
        return false;
    qsizetype n = 0;
    while (n < l.rest.size() && l.rest[n] == QLatin1Char('#'))
        ++n;
    return n >= 1 && n <= 6 && (n == l.rest.size() || isSpaceOrTab(l.rest[n]));
}

bool isThematicBreak(const LineShape &l)
{
    if (l.blank || l.indent > 3)
        return false;
    const QChar c = l.rest[0];
    if (c != QLatin1Char('-') && c != QLatin1Char('*') && c != QLatin1Char('_'))
        return false;
    int count = 0;
    for (const QChar x : l.rest) {
        if (x == c)
            ++count;
        else if (!isSpaceOrTab(x))
            return false;
    }
    return count >= 3;
}

bool isSetextUnderline(const LineShape &l)
{
    if (l.blank || l.indent > 3 || (l.rest[0] != QLatin1Char('=') && l.rest[0] != QLatin1Char('-')))
        return false;
    qsizetype n = 0;
    while (n < l.rest.size() && l.rest[n] == l.rest[0])
        ++n;
    return l.rest.mid(n).trimmed().isEmpty();
}

struct ListMarker
{
    QChar kind; // the bullet, or the delimiter of a number
    int contentIndent = 0;
    bool empty = false;
    bool startsAtOne = false;
};

std::optional<ListMarker> listMarkerOf(const LineShape &l)
{
    if (l.blank || l.indent > 3)
        return std::nullopt;
    ListMarker m;
    qsizetype n = 0;
    const QChar c = l.rest[0];
    if (c == QLatin1Char('-') || c == QLatin1Char('+') || c == QLatin1Char('*')) {
        m.kind = c;
        n = 1;
    } else {
        while (n < l.rest.size() && n < 10 && l.rest[n].isDigit() && l.rest[n].unicode() < 128)
            ++n;
        if (n == 0 || n > 9 || n >= l.rest.size() || (l.rest[n] != QLatin1Char('.') && l.rest[n] != QLatin1Char(')')))
            return std::nullopt;
        m.kind = l.rest[n];
        m.startsAtOne = l.rest.left(n).toInt() == 1;
        ++n;
    }
    if (n < l.rest.size() && !isSpaceOrTab(l.rest[n]))
        return std::nullopt;
    qsizetype spaces = 0;
    while (n + spaces < l.rest.size() && isSpaceOrTab(l.rest[n + spaces]))
        ++spaces;
    m.empty = n + spaces == l.rest.size();
    m.contentIndent = l.indent + int(n) + int(m.empty || spaces > 4 ? 1 : spaces);
    return m;
}

bool isQuoteLine(const LineShape &l)
{
    return !l.blank && l.indent <= 3 && l.rest[0] == QLatin1Char('>');
}

bool isTableDelimiter(const LineShape &l)
{
    if (l.blank || l.indent > 3 || !l.rest.contains(QLatin1Char('|')))
        return false;
    bool dash = false;
    for (const QChar c : l.rest) {
        if (c == QLatin1Char('-'))
            dash = true;
        else if (c != QLatin1Char('|') && c != QLatin1Char(':') && !isSpaceOrTab(c))
            return false;
    }
    return dash;
}

// Whether a line starts a block that ends a paragraph before it.
bool interruptsParagraph(const LineShape &l)
{
    QChar ch;
    qsizetype len = 0;
    if (isFenceOpen(l, &ch, &len) || isAtxHeading(l) || isThematicBreak(l) || isQuoteLine(l))
        return true;
    // Of lists, only a bullet or a number 1 with text after it does.
    const std::optional<ListMarker> m = listMarkerOf(l);
    const bool bullet
        = m && (m->kind == QLatin1Char('-') || m->kind == QLatin1Char('+') || m->kind == QLatin1Char('*'));
    return m && !m->empty && (bullet || m->startsAtOne);
}

struct Span
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

// Cuts Markdown into its top-level blocks by the shape of their lines. It
// may cut wrong where Markdown is subtle; the caller checks every piece
// with md4c and joins pieces that do not stand alone.
std::vector<Span> splitTopLevel(const QString &s)
{
    const std::vector<Line> lines = linesOf(s);
    std::vector<LineShape> shapes;
    shapes.reserve(lines.size());
    for (const Line &l : lines)
        shapes.push_back(shapeOf(s, l));
    const size_t n = lines.size();
    std::vector<Span> spans;
    size_t i = 0;
    while (i < n) {
        if (shapes[i].blank) {
            ++i;
            continue;
        }
        const LineShape &first = shapes[i];
        size_t last = i;
        QChar fence;
        qsizetype fenceLen = 0;
        if (isFenceOpen(first, &fence, &fenceLen)) {
            last = i + 1;
            while (last < n && !isFenceClose(shapes[last], fence, fenceLen))
                ++last;
            last = std::min(last, n - 1);
        } else if (isAtxHeading(first) || isThematicBreak(first)) {
            last = i;
        } else if (first.indent >= 4) {
            for (size_t j = i + 1; j < n && (shapes[j].blank || shapes[j].indent >= 4); ++j) {
                if (!shapes[j].blank)
                    last = j;
            }
        } else if (isQuoteLine(first)) {
            for (size_t j = i + 1; j < n && !shapes[j].blank; ++j) {
                if (!isQuoteLine(shapes[j]) && interruptsParagraph(shapes[j]))
                    break;
                last = j;
            }
        } else if (const std::optional<ListMarker> marker = listMarkerOf(first)) {
            int contentIndent = marker->contentIndent;
            for (size_t j = i + 1; j < n; ++j) {
                const LineShape &l = shapes[j];
                if (l.blank)
                    continue;
                const std::optional<ListMarker> m = listMarkerOf(l);
                if (l.indent >= contentIndent) {
                    last = j;
                } else if (m && m->kind == marker->kind) {
                    contentIndent = m->contentIndent;
                    last = j;
                } else if (j == last + 1 && !interruptsParagraph(l) && !isSetextUnderline(l)) {
                    last = j; // a lazy continuation line
                } else {
                    break;
                }
            }
        } else if (i + 1 < n && isTableDelimiter(shapes[i + 1]) && first.rest.contains(QLatin1Char('|'))) {
            last = i + 1;
            for (size_t j = i + 2; j < n && !shapes[j].blank; ++j) {
                QChar c;
                qsizetype len = 0;
                if (isFenceOpen(shapes[j], &c, &len) || isAtxHeading(shapes[j]) || isQuoteLine(shapes[j]))
                    break;
                last = j;
            }
        } else {
            for (size_t j = i + 1; j < n && !shapes[j].blank; ++j) {
                if (isSetextUnderline(shapes[j])) {
                    last = j;
                    break;
                }
                if (interruptsParagraph(shapes[j]))
                    break;
                last = j;
            }
        }
        spans.push_back({ lines[i].begin, lines[last].end });
        i = last + 1;
    }
    return spans;
}

// For the middle of two long sequences, a common subsequence in one pass:
// each element of `a` takes the first equal one of `b` after the last taken.
void alignGreedily(const std::vector<int> &a, const std::vector<int> &b, size_t head, size_t tail,
                   std::vector<qsizetype> &match)
{
    QHash<int, std::vector<size_t>> positions;
    for (size_t j = head; j < b.size() - tail; ++j)
        positions[b[j]].push_back(j);
    QHash<int, size_t> next;
    size_t after = head;
    for (size_t i = head; i < a.size() - tail; ++i) {
        const auto it = positions.constFind(a[i]);
        if (it == positions.constEnd())
            continue;
        size_t &k = next[a[i]];
        while (k < it->size() && (*it)[k] < after)
            ++k;
        if (k < it->size()) {
            match[i] = qsizetype((*it)[k]);
            after = (*it)[k] + 1;
            ++k;
        }
    }
}

// For each index of `a`, its index in `b` on a longest common subsequence,
// or -1. Common ends first; a middle too large for that is matched
// greedily.
std::vector<qsizetype> align(const std::vector<int> &a, const std::vector<int> &b)
{
    std::vector<qsizetype> match(a.size(), -1);
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) {
        match[head] = qsizetype(head);
        ++head;
    }
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        match[a.size() - 1 - tail] = qsizetype(b.size() - 1 - tail);
        ++tail;
    }
    const size_t n = a.size() - head - tail;
    const size_t m = b.size() - head - tail;
    if (n == 0 || m == 0)
        return match;
    if (n * m > 4'000'000) {
        alignGreedily(a, b, head, tail, match);
        return match;
    }
    std::vector<int> table((n + 1) * (m + 1), 0);
    const auto at = [&](size_t i, size_t j) -> int & { return table[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
        for (size_t j = m; j-- > 0;)
            at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    size_t i = 0;
    size_t j = 0;
    while (i < n && j < m) {
        if (a[head + i] == b[head + j]) {
            match[head + i] = qsizetype(head + j);
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
        } else {
            ++j;
        }
    }
    return match;
}

QString joinHouse(const std::vector<HouseBlock> &blocks)
{
    QString out;
    for (const HouseBlock &b : blocks) {
        if (!out.isEmpty())
            out += QStringLiteral("\n\n");
        out += b.text;
    }
    if (!out.isEmpty())
        out += QLatin1Char('\n');
    return out;
}

} // namespace

// What a load learnt about its source: the house text each top-level block
// had when loaded (its key: the same text now means the block is unchanged)
// and, worked out on the first save after an edit, the source cut into
// chunks of whole top-level blocks.
struct MarkdownDocument::Source
{
    struct Chunk
    {
        qsizetype begin = 0;
        qsizetype end = 0; // the source's bytes, without the last line ending
        int firstBlock = 0;
        int endBlock = 0; // the top-level blocks they hold; none for link definitions

        bool isDefinitions() const { return firstBlock == endBlock; }
    };

    std::vector<QString> keys; // per top-level block; null when it has none
    bool prepared = false;
    std::vector<Chunk> chunks;
    bool complete = false; // the chunks hold every top-level block
    std::vector<QString> fingerprints; // per top-level block
    QString lineEnding = QStringLiteral("\n");

    void prepare(const QString &source)
    {
        prepared = true;
        fingerprints = Fingerprinter::of(source);
        if (fingerprints.size() != keys.size())
            return;
        const qsizetype crlf = source.indexOf(QStringLiteral("\r\n"));
        const qsizetype lf = source.indexOf(QLatin1Char('\n'));
        if (crlf >= 0 && crlf + 1 == lf)
            lineEnding = QStringLiteral("\r\n");
        else if (lf < 0 && source.contains(QLatin1Char('\r')))
            lineEnding = QStringLiteral("\r");
        const std::vector<Span> spans = splitTopLevel(source);
        std::vector<std::vector<QString>> alone;
        alone.reserve(spans.size());
        QString definitions; // link reference definitions: text md4c reads as no block
        for (const Span &s : spans) {
            alone.push_back(Fingerprinter::of(source.mid(s.begin, s.end - s.begin)));
            if (alone.back().empty())
                definitions += source.mid(s.begin, s.end - s.begin) + QStringLiteral("\n\n");
        }
        const auto fits = [&](const std::vector<QString> &f, size_t at) {
            return !f.empty() && at + f.size() <= fingerprints.size()
                && std::equal(f.begin(), f.end(), fingerprints.begin() + qsizetype(at));
        };
        // Every piece must read alone as it reads in the whole (with the
        // definitions its links may use); where the splitter cut wrong,
        // pieces are joined. Reading again is bounded, so a source cut wrong
        // everywhere costs a few parses, not a quadratic number.
        qsizetype budget = 4 * source.size() + 4096;
        size_t block = 0;
        size_t i = 0;
        while (i < spans.size()) {
            Span cur = spans[i];
            std::vector<QString> f = alone[i];
            size_t next = i + 1;
            if (f.empty()) {
                chunks.push_back({ cur.begin, cur.end, int(block), int(block) });
                i = next;
                continue;
            }
            bool ok = false;
            while (true) {
                if (fits(f, block)) {
                    ok = true;
                    break;
                }
                if (!definitions.isEmpty()) {
                    const QString text = source.mid(cur.begin, cur.end - cur.begin);
                    const std::vector<QString> withDefinitions
                        = Fingerprinter::of(text + QStringLiteral("\n\n") + definitions);
                    budget -= text.size() + definitions.size();
                    if (fits(withDefinitions, block)) {
                        f = withDefinitions;
                        ok = true;
                        break;
                    }
                }
                if (next >= spans.size() || budget < 0)
                    break;
                cur.end = spans[next++].end;
                budget -= cur.end - cur.begin;
                f = Fingerprinter::of(source.mid(cur.begin, cur.end - cur.begin));
            }
            if (!ok) {
                qCDebug(lcMarkdown) << "source blocks from" << block << "could not be told apart";
                break; // the rest is written as the document holds it
            }
            chunks.push_back({ cur.begin, cur.end, int(block), int(block + f.size()) });
            block += f.size();
            i = next;
        }
        if (block != fingerprints.size()) {
            // Without every block accounted for, the source's end cannot be
            // put back: keep what was found, but nothing after it.
            while (!chunks.empty() && chunks.back().isDefinitions())
                chunks.pop_back();
            complete = false;
        } else {
            complete = true;
        }
    }

    bool usable() const
    {
        return std::any_of(chunks.begin(), chunks.end(), [](const Chunk &c) { return !c.isDefinitions(); });
    }

    // The source's bytes between chunks `c` and `c + 1`: a line ending and
    // blank lines.
    QString separatorAfter(const QString &source, size_t c) const
    {
        if (c + 1 >= chunks.size())
            return lineEnding + lineEnding;
        return source.mid(chunks[c].end, chunks[c + 1].begin - chunks[c].end);
    }
};

MarkdownDocument::MarkdownDocument(QTextDocument *document)
    : m_document(document)
{
    // contentsChanged(), not contentsChange(): the latter only comes from a
    // document that has a layout, that is one shown in an editor.
    m_changeConnection = QObject::connect(document, &QTextDocument::contentsChanged, [this] { m_changed = true; });
}

MarkdownDocument::~MarkdownDocument()
{
    QObject::disconnect(m_changeConnection);
}

void MarkdownDocument::setMarkdown(const QString &markdown)
{
    m_source = markdown;
    m_loaded.reset();
    const bool undo = m_document->isUndoRedoEnabled();
    m_document->setUndoRedoEnabled(false);
    m_document->clear();
    DocumentBuilder builder(m_document);
    const int blocks = builder.build(markdown);
    m_document->setUndoRedoEnabled(undo);
    m_document->setModified(false);
    if (blocks > 0) {
        // The house text of every block as loaded: the keys that tell later
        // which blocks are still the same.
        auto loaded = std::make_unique<Source>();
        loaded->keys.resize(size_t(blocks));
        std::vector<int> seen(size_t(blocks), 0);
        const std::vector<HouseBlock> house = Serializer(m_document).blocks();
        int last = -1;
        for (const HouseBlock &b : house) {
            if (b.sourceBlock < 0 || b.sourceBlock >= blocks || b.sourceBlock <= last) {
                last = blocks; // out of order: nothing after it can be trusted
                continue;
            }
            last = b.sourceBlock;
            loaded->keys[size_t(b.sourceBlock)] = b.text;
            ++seen[size_t(b.sourceBlock)];
        }
        for (size_t k = 0; k < seen.size(); ++k) {
            if (seen[k] != 1)
                loaded->keys[k] = QString();
        }
        m_loaded = std::move(loaded);
    }
    m_changed = false;
}

QString MarkdownDocument::houseMarkdown() const
{
    return joinHouse(Serializer(m_document).blocks());
}

QString MarkdownDocument::markdown() const
{
    if (!m_changed)
        return m_source;
    const std::vector<HouseBlock> house = Serializer(m_document).blocks();
    if (!m_loaded || house.empty())
        return joinHouse(house);
    Source &src = *m_loaded;
    if (!src.prepared)
        src.prepare(m_source);
    if (!src.usable())
        return joinHouse(house);

    // Which chunks of the source are still in the document, unchanged: a
    // longest common subsequence over the blocks' house texts.
    QHash<QString, int> ids;
    const auto idOf = [&ids](const QString &s) {
        const auto it = ids.constFind(s);
        if (it != ids.constEnd())
            return *it;
        const int id = int(ids.size());
        ids.insert(s, id);
        return id;
    };
    std::vector<int> before;
    int unmatched = -1;
    for (const Source::Chunk &c : src.chunks) {
        for (int b = c.firstBlock; b < c.endBlock; ++b)
            before.push_back(src.keys[size_t(b)].isNull() ? unmatched-- : idOf(src.keys[size_t(b)]));
    }
    std::vector<int> now;
    now.reserve(house.size());
    for (const HouseBlock &b : house)
        now.push_back(idOf(b.text));
    const std::vector<qsizetype> match = align(before, now);
    // keptAt[j]: the chunk kept at house block j, when one starts there
    std::vector<qsizetype> keptAt(house.size(), -1);
    size_t k = 0;
    for (size_t c = 0; c < src.chunks.size(); ++c) {
        const Source::Chunk &chunk = src.chunks[c];
        const qsizetype count = chunk.endBlock - chunk.firstBlock;
        if (count == 0)
            continue;
        const qsizetype start = match[k];
        bool kept = start >= 0;
        for (qsizetype b = 1; kept && b < count; ++b)
            kept = match[k + size_t(b)] == start + b;
        if (kept)
            keptAt[size_t(start)] = qsizetype(c);
        k += size_t(count);
    }

    std::vector<std::optional<QString>> houseFingerprints(house.size());
    for (int attempt = 0; attempt < 8; ++attempt) {
        // The output as pieces: kept chunks (with the link definitions that
        // followed them) and blocks in house style.
        struct Piece
        {
            qsizetype chunk = -1; // -1: house block `block`
            size_t block = 0;
        };
        std::vector<Piece> pieces;
        std::vector<bool> placed(src.chunks.size(), false);
        const auto placeDefinitionsAfter = [&](qsizetype c) {
            for (size_t d = size_t(c + 1); d < src.chunks.size() && src.chunks[d].isDefinitions(); ++d) {
                pieces.push_back({ qsizetype(d), 0 });
                placed[d] = true;
            }
        };
        placeDefinitionsAfter(-1);
        for (size_t j = 0; j < house.size();) {
            const qsizetype c = keptAt[j];
            if (c >= 0) {
                pieces.push_back({ c, j });
                placeDefinitionsAfter(c);
                j += size_t(src.chunks[size_t(c)].endBlock - src.chunks[size_t(c)].firstBlock);
            } else {
                pieces.push_back({ -1, j });
                ++j;
            }
        }
        // Definitions whose neighbour went: at the end, where links still
        // find them.
        for (size_t d = 0; d < src.chunks.size(); ++d) {
            if (src.chunks[d].isDefinitions() && !placed[d])
                pieces.push_back({ qsizetype(d), 0 });
        }

        QString out;
        std::vector<QString> expected;
        bool houseOk = true;
        for (size_t p = 0; p < pieces.size(); ++p) {
            const Piece &piece = pieces[p];
            // Between pieces: what the source had next to a kept chunk.
            if (p == 0)
                out += piece.chunk == 0 ? m_source.left(src.chunks.front().begin) : QString();
            else if (pieces[p - 1].chunk >= 0)
                out += src.separatorAfter(m_source, size_t(pieces[p - 1].chunk));
            else if (piece.chunk > 0)
                out += src.separatorAfter(m_source, size_t(piece.chunk - 1));
            else
                out += src.lineEnding + src.lineEnding;
            if (piece.chunk >= 0) {
                const Source::Chunk &c = src.chunks[size_t(piece.chunk)];
                out += m_source.mid(c.begin, c.end - c.begin);
                expected.insert(expected.end(), src.fingerprints.begin() + c.firstBlock,
                                src.fingerprints.begin() + c.endBlock);
                continue;
            }
            QString text = house[piece.block].text;
            std::optional<QString> &f = houseFingerprints[piece.block];
            if (!f) {
                const std::vector<QString> alone = Fingerprinter::of(text);
                f = alone.size() == 1 ? alone.front() : QString();
            }
            houseOk = houseOk && !f->isNull();
            expected.push_back(*f);
            if (src.lineEnding != QLatin1String("\n"))
                text.replace(QLatin1Char('\n'), src.lineEnding);
            out += text;
        }
        if (!houseOk) {
            qCWarning(lcMarkdown) << "a block in house style does not read back as one block";
            return joinHouse(house);
        }
        // After the source's last block, kept, the source's own ending
        // (blank lines, or none); after a changed or new one, one line
        // ending.
        if (src.complete && pieces.back().chunk == qsizetype(src.chunks.size()) - 1)
            out += m_source.mid(src.chunks.back().end);
        else
            out += src.lineEnding;

        // Kept bytes next to new ones could read differently (two lists
        // becoming one): check, and write the blocks around a difference in
        // house style.
        const std::vector<QString> got = Fingerprinter::of(out);
        size_t diff = 0;
        while (diff < got.size() && diff < expected.size() && got[diff] == expected[diff])
            ++diff;
        if (diff == got.size() && diff == expected.size())
            return out;
        size_t seen = 0;
        size_t at = 0;
        for (; at < pieces.size(); ++at) {
            const Piece &piece = pieces[at];
            seen += piece.chunk >= 0
                ? size_t(src.chunks[size_t(piece.chunk)].endBlock - src.chunks[size_t(piece.chunk)].firstBlock)
                : 1;
            if (seen > diff)
                break;
        }
        at = std::min(at, pieces.size() - 1);
        bool changed = false;
        for (size_t q = at > 0 ? at - 1 : 0; q <= std::min(at + 1, pieces.size() - 1); ++q) {
            const Piece &piece = pieces[q];
            if (piece.chunk >= 0 && !src.chunks[size_t(piece.chunk)].isDefinitions()) {
                keptAt[piece.block] = -1;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    qCDebug(lcMarkdown) << "kept source blocks did not read back the same; writing house style";
    return joinHouse(house);
}

} // namespace quire::desktop
