// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/textdiff.h"

#include <vector>

namespace quire::shared {

QList<TextDiff::Line> TextDiff::lines(const QString &before, const QString &after)
{
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;
    QList<Line> out;
    for (qsizetype i = 0; i < head; ++i)
        out.append({ Kind::Same, a[i] });
    // Revisions differ in a few places, so the middle is small; a very large
    // middle is shown as replaced rather than spending quadratic memory.
    if (n * m > 4'000'000) {
        for (qsizetype i = 0; i < n; ++i)
            out.append({ Kind::Removed, a[head + i] });
        for (qsizetype j = 0; j < m; ++j)
            out.append({ Kind::Added, b[head + j] });
    } else {
        std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j) {
                lcs[size_t(i)][size_t(j)] = a[head + i] == b[head + j]
                    ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                    : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
            }
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                out.append({ Kind::Same, a[head + i] });
                ++i;
                ++j;
            } else if (i < n && (j == m || lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)])) {
                out.append({ Kind::Removed, a[head + i] });
                ++i;
            } else {
                out.append({ Kind::Added, b[head + j] });
                ++j;
            }
        }
    }
    for (qsizetype i = a.size() - tail; i < a.size(); ++i)
        out.append({ Kind::Same, a[i] });
    return out;
}

QString TextDiff::render(const QList<Line> &diff)
{
    QStringList out;
    for (const Line &l : diff) {
        const char *mark = l.kind == Kind::Same ? "  " : l.kind == Kind::Removed ? "- " : "+ ";
        out << QLatin1String(mark) + l.text;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace quire::shared
