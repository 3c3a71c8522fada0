// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMargins>
#include <QPointer>
#include <QSyntaxHighlighter>

class QFont;
class QPainter;
class QPalette;
class QTextEdit;

namespace quire::gui {

// How the rich view's text looks, never what it is: a column of readable
// width, quotes with a bar and muted text, code on a background of its own,
// links in the palette's link colour, all from the view's palette so a
// theme change restyles the open text.
//
// View-only on purpose: the Markdown, the document's formats and its undo
// history are what the user wrote and what merges compare. The colours are
// the layout's additional formats (a syntax highlighter's, which never
// enter the document), the bars and code backgrounds are painted behind the
// text, and the column is the view's margins (RichTextEdit asks
// sideMargin()).
class WritingCanvas final : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    // About as many characters in a line as readers read comfortably.
    static constexpr int kColumnCharacters = 72;

    // Styles what `edit` shows, for as long as both live.
    explicit WritingCanvas(QTextEdit *edit);

    // The widest text column for text in `font`, margins of the document
    // (`documentMargin` each side) included.
    static int columnWidth(const QFont &font, qreal documentMargin);
    // The blank margins left and right of a column centred in `width`
    // pixels; a narrow view keeps a little room to breathe.
    static QMargins columnMargins(int width, const QFont &font, qreal documentMargin);

    // The canvas' colours, from a palette: quotes' text, their bars (and
    // rules), and the ground under code.
    static QColor mutedText(const QPalette &palette);
    static QColor barColour(const QPalette &palette);
    static QColor codeBackground(const QPalette &palette);

    // Styles the whole text again, as after a change of palette. Qt's
    // rehighlight() announces a change of contents that did not happen
    // (the editor would take it for an edit and save); this one does not.
    void restyle();

    // Draws what lies behind the visible text (code blocks' backgrounds,
    // quotes' bars) with `painter` on the view's viewport.
    void paintBehind(QPainter &painter) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QPointer<QTextEdit> m_edit;
};

} // namespace quire::gui
