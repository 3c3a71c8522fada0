// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace quire::shared {

// A line diff of two texts (longest common subsequence after trimming the
// common head and tail), for comparing two revisions of an article.
struct TextDiff
{
    enum class Kind { Same, Removed, Added };
    struct Line
    {
        Kind kind = Kind::Same;
        QString text;
    };

    static QList<Line> lines(const QString &before, const QString &after);
    // The same as unified-diff-like text: "  same", "- removed", "+ added".
    static QString render(const QList<Line> &diff);
};

} // namespace quire::shared
