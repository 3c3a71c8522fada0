// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/markdownmerge.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace quire::shared {

namespace {

// Alignments above this many cells are not attempted: refusing is safe,
// a quadratic blow-up on a 5 MiB body is not.
constexpr qsizetype kMaxAlignmentCells = 4'000'000;

bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

// Lines with their own line endings, so joining them gives the text back.
QStringList splitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = text.indexOf(QLatin1Char('\n'), start);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        lines << text.mid(start, end - start);
        start = end;
    }
    return lines;
}

bool isFence(const QString &line, QChar *marker = nullptr)
{
    const QString t = line.trimmed();
    if (t.startsWith(QLatin1String("```")) || t.startsWith(QLatin1String("~~~"))) {
        if (marker)
            *marker = t.at(0);
        return line.size() - line.trimmed().size() < 8; // not an indented code line
    }
    return false;
}

bool isListItem(const QString &line)
{
    static const QRegularExpression item(QStringLiteral("^\\s*([-*+]|\\d{1,9}[.)])\\s"));
    return item.match(line).hasMatch();
}

bool isTableRow(const QString &line)
{
    return line.trimmed().startsWith(QLatin1Char('|'));
}

bool isHeading(const QString &line)
{
    return line.trimmed().startsWith(QLatin1Char('#'));
}

bool startsBlock(const QString &line)
{
    return isFence(line) || isListItem(line) || isTableRow(line) || isHeading(line);
}

// Markdown blocks: a fenced code block whole, a table whole, each list item
// with its continuation lines, each heading, each paragraph; a run of blank
// lines is a block of its own, so the text between blocks never decides
// whether two blocks are equal.
QStringList splitBlocks(const QString &text)
{
    const QStringList lines = splitLines(text);
    QStringList blocks;
    qsizetype i = 0;
    while (i < lines.size()) {
        QString block = lines[i];
        const QString &first = lines[i++];
        QChar marker;
        if (isBlank(first)) {
            while (i < lines.size() && isBlank(lines[i]))
                block += lines[i++];
        } else if (isFence(first, &marker)) {
            while (i < lines.size()) {
                const QString &l = lines[i++];
                block += l;
                if (l.trimmed().startsWith(QString(3, marker)))
                    break;
            }
        } else if (isTableRow(first)) {
            while (i < lines.size() && isTableRow(lines[i]))
                block += lines[i++];
        } else if (!isHeading(first)) {
            // A paragraph or a list item: its lines until a blank line or
            // the start of another block.
            while (i < lines.size() && !isBlank(lines[i]) && !startsBlock(lines[i]))
                block += lines[i++];
        }
        blocks << block;
    }
    return blocks;
}

