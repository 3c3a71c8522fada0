// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/findreplacebar.h"
#include "tests/desktop/editorharness.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QFileDialog>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTextBlock>
#include <QTextTable>

using quire::gui::BodyEditor;
using quire::gui::FindReplaceBar;
using quire::test::EditorHarness;
using Id = quire::gui::FormatActions::Id;

namespace {

void clickButton(QDialog *dialog, QDialogButtonBox::StandardButton which)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(box);
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

QImage greenSquare(int size)
{
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(QColor(0, 128, 0));
    return image;
}

} // namespace

// What the body editor puts into a text with dialogs, files and the
// clipboard, driven like a user under offscreen: links (and the unsafe
// ones refused), tables with rows and columns added and removed and Tab
// moving between their cells, images through the media importer (chosen,
// pasted), text pasted from other programs, and find/replace in both views.
class TestEditorInserts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<EditorHarness> h;

    FindReplaceBar *bar() const { return h->editor()->findBar(); }
    void goToCell(int row, int column)
    {
        QTextCursor c = h->rich()->textCursor();
        QVERIFY(c.currentTable());
        h->rich()->setTextCursor(c.currentTable()->cellAt(row, column).firstCursorPosition());
    }

    // The cursor into the first cell of the text's first table.
    void enterTable()
    {
        const QList<QTextFrame *> frames = h->rich()->document()->rootFrame()->childFrames();
        auto *table = frames.isEmpty() ? nullptr : qobject_cast<QTextTable *>(frames.first());
        QVERIFY(table);
        h->rich()->setTextCursor(table->cellAt(0, 0).lastCursorPosition());
    }
    // The width the rich view gives its first image; 0 when there is none.
    qreal shownImageWidth() const
    {
        for (QTextBlock b = h->rich()->document()->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat f = it.fragment().charFormat();
                if (f.isImageFormat())
                    return h->rich()->document()->documentLayout()->blockBoundingRect(b).width() > 0
                        ? imageWidthIn(b, it.fragment())
                        : 0;
            }
        }
        return 0;
    }
    qreal imageWidthIn(const QTextBlock &block, const QTextFragment &fragment) const
    {
        const QTextLayout *layout = block.layout();
        const int at = fragment.position() - block.position();
        const QTextLine line = layout->lineForTextPosition(at);
        if (!line.isValid())
            return 0;
        return line.cursorToX(at + 1) - line.cursorToX(at);
    }
    // The first image is on screen, as wide as the text at most, with no
    // horizontal scroll bar, and its pixels are drawn (green, as it is).
    bool imageShownWhole() const
    {
        QTextEdit *rich = h->rich();
        const int room = rich->viewport()->width();
        const auto check = [&] {
            const qreal width = shownImageWidth();
            if (width <= 0 || width > room || rich->horizontalScrollBar()->isVisible())
                return false;
            // Drawn, not a blank gap: green across the image's width.
            const QImage shot = rich->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
            const QRgb green = qRgb(0, 128, 0);
            int left = shot.width();
            int right = -1;
            for (int y = 0; y < shot.height(); ++y) {
                const auto *line = reinterpret_cast<const QRgb *>(shot.constScanLine(y));
                for (int x = 0; x < shot.width(); ++x) {
                    if (line[x] == green) {
                        left = std::min(left, x);
                        right = std::max(right, x);
                    }
                }
            }
            const qreal scale = shot.devicePixelRatio();
            return right >= left && (right - left + 1) / scale >= width - 2;
        };
        if (QTest::qWaitFor(check))
            return true;
        qWarning("image width %g in a view %d wide, scroll bar %s", shownImageWidth(), room,
                 rich->horizontalScrollBar()->isVisible() ? "shown" : "hidden");
        return false;
    }
    QString cursorCell() const
    {
        const QTextCursor c = h->rich()->textCursor();
        if (!c.currentTable())
            return QStringLiteral("outside a table");
        const QTextTableCell cell = c.currentTable()->cellAt(c);
        return QStringLiteral("row %1, column %2").arg(cell.row()).arg(cell.column());
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = std::make_unique<EditorHarness>();
        QVERIFY(h->ready());
    }

    void linksAreAskedForAndChecked()
    {
        h->start(QStringLiteral("Read the docs\n"));
        QTest::keyClick(h->rich(), Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
        bool refused = false;
        h->onDialog<QDialog>([&](QDialog *dialog) {
            QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("linkTextField"))->text(), QStringLiteral("docs"));
            auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("linkUrlField"));
            QTest::keyClicks(url, QStringLiteral("javascript:alert(1)"));
            clickButton(dialog, QDialogButtonBox::Ok);
            auto *problem = dialog->findChild<QLabel *>(QStringLiteral("linkProblem"));
            refused
                = dialog->isVisible() && problem->isVisible() && problem->text().contains(QStringLiteral("javascript"));
            url->selectAll();
            QTest::keyClicks(url, QStringLiteral("https://example.org/docs"));
            clickButton(dialog, QDialogButtonBox::Ok);
        });
        QTest::keyClick(h->rich(), Qt::Key_K, Qt::ControlModifier);
        QVERIFY(refused);
        QCOMPARE(h->editor()->markdown(), QStringLiteral("Read the [docs](https://example.org/docs)\n"));

        // The link under the cursor is edited, or removed.
        h->rich()->moveCursor(QTextCursor::Left);
        bool prefilled = false;
        h->onDialog<QDialog>([&](QDialog *dialog) {
            prefilled = dialog->findChild<QLineEdit *>(QStringLiteral("linkUrlField"))->text()
                == QLatin1String("https://example.org/docs");
            auto *remove = dialog->findChild<QPushButton *>(QStringLiteral("removeLinkButton"));
            QVERIFY(remove->isVisible());
            QTest::mouseClick(remove, Qt::LeftButton);
        });
        QVERIFY(h->click(Id::Link));
        QVERIFY(prefilled);
        QCOMPARE(h->editor()->markdown(), QStringLiteral("Read the docs\n"));
    }

    void tablesGrowAndShrink()
    {
        h->start(QStringLiteral("Intro\n"));
        for (Id id : { Id::AddRow, Id::RemoveRow, Id::AddColumn, Id::RemoveColumn })
            QVERIFY2(!h->editor()->action(id)->isEnabled(), "only inside a table");
        h->onDialog<QDialog>([](QDialog *dialog) {
            for (const char *name : { "tableRowsBox", "tableColumnsBox" }) {
                auto *box = dialog->findChild<QSpinBox *>(QString::fromLatin1(name));
                box->selectAll();
                QTest::keyClicks(box, QStringLiteral("2"));
            }
            clickButton(dialog, QDialogButtonBox::Ok);
        });
        QVERIFY(h->click(Id::Table));
        QVERIFY(h->rich()->textCursor().currentTable());
        const QStringList cells { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("1"), QStringLiteral("2") };
        for (int i = 0; i < 4; ++i) {
            goToCell(i / 2, i % 2);
            QTest::keyClicks(h->rich(), cells[i]);
        }
        const QString table = QStringLiteral("Intro\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n");
        QCOMPARE(h->editor()->markdown(), table);
        for (Id id : { Id::AddRow, Id::RemoveRow, Id::AddColumn, Id::RemoveColumn })
            QVERIFY(h->editor()->action(id)->isEnabled());

        goToCell(1, 0);
        QVERIFY(h->click(Id::AddRow));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("Intro\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n|  |  |\n"));
        goToCell(2, 0);
        QVERIFY(h->click(Id::RemoveRow));
        QCOMPARE(h->editor()->markdown(), table);
        goToCell(0, 0);
        QVERIFY(h->click(Id::AddColumn));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("Intro\n\n| a |  | b |\n| --- | --- | --- |\n| 1 |  | 2 |\n"));
        goToCell(0, 1);
        QVERIFY(h->click(Id::RemoveColumn));
        QCOMPARE(h->editor()->markdown(), table);
    }

    void tabMovesBetweenCells()
    {
        h->start(QStringLiteral("Intro\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"));
        enterTable();
        QCOMPARE(cursorCell(), QStringLiteral("row 0, column 0"));
        // Shift+Tab in the first cell stays there and types nothing.
        QTest::keyClick(h->rich(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(cursorCell(), QStringLiteral("row 0, column 0"));
        QTest::keyClick(h->rich(), Qt::Key_Tab);
        QCOMPARE(cursorCell(), QStringLiteral("row 0, column 1"));
        QTest::keyClicks(h->rich(), QStringLiteral("!")); // at the end of the cell's text
        QTest::keyClick(h->rich(), Qt::Key_Tab);
        QCOMPARE(cursorCell(), QStringLiteral("row 1, column 0"));
        QTest::keyClick(h->rich(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(cursorCell(), QStringLiteral("row 0, column 1"));
        QTest::keyClick(h->rich(), Qt::Key_Tab);
        QTest::keyClick(h->rich(), Qt::Key_Tab);
        QCOMPARE(cursorCell(), QStringLiteral("row 1, column 1"));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("Intro\n\n| a | b! |\n| --- | --- |\n| 1 | 2 |\n"));

        // Tab in the last cell adds a row, as word processors do.
        QTest::keyClick(h->rich(), Qt::Key_Tab);
        QCOMPARE(cursorCell(), QStringLiteral("row 2, column 0"));
        QTest::keyClicks(h->rich(), QStringLiteral("3"));
        QTest::keyClick(h->rich(), Qt::Key_Tab);
        QCOMPARE(cursorCell(), QStringLiteral("row 2, column 1"));
        QTest::keyClicks(h->rich(), QStringLiteral("4"));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("Intro\n\n| a | b! |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n"));

        // Under a table that is only its header row (read from Markdown, or
        // made with the table command), the new row is a body row.
        h->start(QStringLiteral("| a | b |\n| --- | --- |\n"));
        enterTable();
        QTest::keyClick(h->rich(), Qt::Key_Tab);
        QTest::keyClick(h->rich(), Qt::Key_Tab);
        QCOMPARE(cursorCell(), QStringLiteral("row 1, column 0"));
        QTest::keyClicks(h->rich(), QStringLiteral("1"));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("| a | b |\n| --- | --- |\n| 1 |  |\n"));
        h->start();
        h->onDialog<QDialog>([](QDialog *dialog) {
            const std::pair<const char *, QString> sizes[] { { "tableRowsBox", QStringLiteral("1") },
                                                             { "tableColumnsBox", QStringLiteral("2") } };
            for (const auto &[name, value] : sizes) {
                auto *box = dialog->findChild<QSpinBox *>(QString::fromLatin1(name));
                box->selectAll();
                QTest::keyClicks(box, value);
            }
            clickButton(dialog, QDialogButtonBox::Ok);
        });
        QVERIFY(h->click(Id::Table));
        QCOMPARE(cursorCell(), QStringLiteral("row 0, column 0"));
        for (const char *text : { "a", "b", "1", "2" }) {
            QTest::keyClicks(h->rich(), QString::fromLatin1(text));
            QTest::keyClick(h->rich(), Qt::Key_Tab);
        }
        QCOMPARE(cursorCell(), QStringLiteral("row 2, column 0"));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("| a | b |\n| --- | --- |\n| 1 | 2 |\n|  |  |\n"));
        QVERIFY(!h->editor()->markdown().contains(QLatin1Char('\t')));

        // Outside the table Tab does what it did: a list item nests.
        h->start(QStringLiteral("- one\n- two\n\n| a |\n| --- |\n"));
        h->rich()->moveCursor(QTextCursor::Start);
        h->rich()->moveCursor(QTextCursor::NextBlock);
        QVERIFY(!h->rich()->textCursor().currentTable());
        QTest::keyClick(h->rich(), Qt::Key_Tab);
        QCOMPARE(h->editor()->markdown(), QStringLiteral("- one\n  - two\n\n| a |\n| --- |\n"));
    }

    void imagesGoThroughTheMediaLibrary()
    {
        h->start(QStringLiteral("Look\n"));
        QTest::keyClicks(h->rich(), QStringLiteral(": "));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("square.png"));
        QVERIFY(greenSquare(9).save(path));
        h->onDialog<QFileDialog>([&](QFileDialog *dialog) {
            // The description is asked for once a file is chosen.
            h->onDialog<QInputDialog>([](QInputDialog *ask) {
                QTest::keyClicks(ask->findChild<QLineEdit *>(), QStringLiteral("A green square"));
                QTest::keyClick(ask->findChild<QLineEdit *>(), Qt::Key_Return);
            });
            // Qt's own file dialog, not ours: its name box is filled in
            // rather than typed into, because its path completer, fed by a
            // file system model that loads in a thread, may pop up mid-typing
            // under load and mangle the path (then the dialog stays open,
            // waiting on a "file not found" box). Accepting is what Return does.
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            name->setText(path);
            QMetaObject::invokeMethod(dialog, "accept");
        });
        QVERIFY(h->click(Id::Image));
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QString sha
            = QString::fromLatin1(QCryptographicHash::hash(original.readAll(), QCryptographicHash::Sha256).toHex());
        QCOMPARE(h->editor()->markdown(), QStringLiteral("Look: ![A green square](/media/%1)\n").arg(sha));
        // The editor shows it from the library.
        const QVariant shown
            = h->rich()->document()->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("/media/") + sha));
        QCOMPARE(qvariant_cast<QImage>(shown).size(), QSize(9, 9));
        // Typing goes on as text, not as more of the image (Qt would carry
        // its name and description over to the next characters).
        QTest::keyClicks(h->rich(), QStringLiteral(" ok"));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("Look: ![A green square](/media/%1) ok\n").arg(sha));
        const QTextCharFormat typed = h->rich()->textCursor().charFormat();
        QVERIFY(!typed.isImageFormat());
        QVERIFY(typed.toolTip().isEmpty());
        QVERIFY(!typed.hasProperty(QTextFormat::ImageName));

        // Pasted image data is stored as PNG.
        h->start();
        auto *mime = new QMimeData;
        mime->setImageData(greenSquare(6));
        QGuiApplication::clipboard()->setMimeData(mime);
        QTest::keyClick(h->rich(), Qt::Key_V, Qt::ControlModifier);
        const QString markdown = h->editor()->markdown();
        QVERIFY2(markdown.startsWith(QLatin1String("![](/media/")), qPrintable(markdown));
        const QString url = markdown.mid(4, markdown.indexOf(QLatin1Char(')')) - 4);
        const QImage stored(h->mediaFile(url));
        QCOMPARE(stored.size(), QSize(6, 6));
        QCOMPARE(stored.pixelColor(3, 3), QColor(0, 128, 0));

        // A dropped image file goes the same way, where it is dropped.
        h->start(QStringLiteral("Dropped:\n"));
        auto *files = new QMimeData;
        files->setUrls({ QUrl::fromLocalFile(path) });
        const QPoint end = h->rich()->cursorRect().center();
        QDragEnterEvent enter(end, Qt::CopyAction, files, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(h->rich()->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(end), Qt::CopyAction, files, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(h->rich()->viewport(), &drop);
        delete files;
        QCOMPARE(h->editor()->markdown(), QStringLiteral("Dropped:![](/media/%1)\n").arg(sha));

        // A refusal is said, and nothing is inserted.
        h->start();
        h->refuseImports(true);
        QVERIFY(!h->editor()->insertImageFile(path, QString()));
        h->refuseImports(false);
        QCOMPARE(h->editor()->findChild<QLabel *>(QStringLiteral("editorMessage"))->text(),
                 QStringLiteral("The image is too large."));
        QCOMPARE(h->editor()->markdown(), QString());
    }

    // An image stays where it was put and visible after the text is loaded
    // again (what an autosave's reload or reopening the article does), in
    // the rich view and side by side; a wide one is shown at the text's
    // width, follows it when the window narrows, and never needs a
    // horizontal scroll bar; the Markdown says nothing of the scaling.
    void insertedImagesStayVisible_data()
    {
        QTest::addColumn<BodyEditor::ViewMode>("mode");
        QTest::addColumn<bool>("palette");
        QTest::newRow("rich") << BodyEditor::ViewMode::Rich << false;
        QTest::newRow("side by side") << BodyEditor::ViewMode::SideBySide << false;
        // A one-bit PNG with a palette once came out as a dithered pattern.
        QTest::newRow("rich, one-bit palette") << BodyEditor::ViewMode::Rich << true;
    }
    void insertedImagesStayVisible()
    {
        QFETCH(BodyEditor::ViewMode, mode);
        QFETCH(bool, palette);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("wide.png"));
        QImage wide(2400, 300, palette ? QImage::Format_Mono : QImage::Format_RGB32);
        if (palette) {
            wide.setColorTable({ qRgb(0, 128, 0), qRgb(255, 255, 255) });
            wide.fill(0);
        } else {
            wide.fill(QColor(0, 128, 0));
        }
        QVERIFY(wide.save(path));
        h->start(QStringLiteral("Before\n\nAfter\n"));
        h->editor()->setViewMode(mode);
        QTextCursor c = h->rich()->textCursor();
        c.movePosition(QTextCursor::Start);
        c.movePosition(QTextCursor::EndOfBlock);
        h->rich()->setTextCursor(c);
        QVERIFY(h->editor()->insertImageFile(path, QStringLiteral("Wide")));
        const QString markdown = h->editor()->markdown();
        QVERIFY2(markdown.startsWith(QLatin1String("Before![Wide](/media/")), qPrintable(markdown));
        QVERIFY2(markdown.endsWith(QLatin1String(")\n\nAfter\n")), qPrintable(markdown));
        QVERIFY(imageShownWhole());

        // Loaded again, as a reload after saving does.
        h->editor()->setMarkdown(markdown);
        h->editor()->setViewMode(mode);
        QVERIFY(imageShownWhole());
        QCOMPARE(h->editor()->markdown(), markdown);

        // The window narrows, the image follows; it widens, and so does it.
        QWidget *window = h->editor()->window();
        const QSize size = window->size();
        // (Narrower than the writing canvas' column, which a wide window
        // does not widen further.)
        window->resize(450, size.height());
        QVERIFY(imageShownWhole());
        const qreal narrow = shownImageWidth();
        window->resize(size);
        QVERIFY(imageShownWhole());
        QTRY_VERIFY(shownImageWidth() > narrow);
        QTRY_VERIFY(shownImageWidth()
                    >= h->rich()->viewport()->width() - 2 * h->rich()->document()->documentMargin() - 1);
        // Typing after it keeps it and the Markdown as it was.
        h->rich()->moveCursor(QTextCursor::End);
        QTest::keyClicks(h->rich(), QStringLiteral("!"));
        QVERIFY(imageShownWhole());
        QCOMPARE(h->editor()->markdown(),
                 QString(markdown).replace(QStringLiteral("After\n"), QStringLiteral("After!\n")));

        // Glued to the word after it, in a heading.
        const QString url = markdown.mid(markdown.indexOf(QLatin1String("/media/")), 7 + 64);
        h->editor()->setMarkdown(QStringLiteral("# ![Wide](%1)Kettles\n").arg(url));
        h->editor()->setViewMode(mode);
        QVERIFY(imageShownWhole());
        h->editor()->setViewMode(BodyEditor::ViewMode::Rich);
    }

    void pastedHtmlLeavesItsStylesBehind()
    {
        h->start();
        auto *mime = new QMimeData;
        mime->setHtml(QStringLiteral("<p><span style=\"color:red;font-size:30pt;font-family:Comic Sans MS\">Red</span> "
                                     "<b>bold</b> <a href=\"javascript:alert(1)\">bad</a> "
                                     "<a href=\"https://ok.example/\">good</a> <img src=\"https://t.example/p.gif\" "
                                     "alt=\"pixel\"></p>"));
        mime->setText(QStringLiteral("Red bold bad good"));
        QGuiApplication::clipboard()->setMimeData(mime);
        QTest::keyClick(h->rich(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(h->editor()->markdown(), QStringLiteral("Red **bold** bad [good](https://ok.example/) pixel\n"));
        QTextCursor first(h->rich()->document());
        first.movePosition(QTextCursor::NextCharacter);
        QVERIFY(first.charFormat().foreground().color() != QColor(Qt::red));
        QVERIFY(first.charFormat().fontPointSize() != 30);
    }

    void findAndReplace()
    {
        h->start(QStringLiteral("The cat saw a cat.\n"));
        QTest::keyClick(h->rich(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(bar()->isVisible());
        QVERIFY(bar()->findField()->hasFocus());
        QVERIFY(!bar()->replaceField()->isVisible());
        QTest::keyClicks(bar()->findField(), QStringLiteral("cat"));
        QCOMPARE(bar()->feedback(), QStringLiteral("1 of 2"));
        QCOMPARE(h->rich()->textCursor().selectedText(), QStringLiteral("cat"));
        QTest::keyClick(bar()->findField(), Qt::Key_Return);
        QCOMPARE(bar()->feedback(), QStringLiteral("2 of 2"));
        QTest::keyClick(bar()->findField(), Qt::Key_Return);
        QCOMPARE(bar()->feedback(), QStringLiteral("1 of 2")); // round again
        QTest::keyClick(bar()->findField(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(bar()->feedback(), QStringLiteral("2 of 2"));
        bar()->findField()->clear();
        QTest::keyClicks(bar()->findField(), QStringLiteral("zebra"));
        QCOMPARE(bar()->feedback(), QStringLiteral("Not found"));
        bar()->findField()->clear();
        QTest::keyClicks(bar()->findField(), QStringLiteral("Cat"));
        QCOMPARE(bar()->feedback(), QStringLiteral("2 of 2")); // typing searches on from the last match
        QTest::mouseClick(bar()->findChild<QWidget *>(QStringLiteral("matchCaseBox")), Qt::LeftButton);
        QCOMPARE(bar()->feedback(), QStringLiteral("Not found"));
        QTest::mouseClick(bar()->findChild<QWidget *>(QStringLiteral("matchCaseBox")), Qt::LeftButton);
        bar()->findField()->clear();
        QTest::keyClicks(bar()->findField(), QStringLiteral("ca"));
        QCOMPARE(bar()->feedback(), QStringLiteral("2 of 2"));
        QTest::mouseClick(bar()->findChild<QWidget *>(QStringLiteral("wholeWordsBox")), Qt::LeftButton);
        QCOMPARE(bar()->feedback(), QStringLiteral("Not found"));
        QTest::mouseClick(bar()->findChild<QWidget *>(QStringLiteral("wholeWordsBox")), Qt::LeftButton);

        // Replace all is one step to undo.
        h->rich()->setFocus();
        QVERIFY(h->click(Id::Replace));
        QVERIFY(bar()->replaceField()->isVisible());
        bar()->findField()->selectAll();
        QTest::keyClicks(bar()->findField(), QStringLiteral("cat"));
        QTest::keyClicks(bar()->replaceField(), QStringLiteral("dog"));
        QTest::mouseClick(bar()->findChild<QPushButton *>(QStringLiteral("replaceAllButton")), Qt::LeftButton);
        QCOMPARE(bar()->feedback(), QStringLiteral("Replaced 2"));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("The dog saw a dog.\n"));
        h->rich()->setFocus();
        QTest::keyClick(h->rich(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(h->rich()->toPlainText(), QStringLiteral("The cat saw a cat."));
        // One at a time.
        h->rich()->moveCursor(QTextCursor::Start);
        QTest::mouseClick(bar()->findChild<QPushButton *>(QStringLiteral("replaceButton")), Qt::LeftButton);
        QCOMPARE(h->rich()->toPlainText(), QStringLiteral("The dog saw a cat."));
        QCOMPARE(bar()->feedback(), QStringLiteral("1 of 1"));

        // In the Markdown view it searches the source.
        h->start(QStringLiteral("A **cat** and a cat\n"));
        QVERIFY(h->click(Id::SourceView));
        h->source()->setFocus();
        QVERIFY(h->click(Id::Find));
        QVERIFY(bar()->findField()->hasFocus());
        bar()->findField()->selectAll();
        QTest::keyClicks(bar()->findField(), QStringLiteral("**cat**"));
        QCOMPARE(bar()->feedback(), QStringLiteral("1 of 1"));
        QCOMPARE(h->source()->textCursor().selectedText(), QStringLiteral("**cat**"));
        bar()->replaceField()->setText(QStringLiteral("dog"));
        QVERIFY(bar()->replaceAll() == 1);
        QCOMPARE(h->editor()->markdown(), QStringLiteral("A dog and a cat\n"));
        QTest::keyClick(bar()->findField(), Qt::Key_Escape);
        QVERIFY(!bar()->isVisible());
        QVERIFY(h->click(Id::RichView));
    }

    void everyButtonOfThisShareWasClicked()
    {
        for (Id id : { Id::Link, Id::Image, Id::Table, Id::AddRow, Id::RemoveRow, Id::AddColumn, Id::RemoveColumn,
                       Id::Find, Id::Replace })
            QVERIFY2(h->clicked().contains(id), QMetaEnum::fromType<Id>().valueToKey(id));
    }

    void cleanupTestCase() { h.reset(); }
};

QTEST_MAIN(TestEditorInserts)
#include "tst_editorinserts.moc"
