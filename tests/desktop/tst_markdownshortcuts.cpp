// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/textformatter.h"
#include "tests/desktop/editorharness.h"

#include <QTextBlock>

using quire::test::EditorHarness;
namespace TextFormatter = quire::gui::TextFormatter;

// Markdown typed into the rich view formats as it is typed, with real key
// presses under offscreen: each shortcut gives the Markdown one would have
// written, one Ctrl+Z right after it gives back exactly the characters
// typed, and the look-alikes that are no shortcut stay plain text.
class TestMarkdownShortcuts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<EditorHarness> h;

    void undo() { QTest::keyClick(h->rich(), Qt::Key_Z, Qt::ControlModifier); }

private Q_SLOTS:
    void initTestCase()
    {
        h = std::make_unique<EditorHarness>();
        QVERIFY(h->ready());
    }

    void formatsAsTyped_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("typed"); // up to the key that makes the shortcut
        QTest::addColumn<QString>("then");
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("undone"); // the plain text after one Ctrl+Z
        const auto row = [](const char *name, const char *start, const char *typed, const char *then,
                            const char *markdown, const char *undone) {
            QTest::newRow(name) << QString::fromUtf8(start) << QString::fromUtf8(typed) << QString::fromUtf8(then)
                                << QString::fromUtf8(markdown) << QString::fromUtf8(undone);
        };
        row("heading 1", "", "# ", "Title", "# Title\n", "# ");
        row("heading 2", "", "## ", "Title", "## Title\n", "## ");
        row("heading 3", "", "### ", "Title", "### Title\n", "### ");
        row("bullets", "", "- ", "one\ntwo", "- one\n- two\n", "- ");
        row("bullets with a star", "", "* ", "one", "- one\n", "* ");
        row("numbers", "", "1. ", "one\ntwo", "1. one\n2. two\n", "1. ");
        row("quote", "", "> ", "Wise words", "> Wise words\n", "> ");
        row("task", "", "[ ] ", "milk", "- [ ] milk\n", "[ ] ");
        row("task in a bullet", "", "- [ ] ", "milk", "- [ ] milk\n", "[ ] ");
        row("done task", "", "[x] ", "milk", "- [x] milk\n", "[x] ");
        row("code fence", "", "```\n", "int x;", "```\nint x;\n```\n", "```");
        row("code fence with language", "", "```cpp\n", "int x;", "```cpp\nint x;\n```\n", "```cpp");
        row("rule", "Above\n", "\n---\n", "Below", "Above\n\n---\n\nBelow\n", "Above\n---");
        row("bold", "", "Say **hi**", " there", "Say **hi** there\n", "Say **hi**");
        row("bold with underscores", "", "Say __hi__", " there", "Say **hi** there\n", "Say __hi__");
        row("italic", "", "Say *hi*", " there", "Say *hi* there\n", "Say *hi*");
        row("italic with underscores", "", "Say _hi_", " there", "Say *hi* there\n", "Say _hi_");
        row("strikethrough", "", "Say ~~hi~~", " there", "Say ~~hi~~ there\n", "Say ~~hi~~");
        row("code", "", "Run `make`", " now", "Run `make` now\n", "Run `make`");
        row("code with spaces", "", "Run `make all`", " now", "Run `make all` now\n", "Run `make all`");
    }

    void formatsAsTyped()
    {
        QFETCH(QString, start);
        QFETCH(QString, typed);
        QFETCH(QString, then);
        QFETCH(QString, markdown);
        QFETCH(QString, undone);
        h->start(start);
        EditorHarness::type(h->rich(), typed);
        EditorHarness::type(h->rich(), then);
        QCOMPARE(h->editor()->markdown(), markdown);

        // One Undo right after the shortcut: the marks as typed, in a paragraph.
        h->start(start);
        EditorHarness::type(h->rich(), typed);
        undo();
        QCOMPARE(h->rich()->toPlainText(), undone);
        const QTextCursor c = h->rich()->textCursor();
        QCOMPARE(c.blockFormat().headingLevel(), 0);
        QVERIFY(!c.blockFormat().hasProperty(QTextFormat::BlockCodeFence));
        QCOMPARE(c.position(), h->rich()->document()->characterCount() - 1); // typing goes on at the end
    }

    // What only looks like a shortcut stays the characters typed.
    void staysText_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("typed");
        const auto row = [](const char *name, const char *start, const char *typed) {
            QTest::newRow(name) << QString::fromUtf8(start) << QString::fromUtf8(typed);
        };
        row("hash inside a line", "", "a # b");
        row("hash without a space", "", "#hashtag ");
        row("arithmetic", "", "2 * 3 * 4");
        row("snake case", "", "snake_case_name");
        row("empty bold", "", "****");
        row("spaced stars", "", "a ** b ** c");
        row("dashes in a line", "", "a --- b");
        row("fence inside a line", "", "a ```\n");
        row("heading in code", "```\n", "# not a heading");
        row("bold in code", "```\n", "**not bold**");
        row("list in code", "```\n", "- not a list");
    }

    void staysText()
    {
        QFETCH(QString, start);
        QFETCH(QString, typed);
        h->start();
        EditorHarness::type(h->rich(), start + typed);
        QString expected = typed;
        expected.replace(QLatin1Char('\n'), QChar::ParagraphSeparator);
        QTextCursor all = h->rich()->textCursor();
        all.movePosition(QTextCursor::StartOfBlock);
        if (start.isEmpty())
            all.movePosition(QTextCursor::Start);
        all.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        QCOMPARE(all.selectedText(), expected);
        const TextFormatter::State state = TextFormatter::stateAt(all);
        QVERIFY(!state.bold);
        QVERIFY(!state.italic);
        QCOMPARE(state.headingLevel, 0);
        QCOMPARE(state.list, quire::gui::ListFormatter::Kind::None);
        QCOMPARE(state.quote, false);
        // Only code keeps the fixed font.
        QCOMPARE(state.codeBlock, !start.isEmpty());
    }
};

QTEST_MAIN(TestMarkdownShortcuts)
#include "tst_markdownshortcuts.moc"
