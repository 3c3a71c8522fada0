// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/variablecompleter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextEdit>

using quire::gui::VariableCompleter;
using Mode = VariableCompleter::Mode;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(VariableCompleter::Mode)

// Completing template tags in the prompt editor: names after "{{",
// prompts after "{{>", chosen with Return or Tab, closed with "}}".
class TestVariableCompleter : public QObject
{
    Q_OBJECT
private:
    static QStringList offered(const VariableCompleter &completer)
    {
        QStringList names;
        QCompleter *c = completer.completer();
        for (int row = 0; row < c->completionModel()->rowCount(); ++row)
            names << c->completionModel()->index(row, 0).data().toString();
        return names;
    }

private Q_SLOTS:
    void context_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("nothing") << u"plain"_s << Mode::None << QString();
        QTest::newRow("just opened") << u"Hi {{"_s << Mode::Variable << QString();
        QTest::newRow("a name begun") << u"Hi {{ na"_s << Mode::Variable << u"na"_s;
        QTest::newRow("include") << u"{{>"_s << Mode::Prompt << QString();
        QTest::newRow("include begun") << u"{{> gre"_s << Mode::Prompt << u"gre"_s;
        QTest::newRow("after a closed tag") << u"{{a}} {{b"_s << Mode::Variable << u"b"_s;
        QTest::newRow("closed") << u"{{a}}"_s << Mode::None << QString();
        QTest::newRow("escaped") << u"\\{{na"_s << Mode::None << QString();
        QTest::newRow("escaped backslash") << u"\\\\{{na"_s << Mode::Variable << u"na"_s;
        QTest::newRow("typing a type") << u"{{n : num"_s << Mode::None << QString();
        QTest::newRow("typing a label") << u"{{> a@prod"_s << Mode::None << QString();
        QTest::newRow("unicode") << u"{{grö"_s << Mode::Variable << u"grö"_s;
    }
    void context()
    {
        QFETCH(QString, line);
        QFETCH(Mode, mode);
        QFETCH(QString, prefix);
        const auto context = VariableCompleter::contextOf(line);
        QCOMPARE(context.mode, mode);
        QCOMPARE(context.prefix, prefix);
    }

    void offersVariablesAndInsertsOne_data()
    {
        QTest::addColumn<int>("key");
        QTest::newRow("return") << int(Qt::Key_Return);
        QTest::newRow("tab") << int(Qt::Key_Tab);
    }
    void offersVariablesAndInsertsOne()
    {
        QFETCH(int, key);
        QTextEdit edit;
        VariableCompleter completer(&edit);
        completer.setVariableNames({ u"topic"_s, u"tone"_s, u"audience"_s });
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        QTest::keyClicks(&edit, u"Write about {{to"_s);
        QAbstractItemView *popup = completer.completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(completer.mode(), Mode::Variable);
        QCOMPARE(offered(completer), QStringList({ u"topic"_s, u"tone"_s }));
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key(key));
        QCOMPARE(edit.toPlainText(), u"Write about {{tone}}"_s);
        QVERIFY(!popup->isVisible());
        QCOMPARE(edit.textCursor().position(), edit.toPlainText().size());
        // Typing goes on after the tag.
        QTest::keyClicks(&edit, u"."_s);
        QCOMPARE(edit.toPlainText(), u"Write about {{tone}}."_s);
    }

    void offersPromptsAfterAnInclude()
    {
        QTextEdit edit;
        VariableCompleter completer(&edit);
        completer.setVariableNames({ u"topic"_s });
        completer.setPromptNames({ u"greeting"_s, u"signature"_s, u"great-intro"_s });
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        QTest::keyClicks(&edit, u"{{> "_s);
        QAbstractItemView *popup = completer.completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(completer.mode(), Mode::Prompt);
        QCOMPARE(offered(completer).size(), 3);
        QTest::keyClicks(&edit, u"gre"_s);
        QTRY_COMPARE(offered(completer), QStringList({ u"greeting"_s, u"great-intro"_s }));
        QTest::keyClick(&edit, Qt::Key_Return); // also when the editor has the key
        QCOMPARE(edit.toPlainText(), u"{{> greeting}}"_s);
    }

    void offersTheVariablesTheTextUses()
    {
        QPlainTextEdit edit;
        VariableCompleter completer(&edit);
        edit.setPlainText(u"Dear {{audience}}, about {{topic : text}}\n"_s);
        edit.moveCursor(QTextCursor::End);
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        QTest::keyClicks(&edit, u"{{"_s);
        QAbstractItemView *popup = completer.completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(offered(completer), QStringList({ u"audience"_s, u"topic"_s }));
        QTest::keyClick(popup, Qt::Key_Escape);
        QVERIFY(!popup->isVisible());
        QCOMPARE(edit.toPlainText(), u"Dear {{audience}}, about {{topic : text}}\n{{"_s);
    }

    void replacesANameInPlace()
    {
        QTextEdit edit;
        VariableCompleter completer(&edit);
        completer.setVariableNames({ u"topic"_s });
        edit.setPlainText(u"{{to}} end"_s);
        QTextCursor cursor = edit.textCursor();
        cursor.setPosition(4); // after "to"
        edit.setTextCursor(cursor);
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        QTest::keyClicks(&edit, u"p"_s);
        QAbstractItemView *popup = completer.completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(edit.toPlainText(), u"{{topic}} end"_s);
        QCOMPARE(edit.textCursor().position(), 9);
    }

    void nothingWhereNoTagIsOpen()
    {
        QTextEdit edit;
        VariableCompleter completer(&edit);
        completer.setVariableNames({ u"topic"_s });
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        QTest::keyClicks(&edit, u"\\{{t"_s);
        QTest::qWait(50);
        QVERIFY(!completer.completer()->popup()->isVisible());
        QTest::keyClicks(&edit, u" {{x"_s); // no name starts with x
        QTest::qWait(50);
        QVERIFY(!completer.completer()->popup()->isVisible());
        // Loading a text never pops the list up.
        edit.setPlainText(u"{{"_s);
        QTest::qWait(50);
        QVERIFY(!completer.completer()->popup()->isVisible());
    }
};

QTEST_MAIN(TestVariableCompleter)
#include "tst_variablecompleter.moc"
