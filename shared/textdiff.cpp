// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/textdiff.h"

#include "shared/sequencealignment.h"

#include <vector>

namespace quire::shared {

QList<TextDiff::Line> TextDiff::lines(const QString &before, const QString &after)
{
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    // Revisions differ in a few places, so the middle is small; a very large
    // middle is shown as replaced rather than spending quadratic memory.
    const std::vector<qsizetype> match
        = SequenceAlignment::align<QString>(a, b, SequenceAlignment::Fallback::Unmatched).match;
    // Between two kept lines, the removed ones come first, then the added.
    QList<Line> out;
    qsizetype j = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const qsizetype k = match[size_t(i)];
        if (k < 0) {
            out.append({ Kind::Removed, a[i] });
            continue;
        }
        for (; j < k; ++j)
            out.append({ Kind::Added, b[j] });
        out.append({ Kind::Same, a[i] });
        j = k + 1;
    }
    for (; j < b.size(); ++j)
        out.append({ Kind::Added, b[j] });
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
