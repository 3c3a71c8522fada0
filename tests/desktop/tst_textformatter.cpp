// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowndocument.h"
#include "desktop/widgets/tableformatter.h"
#include "desktop/widgets/textformatter.h"

#include <QApplication>
#include <QFontDatabase>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

using quire::desktop::MarkdownDocument;
namespace TF = quire::gui::TextFormatter;
namespace LF = quire::gui::ListFormatter;
namespace TB = quire::gui::TableFormatter;

namespace {

// In a test text, « and » mark the selection and ‸ the cursor; they are
// taken out of the document before the command runs.
QTextCursor takeMarks(QTextDocument &doc)
{
    int start = -1;
    int end = -1;
    for (const char16_t mark : { u'«', u'»', u'‸' }) {
        QTextCursor found = doc.find(QString(QChar(mark)));
        if (found.isNull())
            continue;
        (mark == u'»' ? end : start) = found.selectionStart();
        found.removeSelectedText();
    }
    QTextCursor cursor(&doc);
    if (start >= 0)
        cursor.setPosition(start);
    if (end >= 0)
        cursor.setPosition(end, QTextCursor::KeepAnchor);
    return cursor;
}

// Types `text` at the cursor, cell by cell in a table when it has tabs.
// (One undo step of its own.)
void typeText(QTextCursor &cursor, const QString &text)
{
    cursor.beginEditBlock();
    const QStringList cells = text.split(QLatin1Char('\t'));
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            cursor.movePosition(QTextCursor::NextCell);
        cursor.insertText(cells[i]);
    }
    cursor.endEditBlock();
}

void run(QTextCursor &c, const QString &command)
{
    static const QHash<QString, std::function<void(QTextCursor &)>> commands {
        { QStringLiteral("bold"), TF::toggleBold },
        { QStringLiteral("italic"), TF::toggleItalic },
        { QStringLiteral("strike"), TF::toggleStrikeOut },
        { QStringLiteral("code"), TF::toggleInlineCode },
        { QStringLiteral("paragraph"), [](QTextCursor &c) { TF::setHeading(c, 0); } },
        { QStringLiteral("h1"), [](QTextCursor &c) { TF::setHeading(c, 1); } },
        { QStringLiteral("h2"), [](QTextCursor &c) { TF::setHeading(c, 2); } },
        { QStringLiteral("h3"), [](QTextCursor &c) { TF::setHeading(c, 3); } },
        { QStringLiteral("codeblock"), TF::toggleCodeBlock },
        { QStringLiteral("quote"), TF::toggleQuote },
        { QStringLiteral("bullets"), [](QTextCursor &c) { LF::toggle(c, LF::Kind::Bullet); } },
        { QStringLiteral("numbers"), [](QTextCursor &c) { LF::toggle(c, LF::Kind::Numbered); } },
        { QStringLiteral("tasks"), [](QTextCursor &c) { LF::toggle(c, LF::Kind::Task); } },
        { QStringLiteral("indent"), [](QTextCursor &c) { LF::indent(c); } },
        { QStringLiteral("outdent"), [](QTextCursor &c) { LF::outdent(c); } },
        { QStringLiteral("tick"), [](QTextCursor &c) { LF::toggleTaskDone(c); } },
        { QStringLiteral("link"),
          [](QTextCursor &c) { TF::insertLink(c, c.selectedText(), QStringLiteral("https://example.org/docs")); } },
        { QStringLiteral("unlink"), TF::removeLink },
        { QStringLiteral("image"),
          [](QTextCursor &c) { TF::insertImage(c, QStringLiteral("/media/ab12"), QStringLiteral("A cat")); } },
        { QStringLiteral("rule"), TF::insertHorizontalRule },
        { QStringLiteral("table"),
          [](QTextCursor &c) {
              TB::insert(c, 2, 2);
              typeText(c, QStringLiteral("a\tb\t1\t2"));
          } },
        { QStringLiteral("addrow"), [](QTextCursor &c) { TB::insertRow(c); } },
        { QStringLiteral("removerow"), [](QTextCursor &c) { TB::removeRow(c); } },
        { QStringLiteral("addcolumn"), [](QTextCursor &c) { TB::insertColumn(c); } },
        { QStringLiteral("removecolumn"), [](QTextCursor &c) { TB::removeColumn(c); } },
    };
    QVERIFY2(commands.contains(command), qPrintable(command));
    commands.value(command)(c);
}

} // namespace

