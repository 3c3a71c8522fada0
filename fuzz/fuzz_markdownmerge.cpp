// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the three-way Markdown merge that sync runs on two edits of one
// body. The input is base, ours and theirs separated by NUL bytes. Beyond
// no crash: a merge that gives one side's edit back when the other side
// changed nothing, and the same answer whichever side is "ours".
#include "shared/markdownmerge.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using quire::shared::MarkdownMerge;

void require(bool condition, const char *what, const QString &base, const QString &ours, const QString &theirs)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_markdownmerge: %s\n--- base ---\n%s\n--- ours ---\n%s\n--- theirs ---\n%s\n", what,
                 qPrintable(base), qPrintable(ours), qPrintable(theirs));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QList<QByteArray> parts = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    const QString base = QString::fromUtf8(parts.value(0));
    const QString ours = QString::fromUtf8(parts.value(1));
    const QString theirs = QString::fromUtf8(parts.value(2));

    const MarkdownMerge merged = MarkdownMerge::merge(base, ours, theirs);
    require(merged.clean || !merged.reason.isEmpty(), "a refused merge without a reason", base, ours, theirs);
    require(merged.clean || merged.text.isEmpty(), "a refused merge with text", base, ours, theirs);

    // Which replica pushed first must not change the outcome.
    const MarkdownMerge swapped = MarkdownMerge::merge(base, theirs, ours);
    require(merged.clean == swapped.clean, "the merge is clean one way round only", base, ours, theirs);
    require(merged.text == swapped.text, "the merge differs with the sides swapped", base, ours, theirs);

    // A side that changed nothing takes the other's text as it is.
    require(MarkdownMerge::merge(base, ours, base).text == ours, "an edit against no change was not kept", base, ours,
            theirs);
    require(MarkdownMerge::merge(base, base, theirs).text == theirs, "an edit against no change was not kept", base,
            ours, theirs);

    return 0;
}
