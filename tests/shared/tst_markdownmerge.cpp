// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/markdownmerge.h"

#include <QTest>

using quire::shared::MarkdownMerge;

// Three-way Markdown merge: what merges cleanly, byte for byte, and what
// must be refused so that sync keeps both versions instead of guessing.
class TestMarkdownMerge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void merges_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("ours");
        QTest::addColumn<QString>("theirs");
        QTest::addColumn<QString>("merged");

        const QString three = QStringLiteral("# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n");
        QTest::newRow("identical sides") << three << QStringLiteral("x\n") << QStringLiteral("x\n") << QStringLiteral("x\n");
        QTest::newRow("only ours changed") << three << QStringLiteral("changed\n") << three << QStringLiteral("changed\n");
        QTest::newRow("only theirs changed") << three << three << QStringLiteral("changed\n") << QStringLiteral("changed\n");
        QTest::newRow("different paragraphs")
            << three << QStringLiteral("# Title\n\nFirst paragraph, ours.\n\nSecond paragraph.\n\nThird paragraph.\n")
            << QStringLiteral("# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph, theirs.\n")
            << QStringLiteral("# Title\n\nFirst paragraph, ours.\n\nSecond paragraph.\n\nThird paragraph, theirs.\n");
        QTest::newRow("same change on both sides")
            << three << QStringLiteral("# Title\n\nFirst, fixed.\n\nSecond paragraph.\n\nThird paragraph.\n")
            << QStringLiteral("# Title\n\nFirst, fixed.\n\nSecond paragraph.\n\nThird paragraph.\n")
            << QStringLiteral("# Title\n\nFirst, fixed.\n\nSecond paragraph.\n\nThird paragraph.\n");
        QTest::newRow("one paragraph, different lines")
            << QStringLiteral("Intro.\n\nline one\nline two\nline three\n")
            << QStringLiteral("Intro.\n\nline ONE\nline two\nline three\n")
            << QStringLiteral("Intro.\n\nline one\nline two\nline THREE\n")
            << QStringLiteral("Intro.\n\nline ONE\nline two\nline THREE\n");
        QTest::newRow("code fence kept whole")
            << QStringLiteral("Text.\n\n```cpp\nint a;\n\nint b;\n```\n\nMore.\n")
            << QStringLiteral("Text, ours.\n\n```cpp\nint a;\n\nint b;\n```\n\nMore.\n")
            << QStringLiteral("Text.\n\n```cpp\nint a;\n\nint b;\n```\n\nMore, theirs.\n")
            << QStringLiteral("Text, ours.\n\n```cpp\nint a;\n\nint b;\n```\n\nMore, theirs.\n");
        QTest::newRow("table spacing survives")
            << QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter.\n")
            << QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nAfter.\n")
            << QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter, theirs.\n")
            << QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nAfter, theirs.\n");
        QTest::newRow("list items edited apart")
            << QStringLiteral("- apples\n- pears\n- plums\n")
            << QStringLiteral("- green apples\n- pears\n- plums\n")
            << QStringLiteral("- apples\n- pears\n- ripe plums\n")
            << QStringLiteral("- green apples\n- pears\n- ripe plums\n");
        QTest::newRow("appended by one, edited by the other")
            << QStringLiteral("One.\n\nTwo.\n") << QStringLiteral("One, ours.\n\nTwo.\n")
            << QStringLiteral("One.\n\nTwo.\n\nThree, theirs.\n") << QStringLiteral("One, ours.\n\nTwo.\n\nThree, theirs.\n");
        QTest::newRow("same paragraph appended by both") << QStringLiteral("One.\n") << QStringLiteral("One.\n\nTwo.\n")
                                                         << QStringLiteral("One.\n\nTwo.\n") << QStringLiteral("One.\n\nTwo.\n");
        QTest::newRow("crlf kept")
            << QStringLiteral("A.\r\n\r\nB.\r\n\r\nC.\r\n") << QStringLiteral("A!\r\n\r\nB.\r\n\r\nC.\r\n")
            << QStringLiteral("A.\r\n\r\nB.\r\n\r\nC!\r\n") << QStringLiteral("A!\r\n\r\nB.\r\n\r\nC!\r\n");
        QTest::newRow("unicode")
            << QStringLiteral("Grüße.\n\nMitte.\n\nEnde.\n") << QStringLiteral("Grüße aus Köln 🎉.\n\nMitte.\n\nEnde.\n")
            << QStringLiteral("Grüße.\n\nMitte.\n\nEnde – schön.\n") << QStringLiteral("Grüße aus Köln 🎉.\n\nMitte.\n\nEnde – schön.\n");
        QTest::newRow("no trailing newline")
            << QStringLiteral("A.\n\nB.\n\nC.") << QStringLiteral("A2.\n\nB.\n\nC.") << QStringLiteral("A.\n\nB.\n\nC2.")
            << QStringLiteral("A2.\n\nB.\n\nC2.");
    }
    void merges()
    {
        QFETCH(QString, base);
        QFETCH(QString, ours);
        QFETCH(QString, theirs);
        QFETCH(QString, merged);
        const MarkdownMerge m = MarkdownMerge::merge(base, ours, theirs);
        QVERIFY2(m.clean, qPrintable(m.reason));
        QCOMPARE(m.text, merged);
        // Symmetric: which side is the server does not change a clean result.
        const MarkdownMerge swapped = MarkdownMerge::merge(base, theirs, ours);
        QVERIFY(swapped.clean);
        QCOMPARE(swapped.text, merged);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("ours");
        QTest::addColumn<QString>("theirs");
        QTest::addColumn<QString>("reason");

        QTest::newRow("same paragraph, different edits")
            << QStringLiteral("Intro.\n\nThe paragraph.\n") << QStringLiteral("Intro.\n\nThe paragraph, ours.\n")
            << QStringLiteral("Intro.\n\nThe paragraph, theirs.\n") << QStringLiteral("same paragraph");
        QTest::newRow("same line of a paragraph")
            << QStringLiteral("a\nb\nc\n") << QStringLiteral("a\nB1\nc\n") << QStringLiteral("a\nB2\nc\n")
            << QStringLiteral("same paragraph");
        QTest::newRow("both append different paragraphs")
            << QStringLiteral("One.\n") << QStringLiteral("One.\n\nOurs.\n") << QStringLiteral("One.\n\nTheirs.\n")
            << QStringLiteral("same place");
        QTest::newRow("deleted on one side, edited on the other")
            << QStringLiteral("Keep.\n\nGone?\n\nEnd.\n") << QStringLiteral("Keep.\n\nEnd.\n")
            << QStringLiteral("Keep.\n\nGone? No, edited.\n\nEnd.\n") << QStringLiteral("removed");
        QTest::newRow("repeated anchor")
            << QStringLiteral("Note.\n\nA.\n\nNote.\n\nB.\n") << QStringLiteral("Note.\n\nA.\n\nNote.\n\nInserted.\n\nB.\n")
            << QStringLiteral("Note.\n\nA, theirs.\n\nNote.\n\nB.\n") << QStringLiteral("repeated");
        QTest::newRow("empty base, different texts")
            << QString() << QStringLiteral("Ours.\n") << QStringLiteral("Theirs.\n") << QStringLiteral("same place");
        QTest::newRow("code fence edited on both sides")
            << QStringLiteral("```\nx = 1\n```\n") << QStringLiteral("```\nx = 2\n```\n") << QStringLiteral("```\nx = 3\n```\n")
            << QStringLiteral("same paragraph");
    }
    void refuses()
    {
        QFETCH(QString, base);
        QFETCH(QString, ours);
        QFETCH(QString, theirs);
        QFETCH(QString, reason);
        const MarkdownMerge m = MarkdownMerge::merge(base, ours, theirs);
        QVERIFY(!m.clean);
        QVERIFY(m.text.isEmpty());
        QVERIFY2(m.reason.contains(reason), qPrintable(m.reason));
    }

    void aMergeNeverDropsOrDuplicatesAddedText()
    {
        // Many small independent edits: every added sentence appears once.
        QStringList paragraphs;
        for (int i = 0; i < 40; ++i)
            paragraphs << QStringLiteral("Paragraph %1 of the base.").arg(i);
        const QString base = paragraphs.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
        QStringList ours = paragraphs;
        QStringList theirs = paragraphs;
        for (int i = 0; i < 40; i += 4) {
            ours[i] += QStringLiteral(" Ours %1.").arg(i);
            theirs[i + 2] += QStringLiteral(" Theirs %1.").arg(i + 2);
        }
        const MarkdownMerge m = MarkdownMerge::merge(base, ours.join(QStringLiteral("\n\n")) + QLatin1Char('\n'),
                                                     theirs.join(QStringLiteral("\n\n")) + QLatin1Char('\n'));
        QVERIFY2(m.clean, qPrintable(m.reason));
        for (int i = 0; i < 40; i += 4) {
            QCOMPARE(m.text.count(QStringLiteral(" Ours %1.").arg(i)), 1);
            QCOMPARE(m.text.count(QStringLiteral(" Theirs %1.").arg(i + 2)), 1);
        }
        for (int i = 0; i < 40; ++i)
            QCOMPARE(m.text.count(QStringLiteral("Paragraph %1 of the base.").arg(i)), 1);
    }
};

QTEST_GUILESS_MAIN(TestMarkdownMerge)
#include "tst_markdownmerge.moc"
