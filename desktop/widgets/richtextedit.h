// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QTextEdit>

#include <functional>

class QTextBlock;

namespace quire::gui {

class WritingCanvas;

// Stores image bytes (in the media library) and returns their address,
// /media/<sha256>, or why it could not.
using ImageImporter = std::function<shared::Result<QString>(const QByteArray &bytes)>;
// The local file behind a media address; empty when it is not there (yet).
using MediaResolver = std::function<QString(const QString &url)>;

// The WYSIWYG view of an article body. On top of QTextEdit: images pasted
// or dropped (image data or image files) go through the importer into the
// media library and in as /media/ addresses; the editor shows them through
// the resolver and never fetches anything from the network. Text pasted
// from other programs keeps its structure (headings, emphasis, lists,
// links, tables) but none of their styles: it goes in through Markdown,
// the only formatting an article can carry, with unsafe links and foreign
// images dropped. Tab and Shift+Tab move between table cells (Tab in the
// last cell adds a row) and nest list items; a click on a task's box ticks
// it. Markdown typed here takes its format as it is typed (MarkdownShortcuts).
// The link, image and table commands ask for what they need in dialogs.
// The text is set on a writing canvas (WritingCanvas): a centred column of
// readable width, the margins beside it part of the page.
class RichTextEdit final : public QTextEdit
{
    Q_OBJECT
public:
    explicit RichTextEdit(QWidget *parent = nullptr);

    void setImageImporter(ImageImporter importer) { m_importer = std::move(importer); }
    void setMediaResolver(MediaResolver resolver);
    bool canImportImages() const { return bool(m_importer); }

    // Stores the image and inserts it at the cursor; false (after
    // importFailed) when it could not be stored.
    bool insertImageBytes(const QByteArray &bytes, const QString &altText = QString());
    bool insertImageFile(const QString &path, const QString &altText);
    // The insert commands, each asking what it needs: a link's text and
    // address (or the one under the cursor, to change or remove), an image
    // file and its description, a table's size.
    void editLink();
    void chooseImage();
    void chooseTable();
    // Pastes the clipboard's text without any formatting.
    void pastePlainText();
    // Where the box of a task item is, in viewport coordinates; empty for
    // other blocks. A click there ticks or unticks it.
    QRect taskMarkerRect(const QTextBlock &block) const;

Q_SIGNALS:
    void importFailed(const QString &message);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    QVariant loadResource(int type, const QUrl &name) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Centres the text in a column no wider than the canvas allows.
    void updateColumn();
    // A mouse event in the margins beside the column, as if it were at the
    // column's nearest edge.
    bool forwardFromMargin(QEvent *event);

    QStringList imageFiles(const QMimeData *source) const;
    void insertCleanMarkdown(const QString &markdown);

    ImageImporter m_importer;
    MediaResolver m_resolver;
    WritingCanvas *m_canvas;
};

} // namespace quire::gui
