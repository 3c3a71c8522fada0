// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/translations.h"
#include "desktop/widgets/bodyeditor.h"
#include "tests/desktop/editorharness.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextList>

using quire::gui::BodyEditor;
using quire::test::EditorHarness;
using Id = quire::gui::FormatActions::Id;

Q_DECLARE_METATYPE(QKeyCombination)

// The body editor driven like a user under offscreen: text typed into the
// rich view, selected with keys, formatted with every toolbar button and
// shortcut, undone and redone; the Markdown source view beside or instead
// of it; the word count; task boxes clicked. Markdown is compared exactly
// in the house style. (Dialogs, images, tables and find/replace:
// tst_editorinserts.)
class TestBodyEditor : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<EditorHarness> h;

    void selectWordsLeft(int words)
    {
        for (int i = 0; i < words; ++i)
            QTest::keyClick(h->rich(), Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
    }

    // Sets up a case: `start` loaded, `typed` typed at its end, then the
    // selection: "all", "words:N" (N words left of the cursor) or "none".
    void prepare(const QString &start, const QString &typed, const QString &selection)
    {
        h->start(start);
        QTest::keyClicks(h->rich(), typed);
        if (selection == QLatin1String("all"))
            QTest::keyClick(h->rich(), Qt::Key_A, Qt::ControlModifier);
        else if (selection.startsWith(QLatin1String("words:")))
            selectWordsLeft(selection.mid(6).toInt());
    }

    void formatCases()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("selection");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("markdown");
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = std::make_unique<EditorHarness>();
        QVERIFY(h->ready());
        QCOMPARE(h->source()->objectName(), QStringLiteral("bodyEdit")); // the body's Markdown, as before
    }

    void everyButtonHasATooltipNamingItsShortcut()
    {
        for (QAction *a : h->editor()->toolBar()->actions()) {
            if (a->isSeparator())
                continue;
            QVERIFY2(!a->toolTip().isEmpty(), qPrintable(a->objectName()));
            if (!a->shortcut().isEmpty())
                QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)),
                         qPrintable(a->toolTip()));
        }
        QVERIFY(h->editor()->action(Id::Indent)->toolTip().contains(QStringLiteral("Tab")));
        // The menu has them all, separators included.
        QVERIFY(h->editor()->actions().contains(h->editor()->action(Id::PastePlainText)));
    }

    void toolbarButtons_data()
    {
        QTest::addColumn<int>("button");
        formatCases();
        const auto row = [](const char *name, Id id, const char *start, const char *typed, const char *selection,
                            const char *after, const char *markdown) {
            QTest::newRow(name) << int(id) << QString::fromUtf8(start) << QString::fromUtf8(typed)
                                << QString::fromLatin1(selection) << QString::fromUtf8(after)
                                << QString::fromUtf8(markdown);
        };
        row("bold", Id::Bold, "", "Hello world", "words:1", "", "Hello **world**\n");
        row("italic", Id::Italic, "", "Hello world", "words:1", "", "Hello *world*\n");
        row("strikethrough", Id::StrikeOut, "", "Hello world", "words:1", "", "Hello ~~world~~\n");
        row("inline code", Id::InlineCode, "", "Run make", "words:1", "", "Run `make`\n");
        row("bold while typing", Id::Bold, "", "Hello ", "none", "world", "Hello **world**\n");
        row("heading 1", Id::Heading1, "", "Title", "none", "", "# Title\n");
        row("heading 2", Id::Heading2, "", "Title", "none", "", "## Title\n");
        row("heading 3", Id::Heading3, "", "Title", "none", "", "### Title\n");
        row("heading, typing on", Id::Heading2, "", "Tit", "none", "le", "## Title\n");
        row("paragraph", Id::Paragraph, "# Title\n", "", "none", "", "Title\n");
        row("code block", Id::CodeBlock, "", "int x = 1;", "none", "", "```\nint x = 1;\n```\n");
        row("quote", Id::Quote, "", "Wise words", "none", "", "> Wise words\n");
        row("bullets", Id::BulletList, "one\n\ntwo\n", "", "all", "", "- one\n- two\n");
        row("numbers", Id::NumberedList, "one\n\ntwo\n", "", "all", "", "1. one\n2. two\n");
        row("tasks", Id::TaskList, "one\n\ntwo\n", "", "all", "", "- [ ] one\n- [ ] two\n");
        row("list item typed", Id::BulletList, "", "one", "none", "\ntwo", "- one\n- two\n");
        row("indent", Id::Indent, "- one\n- two\n", "", "none", "", "- one\n  - two\n");
        row("outdent", Id::Outdent, "- one\n  - two\n", "", "none", "", "- one\n- two\n");
        row("rule", Id::HorizontalRule, "Above\n", "", "none", "Below", "Above\n\n---\n\nBelow\n");
    }

    void toolbarButtons()
    {
        QFETCH(int, button);
        QFETCH(QString, start);
        QFETCH(QString, typed);
        QFETCH(QString, selection);
        QFETCH(QString, after);
        QFETCH(QString, markdown);
        prepare(start, typed, selection);
        QVERIFY2(h->click(Id(button)), "the button is there and enabled");
        EditorHarness::type(h->rich(), after);
        QCOMPARE(h->editor()->markdown(), markdown);
        QAction *action = h->editor()->action(Id(button));
        if (action->isCheckable() && after.isEmpty())
            QVERIFY2(action->isChecked(), "the button shows the format at the cursor");
    }

    void shortcuts_data()
    {
        QTest::addColumn<QKeyCombination>("keys");
        formatCases();
        const auto row = [](const char *name, QKeyCombination keys, const char *start, const char *typed,
                            const char *selection, const char *markdown) {
            QTest::newRow(name) << keys << QString::fromUtf8(start) << QString::fromUtf8(typed)
                                << QString::fromLatin1(selection) << QString() << QString::fromUtf8(markdown);
        };
        const Qt::KeyboardModifiers ctrl = Qt::ControlModifier;
        const Qt::KeyboardModifiers ctrlShift = Qt::ControlModifier | Qt::ShiftModifier;
        row("Ctrl+B", ctrl | Qt::Key_B, "", "Hello world", "words:1", "Hello **world**\n");
        row("Ctrl+I", ctrl | Qt::Key_I, "", "Hello world", "words:1", "Hello *world*\n");
        row("Ctrl+Shift+X", ctrlShift | Qt::Key_X, "", "Hello world", "words:1", "Hello ~~world~~\n");
        row("Ctrl+E", ctrl | Qt::Key_E, "", "Run make", "words:1", "Run `make`\n");
        row("Ctrl+1", ctrl | Qt::Key_1, "", "Title", "none", "# Title\n");
        row("Ctrl+2", ctrl | Qt::Key_2, "", "Title", "none", "## Title\n");
        row("Ctrl+3", ctrl | Qt::Key_3, "", "Title", "none", "### Title\n");
        row("Ctrl+0", ctrl | Qt::Key_0, "## Title\n", "", "none", "Title\n");
        row("Ctrl+Shift+E", ctrlShift | Qt::Key_E, "", "int x;", "none", "```\nint x;\n```\n");
        row("Ctrl+Shift+Q", ctrlShift | Qt::Key_Q, "", "Wise words", "none", "> Wise words\n");
        row("Ctrl+Shift+8", ctrlShift | Qt::Key_8, "", "one", "none", "- one\n");
        row("Ctrl+Shift+7", ctrlShift | Qt::Key_7, "", "one", "none", "1. one\n");
        row("Ctrl+Shift+9", ctrlShift | Qt::Key_9, "", "one", "none", "- [ ] one\n");
        row("Ctrl+]", ctrl | Qt::Key_BracketRight, "- one\n- two\n", "", "none", "- one\n  - two\n");
        row("Ctrl+[", ctrl | Qt::Key_BracketLeft, "- one\n  - two\n", "", "none", "- one\n- two\n");
        row("Tab", QKeyCombination(Qt::Key_Tab), "- one\n- two\n", "", "none", "- one\n  - two\n");
        row("Shift+Tab", QKeyCombination(Qt::ShiftModifier, Qt::Key_Backtab), "- one\n  - two\n", "", "none",
            "- one\n- two\n");
    }

    void shortcuts()
    {
        QFETCH(QKeyCombination, keys);
        QFETCH(QString, start);
        QFETCH(QString, typed);
        QFETCH(QString, selection);
        QFETCH(QString, markdown);
        prepare(start, typed, selection);
        QTest::keyClick(h->rich(), keys.key(), keys.keyboardModifiers());
        QCOMPARE(h->editor()->markdown(), markdown);
    }

    void undoAndRedo()
    {
        h->start();
        QVERIFY(!h->editor()->action(Id::Undo)->isEnabled()); // loading is nothing to undo
        QTest::keyClicks(h->rich(), QStringLiteral("one two"));
        selectWordsLeft(1);
        QVERIFY(h->click(Id::Bold));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("one **two**\n"));
        QTest::keyClick(h->rich(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(h->editor()->markdown(), QStringLiteral("one two\n"));
        QTest::keyClick(h->rich(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(h->editor()->markdown(), QStringLiteral("one **two**\n"));
        QVERIFY(h->click(Id::Undo));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("one two\n"));
        QVERIFY(h->click(Id::Redo));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("one **two**\n"));
    }

    void markdownViewEditsComeBack()
    {
        const QString loaded = QStringLiteral("# Title\n\nSome  text, *as* __written__.\n");
        h->start(loaded);
        QCOMPARE(h->editor()->markdown(), loaded); // untouched: as loaded
        QVERIFY(h->click(Id::SourceView));
        QVERIFY(h->source()->isVisible());
        QVERIFY(!h->rich()->isVisible());
        QCOMPARE(h->source()->toPlainText(), loaded);
        QVERIFY(!h->editor()->action(Id::Bold)->isEnabled()); // formatting is for the rich view
        h->source()->setFocus();
        h->source()->moveCursor(QTextCursor::End);
        EditorHarness::type(h->source(), QStringLiteral("\n## Added\n"));
        const QString edited = loaded + QStringLiteral("\n## Added\n");
        QCOMPARE(h->editor()->markdown(), edited); // the source, exactly
        QVERIFY(h->click(Id::RichView));
        QVERIFY(h->rich()->isVisible());
        QVERIFY(!h->source()->isVisible());
        const QTextBlock added = h->rich()->document()->find(QStringLiteral("Added")).block();
        QCOMPARE(added.text(), QStringLiteral("Added"));
        QCOMPARE(added.blockFormat().headingLevel(), 2);
        QCOMPARE(h->editor()->markdown(), edited); // seeing it changes nothing

        // Side by side: typing in the rich view reaches the source a moment later.
        QVERIFY(h->click(Id::SideBySideView));
        QVERIFY(h->rich()->isVisible() && h->source()->isVisible());
        h->rich()->setFocus();
        h->rich()->moveCursor(QTextCursor::End);
        QTest::keyClicks(h->rich(), QStringLiteral("More."));
        QTRY_VERIFY(h->source()->toPlainText().contains(QStringLiteral("More.")));
        QCOMPARE(h->source()->toPlainText(), h->editor()->markdown());
        // And the other way round.
        h->source()->setFocus();
        h->source()->moveCursor(QTextCursor::End);
        EditorHarness::type(h->source(), QStringLiteral("\n\nLast words"));
        QTRY_COMPARE(h->rich()->document()->lastBlock().text(), QStringLiteral("Last words"));
        QVERIFY(h->click(Id::Preview)); // the owner shows the preview
        QVERIFY(h->editor()->previewAction()->isChecked());
        h->editor()->previewAction()->setChecked(false);
        QVERIFY(h->click(Id::RichView));
    }

    void wordCountFollowsTyping()
    {
        h->start();
        QSignalSpy counted(h->editor(), &BodyEditor::statisticsChanged);
        QTest::keyClicks(h->rich(), QStringLiteral("one two three"));
        QVERIFY(counted.wait(3000));
        QCOMPARE(counted.last().at(0).toInt(), 3);
        QCOMPARE(counted.last().at(1).toInt(), 13);
        QCOMPARE(counted.last().at(2).toInt(), 1);
        auto *label = h->editor()->findChild<QLabel *>(QStringLiteral("wordCountLabel"));
        // (Plural endings come from the translation; the numbers are what count here.)
        QVERIFY2(label->text().contains(QStringLiteral("3 word")), qPrintable(label->text()));
        QVERIFY(label->text().contains(QStringLiteral("13 character")));
        QVERIFY(label->text().contains(QStringLiteral("1 min")));
    }

    // Real plurals: "%n word(s)" reads "1 word" and "2 words" in English (the
    // plural forms of the source texts, quire_en), "1 Wort" and "2 Wörter" in
    // German; a language without a catalogue gets English's forms.
    void wordCountSpeaksRealPlurals_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("statistics");
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        const QLocale german(QLocale::German, QLocale::Germany);
        QTest::newRow("en one") << english << QStringLiteral("a")
                                << QStringLiteral("1 word · 1 character · 1 min read");
        QTest::newRow("en two") << english << QStringLiteral("one two")
                                << QStringLiteral("2 words · 7 characters · 1 min read");
        QTest::newRow("de one") << german << QStringLiteral("a")
                                << QStringLiteral("1 Wort · 1 Zeichen · 1 Min. Lesezeit");
        QTest::newRow("de two") << german << QStringLiteral("one two")
                                << QStringLiteral("2 Wörter · 7 Zeichen · 1 Min. Lesezeit");
        QTest::newRow("fr falls back to English")
            << QLocale(QLocale::French, QLocale::France) << QStringLiteral("one two")
            << QStringLiteral("2 words · 7 characters · 1 min read");
    }

    void wordCountSpeaksRealPlurals()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, typed);
        QFETCH(QString, statistics);
        quire::desktop::Translations::install(*qApp, locale);
        h->start();
        QSignalSpy counted(h->editor(), &BodyEditor::statisticsChanged);
        QTest::keyClicks(h->rich(), typed);
        QVERIFY(counted.wait(3000));
        QCOMPARE(h->editor()->findChild<QLabel *>(QStringLiteral("wordCountLabel"))->text(), statistics);
        quire::desktop::Translations::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void taskBoxesTickOnClick()
    {
        h->start(QStringLiteral("- [ ] milk\n- [x] eggs\n"));
        QTextBlock first = h->rich()->document()->firstBlock();
        const QRect box = h->rich()->taskMarkerRect(first);
        QVERIFY(!box.isEmpty());
        QTest::mouseClick(h->rich()->viewport(), Qt::LeftButton, {}, box.center());
        QCOMPARE(h->editor()->markdown(), QStringLiteral("- [x] milk\n- [x] eggs\n"));
        const QRect second = h->rich()->taskMarkerRect(first.next());
        QTest::mouseClick(h->rich()->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(h->editor()->markdown(), QStringLiteral("- [x] milk\n- [ ] eggs\n"));
        // A click on the words is a click in the text.
        QTest::mouseClick(h->rich()->viewport(), Qt::LeftButton, {}, box.center() + QPoint(box.width() * 2, 0));
        QCOMPARE(h->editor()->markdown(), QStringLiteral("- [x] milk\n- [ ] eggs\n"));
    }

    void everyButtonOfThisShareWasClicked()
    {
        for (int id = Id::Undo; id <= Id::Preview; ++id) {
            if (id == Id::PastePlainText || (id >= Id::Link && id <= Id::HorizontalRule - 1) || id == Id::Find
                || id == Id::Replace)
                continue; // tst_editorinserts
            QVERIFY2(h->clicked().contains(id), QMetaEnum::fromType<Id>().valueToKey(id));
        }
    }

    void cleanupTestCase() { h.reset(); }
};

QTEST_MAIN(TestBodyEditor)
#include "tst_bodyeditor.moc"
