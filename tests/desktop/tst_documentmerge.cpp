// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/documentpatcher.h"
#include "desktop/core/markdowndocument.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/tableformatter.h"
#include "desktop/widgets/textformatter.h"
#include "tests/desktop/editorharness.h"

#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextTable>

using namespace quire::test;
using quire::desktop::DocumentPatcher;
using quire::gui::BodyEditor;

namespace {

const QString kWords = QStringLiteral("Cursor here and typing on");

// Ten paragraphs and a list, a table and a code block in between: what a
// guide looks like.
QString guide()
{
    return QStringLiteral("# Brewing\n\nFirst paragraph.\n\n- one\n- two\n\nSecond paragraph.\n\n"
                          "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n```\ncode\n```\n\n> quoted\n\n")
        + kWords + QStringLiteral(" in the last paragraph.\n");
}

} // namespace

// A newer version of the open text (another replica's edit, synced) is
// merged into the editor: only the blocks that differ change, the cursor,
// selection, scroll and undo history stay.
class TestDocumentMerge : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<EditorHarness> h;

    // The cursor just after kWords, with some typing before it to undo.
    void openAndType()
    {
        h->start(guide());
        QTextCursor c = h->rich()->document()->find(kWords);
        QVERIFY(!c.isNull());
        c.setPosition(c.selectionEnd());
        h->rich()->setTextCursor(c);
        QTest::keyClicks(h->rich(), QStringLiteral(" typed"));
        QVERIFY(h->rich()->document()->isUndoAvailable());
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = std::make_unique<EditorHarness>();
        QVERIFY(h->ready());
    }

    void mergeKeepsCursorAndUndo_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        const QString typed = QStringLiteral(" typed");
        QTest::newRow("paragraph") << QStringLiteral("First paragraph.") << QStringLiteral("First paragraph, longer.");
        QTest::newRow("heading") << QStringLiteral("# Brewing") << QStringLiteral("## Brewing coffee");
        QTest::newRow("list item") << QStringLiteral("- two") << QStringLiteral("- two\n- three");
        QTest::newRow("table cell") << QStringLiteral("| 1 | 2 |") << QStringLiteral("| 1 | 2000 |");
        QTest::newRow("code") << QStringLiteral("code\n") << QStringLiteral("code\nmore code\n");
        QTest::newRow("quote") << QStringLiteral("> quoted") << QStringLiteral("> quoted\n> twice");
        QTest::newRow("new table") << QStringLiteral("Second paragraph.\n")
                                   << QStringLiteral("Second paragraph.\n\n| x | y |\n| --- | --- |\n| 3 | 4 |\n");
        QTest::newRow("new image") << QStringLiteral("First paragraph.\n")
                                   << QStringLiteral("First paragraph.\n\n![A cup](/media/abc)\n");
        QTest::newRow("block removed") << QStringLiteral("Second paragraph.\n\n") << QString();
        QTest::newRow("after the cursor") << typed + QStringLiteral(" in the last paragraph.")
                                          << typed + QStringLiteral(" in the last paragraph. And more.");
    }

    void mergeKeepsCursorAndUndo()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        openAndType();
        const QString mine = h->editor()->markdown();
        QVERIFY2(mine.contains(from), qPrintable(mine));
        const QString theirs = QString(mine).replace(from, to);
        QTextDocument *doc = h->rich()->document();
        h->editor()->mergeMarkdown(theirs);

        QCOMPARE(h->editor()->markdown(), theirs);
        // The cursor is still after what was typed: typing goes on there.
        const QTextCursor cursor = h->rich()->textCursor();
        QTextCursor line(doc->findBlock(cursor.position()));
        line.select(QTextCursor::BlockUnderCursor);
        QVERIFY2(doc->toPlainText().left(cursor.position()).endsWith(kWords + QStringLiteral(" typed")),
                 qPrintable(line.selectedText()));
        // The Markdown view has the same text.
        QCOMPARE(h->source()->toPlainText(), theirs);
        QTest::keyClicks(h->rich(), QStringLiteral(" more"));
        QVERIFY(h->editor()->markdown().contains(kWords + QStringLiteral(" typed more")));
        // The earlier edits can still be undone, and the merge is one step.
        QTest::keySequence(h->rich(), QKeySequence::Undo);
        QCOMPARE(h->editor()->markdown(), theirs);
        QTest::keySequence(h->rich(), QKeySequence::Undo);
        QCOMPARE(h->editor()->markdown(), mine);
        QTest::keySequence(h->rich(), QKeySequence::Undo);
        QVERIFY(!h->editor()->markdown().contains(QStringLiteral(" typed")));
        QTest::keySequence(h->rich(), QKeySequence::Redo);
        QTest::keySequence(h->rich(), QKeySequence::Redo);
        QCOMPARE(h->editor()->markdown(), theirs);
    }

    void unchangedBlocksAreNotTouched()
    {
        QTextDocument doc;
        quire::desktop::MarkdownDocument merged(&doc);
        merged.setMarkdown(guide());
        // A cursor in the last block sees no edit at all before it.
        QTextCursor tracker(&doc);
        tracker.movePosition(QTextCursor::End);
        tracker.movePosition(QTextCursor::StartOfBlock);
        const int lastBlockAt = tracker.position();
        const QString edited
            = QString(guide()).replace(QStringLiteral("First paragraph."), QStringLiteral("First paragraph!!"));
        DocumentPatcher::Change change;
        QVERIFY(merged.mergeMarkdown(edited, &change));
        QCOMPARE(merged.markdown(), edited);
        // What changed for the cursors: the "." became "!!".
        QCOMPARE(change.position, doc.findBlockByNumber(1).position() + 15);
        QCOMPARE(change.removed, 1);
        QCOMPARE(change.inserted, 2);
        QCOMPARE(tracker.position(), lastBlockAt + 1);
        // An edit after the merge keeps the merged blocks' bytes.
        QTextCursor(doc.findBlockByNumber(0)).insertText(QStringLiteral("About "));
        QCOMPARE(merged.markdown(),
                 QString(edited).replace(QStringLiteral("# Brewing"), QStringLiteral("# About Brewing")));
    }

    // A table or an image the user inserted is the same unit as the one
    // its Markdown loads (a table without the loaded source's alignments,
    // an image with its alt text as tooltip, the text typed after it with
    // the image's properties): a merge above it leaves it, the empty
    // paragraph Return left before the table and the cursors in it alone.
    void insertedUnitsStayThroughAMergeAbove_data()
    {
        QTest::addColumn<bool>("table");
        QTest::addColumn<QString>("expected");
        QTest::newRow("table") << true << QStringLiteral("Para.\n\n| Grams |  |\n| --- | --- |\n|  |  |\n");
        QTest::newRow("image") << false << QStringLiteral("Para.\n\n![A cup](/media/abc)Grams\n");
    }

    void insertedUnitsStayThroughAMergeAbove()
    {
        QFETCH(bool, table);
        QFETCH(QString, expected);
        QTextDocument doc;
        quire::desktop::MarkdownDocument merged(&doc);
        merged.setMarkdown(QStringLiteral("Para.\n"));
        QTextCursor c(&doc);
        c.movePosition(QTextCursor::End);
        c.insertBlock();
        if (table)
            quire::gui::TableFormatter::insert(c, 2, 2);
        else
            quire::gui::TextFormatter::insertImage(c, QStringLiteral("/media/abc"), QStringLiteral("A cup"));
        c.insertText(QStringLiteral("Grams"));
        QCOMPARE(merged.markdown(), expected);
        const QPointer<QTextTable> inserted = c.currentTable();
        c.movePosition(QTextCursor::Left, QTextCursor::MoveAnchor, 2); // "Gra|ms"
        const int at = c.position();

        const QString heading = QStringLiteral("# Before you start\n\n");
        DocumentPatcher::Change change;
        QVERIFY(merged.mergeMarkdown(heading + expected, &change));
        QCOMPARE(merged.markdown(), heading + expected);
        // Only the heading came: "Before you start" and its block's end.
        const int added = int(QStringLiteral("Before you start").size()) + 1;
        QCOMPARE(change.position, 0);
        QCOMPARE(change.removed, 0);
        QCOMPARE(change.inserted, added);
        QCOMPARE(c.position(), at + added);
        QCOMPARE(doc.toPlainText().mid(c.position() - 3, 5), QStringLiteral("Grams"));
        QCOMPARE(bool(inserted), table);
        QCOMPARE(c.currentTable(), inserted.data());
    }

    void selectionAndScrollSurvive()
    {
        QString longText;
        for (int i = 0; i < 200; ++i)
            longText += QStringLiteral("Paragraph number %1 of a long guide.\n\n").arg(i);
        h->start(longText);
        QTextCursor c = h->rich()->document()->find(QStringLiteral("number 150"));
        QVERIFY(!c.isNull());
        h->rich()->setTextCursor(c);
        h->rich()->ensureCursorVisible();
        QScrollBar *bar = h->rich()->verticalScrollBar();
        const int scroll = bar->value();
        QVERIFY(scroll > 0);
        h->editor()->mergeMarkdown(
            QString(longText).replace(QStringLiteral("number 3 of"), QStringLiteral("three of")));
        QCOMPARE(h->rich()->textCursor().selectedText(), QStringLiteral("number 150"));
        QCOMPARE(bar->value(), scroll);
    }

    // Edits made in the Markdown view reach the rich view without wiping
    // its undo history or moving its cursor.
    void sourceEditsKeepRichUndo()
    {
        openAndType();
        const int position = h->rich()->textCursor().position();
        h->editor()->setViewMode(BodyEditor::ViewMode::Markdown);
        QTextCursor s = h->source()->textCursor();
        s.movePosition(QTextCursor::Start);
        s.movePosition(QTextCursor::EndOfLine);
        h->source()->setTextCursor(s);
        QTest::keyClicks(h->source(), QStringLiteral(" Coffee"));
        h->editor()->setViewMode(BodyEditor::ViewMode::Rich);
        QCOMPARE(h->rich()->textCursor().position(), position + int(QStringLiteral(" Coffee").size()));
        QVERIFY(h->editor()->markdown().startsWith(QStringLiteral("# Brewing Coffee\n")));
        // Undone in the rich view: first what came from the source, then the typing.
        h->rich()->setFocus();
        QTest::keySequence(h->rich(), QKeySequence::Undo);
        QVERIFY(h->editor()->markdown().startsWith(QStringLiteral("# Brewing\n")));
        QVERIFY(h->editor()->markdown().contains(kWords + QStringLiteral(" typed")));
        QTest::keySequence(h->rich(), QKeySequence::Undo);
        QVERIFY(!h->editor()->markdown().contains(QStringLiteral(" typed")));
    }

    void mapMovesPositionsAroundTheChange_data()
    {
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("mapped");
        // 5 characters at 10 became 8
        QTest::newRow("before") << 3 << 3;
        QTest::newRow("at the start") << 10 << 10;
        QTest::newRow("inside") << 12 << 12;
        QTest::newRow("at the end") << 15 << 18;
        QTest::newRow("after") << 40 << 43;
    }

    void mapMovesPositionsAroundTheChange()
    {
        QFETCH(int, position);
        QFETCH(int, mapped);
        QCOMPARE(DocumentPatcher::map({ 10, 5, 8 }, position), mapped);
    }

    void cleanupTestCase() { h.reset(); }
};

QTEST_MAIN(TestDocumentMerge)
#include "tst_documentmerge.moc"