// For each index of `base`, its index in `other` on a longest common
// subsequence, or -1. Common prefix and suffix are matched first.
std::optional<QList<qsizetype>> align(const QStringList &base, const QStringList &other)
{
    QList<qsizetype> match(base.size(), -1);
    qsizetype head = 0;
    while (head < base.size() && head < other.size() && base[head] == other[head]) {
        match[head] = head;
        ++head;
    }
    qsizetype tail = 0;
    while (tail < base.size() - head && tail < other.size() - head
           && base[base.size() - 1 - tail] == other[other.size() - 1 - tail]) {
        match[base.size() - 1 - tail] = other.size() - 1 - tail;
        ++tail;
    }
    const qsizetype n = base.size() - head - tail;
    const qsizetype m = other.size() - head - tail;
    if (n == 0 || m == 0)
        return match;
    if (n * m > kMaxAlignmentCells)
        return std::nullopt;
    // LCS lengths from the end, then one forward walk.
    QList<int> table((n + 1) * (m + 1), 0);
    const auto at = [&](qsizetype i, qsizetype j) -> int & { return table[i * (m + 1) + j]; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = base[head + i] == other[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (base[head + i] == other[head + j]) {
            match[head + i] = head + j;
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

// Whether the unit next to a changed region could be matched in more than
// one place, so that text could land in the wrong one or twice.
// Blank separators say nothing about a place, so the nearest non-blank unit
// in direction `step` is the anchor.
bool ambiguousAnchor(const QStringList &base, qsizetype index, qsizetype step, const QHash<QString, int> &counts)
{
    while (index >= 0 && index < base.size() && isBlank(base[index]))
        index += step;
    if (index < 0 || index >= base.size())
        return false;
    return counts.value(base[index]) > 1;
}

struct Merged
{
    bool clean = false;
    QString text;
    QString reason;
};

Merged mergeUnits(const QStringList &base, const QStringList &ours, const QStringList &theirs, bool lineLevel);

Merged mergeConflictingRegion(const QStringList &b, const QStringList &o, const QStringList &t, bool lineLevel)
{
    if (lineLevel)
        return {false, {}, QStringLiteral("both sides changed the same lines")};
    // Both changed the same block(s): try again line by line inside them.
    const QString base = b.join(QString());
    const QString mine = o.join(QString());
    const QString their = t.join(QString());
    if (base.isEmpty())
        return {false, {}, QStringLiteral("both sides added different text at the same place")};
    if (mine.isEmpty() || their.isEmpty())
        return {false, {}, QStringLiteral("one side removed a paragraph the other changed")};
    Merged lines = mergeUnits(splitLines(base), splitLines(mine), splitLines(their), true);
    if (!lines.clean)
        lines.reason = QStringLiteral("both sides changed the same paragraph");
    return lines;
}

// diff3 over units (blocks, or lines inside a block): regions between
// units that neither side touched take the side that changed them.
Merged mergeUnits(const QStringList &base, const QStringList &ours, const QStringList &theirs, bool lineLevel)
{
    const std::optional<QList<qsizetype>> mo = align(base, ours);
    const std::optional<QList<qsizetype>> mt = align(base, theirs);
    if (!mo || !mt)
        return {false, {}, QStringLiteral("the texts are too large to merge automatically")};
    QHash<QString, int> counts;
    for (const QStringList *side : {&base, &ours, &theirs}) {
        QHash<QString, int> local;
        for (const QString &u : *side)
            ++local[u];
        for (auto it = local.cbegin(); it != local.cend(); ++it)
            counts[it.key()] = std::max(counts.value(it.key()), it.value());
    }
    QString out;
    qsizetype i = 0;
    qsizetype o = 0;
    qsizetype t = 0;
    while (true) {
        while (i < base.size() && (*mo)[i] == o && (*mt)[i] == t) {
            out += base[i];
            ++i;
            ++o;
            ++t;
        }
        if (i >= base.size() && o >= ours.size() && t >= theirs.size())
            break;
        qsizetype j = i;
        while (j < base.size() && ((*mo)[j] < 0 || (*mt)[j] < 0))
            ++j;
        const qsizetype oEnd = j < base.size() ? (*mo)[j] : ours.size();
        const qsizetype tEnd = j < base.size() ? (*mt)[j] : theirs.size();
        const QStringList b = base.mid(i, j - i);
        const QStringList oc = ours.mid(o, oEnd - o);
        const QStringList tc = theirs.mid(t, tEnd - t);
        const bool oursChanged = oc != b;
        const bool theirsChanged = tc != b;
        if (oursChanged && theirsChanged && oc != tc) {
            Merged region = mergeConflictingRegion(b, oc, tc, lineLevel);
            if (!region.clean)
                return region;
            out += region.text;
        } else {
            // One side (or both alike) changed this region. Its place is fixed
            // by the units around it; if one of those appears more than once,
            // the place is a guess, and a guess may duplicate text.
            if (ambiguousAnchor(base, i - 1, -1, counts) || ambiguousAnchor(base, j, 1, counts))
                return {false, {}, QStringLiteral("repeated lines make the place of a change ambiguous")};
            out += (oursChanged ? oc : tc).join(QString());
        }
        i = j;
        o = oEnd;
        t = tEnd;
    }
    return {true, out, {}};
}

} // namespace

MarkdownMerge MarkdownMerge::merge(const QString &base, const QString &ours, const QString &theirs)
{
    if (ours == theirs)
        return {true, ours, {}};
    if (ours == base)
        return {true, theirs, {}};
    if (theirs == base)
        return {true, ours, {}};
    const Merged m = mergeUnits(splitBlocks(base), splitBlocks(ours), splitBlocks(theirs), false);
    if (!m.clean)
        return {false, {}, m.reason};
    return {true, m.text, {}};
}

} // namespace quire::shared
