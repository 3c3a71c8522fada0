// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace quire::shared {

// Three-way merge of Markdown text, used by sync when two replicas changed
// the same body. Works on Markdown blocks first (paragraphs; fenced code,
// tables and list items kept whole), then on lines inside a changed block.
// It never guesses: where both sides changed the same place, or where
// repeated lines make the place ambiguous, the merge is refused and the
// caller keeps both versions.
struct MarkdownMerge
{
    bool clean = false;
    QString text; // the merged text when clean; empty otherwise
    QString reason; // why the merge was refused, for logs and conflict records

    static MarkdownMerge merge(const QString &base, const QString &ours, const QString &theirs);
};

} // namespace quire::shared
