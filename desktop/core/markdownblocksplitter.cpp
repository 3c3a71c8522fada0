// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdownblocksplitter.h"

#include "desktop/core/markdownformat.h"

#include <algorithm>
#include <optional>

namespace quire::desktop {

namespace {

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
    while (i < l.end && MarkdownFormat::isSpaceOrTab(s[i])) {
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
    return n >= 1 && n <= 6 && (n == l.rest.size() || MarkdownFormat::isSpaceOrTab(l.rest[n]));
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
        else if (!MarkdownFormat::isSpaceOrTab(x))
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
    if (n < l.rest.size() && !MarkdownFormat::isSpaceOrTab(l.rest[n]))
        return std::nullopt;
    qsizetype spaces = 0;
    while (n + spaces < l.rest.size() && MarkdownFormat::isSpaceOrTab(l.rest[n + spaces]))
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
        else if (c != QLatin1Char('|') && c != QLatin1Char(':') && !MarkdownFormat::isSpaceOrTab(c))
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

} // namespace

std::vector<MarkdownBlockSplitter::Span> MarkdownBlockSplitter::split(const QString &s)
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
            if (last >= n) {
                // Unclosed, the code runs to the end of the text, blank lines
                // and line endings included: cut before them it reads as
                // other code ("```\n\n" is a blank line, "```\n" none).
                spans.push_back({ lines[i].begin, s.size() });
                break;
            }
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

} // namespace quire::desktop
