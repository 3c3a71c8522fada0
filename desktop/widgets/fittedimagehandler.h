// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTextObjectInterface>

class QTextEdit;

namespace quire::gui {

// Lays out a text view's images no wider than the text beside them.
class FittedImageHandler final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    // Takes over the images of `edit`'s document layout. A wider image is
    // scaled down with its proportions, so it never needs a horizontal
    // scroll bar, and follows the view as it is resized; this is layout
    // alone: the document's image formats, and so the Markdown, stay as
    // they are. Drawing (and images not there yet) stays with Qt's own
    // handler.
    explicit FittedImageHandler(QTextEdit *edit);

    QSizeF intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
                    const QTextFormat &format) override;

    // The width an inline object at `position` may take: the text's width
    // less the margins and indents of its block, its list and its table
    // cell.
    static qreal roomAt(QTextDocument *doc, int position);
    // How wide the text right after the object at `position` is, up to
    // where a line may break.
    static qreal gluedWidthAfter(QTextDocument *doc, int position);

private:
    QTextObjectInterface *m_qt;
};

} // namespace quire::gui
