// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace quire::shared {

// Merging a branch back into the prompt it came from, the one rule the
// server's merge route and the desktop's Merge Back share. Each versioned
// column (kind, content, messages, model, temperature, max_tokens, all as
// their stored text) is merged three ways: base is the version the branch
// started at, ours the prompt now, theirs the branch. Content goes through
// MarkdownMerge. Chat messages are merged message by message (a message's
// role and text are one unit a person edits; merging their JSON as text
// could break the list or pair a role with another message's text): when
// the three lists are as long, each message's role is a setting and its text
// a MarkdownMerge; when the branch or the prompt added or removed messages,
// the side that changed the list wins and a change on both is a clash.
// A setting changed on one side is taken; on both, differently, it clashes.
// Nothing is ever dropped: a clash keeps both texts.
struct PromptBranchMerge
{
    // One column both sides changed in ways that do not merge.
    struct Clash
    {
        QString column;
        QString base;
        QString ours; // the prompt's text
        QString theirs; // the branch's text
        QString reason;
    };

    bool clean = false;
    QMap<QString, QString> values; // every column, merged where it merged (ours where it clashed)
    QList<Clash> clashes;

    // The columns merged, in the order clashes are reported.
    static const QStringList &columns();
    static PromptBranchMerge merge(const QMap<QString, QString> &base, const QMap<QString, QString> &ours,
                                   const QMap<QString, QString> &theirs);
};

} // namespace quire::shared
