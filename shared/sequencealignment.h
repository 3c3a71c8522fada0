// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QtGlobal>

#include <span>
#include <vector>

namespace quire::shared {

// Aligns two sequences on a longest common subsequence.
//
// For each element of `a`, the index of its partner in `b`. One alignment
// for the line diff of revisions (TextDiff), the three-way merge of Markdown
// (MarkdownMerge) and the desktop's putting back of unchanged Markdown
// blocks (MarkdownDocument).
//
// The common head and tail are matched first, as they are. The middle is
// aligned by dynamic programming over a table of one cell per pair of its
// elements; where several longest subsequences exist, the walk skips an
// element of `a` before one of `b`, so that the same inputs always align
// alike. A middle of more than kMaxCells cells gets no table (a 5 MiB body
// would need gigabytes): the caller's fallback answers instead.
struct SequenceAlignment
{
    // What answers for a middle too large for the table.
    enum class Fallback {
        // Nothing in the middle is matched: only the common head and tail.
        Unmatched,
        // Each element of `a` takes the first equal one of `b` after the last
        // taken: a common subsequence in one pass, not always a longest.
        Greedy,
    };

    // The most table cells (middle of `a` times middle of `b`) aligned exactly.
    static constexpr qsizetype kMaxCells = 4'000'000;

    // Per element of `a`: its index in `b`, or -1. Matched indices increase.
    std::vector<qsizetype> match;
    // Whether the match is a longest common subsequence; false when the
    // middle was too large and the fallback answered.
    bool exact = true;

    // Elements are compared with == and hashed with qHash().
    template<typename T> static SequenceAlignment align(std::span<const T> a, std::span<const T> b, Fallback fallback);

private:
    // The middles as numbers (equal elements, equal numbers, from 0 on):
    // for each element of `a`, its index in `b`, or -1.
    static std::vector<qsizetype> alignMiddle(const std::vector<int> &a, const std::vector<int> &b, int distinct,
                                              bool greedy);
};

template<typename T>
SequenceAlignment SequenceAlignment::align(std::span<const T> a, std::span<const T> b, Fallback fallback)
{
    SequenceAlignment result;
    result.match.assign(a.size(), -1);
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) {
        result.match[head] = qsizetype(head);
        ++head;
    }
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        result.match[a.size() - 1 - tail] = qsizetype(b.size() - 1 - tail);
        ++tail;
    }
    const size_t n = a.size() - head - tail;
    const size_t m = b.size() - head - tail;
    if (n == 0 || m == 0)
        return result;
    // n * m > kMaxCells, without overflowing on absurd sizes.
    result.exact = n <= size_t(kMaxCells) / m;
    if (!result.exact && fallback == Fallback::Unmatched)
        return result;
    // The table compares numbers, not (long) lines.
    QHash<T, int> ids;
    const auto idOf = [&ids](const T &x) {
        const auto it = ids.constFind(x);
        if (it != ids.constEnd())
            return *it;
        const int id = int(ids.size());
        ids.insert(x, id);
        return id;
    };
    std::vector<int> middleA;
    middleA.reserve(n);
    for (size_t i = head; i < head + n; ++i)
        middleA.push_back(idOf(a[i]));
    std::vector<int> middleB;
    middleB.reserve(m);
    for (size_t j = head; j < head + m; ++j)
        middleB.push_back(idOf(b[j]));
    const std::vector<qsizetype> middle = alignMiddle(middleA, middleB, int(ids.size()), !result.exact);
    for (size_t i = 0; i < n; ++i) {
        if (middle[i] >= 0)
            result.match[head + i] = qsizetype(head) + middle[i];
    }
    return result;
}

} // namespace quire::shared
