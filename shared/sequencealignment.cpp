// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/sequencealignment.h"

#include <algorithm>

namespace quire::shared {

namespace {

// For the middle of two long sequences, a common subsequence in one pass:
// each element of `a` takes the first equal one of `b` after the last taken.
// The positions of each number in `b` lie in one array, grouped by number
// (a few words per element, however large the input).
std::vector<qsizetype> alignGreedily(const std::vector<int> &a, const std::vector<int> &b, int distinct)
{
    std::vector<qsizetype> match(a.size(), -1);
    // first[x] .. first[x + 1]: where number x's positions lie in `positions`
    std::vector<size_t> first(size_t(distinct) + 1, 0);
    for (const int x : b)
        ++first[size_t(x) + 1];
    for (size_t x = 0; x < size_t(distinct); ++x)
        first[x + 1] += first[x];
    std::vector<size_t> next(first.begin(), first.end() - 1); // per number: its first position not yet passed
    std::vector<size_t> positions(b.size());
    for (size_t j = 0; j < b.size(); ++j)
        positions[next[size_t(b[j])]++] = j;
    std::copy(first.begin(), first.end() - 1, next.begin());
    size_t after = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        const size_t end = first[size_t(a[i]) + 1];
        size_t &k = next[size_t(a[i])];
        while (k < end && positions[k] < after)
            ++k;
        if (k < end) {
            match[i] = qsizetype(positions[k]);
            after = positions[k] + 1;
            ++k;
        }
    }
    return match;
}

// LCS lengths from the end, then one forward walk.
std::vector<qsizetype> alignByTable(const std::vector<int> &a, const std::vector<int> &b)
{
    const size_t n = a.size();
    const size_t m = b.size();
    std::vector<qsizetype> match(n, -1);
    std::vector<int> table((n + 1) * (m + 1), 0);
    const auto at = [&](size_t i, size_t j) -> int & { return table[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
        for (size_t j = m; j-- > 0;)
            at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    size_t i = 0;
    size_t j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) {
            match[i] = qsizetype(j);
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

} // namespace

std::vector<qsizetype> SequenceAlignment::alignMiddle(const std::vector<int> &a, const std::vector<int> &b,
                                                      int distinct, bool greedy)
{
    return greedy ? alignGreedily(a, b, distinct) : alignByTable(a, b);
}

} // namespace quire::shared
