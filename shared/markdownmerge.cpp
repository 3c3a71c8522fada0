// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/markdownmerge.h"

namespace quire::shared {

MarkdownMerge MarkdownMerge::merge(const QString &base, const QString &ours, const QString &theirs)
{
    // Placeholder until the block merge lands: only trivial cases merge.
    if (ours == theirs)
        return {true, ours, {}};
    if (ours == base)
        return {true, theirs, {}};
    if (theirs == base)
        return {true, ours, {}};
    return {false, {}, QStringLiteral("both sides changed the text")};
}

} // namespace quire::shared
