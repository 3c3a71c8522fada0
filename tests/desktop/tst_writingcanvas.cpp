// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowndocument.h"
#include "desktop/widgets/apptheme.h"
#include "desktop/widgets/tableformatter.h"
#include "desktop/widgets/writingcanvas.h"
#include "editorharness.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextTable>

#include <memory>

using namespace quire;
using gui::WritingCanvas;

namespace {

const QString kDecorated = QStringLiteral("> A quote that is [linked](https://example.org/q) and quoted\n"
                                          "\n"
                                          "Plain text with `inline code` in it.\n"
                                          "\n"
                                          "```\n"
                                          "int main();\n"
                                          "```\n");

// A format's properties but the index of its list, which is the document's
// own bookkeeping.
QMap<int, QVariant> propertiesOf(const QTextFormat &format)
{
    QMap<int, QVariant> properties = format.properties();
    properties.remove(QTextFormat::ObjectIndex);
    return properties;
}

// What a document holds, formats and text, block by block.
QStringList contents(const QTextDocument &doc)
{
    QStringList out;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        QString line;
        QDebug(&line) << propertiesOf(b.blockFormat());
        for (auto it = b.begin(); !it.atEnd(); ++it)
            QDebug(&line) << it.fragment().text() << propertiesOf(it.fragment().charFormat());
        out.append(line);
    }
    return out;
}

QTextBlock firstBlock(const QTextDocument *doc, const std::function<bool(const QTextBlock &)> &test)
{
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (test(b))
            return b;
    }
    return {};
}

// The canvas' look of the text at `position` of its block.
QTextCharFormat lookAt(const QTextBlock &block, int position)
{
    QTextCharFormat look;
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (position >= r.start && position < r.start + r.length)
            look.merge(r.format);
    }
    return look;
}

// Whether two colours are the same but for rounding and anti-aliasing.
bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 3 && std::abs(a.green() - b.green()) <= 3
        && std::abs(a.blue() - b.blue()) <= 3;
}

} // namespace

