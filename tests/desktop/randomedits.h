// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QList>
#include <QRandomGenerator>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace quire::test {

// The edits a user makes, for tests that throw many of them at a document.
enum class RandomEdit { Insert, Delete, Split, RemoveBlock, Bold, LineBreak, Undo };

// One edit, of a kind drawn from `kinds`, at a random place of `document`:
// a few characters of `alphabet` typed, up to twelve characters deleted, a
// paragraph split or removed, a few characters made bold, a line break, or
// the last step undone. The same `rng` seed gives the same edits.
inline void randomEdit(QTextDocument &document, QRandomGenerator &rng, const QList<RandomEdit> &kinds,
                       const QString &alphabet)
{
    QTextCursor c(&document);
    c.setPosition(int(rng.bounded(document.characterCount())));
    switch (kinds[qsizetype(rng.bounded(int(kinds.size())))]) {
    case RandomEdit::Insert: {
        QString text;
        for (int i = 0, n = 1 + int(rng.bounded(6)); i < n; ++i)
            text += alphabet[rng.bounded(int(alphabet.size()))];
        c.insertText(text);
        break;
    }
    case RandomEdit::Delete:
        c.setPosition(std::min(c.position() + 1 + int(rng.bounded(12)), document.characterCount() - 1),
                      QTextCursor::KeepAnchor);
        c.removeSelectedText();
        break;
    case RandomEdit::Split:
        c.insertBlock();
        break;
    case RandomEdit::RemoveBlock:
        c.select(QTextCursor::BlockUnderCursor);
        c.removeSelectedText();
        break;
    case RandomEdit::Bold: {
        c.setPosition(std::min(c.position() + 1 + int(rng.bounded(8)), document.characterCount() - 1),
                      QTextCursor::KeepAnchor);
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        c.mergeCharFormat(bold);
        break;
    }
    case RandomEdit::LineBreak:
        c.insertText(QString(QChar::LineSeparator));
        break;
    case RandomEdit::Undo:
        document.undo();
        break;
    }
}

} // namespace quire::test
