// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextDocument;

namespace quire::desktop {

class MarkdownInlineCache;

// Brings an open document to a new version by replacing only what differs,
// as one undoable edit, so that the cursors, the scroll position and the
// undo history of an editor showing it survive (a sync that brings another
// replica's change, the source view's edits reaching the rich view).
//
// Rich documents are compared by their top-level units (a block, a table);
// the common units at both ends stay untouched, and the cut never runs
// through a list, a quote or a code block (they are replaced whole). Plain
// text is compared by characters.
class DocumentPatcher
{
public:
    // What one patch replaced: `removed` characters at `position` became
    // `inserted` ones.
    struct Change
    {
        int position = 0;
        int removed = 0;
        int inserted = 0;
    };

    // Makes `document` hold what `target` holds (same text and formats),
    // changing only the units that differ. False, with `document` as it
    // was, when the result would not be the same as `target` (the caller
    // then loads it whole).
    // The check writes both documents as Markdown: with `cache` (holding
    // the target's blocks, as after loading it), only blocks it has not
    // seen are written.
    static bool patch(QTextDocument *document, const QTextDocument &target, Change *change = nullptr,
                      MarkdownInlineCache *cache = nullptr);

    // Makes a plain text document hold `text`, replacing only the
    // characters between the common beginning and end.
    static Change patchText(QTextDocument *document, const QString &text);

    // Where a position before the change is after it: unmoved before it,
    // shifted after it, and inside the replaced text at the same distance
    // from its start (at most its end).
    static int map(const Change &change, int position);

private:
    // `before` at `at` becoming `after`, less what they share at both ends.
    static Change narrow(int at, const QString &before, const QString &after);
};

} // namespace quire::desktop