// The writing canvas of the rich view: a readable column, quotes with a bar,
// code on its own ground, colours from the theme, and all of it view-only:
// the Markdown, the document's formats and the undo history stay as they are.
class TestWritingCanvas : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<test::EditorHarness> h;

    void load(const QString &markdown)
    {
        h->start(markdown);
        // The canvas styles what was loaded once the events are through.
        QTest::qWait(0);
        QCoreApplication::processEvents();
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = std::make_unique<test::EditorHarness>();
        QVERIFY(h->ready());
    }

    void cleanup() { h->editor()->window()->setPalette(QPalette()); }

    void viewOnly_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::newRow("decorated") << kDecorated;
        QTest::newRow("headings and lists") << QStringLiteral("# Title\n\nIntro *with* **marks**.\n\n## Steps\n\n"
                                                              "1. one\n2. two `code`\n\n- [ ] task\n- [x] done\n");
        QTest::newRow("nested quote and fence") << QStringLiteral("> outer\n>\n> > inner [ref][r]\n\n"
                                                                  "~~~ python extra\nprint(1)\n\n"
                                                                  "print(2)\n~~~\n\n[r]: /target \"T\"\n");
        QTest::newRow("table and code in a list") << QStringLiteral("| a | `b` |\n|:--|--:|\n| [c](/c) | d |\n\n"
                                                                    "- item\n\n  ```\n  code\n  ```\n");
    }

    // Loaded, styled (light and dark), typed in and undone: the same bytes,
    // the same formats, no step to undo and nothing edited by the styling.
    void viewOnly()
    {
        QFETCH(QString, markdown);
        load(markdown);
        QTextDocument *doc = h->rich()->document();

        QTextDocument plain;
        desktop::MarkdownDocument(&plain).setMarkdown(markdown);
        QCOMPARE(contents(*doc), contents(plain));
        bool styled = false;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
            styled = styled || !b.layout()->formats().isEmpty();
        QVERIFY(styled);
        QVERIFY(!doc->isUndoAvailable());
        QVERIFY(!doc->isModified());
        QVERIFY(!h->editor()->isEdited());

        h->editor()->window()->setPalette(gui::AppTheme::darkPalette());
        QCoreApplication::processEvents();
        QCOMPARE(contents(*doc), contents(plain));
        QVERIFY(!doc->isUndoAvailable());
        QVERIFY(!h->editor()->isEdited());
        QCOMPARE(h->editor()->markdown(), markdown);

        // Typing in the first block (a quote, a heading, a table cell …).
        QTextCursor c(doc->begin());
        c.movePosition(QTextCursor::EndOfBlock);
        h->rich()->setTextCursor(c);
        QTest::keyClicks(h->rich(), QStringLiteral("xy"));
        QVERIFY(h->editor()->isEdited());
        QVERIFY(doc->isUndoAvailable());
        while (doc->isUndoAvailable())
            h->rich()->undo();
        QCoreApplication::processEvents();
        QCOMPARE(contents(*doc), contents(plain));
        QCOMPARE(h->editor()->markdown(), markdown);
    }

    // In a wide window the text keeps to a column of about 72 characters in
    // the middle; the margins are the page's colour and the scroll bar stays
    // at the window's edge. A narrow window gives the text nearly all.
    void columnWidthHolds()
    {
        QString words;
        for (int i = 0; i < 200; ++i)
            words += QStringLiteral("lorem ipsum dolor sit amet consectetur ");
        load(words.trimmed() + QLatin1Char('\n'));
        gui::RichTextEdit *edit = h->rich();
        QVERIFY(edit->width() > 1500);
        QTRY_VERIFY(edit->verticalScrollBar()->isVisible());

        const QRect view = edit->viewport()->geometry();
        const int column = WritingCanvas::columnWidth(edit->font(), edit->document()->documentMargin());
        QVERIFY2(view.width() <= column, qPrintable(QStringLiteral("%1 > %2").arg(view.width()).arg(column)));
        QVERIFY(view.width() > column - 30);
        const int left = view.left();
        const QScrollBar *bar = edit->verticalScrollBar();
        const int barLeft = bar->mapTo(edit, QPoint(0, 0)).x();
        const int right = barLeft - view.right() - 1;
        QVERIFY2(std::abs(left - right) <= 1, qPrintable(QStringLiteral("%1 vs %2").arg(left).arg(right)));
        QVERIFY(barLeft + bar->width() >= edit->width() - 3);

        const QTextLayout *layout = edit->document()->begin().layout();
        QVERIFY(layout->lineCount() > 3);
        for (int i = 0; i < layout->lineCount() - 1; ++i) {
            const int characters = layout->lineAt(i).textLength();
            QVERIFY2(characters >= 55 && characters <= 80, qPrintable(QString::number(characters)));
        }

        const QImage shot = edit->grab().toImage();
        const QColor base = edit->palette().color(QPalette::Base);
        QVERIFY(near(shot.pixelColor(left / 2, shot.height() / 2), base));
        QVERIFY(near(shot.pixelColor(view.right() + right / 2, shot.height() / 2), base));

        // A wheel turned over a margin scrolls the text.
        QWheelEvent wheel(QPointF(left / 2, shot.height() / 2), edit->mapToGlobal(QPointF(left / 2, 100)), QPoint(),
                          QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(edit, &wheel);
        QVERIFY(edit->verticalScrollBar()->value() > 0);

        QWidget *window = edit->window();
        const QSize wide = window->size();
        window->resize(520, wide.height());
        QTRY_VERIFY(edit->width() < 520);
        QVERIFY(edit->viewport()->geometry().left() <= 12);
        window->resize(wide);
        QTRY_VERIFY(edit->width() > 1500);
    }

    // Quotes have a bar and muted text, code blocks and inline code their
    // ground, links the palette's link colour: painted, in light and dark.
    void decorationsFollowTheTheme_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void decorationsFollowTheTheme()
    {
        QFETCH(bool, dark);
        // Loaded while disabled, as the article view does while it opens one.
        h->editor()->setEnabled(false);
        load(kDecorated);
        h->editor()->setEnabled(true);
        // The theme changes while the article is open.
        h->editor()->window()->setPalette(dark ? gui::AppTheme::darkPalette() : gui::AppTheme::lightPalette());
        QCoreApplication::processEvents();
        gui::RichTextEdit *edit = h->rich();
        const QPalette palette = edit->palette();
        QCOMPARE(gui::AppTheme::isDark(palette), dark);
        const QTextDocument *doc = edit->document();

        const QTextBlock quote = firstBlock(
            doc, [](const QTextBlock &b) { return b.blockFormat().hasProperty(QTextFormat::BlockQuoteLevel); });
        const QTextBlock inlineCode
            = firstBlock(doc, [](const QTextBlock &b) { return b.text().startsWith(QLatin1String("Plain")); });
        const QTextBlock code
            = firstBlock(doc, [](const QTextBlock &b) { return b.text() == QLatin1String("int main();"); });
        QVERIFY(quote.isValid() && inlineCode.isValid() && code.isValid());

        QCOMPARE(lookAt(quote, 2).foreground().color(), WritingCanvas::mutedText(palette));
        const int link = int(quote.text().indexOf(QLatin1String("linked")));
        QCOMPARE(lookAt(quote, link + 1).foreground().color(), palette.link().color());
        const int space = int(inlineCode.text().indexOf(QLatin1String(" code")));
        QCOMPARE(lookAt(inlineCode, space).background().color(), WritingCanvas::codeBackground(palette));

        const QImage shot = edit->viewport()->grab().toImage();
        const QPointF scroll(edit->horizontalScrollBar()->value(), edit->verticalScrollBar()->value());
        const auto middleOf = [&](const QTextBlock &b) {
            return b.layout()->position().y() + b.layout()->boundingRect().height() / 2 - scroll.y();
        };
        // The bar, in the quote's indentation.
        const qreal step = quote.blockFormat().leftMargin();
        const QPointF bar(quote.layout()->position().x() + step / 4 + 1.5 - scroll.x(), middleOf(quote));
        QVERIFY(near(shot.pixelColor(bar.toPoint()), WritingCanvas::barColour(palette)));
        // The code block's ground, right of its short line.
        const QPointF ground(shot.width() - 12, middleOf(code));
        QVERIFY(near(shot.pixelColor(ground.toPoint()), WritingCanvas::codeBackground(palette)));
        // Inline code's ground, in the space between its two words.
        const QTextLine line = inlineCode.layout()->lineAt(0);
        const qreal spaceMiddle = (line.cursorToX(space) + line.cursorToX(space + 1)) / 2;
        const QPointF inSpace(inlineCode.layout()->position().x() + spaceMiddle - scroll.x(), middleOf(inlineCode));
        QVERIFY(near(shot.pixelColor(inSpace.toPoint()), WritingCanvas::codeBackground(palette)));
        // Plain text's ground stays the page's.
        const QPointF plain(shot.width() - 12, middleOf(inlineCode));
        QVERIFY(near(shot.pixelColor(plain.toPoint()), palette.color(QPalette::Base)));

        // Dark stays dark, light stays light.
        const int lightness = WritingCanvas::codeBackground(palette).lightness();
        QVERIFY(dark ? lightness < 80 : lightness > 200);
        QVERIFY(WritingCanvas::mutedText(palette) != palette.color(QPalette::Text));
    }

    // Paragraphs have room between them, headings more above than below,
    // list items and code lines none, whether loaded or made in the editor;
    // the Markdown says nothing of it.
    void blocksHaveTheirRhythm()
    {
        const QString markdown = QStringLiteral("# Title\n\nOne.\n\nTwo.\n\n- a\n- b\n");
        load(markdown);
        QTextDocument *doc = h->rich()->document();
        QAbstractTextDocumentLayout *layout = doc->documentLayout();
        const auto top = [&](int block) { return layout->blockBoundingRect(doc->findBlockByNumber(block)).top(); };
        const auto lineHeight
            = [&](int block) { return layout->blockBoundingRect(doc->findBlockByNumber(block)).height(); };
        QVERIFY(top(2) - top(1) >= lineHeight(1) + 8); // One. -> Two.
        QVERIFY(top(4) - top(3) < lineHeight(3) + 2); // - a -> - b
        const qreal belowTitle = top(1) - top(0) - lineHeight(0);
        QVERIFY(belowTitle >= 0);

        // Return after a paragraph, a heading made with the toolbar, and back.
        QTextCursor c(doc->findBlockByNumber(2));
        c.movePosition(QTextCursor::EndOfBlock);
        h->rich()->setTextCursor(c);
        QTest::keyClick(h->rich(), Qt::Key_Return);
        QTest::keyClicks(h->rich(), QStringLiteral("Three."));
        QVERIFY(top(3) - top(2) >= lineHeight(2) + 8);
        QVERIFY(h->click(test::EditorHarness::Id::Heading2));
        QVERIFY(doc->findBlockByNumber(3).blockFormat().topMargin()
                > doc->findBlockByNumber(3).blockFormat().bottomMargin());
        QVERIFY(h->click(test::EditorHarness::Id::Paragraph));
        QCOMPARE(doc->findBlockByNumber(3).blockFormat().topMargin(),
                 doc->findBlockByNumber(2).blockFormat().topMargin());
        QCOMPARE(h->editor()->markdown(), QStringLiteral("# Title\n\nOne.\n\nTwo.\n\nThree.\n\n- a\n- b\n"));

        // A table stands apart from what is around it, loaded or inserted.
        load(QStringLiteral("Before.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"));
        QTextCursor inTable(doc->findBlockByNumber(1));
        QVERIFY(inTable.currentTable());
        QVERIFY(inTable.currentTable()->format().topMargin() >= 8);
        QVERIFY(inTable.currentTable()->format().bottomMargin() >= 8);
        QTextCursor end(doc);
        end.movePosition(QTextCursor::End);
        gui::TableFormatter::insert(end, 2, 2);
        QVERIFY(end.currentTable());
        QCOMPARE(end.currentTable()->format().topMargin(), inTable.currentTable()->format().topMargin());
    }

    void cleanupTestCase() { h.reset(); }
};

QTEST_MAIN(TestWritingCanvas)
#include "tst_writingcanvas.moc"
