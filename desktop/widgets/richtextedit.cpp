// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/richtextedit.h"

#include "desktop/widgets/fittedimagehandler.h"
#include "desktop/widgets/linkdialog.h"
#include "desktop/widgets/listformatter.h"
#include "desktop/widgets/markdownshortcuts.h"
#include "desktop/widgets/tabledialog.h"
#include "desktop/widgets/tableformatter.h"
#include "desktop/widgets/textformatter.h"
#include "desktop/widgets/tr.h"
#include "desktop/widgets/writingcanvas.h"
#include "shared/markdownrenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QTextList>

#include <algorithm>

namespace quire::gui {

namespace {

// Wider images are kept in memory scaled down (the stored file keeps its
// size); the view scales them further to the text's width.
constexpr int kMaxShownImageWidth = 1600;
// Pixels between the view's edge and the text on every side.
constexpr qreal kPageMargin = 16;
// Files bigger than this are not read into memory for the importer.
constexpr qint64 kMaxImageFileBytes = 50 * 1024 * 1024;
// The text one writes in reads a little larger than the app's labels, as
// on the readers' pages.
constexpr qreal kCanvasFontScale = 1.2;

bool isMediaUrl(const QString &url)
{
    return url.startsWith(QLatin1String("/media/"));
}

// What other programs' formatting may leave in an article: links only to
// the targets the site keeps, images only from the media library (others
// would be fetched from elsewhere by every reader); an image that goes
// leaves its alternative text.
void sanitize(QTextDocument &doc)
{
    struct Change
    {
        int start;
        int length;
        QTextCharFormat format;
        QString replacement; // for an image: its alternative text
        bool image;
    };
    QList<Change> changes;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            QTextCharFormat format = f.charFormat();
            if (format.isImageFormat()) {
                const QTextImageFormat image = format.toImageFormat();
                if (!isMediaUrl(image.name()))
                    changes.append({ f.position(), f.length(), QTextCharFormat(),
                                     image.stringProperty(QTextFormat::ImageAltText), true });
            } else if (format.isAnchor() && !shared::MarkdownRenderer::isSafeUrl(format.anchorHref().toUtf8())) {
                format.setAnchor(false);
                format.clearProperty(QTextFormat::AnchorHref);
                format.clearProperty(QTextFormat::ForegroundBrush);
                changes.append({ f.position(), f.length(), format, QString(), false });
            }
        }
    }
    // Back to front, so earlier positions stay valid.
    for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
        QTextCursor c(&doc);
        c.setPosition(it->start);
        c.setPosition(it->start + it->length, QTextCursor::KeepAnchor);
        if (it->image)
            c.insertText(it->replacement, QTextCharFormat());
        else
            c.setCharFormat(it->format);
    }
}

} // namespace

RichTextEdit::RichTextEdit(QWidget *parent)
    : QTextEdit(parent)
{
    setAcceptRichText(true);
    setTabChangesFocus(false);
    // Links are edited here, not followed.
    setTextInteractionFlags(Qt::TextEditorInteraction);
    new FittedImageHandler(this);
    m_canvas = new WritingCanvas(this);
    QFont canvasFont = font();
    canvasFont.setPointSizeF(canvasFont.pointSizeF() * kCanvasFontScale);
    setFont(canvasFont);
    // Room around the text, above the first line too, as a page has.
    document()->setDocumentMargin(kPageMargin);
    // The margins beside the column are the page's, not the window's.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setCursor(Qt::IBeamCursor);
    verticalScrollBar()->setCursor(Qt::ArrowCursor);
    horizontalScrollBar()->setCursor(Qt::ArrowCursor);
}

void RichTextEdit::setMediaResolver(MediaResolver resolver)
{
    m_resolver = std::move(resolver);
}

bool RichTextEdit::insertImageBytes(const QByteArray &bytes, const QString &altText)
{
    if (!m_importer)
        return false;
    const shared::Result<QString> url = m_importer(bytes);
    if (!url) {
        Q_EMIT importFailed(url.error().message);
        return false;
    }
    QTextCursor c = textCursor();
    TextFormatter::insertImage(c, *url, altText);
    setTextCursor(c);
    return true;
}

bool RichTextEdit::insertImageFile(const QString &path, const QString &altText)
{
    QFile file(path);
    if (file.size() > kMaxImageFileBytes || !file.open(QIODevice::ReadOnly)) {
        Q_EMIT importFailed(Tr::tr("%1 could not be read.").arg(QFileInfo(path).fileName()));
        return false;
    }
    const bool done = insertImageBytes(file.readAll(), altText);
    setFocus();
    return done;
}