// Every formatting command on a bare QTextDocument: the structure it
// makes, the Markdown that desktop::MarkdownDocument writes for it (the
// house style), and that each is one undo step.
class TestTextFormatter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commandsWriteHouseStyle_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("after");
        const auto row = [](const char *name, const char *before, const char *command, const char *after) {
            QTest::newRow(name) << QString::fromUtf8(before) << QString::fromLatin1(command)
                                << QString::fromUtf8(after);
        };
        row("bold", "Say «hello» world\n", "bold", "Say **hello** world\n");
        row("bold off", "Say **«hello»** world\n", "bold", "Say hello world\n");
        row("italic", "Say «hello» world\n", "italic", "Say *hello* world\n");
        row("italic off", "Say *«hello»* world\n", "italic", "Say hello world\n");
        row("strikethrough", "Say «hello» world\n", "strike", "Say ~~hello~~ world\n");
        row("inline code", "Run «make» now\n", "code", "Run `make` now\n");
        row("inline code off", "Run `«make»` now\n", "code", "Run make now\n");
        row("heading 1", "Tit‸le\n", "h1", "# Title\n");
        row("heading 2", "Tit‸le\n", "h2", "## Title\n");
        row("heading 3", "Tit‸le\n", "h3", "### Title\n");
        row("heading to paragraph", "## Tit‸le\n", "paragraph", "Title\n");
        row("heading level change", "# Tit‸le\n", "h3", "### Title\n");
        row("code block", "«int x;\n\nint y;»\n", "codeblock", "```\nint x;\nint y;\n```\n");
        row("code block off", "```\nint ‸x;\n```\n", "codeblock", "int x;\n");
        row("quote", "Wise ‸words\n", "quote", "> Wise words\n");
        row("quote off", "> Wise ‸words\n", "quote", "Wise words\n");
        row("bullets", "«one\n\ntwo»\n", "bullets", "- one\n- two\n");
        row("numbers", "«one\n\ntwo»\n", "numbers", "1. one\n2. two\n");
        row("tasks", "«one\n\ntwo»\n", "tasks", "- [ ] one\n- [ ] two\n");
        row("bullets off", "- on‸e\n", "bullets", "one\n");
        row("bullets to numbers", "- one\n- tw‸o\n", "numbers", "1. one\n2. two\n");
        row("indent", "- one\n- tw‸o\n", "indent", "- one\n  - two\n");
        row("outdent", "- one\n  - tw‸o\n", "outdent", "- one\n- two\n");
        row("outdent to paragraph", "- on‸e\n", "outdent", "one\n");
        row("tick a task", "- [ ] buy ‸milk\n", "tick", "- [x] buy milk\n");
        row("untick a task", "- [x] buy ‸milk\n", "tick", "- [ ] buy milk\n");
        row("link", "See «the docs» first\n", "link", "See [the docs](https://example.org/docs) first\n");
        row("unlink", "See [the ‸docs](https://example.org/docs) first\n", "unlink", "See the docs first\n");
        row("image", "Picture ‸ here\n", "image", "Picture ![A cat](/media/ab12) here\n");
        row("rule", "Above‸\n\nBelow\n", "rule", "Above\n\n---\n\nBelow\n");
        row("table", "Intro‸\n", "table", "Intro\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n");
        row("add row", "| a | b |\n| --- | --- |\n| 1‸ | 2 |\n", "addrow",
            "| a | b |\n| --- | --- |\n| 1 | 2 |\n|  |  |\n");
        row("remove row", "| a | b |\n| --- | --- |\n| 1‸ | 2 |\n| 3 | 4 |\n", "removerow",
            "| a | b |\n| --- | --- |\n| 3 | 4 |\n");
        row("add column", "| a‸ | b |\n| --- | --- |\n| 1 | 2 |\n", "addcolumn",
            "| a |  | b |\n| --- | --- | --- |\n| 1 |  | 2 |\n");
        row("remove column", "| a‸ | b |\n| --- | --- |\n| 1 | 2 |\n", "removecolumn", "| b |\n| --- |\n| 2 |\n");
    }

    void commandsWriteHouseStyle()
    {
        QFETCH(QString, before);
        QFETCH(QString, command);
        QFETCH(QString, after);
        QTextDocument doc;
        MarkdownDocument markdown(&doc);
        markdown.setMarkdown(before);
        QTextCursor c = takeMarks(doc);
        const QString html = doc.toHtml();
        run(c, command);
        QCOMPARE(markdown.markdown(), after);
        // One command, one undo step, back to exactly what was there.
        if (command == QLatin1String("table"))
            doc.undo(); // the cells typed into it
        doc.undo();
        QCOMPARE(doc.toHtml(), html);
    }

    void headingsLookLikeImportedOnes()
    {
        QTextDocument imported;
        imported.setMarkdown(QStringLiteral("## Title\n"));
        QTextDocument made;
        made.setPlainText(QStringLiteral("Title"));
        QTextCursor c(&made);
        TF::setHeading(c, 2);
        const QTextCharFormat want = QTextCursor(imported.firstBlock()).charFormat();
        c.movePosition(QTextCursor::EndOfBlock);
        const QTextCharFormat got = c.charFormat();
        QCOMPARE(made.firstBlock().blockFormat().headingLevel(), 2);
        QCOMPARE(got.intProperty(QTextFormat::FontSizeAdjustment), want.intProperty(QTextFormat::FontSizeAdjustment));
        QCOMPARE(got.fontWeight(), want.fontWeight());
        QCOMPARE(got.intProperty(QTextFormat::FontSizeAdjustment), 2);
        // Typing on at the end stays in the heading's characters.
        c.insertText(QStringLiteral("s"));
        QCOMPARE(c.charFormat().intProperty(QTextFormat::FontSizeAdjustment), 2);
    }

    void quotesLookLikeLoadedOnes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("a paragraph") << QStringLiteral("Wise words\n") << QStringLiteral("> Wise words\n");
        QTest::newRow("two paragraphs") << QStringLiteral("Wise\n\nwords\n") << QStringLiteral("> Wise\n>\n> words\n");
    }

    void quotesLookLikeLoadedOnes()
    {
        // A quote made with the toolbar is indented as one loaded from
        // Markdown, and writes the same Markdown.
        QFETCH(QString, text);
        QFETCH(QString, quoted);
        QTextDocument loaded;
        MarkdownDocument fromMarkdown(&loaded);
        fromMarkdown.setMarkdown(quoted);
        QTextDocument made;
        MarkdownDocument fromToolbar(&made);
        fromToolbar.setMarkdown(text);
        QTextCursor c(&made);
        c.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        TF::toggleQuote(c);
        QCOMPARE(made.blockCount(), loaded.blockCount());
        for (QTextBlock a = made.firstBlock(), b = loaded.firstBlock(); a.isValid(); a = a.next(), b = b.next()) {
            for (const int p : { QTextFormat::BlockQuoteLevel, QTextFormat::BlockLeftMargin,
                                 QTextFormat::BlockRightMargin, QTextFormat::BlockIndent }) {
                QCOMPARE(a.blockFormat().property(p), b.blockFormat().property(p));
            }
        }
        QVERIFY(made.firstBlock().blockFormat().leftMargin() > 0);
        QCOMPARE(fromToolbar.markdown(), quoted);
        QCOMPARE(fromMarkdown.markdown(), quoted);
    }

    void blockStructure()
    {
        QTextDocument doc;
        doc.setPlainText(QStringLiteral("one\ntwo"));
        QTextCursor c(&doc);
        c.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        TF::toggleCodeBlock(c);
        for (QTextBlock b = doc.firstBlock(); b.isValid(); b = b.next()) {
            QVERIFY(b.blockFormat().hasProperty(QTextFormat::BlockCodeFence));
            QCOMPARE(QTextCursor(b).charFormat().font().family(),
                     QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        }
        QVERIFY(TF::stateAt(c).codeBlock);
        TF::toggleCodeBlock(c);
        QVERIFY(!doc.firstBlock().blockFormat().hasProperty(QTextFormat::BlockCodeFence));

        TF::toggleQuote(c);
        QCOMPARE(doc.firstBlock().blockFormat().intProperty(QTextFormat::BlockQuoteLevel), 1);
        QVERIFY(TF::stateAt(c).quote);
        TF::toggleQuote(c);

        LF::toggle(c, LF::Kind::Task);
        QVERIFY(doc.firstBlock().textList());
        QCOMPARE(doc.firstBlock().textList(), doc.lastBlock().textList()); // one list
        QCOMPARE(doc.firstBlock().blockFormat().marker(), QTextBlockFormat::MarkerType::Unchecked);
        QCOMPARE(LF::kindAt(c), LF::Kind::Task);
        LF::toggle(c, LF::Kind::Numbered);
        QCOMPARE(doc.firstBlock().textList()->format().style(), QTextListFormat::ListDecimal);
        QCOMPARE(doc.firstBlock().blockFormat().marker(), QTextBlockFormat::MarkerType::NoMarker);

        QTextCursor second(doc.lastBlock());
        QVERIFY(LF::indent(second));
        QCOMPARE(doc.lastBlock().textList()->format().indent(), 2);
        QVERIFY(doc.lastBlock().textList() != doc.firstBlock().textList());
        QTextCursor first(doc.firstBlock());
        QVERIFY(!LF::indent(first)); // nothing above to nest under
        QVERIFY(LF::outdent(second));
        QCOMPARE(doc.lastBlock().textList(), doc.firstBlock().textList()); // back with its sibling
        QVERIFY(LF::outdent(second));
        QVERIFY(!doc.lastBlock().textList());
        QVERIFY(!LF::outdent(second)); // a paragraph is no list item
    }

    void linksAndImages()
    {
        QTextDocument doc;
        doc.setPlainText(QStringLiteral("Read this now"));
        QTextCursor c(&doc);
        c.setPosition(5);
        c.setPosition(9, QTextCursor::KeepAnchor);
        TF::insertLink(c, QStringLiteral("this"), QStringLiteral("https://example.org"));
        QTextCursor inside(&doc);
        inside.setPosition(7);
        const TF::Link link = TF::linkAt(inside);
        QVERIFY(link.isValid());
        QCOMPARE(link.text, QStringLiteral("this"));
        QCOMPARE(link.url, QStringLiteral("https://example.org"));
        QCOMPARE(link.start, 5);
        QCOMPARE(link.end, 9);
        QVERIFY(TF::stateAt(inside).onLink);
        // Editing it with the cursor inside replaces the whole link.
        TF::insertLink(inside, QStringLiteral("that page"), QStringLiteral("https://example.org/page"));
        QCOMPARE(doc.toPlainText(), QStringLiteral("Read that page now"));
        // What is typed after a link is not part of it.
        inside.insertText(QStringLiteral("!"));
        QVERIFY(!inside.charFormat().isAnchor());
        inside.setPosition(7);
        TF::removeLink(inside);
        QTextCursor probe(&doc);
        probe.setPosition(7);
        QVERIFY(!TF::linkAt(probe).isValid());

        QTextCursor end(&doc);
        end.movePosition(QTextCursor::End);
        TF::insertImage(end, QStringLiteral("/media/ff00"), QStringLiteral("Red square"));
        // Typing goes on as text; the character before is the image.
        QVERIFY(!end.charFormat().isImageFormat());
        QTextCursor atImage(&doc);
        atImage.setPosition(end.position());
        const QTextImageFormat image = atImage.charFormat().toImageFormat();
        QVERIFY(image.isValid());
        QCOMPARE(image.name(), QStringLiteral("/media/ff00"));
        QCOMPARE(image.stringProperty(QTextFormat::ImageAltText), QStringLiteral("Red square"));
    }

    void tables()
    {
        QTextDocument doc;
        QTextCursor c(&doc);
        QVERIFY(!TB::isInTable(c));
        QVERIFY(!TB::insertRow(c));
        QVERIFY(!TB::removeColumn(c));
        TB::insert(c, 3, 2);
        QVERIFY(TB::isInTable(c));
        QTextTable *table = c.currentTable();
        QCOMPARE(table->rows(), 3);
        QCOMPARE(table->columns(), 2);
        QCOMPARE(table->format().headerRowCount(), 1);
        QCOMPARE(table->cellAt(0, 1).format().fontWeight(), int(QFont::Bold));
        QVERIFY(TB::insertRow(c));
        QVERIFY(TB::insertColumn(c));
        QCOMPARE(table->rows(), 4);
        QCOMPARE(table->columns(), 3);
        QVERIFY(TB::removeRow(c));
        QVERIFY(TB::removeColumn(c));
        QCOMPARE(table->rows(), 3);
        QCOMPARE(table->columns(), 2);
    }

    void characterStates()
    {
        QTextDocument doc;
        doc.setPlainText(QStringLiteral("plain"));
        QTextCursor c(&doc);
        c.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        TF::toggleBold(c);
        TF::toggleItalic(c);
        TF::toggleStrikeOut(c);
        TF::toggleInlineCode(c);
        const TF::State s = TF::stateAt(c);
        QVERIFY(s.bold && s.italic && s.strikeOut && s.inlineCode);
        // Half bold: the toggle makes all of it bold, not none.
        QTextCursor half(&doc);
        half.setPosition(0);
        half.setPosition(2, QTextCursor::KeepAnchor);
        TF::toggleBold(half);
        QVERIFY(!TF::stateAt(c).bold);
        TF::toggleBold(c);
        QVERIFY(TF::stateAt(c).bold);
        // Without a selection the format applies to what is typed next.
        QTextCursor next(&doc);
        next.movePosition(QTextCursor::End);
        TF::toggleBold(next);
        next.insertText(QStringLiteral(" more"));
        QVERIFY(!TF::stateAt(next).bold);
    }
};

QTEST_MAIN(TestTextFormatter)
#include "tst_textformatter.moc"
