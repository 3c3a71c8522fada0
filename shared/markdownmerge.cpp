// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/markdownmerge.h"

#include "shared/sequencealignment.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace quire::shared {

namespace {

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

// How often each non-blank unit occurs; blank runs carry no text to lose.
QHash<QString, int> tally(const QStringList &units)
{
    QHash<QString, int> counts;
    for (const QString &u : units) {
        if (!isBlank(u))
            ++counts[u];
    }
    return counts;
}

// The last line of defence, whatever the alignment did: a merge may not
// hold a unit more often than any input does (duplicated text), nor less
// often than both sides kept it (dropped text). Units no input has come
// from a line-level merge and were checked there.
bool countsPlausible(const QStringList &base, const QStringList &ours, const QStringList &theirs,
                     const QStringList &merged)
{
    const QHash<QString, int> b = tally(base);
    const QHash<QString, int> o = tally(ours);
    const QHash<QString, int> t = tally(theirs);
    const QHash<QString, int> m = tally(merged);
    for (const QHash<QString, int> *side : { &b, &o, &t }) {
        for (auto it = side->cbegin(); it != side->cend(); ++it) {
            const int n = m.value(it.key());
            const int most = std::max({ b.value(it.key()), o.value(it.key()), t.value(it.key()) });
            if (n > most || n < std::min(o.value(it.key()), t.value(it.key())))
                return false;
        }
    }
    return true;
}

// One side's edit: base units [baseBegin, baseEnd) became the side's units
// [sideBegin, sideEnd). An insertion has an empty base range.
struct Hunk
{
    qsizetype baseBegin = 0;
    qsizetype baseEnd = 0;
    qsizetype sideBegin = 0;
    qsizetype sideEnd = 0;