void RichTextEdit::editLink()
{
    QTextCursor c = textCursor();
    const TextFormatter::Link existing = TextFormatter::linkAt(c);
    LinkDialog dialog(this);
    dialog.setLink(existing.isValid() && !c.hasSelection() ? existing.text : c.selectedText(), existing.url,
                   existing.isValid());
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.removeRequested())
        TextFormatter::removeLink(c);
    else
        TextFormatter::insertLink(c, dialog.text(), dialog.url());
    setTextCursor(c);
    setFocus();
}

void RichTextEdit::chooseImage()
{
    if (!m_importer) {
        Q_EMIT importFailed(Tr::tr("Images cannot be added here."));
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, Tr::tr("Insert Image"), QString(),
                                                      Tr::tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString alt = QInputDialog::getText(
        this, Tr::tr("Describe the Image"),
        Tr::tr("What the image shows, for readers who cannot see it (leave empty if it is decoration):"),
        QLineEdit::Normal, QString(), &ok);
    if (ok)
        insertImageFile(path, alt);
}

void RichTextEdit::chooseTable()
{
    TableDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextCursor c = textCursor();
    TableFormatter::insert(c, dialog.rows(), dialog.columns());
    setTextCursor(c);
    setFocus();
}

void RichTextEdit::pastePlainText()
{
    insertPlainText(QGuiApplication::clipboard()->text());
}

QRect RichTextEdit::taskMarkerRect(const QTextBlock &block) const
{
    if (!block.isValid() || !block.textList() || block.blockFormat().marker() == QTextBlockFormat::MarkerType::NoMarker)
        return {};
    const QTextLayout *layout = block.layout();
    if (!layout || layout->lineCount() == 0)
        return {};
    const QTextLine line = layout->lineAt(0);
    const QRectF box = document()->documentLayout()->blockBoundingRect(block);
    // The box is drawn in the list's indentation, left of the text.
    const qreal height = line.height();
    QRectF r(box.left() + line.x() - 1.6 * height, box.top() + line.y(), 1.6 * height, height);
    r.translate(-horizontalScrollBar()->value(), -verticalScrollBar()->value());
    return r.toAlignedRect();
}

QStringList RichTextEdit::imageFiles(const QMimeData *source) const
{
    QStringList files;
    if (!source->hasUrls())
        return files;
    const QList<QByteArray> formats = QImageReader::supportedImageFormats();
    for (const QUrl &url : source->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isFile() && formats.contains(info.suffix().toLower().toLatin1()))
            files.append(info.filePath());
    }
    return files;
}

bool RichTextEdit::canInsertFromMimeData(const QMimeData *source) const
{
    if (m_importer && (source->hasImage() || !imageFiles(source).isEmpty()))
        return true;
    return QTextEdit::canInsertFromMimeData(source);
}

void RichTextEdit::insertFromMimeData(const QMimeData *source)
{
    if (m_importer && source->hasImage()) {
        const QImage image = qvariant_cast<QImage>(source->imageData());
        QByteArray png;
        QBuffer buffer(&png);
        if (!image.isNull() && buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG"))
            insertImageBytes(png);
        else
            Q_EMIT importFailed(Tr::tr("The pasted image could not be read."));
        return;
    }
    if (const QStringList files = m_importer ? imageFiles(source) : QStringList(); !files.isEmpty()) {
        for (const QString &path : files)
            insertImageFile(path, QString());
        return;
    }
    if (source->hasFormat(QStringLiteral("text/markdown"))) {
        insertCleanMarkdown(QString::fromUtf8(source->data(QStringLiteral("text/markdown"))));
        return;
    }
    if (source->hasHtml()) {
        // Other programs' HTML comes with their fonts, colours and sizes;
        // only what Markdown can say survives the trip through it.
        QTextDocument scratch;
        scratch.setHtml(source->html());
        insertCleanMarkdown(scratch.toMarkdown(QTextDocument::MarkdownDialectGitHub));
        return;
    }
    if (source->hasText())
        insertPlainText(source->text());
}

void RichTextEdit::insertCleanMarkdown(const QString &markdown)
{
    QTextDocument scratch;
    scratch.setDefaultFont(document()->defaultFont());
    scratch.setMarkdown(markdown);
    sanitize(scratch);
    QTextCursor c = textCursor();
    c.insertFragment(QTextDocumentFragment(&scratch));
    setTextCursor(c);
    ensureCursorVisible();
}

QVariant RichTextEdit::loadResource(int type, const QUrl &name)
{
    if (type != QTextDocument::ImageResource)
        return QTextEdit::loadResource(type, name);
    // Only the media library: no network, no other files named by a text
    // that may have come from someone else.
    const QString url = name.toString();
    if (!isMediaUrl(url) || !m_resolver)
        return {};
    const QString path = m_resolver(url);
    if (path.isEmpty())
        return {};
    QImage image(path);
    if (image.isNull())
        return {};
    // Drawn as a pixmap, an image with a palette (a one-bit PNG) came out
    // as a dithered black pattern under X11: shown in a screen format.
    image = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    if (image.width() > kMaxShownImageWidth)
        image = image.scaledToWidth(kMaxShownImageWidth, Qt::SmoothTransformation);
    return image;
}

void RichTextEdit::keyPressEvent(QKeyEvent *event)
{
    const bool typing = !isReadOnly() && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
    if (typing && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        QTextCursor c = textCursor();
        if (MarkdownShortcuts::beforeReturn(c)) {
            setTextCursor(c);
            event->accept();
            return;
        }
    }
    const bool tab = event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab;
    if (tab && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) && !isReadOnly()) {
        QTextCursor c = textCursor();
        const bool back = event->key() == Qt::Key_Backtab || (event->modifiers() & Qt::ShiftModifier);
        // A tab character in a table cell would end up inside a Markdown
        // table row; Tab goes from cell to cell instead, as in word processors.
        if (c.currentTable()) {
            if (back ? TableFormatter::previousCell(c) : TableFormatter::nextCell(c))
                setTextCursor(c);
            event->accept();
            return;
        }
        if (c.currentList()) {
            if (back ? ListFormatter::outdent(c) : ListFormatter::indent(c))
                setTextCursor(c);
            event->accept(); // a tab character in a list item would only confuse Markdown
            return;
        }
    }
    const QString text = event->text();
    QTextEdit::keyPressEvent(event);
    // Markdown typed here formats as it is typed (`# `, **bold**, ...).
    if (typing && text.size() == 1) {
        QTextCursor c = textCursor();
        if (MarkdownShortcuts::afterTyping(c, text.front()))
            setTextCursor(c);
    }
}

