// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace quire::desktop {

// Cuts Markdown into its top-level blocks by the shape of their lines.
//
// It may cut wrong where Markdown is subtle; the caller checks every piece
// with md4c and joins pieces that do not stand alone. MarkdownDocument cuts
// its source so, to put unchanged blocks back.
struct MarkdownBlockSplitter
{
    // A block's characters, from its first line's start to its last line's
    // end (before the line ending).
    struct Span
    {
        qsizetype begin = 0;
        qsizetype end = 0;
    };

    static std::vector<Span> split(const QString &s);
};

} // namespace quire::desktop