    bool isInsertion() const { return baseBegin == baseEnd; }
};

// The gaps between matched units, in base order; two hunks of one side are
// always separated by at least one matched unit.
QList<Hunk> hunksOf(const std::vector<qsizetype> &match, qsizetype sideSize)
{
    QList<Hunk> hunks;
    const qsizetype size = qsizetype(match.size());
    qsizetype b = 0;
    qsizetype s = 0;
    for (qsizetype i = 0; i <= size; ++i) {
        if (i < size && match[size_t(i)] < 0)
            continue;
        const qsizetype m = i < size ? match[size_t(i)] : sideSize;
        if (b < i || s < m)
            hunks.append({ b, i, s, m });
        b = i + 1;
        s = m + 1;
    }
    return hunks;
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
        return { false, {}, QStringLiteral("both sides changed the same paragraph") };
    // Both changed the same block(s): try again line by line inside them.
    const QString base = b.join(QString());
    const QString mine = o.join(QString());
    const QString their = t.join(QString());
    if (base.isEmpty())
        return { false, {}, QStringLiteral("both sides added different text at the same place") };
    if (mine.isEmpty() || their.isEmpty())
        return { false, {}, QStringLiteral("one side removed a paragraph the other changed") };
    return mergeUnits(splitLines(base), splitLines(mine), splitLines(their), true);
}

// Three-way merge over units (blocks, or lines inside a block). Each side's
// edits are hunks against base; hunks of the two sides that overlap form a
// cluster that both sides changed. Touching hunks are independent when both
// replace distinct blocks, but not when one is an insertion (which order
// the two texts go in would be a guess) nor at line level, where adjacent
// lines are often one wrapped sentence.
Merged mergeUnits(const QStringList &base, const QStringList &ours, const QStringList &theirs, bool lineLevel)
{
    // Alignments above SequenceAlignment::kMaxCells cells are not attempted:
    // refusing is safe, a quadratic blow-up on a 5 MiB body is not.
    const SequenceAlignment mo = SequenceAlignment::align<QString>(base, ours, SequenceAlignment::Fallback::Unmatched);
    const SequenceAlignment mt
        = SequenceAlignment::align<QString>(base, theirs, SequenceAlignment::Fallback::Unmatched);
    if (!mo.exact || !mt.exact)
        return { false, {}, QStringLiteral("the texts are too large to merge automatically") };
    const QList<Hunk> oh = hunksOf(mo.match, ours.size());
    const QList<Hunk> th = hunksOf(mt.match, theirs.size());
    QHash<QString, int> counts = tally(base);
    for (const QStringList *side : { &ours, &theirs }) {
        const QHash<QString, int> local = tally(*side);
        for (auto it = local.cbegin(); it != local.cend(); ++it)
            counts[it.key()] = std::max(counts.value(it.key()), it.value());
    }
    QString out;
    const auto copy = [&out](const QStringList &units, qsizetype from, qsizetype to) {
        for (qsizetype k = from; k < to; ++k)
            out += units[k];
    };
    qsizetype pos = 0;
    qsizetype oi = 0;
    qsizetype ti = 0;
    while (oi < oh.size() || ti < th.size()) {
        const qsizetype oFirst = oi;
        const qsizetype tFirst = ti;
        const bool oursFirst = ti >= th.size() || (oi < oh.size() && oh[oi].baseBegin <= th[ti].baseBegin);
        const qsizetype cb = oursFirst ? oh[oi].baseBegin : th[ti].baseBegin;
        qsizetype ce = cb;
        bool insertionAtEnd = false;
        const auto take = [&](const Hunk &h) {
            if (h.baseEnd > ce) {
                ce = h.baseEnd;
                insertionAtEnd = false;
            }
            if (h.isInsertion() && h.baseEnd == ce)
                insertionAtEnd = true;
        };
        take(oursFirst ? oh[oi++] : th[ti++]);
        const auto joins = [&](const Hunk &h) {
            return h.baseBegin < ce || (h.baseBegin == ce && (lineLevel || h.isInsertion() || insertionAtEnd));
        };
        for (bool grew = true; grew;) {
            grew = false;
            if (oi < oh.size() && joins(oh[oi])) {
                take(oh[oi++]);
                grew = true;
            }
            if (ti < th.size() && joins(th[ti])) {
                take(th[ti++]);
                grew = true;
            }
        }
        copy(base, pos, cb);
        if (oi > oFirst && ti > tFirst) {
            // Outside its hunks a side matches base unit for unit, so the
            // cluster's edges map to the side by plain offsets.
            const qsizetype os = oh[oFirst].sideBegin - (oh[oFirst].baseBegin - cb);
            const qsizetype oe = oh[oi - 1].sideEnd + (ce - oh[oi - 1].baseEnd);
            const qsizetype ts = th[tFirst].sideBegin - (th[tFirst].baseBegin - cb);
            const qsizetype te = th[ti - 1].sideEnd + (ce - th[ti - 1].baseEnd);
            const QStringList oc = ours.mid(os, oe - os);
            const QStringList tc = theirs.mid(ts, te - ts);
            if (oc == tc) {
                out += oc.join(QString()); // the same edit on both sides, once
            } else {
                const Merged region = mergeConflictingRegion(base.mid(cb, ce - cb), oc, tc, lineLevel);
                if (!region.clean)
                    return region;
                out += region.text;
            }
        } else {
            const Hunk &h = oi > oFirst ? oh[oFirst] : th[tFirst];
            copy(oi > oFirst ? ours : theirs, h.sideBegin, h.sideEnd);
        }
        // An edit's place is fixed by the units around it; if one of those
        // appears more than once, the place is a guess, and a guess may
        // duplicate text.
        if (ambiguousAnchor(base, cb - 1, -1, counts) || ambiguousAnchor(base, ce, 1, counts))
            return { false, {}, QStringLiteral("repeated lines make the place of a change ambiguous") };
        pos = ce;
    }
    copy(base, pos, base.size());
    if (!countsPlausible(base, ours, theirs, lineLevel ? splitLines(out) : splitBlocks(out)))
        return { false, {}, QStringLiteral("repeated text would be duplicated or dropped by the merge") };
    return { true, out, {} };
}

} // namespace

MarkdownMerge MarkdownMerge::merge(const QString &base, const QString &ours, const QString &theirs)
{
    if (ours == theirs)
        return { true, ours, {} };
    if (ours == base)
        return { true, theirs, {} };
    if (theirs == base)
        return { true, ours, {} };
    const Merged m = mergeUnits(splitBlocks(base), splitBlocks(ours), splitBlocks(theirs), false);
    if (!m.clean)
        return { false, {}, m.reason };
    return { true, m.text, {} };
}

} // namespace quire::shared