void RichTextEdit::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !isReadOnly()) {
        const QPoint pos = event->position().toPoint();
        const QTextBlock block = cursorForPosition(pos).block();
        if (taskMarkerRect(block).contains(pos)) {
            QTextCursor c(block);
            ListFormatter::toggleTaskDone(c);
            event->accept();
            return;
        }
    }
    QTextEdit::mousePressEvent(event);
}

bool RichTextEdit::event(QEvent *event)
{
    if (forwardFromMargin(event))
        return true;
    return QTextEdit::event(event);
}

bool RichTextEdit::forwardFromMargin(QEvent *event)
{
    // Events on the viewport reach viewportEvent(), not here; what comes
    // here was in the frame or the margins beside the column.
    if (event->type() == QEvent::Wheel) {
        wheelEvent(static_cast<QWheelEvent *>(event));
        return true;
    }
    const bool mouse = event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonRelease
        || event->type() == QEvent::MouseButtonDblClick || event->type() == QEvent::MouseMove;
    if (!mouse)
        return false;
    auto *e = static_cast<QMouseEvent *>(event);
    const QRect view = viewport()->geometry();
    const QPointF inView = e->position() - QPointF(view.topLeft());
    const QPointF at(std::clamp(inView.x(), 0.0, qreal(view.width() - 1)),
                     std::clamp(inView.y(), 0.0, qreal(view.height() - 1)));
    QMouseEvent moved(e->type(), at, e->globalPosition(), e->button(), e->buttons(), e->modifiers(),
                      e->pointingDevice());
    switch (e->type()) {
    case QEvent::MouseButtonPress:
        mousePressEvent(&moved);
        break;
    case QEvent::MouseButtonRelease:
        mouseReleaseEvent(&moved);
        break;
    case QEvent::MouseButtonDblClick:
        mouseDoubleClickEvent(&moved);
        break;
    default:
        mouseMoveEvent(&moved);
        break;
    }
    event->setAccepted(moved.isAccepted());
    return true;
}

void RichTextEdit::changeEvent(QEvent *event)
{
    QTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // Links and quotes take the new theme's colours, the text stays.
        m_canvas->restyle();
        viewport()->update();
    } else if (event->type() == QEvent::FontChange) {
        updateColumn();
    }
}

void RichTextEdit::paintEvent(QPaintEvent *event)
{
    {
        QPainter painter(viewport());
        m_canvas->paintBehind(painter);
    }
    QTextEdit::paintEvent(event);
}

void RichTextEdit::resizeEvent(QResizeEvent *event)
{
    updateColumn();
    QTextEdit::resizeEvent(event);
}

void RichTextEdit::updateColumn()
{
    const QScrollBar *bar = verticalScrollBar();
    const int room = contentsRect().width() - (bar->isVisibleTo(this) ? bar->sizeHint().width() : 0);
    const QMargins margins = WritingCanvas::columnMargins(room, font(), document()->documentMargin());
    if (viewportMargins() != margins)
        setViewportMargins(margins);
}

} // namespace quire::gui
