// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowninlinewriter.h"

#include "desktop/core/markdownformat.h"
#include "desktop/core/markdowninlinesyntax.h"

#include <QStringList>
#include <QTextBlock>

#include <algorithm>
#include <atomic>

namespace quire::desktop {

namespace {

// The reader's format bits, which expectedChars() sets alike.
constexpr quint8 kStrong = MarkdownInlineReader::kStrong;
constexpr quint8 kEm = MarkdownInlineReader::kEm;
constexpr quint8 kStrike = MarkdownInlineReader::kStrike;
constexpr quint8 kCode = MarkdownInlineReader::kCode;

std::atomic<qint64> g_blocksWritten { 0 };

} // namespace

qint64 MarkdownInlineWriter::blocksWritten()
{
    return g_blocksWritten.load(std::memory_order_relaxed);
}

QString MarkdownInlineWriter::write(const QTextBlock &block, Context context)
{
    g_blocksWritten.fetch_add(1, std::memory_order_relaxed);
    MarkdownInlineWriter w(context);
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

bool MarkdownInlineWriter::has(const Marks &m, Mark mark) const
{
    switch (mark) {
    case Mark::Link:
        return !m.href.isEmpty();
    case Mark::Strong:
        return m.strong;
    case Mark::Em:
        return m.em;
    case Mark::NestedEm:
        return m.nestedEm;
    case Mark::Strike:
        return m.strike;
    }
    return false;
}

void MarkdownInlineWriter::collect(const QTextBlock &block)
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
            marked = marked || f.hasProperty(MarkdownFormat::StyleWeightProperty);
            allBold = allBold && f.fontWeight() >= QFont::DemiBold;
        }
        m_boldIsLook = !marked && allBold;
    }
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const QTextCharFormat f = fragment.charFormat();
        Marks marks;
        marks.strong = !m_boldIsLook && MarkdownFormat::isStrong(f, styled);
        marks.em = f.fontItalic();
        marks.nestedEm = marks.em && f.boolProperty(MarkdownFormat::NestedEmphasisProperty);
        marks.strike = f.fontStrikeOut();
        if (f.isAnchor() && !f.anchorHref().isEmpty()) {
            marks.href = f.anchorHref();
            marks.title = f.toolTip();
            marks.linkId = f.intProperty(MarkdownFormat::LinkIdProperty);
            // A reference only while the link still goes where its
            // definition says.
            marks.reference = MarkdownLinkReference::fromProperty(f.property(MarkdownFormat::LinkReferenceProperty));
            if (marks.reference && (marks.reference->href != marks.href || marks.reference->title != marks.title))
                marks.reference.reset();
        }
        const QStringList standIn = f.property(MarkdownFormat::SourceTextProperty).toStringList();
        const QString text = fragment.text();
        if (f.isImageFormat()) {
            for (const QChar c : text) {
                if (c == QChar::ObjectReplacementCharacter)
                    m_segments.push_back({ Segment::Image, QString(), marks, f.toImageFormat() });
            }
            continue;
        }
        const Segment::Kind kind = MarkdownFormat::isCodeFont(f) ? Segment::Code : Segment::Text;
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
            } else if (c == QChar(MarkdownFormat::kStandIn) && standIn.size() == 2) {
                flush();
                Marks own = marks;
                if (standIn[1].isEmpty()) {
                    // a link without text: the stand-in is the whole link
                    own.href.clear();
                    own.title.clear();
                    own.linkId = 0;
                    own.reference.reset();
                }
                m_segments.push_back({ Segment::Verbatim, standIn[1], own, {}, standIn[0] });
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
void MarkdownInlineWriter::trim()
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
            while (n < t.size() && MarkdownFormat::isSpaceOrTab(t[n]))
                ++n;
            t.remove(0, n);
            if (!t.isEmpty())
                break;
            line.erase(line.begin());
        }
        while (!line.empty() && line.back().kind == Segment::Text) {
            QString &t = line.back().text;
            qsizetype n = t.size();
            while (n > 0 && MarkdownFormat::isSpaceOrTab(t[n - 1]))
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
size_t MarkdownInlineWriter::runLength(size_t from, Mark mark) const
{
    const Marks &m = m_segments[from].marks;
    size_t n = 0;
    for (size_t i = from; i < m_segments.size() && m_segments[i].kind != Segment::Break; ++i) {
        const Marks &o = m_segments[i].marks;
        if (!has(o, mark) || (mark == Mark::Link && (o.href != m.href || o.title != m.title || o.linkId != m.linkId)))
            break;
        ++n;
    }
    return n;
}

QString MarkdownInlineWriter::opener(Mark mark) const
{
    switch (mark) {
    case Mark::Link:
        return QStringLiteral("[");
    case Mark::Strong:
        return QStringLiteral("**");
    case Mark::Em:
    case Mark::NestedEm:
        return QStringLiteral("*");
    case Mark::Strike:
        return QStringLiteral("~~");
    }
    return {};
}

QString MarkdownInlineWriter::closer(Mark mark, const Marks &m, const QString &written) const
{
    if (mark == Mark::Link && m.reference)
        return m.reference->closer(written);
    if (mark == Mark::Link)
        return QStringLiteral("](") + MarkdownInlineSyntax::destination(m.href)
            + MarkdownInlineSyntax::titlePart(m.title) + QLatin1Char(')');
    return opener(mark);
}

// A link written as <https://…>: its text is its target.
std::optional<QString> MarkdownInlineWriter::autolink(size_t i) const
{
    const Segment &s = m_segments[i];
    if (s.kind != Segment::Text || s.marks.href.isEmpty() || !s.marks.title.isEmpty() || s.marks.strong || s.marks.em
        || s.marks.strike || s.marks.reference)
        return std::nullopt;
    if ((i > 0 && m_segments[i - 1].marks.href == s.marks.href)
        || (i + 1 < m_segments.size() && m_segments[i + 1].marks.href == s.marks.href))
        return std::nullopt;
    return MarkdownInlineSyntax::autolink(s.marks.href, s.text);
}

QString MarkdownInlineWriter::escape(const QString &text, bool lineStart, bool lastOnLine) const
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
            if (MarkdownInlineSyntax::startsEntity(text, i))
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
                && (i + 1 == text.size() || MarkdownFormat::isSpaceOrTab(at(i + 1))
                    || (c == QLatin1Char('-') && at(i + 1) == c)))
                out += QLatin1Char('\\');
            break;
        default:
            if (first && c.isDigit() && c.unicode() < 128) {
                qsizetype j = i;
                while (j < text.size() && j - i < 10 && text[j].isDigit() && text[j].unicode() < 128)
                    ++j;
                if (j - i <= 9 && (at(j) == QLatin1Char('.') || at(j) == QLatin1Char(')'))
                    && (j + 1 == text.size() || MarkdownFormat::isSpaceOrTab(at(j + 1)))) {
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

std::vector<MarkdownInlineReader::Char> MarkdownInlineWriter::expectedChars() const
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
        case Segment::Verbatim:
            for (const QChar c : seg.text)
                out.push_back({ c, marks, seg.marks.href, i });
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
qsizetype MarkdownInlineWriter::firstMisread(const QString &markdown, quint8 *lost) const
{
    *lost = 0;
    QString text = markdown;
    if (m_context == Context::Heading)
        text.prepend(QStringLiteral("# "));
    else if (m_context == Context::Cell || m_context == Context::HeaderCell)
        text = QStringLiteral("| ") + text + QStringLiteral(" |\n| --- |\n");
    // The references' definitions, for their links to read as links.
    for (const Segment &seg : m_segments) {
        if (seg.marks.reference)
            text += QStringLiteral("\n\n") + seg.marks.reference->definition();
    }
    MarkdownInlineReader reader;
    if (!MarkdownFormat::parse(text.toUtf8(), reader))
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
bool MarkdownInlineWriter::dropEmphasisNear(qsizetype at, quint8 lost)
{
    const std::vector<Char> chars = expectedChars();
    if (chars.empty())
        return false;
    const size_t seg = chars[size_t(std::clamp<qsizetype>(at, 0, qsizetype(chars.size()) - 1))].segment;
    bool dropped = false;
    const size_t first = lost ? seg : (seg > 0 ? seg - 1 : 0);
    const size_t last = lost ? seg : seg + 1;
    for (size_t k = first; k <= last && k < m_segments.size(); ++k) {
        for (const Mark mark : { Mark::Strong, Mark::Em, Mark::NestedEm, Mark::Strike }) {
            const quint8 bit = mark == Mark::Strong ? kStrong : mark == Mark::Strike ? kStrike : kEm;
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

void MarkdownInlineWriter::dropEmphasis()
{
    for (Segment &seg : m_segments) {
        seg.marks.strong = false;
        seg.marks.em = false;
        seg.marks.nestedEm = false;
        seg.marks.strike = false;
    }
}

// Joins neighbours that became alike: two code spans side by side
// would read as one broken span.
void MarkdownInlineWriter::merge()
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

void MarkdownInlineWriter::clear(Marks &m, Mark mark)
{
    switch (mark) {
    case Mark::Strong:
        m.strong = false;
        break;
    case Mark::Em:
        m.em = false;
        m.nestedEm = false;
        break;
    case Mark::NestedEm:
        m.nestedEm = false;
        break;
    case Mark::Strike:
        m.strike = false;
        break;
    case Mark::Link:
        m.href.clear();
        break;
    }
}

QString MarkdownInlineWriter::render() const
{
    QString out;
    struct Open
    {
        Mark mark;
        Marks marks;
        QString delimiter;
        qsizetype textStart = 0; // where a link's text starts in `out`
    };
    std::vector<Open> open;
    qsizetype closedAt = -1; // where the last closing delimiter ends
    QString pending; // spaces held back until it is clear which side of a delimiter they go
    bool lineStart = true;
    const auto closeFrom = [&](size_t k) {
        while (open.size() > k) {
            const Open &o = open.back();
            out += o.mark == Mark::Link ? closer(o.mark, o.marks, out.mid(o.textStart)) : o.delimiter;
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
                && (o.mark != Mark::Link
                    || (o.marks.href == s.marks.href && o.marks.title == s.marks.title
                        && o.marks.linkId == s.marks.linkId));
            if (!same)
                break;
            ++keep;
        }
        closeFrom(keep);
        out += pending + lead;
        pending.clear();
        // Open what it adds, the longest-running outermost.
        std::vector<std::pair<size_t, Mark>> adds;
        for (const Mark mark : { Mark::Link, Mark::Strong, Mark::Em, Mark::NestedEm, Mark::Strike }) {
            if (!has(s.marks, mark))
                continue;
            const bool isOpen = std::any_of(open.begin(), open.end(), [&](const Open &o) { return o.mark == mark; });
            if (!isOpen)
                adds.push_back({ runLength(i, mark), mark });
        }
        std::stable_sort(adds.begin(), adds.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        for (const auto &add : adds) {
            if (add.second == Mark::Link && MarkdownInlineSyntax::endsWithUnescaped(out, QLatin1Char('!')))
                out.insert(out.size() - 1, QLatin1Char('\\')); // `![` would be an image
            QString delimiter = opener(add.second);
            // Right after a closing `*` delimiter, an opening one would
            // make one run of both (`**a***b*`): underscores keep them
            // apart.
            if ((add.second == Mark::Strong || add.second == Mark::Em || add.second == Mark::NestedEm)
                && closedAt == out.size() && out.endsWith(QLatin1Char('*')))
                delimiter.fill(QLatin1Char('_'));
            out += delimiter;
            open.push_back({ add.second, s.marks, delimiter, out.size() });
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
            out += MarkdownInlineSyntax::codeSpan(s.text);
            break;
        case Segment::Image:
            out += QStringLiteral("![") + escape(s.image.stringProperty(QTextFormat::ImageAltText), false, false)
                + QStringLiteral("](") + MarkdownInlineSyntax::destination(s.image.name())
                + MarkdownInlineSyntax::titlePart(s.image.stringProperty(QTextFormat::ImageTitle)) + QLatin1Char(')');
            break;
        case Segment::Verbatim:
            out += s.source;
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

} // namespace quire::desktop
