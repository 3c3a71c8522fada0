// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/markdownmerge.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using quire::shared::MarkdownMerge;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QHash<QString, int> lineTally(const QString &text)
{
    QHash<QString, int> counts;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            ++counts[line];
    }
    return counts;
}

// The no-silent-loss invariant, checked line by line: a line-level merge
// rewrites a block, but never a line. A line either side added is in the
// result exactly as often as that side has it, a base line both sides kept
// is still there, and nothing is duplicated or made up. Counting identifies
// lines, so this needs the lines the two sides add to differ, and says
// nothing about lines repeated in base (fence and table rules) whose copies
// each side may remove independently; rows compare those texts exactly.
QString invariantViolation(const QString &base, const QString &ours, const QString &theirs, const QString &merged)
{
    const QHash<QString, int> b = lineTally(base);
    const QHash<QString, int> o = lineTally(ours);
    const QHash<QString, int> t = lineTally(theirs);
    const QHash<QString, int> m = lineTally(merged);
    for (auto it = m.cbegin(); it != m.cend(); ++it) {
        if (!b.contains(it.key()) && !o.contains(it.key()) && !t.contains(it.key()))
            return QStringLiteral("line from nowhere: ") + it.key();
    }
    for (const QHash<QString, int> *side : { &b, &o, &t }) {
        for (auto it = side->cbegin(); it != side->cend(); ++it) {
            const QString &line = it.key();
            const int n = m.value(line);
            if (b.value(line) == 0 && n != std::max(o.value(line), t.value(line)))
                return QStringLiteral("added line not present exactly once: ") + line;
            if (b.value(line) > 1)
                continue;
            if (n < std::min(o.value(line), t.value(line)))
                return QStringLiteral("kept line dropped: ") + line;
            if (n > std::max({ b.value(line), o.value(line), t.value(line) }))
                return QStringLiteral("line duplicated: ") + line;
        }
    }
    return {};
}

} // namespace

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
        QTest::newRow("identical sides") << three << QStringLiteral("x\n") << QStringLiteral("x\n")
                                         << QStringLiteral("x\n");
        QTest::newRow("only ours changed")
            << three << QStringLiteral("changed\n") << three << QStringLiteral("changed\n");
        QTest::newRow("only theirs changed")
            << three << three << QStringLiteral("changed\n") << QStringLiteral("changed\n");
        QTest::newRow("different paragraphs")
            << three << QStringLiteral("# Title\n\nFirst paragraph, ours.\n\nSecond paragraph.\n\nThird paragraph.\n")
            << QStringLiteral("# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph, theirs.\n")
            << QStringLiteral("# Title\n\nFirst paragraph, ours.\n\nSecond paragraph.\n\nThird paragraph, theirs.\n");
        QTest::newRow("same edit on both sides, another edit on one")
            << three << QStringLiteral("# Title\n\nFirst, fixed.\n\nSecond paragraph.\n\nThird paragraph.\n")
            << QStringLiteral("# Title\n\nFirst, fixed.\n\nSecond paragraph.\n\nThird paragraph, theirs.\n")
            << QStringLiteral("# Title\n\nFirst, fixed.\n\nSecond paragraph.\n\nThird paragraph, theirs.\n");
        QTest::newRow("heading and the paragraph right under it")
            << QStringLiteral("# Title\nBody text.\n") << QStringLiteral("# New title\nBody text.\n")
            << QStringLiteral("# Title\nBody text, edited.\n") << QStringLiteral("# New title\nBody text, edited.\n");
        QTest::newRow("one paragraph, lines 1 and 3") << QStringLiteral("Intro.\n\nline one\nline two\nline three\n")
                                                      << QStringLiteral("Intro.\n\nline ONE\nline two\nline three\n")
                                                      << QStringLiteral("Intro.\n\nline one\nline two\nline THREE\n")
                                                      << QStringLiteral("Intro.\n\nline ONE\nline two\nline THREE\n");
        QTest::newRow("one paragraph, line added and line removed")
            << QStringLiteral("a first line\na second line\na third line\na fourth line\n")
            << QStringLiteral("a new line\na first line\na second line\na third line\na fourth line\n")
            << QStringLiteral("a first line\na second line\na third line\n")
            << QStringLiteral("a new line\na first line\na second line\na third line\n");
        QTest::newRow("code fence edited, paragraph edited")
            << QStringLiteral("Text.\n\n```cpp\nint a;\n\n\nint b;\n```\n\nMore.\n")
            << QStringLiteral("Text.\n\n```cpp\nint a = 1;\n\n\nint b;\n```\n\nMore.\n")
            << QStringLiteral("Text, theirs.\n\n```cpp\nint a;\n\n\nint b;\n```\n\nMore.\n")
            << QStringLiteral("Text, theirs.\n\n```cpp\nint a = 1;\n\n\nint b;\n```\n\nMore.\n");
        QTest::newRow("tilde fence with a paragraph-like line inside")
            << QStringLiteral("Before.\n\n~~~\n# not a heading\n\n- not an item\n~~~\n\nAfter.\n")
            << QStringLiteral("Before.\n\n~~~\n# not a heading\n\n- still not an item\n~~~\n\nAfter.\n")
            << QStringLiteral("Before.\n\n~~~\n# not a heading\n\n- not an item\n~~~\n\nAfter, theirs.\n")
            << QStringLiteral("Before.\n\n~~~\n# not a heading\n\n- still not an item\n~~~\n\nAfter, theirs.\n");
        QTest::newRow("table edited, paragraph added")
            << QStringLiteral("Intro.\n\n|  a  | b |\n|:----|--:|\n| 1   |  2|\n\nAfter.\n")
            << QStringLiteral("Intro.\n\n|  a  | b |\n|:----|--:|\n| 1   |  2|\n| 3   |  4|\n\nAfter.\n")
            << QStringLiteral("Intro.\n\n|  a  | b |\n|:----|--:|\n| 1   |  2|\n\nAfter.\n\nA new paragraph.\n")
            << QStringLiteral(
                   "Intro.\n\n|  a  | b |\n|:----|--:|\n| 1   |  2|\n| 3   |  4|\n\nAfter.\n\nA new paragraph.\n");
        QTest::newRow("list items edited apart")
            << QStringLiteral("- apples\n- pears\n- plums\n") << QStringLiteral("- green apples\n- pears\n- plums\n")
            << QStringLiteral("- apples\n- pears\n- ripe plums\n")
            << QStringLiteral("- green apples\n- pears\n- ripe plums\n");
        QTest::newRow("adjacent list items, one per side")
            << QStringLiteral("Shopping:\n\n1. milk\n2. bread\n3. eggs\n")
            << QStringLiteral("Shopping:\n\n1. oat milk\n2. bread\n3. eggs\n")
            << QStringLiteral("Shopping:\n\n1. milk\n2. rye bread\n3. eggs\n")
            << QStringLiteral("Shopping:\n\n1. oat milk\n2. rye bread\n3. eggs\n");
        QTest::newRow("nested list item with continuation")
            << QStringLiteral("- top\n  - nested\n    more of nested\n- last\n")
            << QStringLiteral("- top, ours\n  - nested\n    more of nested\n- last\n")
            << QStringLiteral("- top\n  - nested\n    more of nested, theirs\n- last\n")
            << QStringLiteral("- top, ours\n  - nested\n    more of nested, theirs\n- last\n");
        QTest::newRow("appended by one, edited by the other")
            << QStringLiteral("One.\n\nTwo.\n") << QStringLiteral("One, ours.\n\nTwo.\n")
            << QStringLiteral("One.\n\nTwo.\n\nThree, theirs.\n")
            << QStringLiteral("One, ours.\n\nTwo.\n\nThree, theirs.\n");
        QTest::newRow("same paragraph appended by both")
            << QStringLiteral("One.\n\nTwo.\n") << QStringLiteral("One, ours.\n\nTwo.\n\nThree.\n")
            << QStringLiteral("One.\n\nTwo.\n\nThree.\n") << QStringLiteral("One, ours.\n\nTwo.\n\nThree.\n");
        QTest::newRow("paragraph removed, another edited")
            << QStringLiteral("A.\n\nB.\n\nC.\n\nD.\n") << QStringLiteral("A.\n\nC.\n\nD.\n")
            << QStringLiteral("A.\n\nB.\n\nC.\n\nD, theirs.\n") << QStringLiteral("A.\n\nC.\n\nD, theirs.\n");
        QTest::newRow("paragraph inserted in the middle, another edited")
            << QStringLiteral("A.\n\nB.\n\nC.\n\nD.\n") << QStringLiteral("A.\n\nInserted.\n\nB.\n\nC.\n\nD.\n")
            << QStringLiteral("A.\n\nB.\n\nC.\n\nD, theirs.\n")
            << QStringLiteral("A.\n\nInserted.\n\nB.\n\nC.\n\nD, theirs.\n");
        QTest::newRow("repeated paragraph far from the edits")
            << QStringLiteral("Note.\n\nA.\n\nNote.\n\nB.\n\nC.\n\nD.\n")
            << QStringLiteral("Note.\n\nA.\n\nNote.\n\nB.\n\nC.\n\nD, ours.\n")
            << QStringLiteral("Note.\n\nA.\n\nNote.\n\nB.\n\nC, theirs.\n\nD.\n")
            << QStringLiteral("Note.\n\nA.\n\nNote.\n\nB.\n\nC, theirs.\n\nD, ours.\n");
        QTest::newRow("crlf kept") << QStringLiteral("A.\r\n\r\nB.\r\n\r\nC.\r\n")
                                   << QStringLiteral("A!\r\n\r\nB.\r\n\r\nC.\r\n")
                                   << QStringLiteral("A.\r\n\r\nB.\r\n\r\nC!\r\n")
                                   << QStringLiteral("A!\r\n\r\nB.\r\n\r\nC!\r\n");
        QTest::newRow("crlf inside one paragraph")
            << QStringLiteral("one\r\ntwo\r\nthree\r\n") << QStringLiteral("ONE\r\ntwo\r\nthree\r\n")
            << QStringLiteral("one\r\ntwo\r\nTHREE\r\n") << QStringLiteral("ONE\r\ntwo\r\nTHREE\r\n");
        QTest::newRow("unicode") << s("Grüße.\n\nMitte.\n\nEnde.\n") << s("Grüße aus Köln 🎉.\n\nMitte.\n\nEnde.\n")
                                 << s("Grüße.\n\nMitte.\n\nEnde – schön 👍🏽.\n")
                                 << s("Grüße aus Köln 🎉.\n\nMitte.\n\nEnde – schön 👍🏽.\n");
        QTest::newRow("unicode inside one paragraph") << s("Äpfel\nBirnen\nÖl\n") << s("Äpfel 🍎\nBirnen\nÖl\n")
                                                      << s("Äpfel\nBirnen\nÖl ü\n") << s("Äpfel 🍎\nBirnen\nÖl ü\n");
        QTest::newRow("no trailing newline") << QStringLiteral("A.\n\nB.\n\nC.") << QStringLiteral("A2.\n\nB.\n\nC.")
                                             << QStringLiteral("A.\n\nB.\n\nC2.") << QStringLiteral("A2.\n\nB.\n\nC2.");
        QTest::newRow("extra blank lines kept as written")
            << QStringLiteral("A.\n\n\n\nB.\n\n\nC.\n") << QStringLiteral("A, ours.\n\n\n\nB.\n\n\nC.\n")
            << QStringLiteral("A.\n\n\n\nB.\n\n\nC, theirs.\n")
            << QStringLiteral("A, ours.\n\n\n\nB.\n\n\nC, theirs.\n");
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
        QVERIFY(m.reason.isEmpty());
        const QString violation = invariantViolation(base, ours, theirs, m.text);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        // Symmetric: which side is the server does not change a clean result.
        const MarkdownMerge swapped = MarkdownMerge::merge(base, theirs, ours);
        QVERIFY2(swapped.clean, qPrintable(swapped.reason));
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
        QTest::newRow("same line of a paragraph") << QStringLiteral("a\nb\nc\n") << QStringLiteral("a\nB1\nc\n")
                                                  << QStringLiteral("a\nB2\nc\n") << QStringLiteral("same paragraph");
        QTest::newRow("adjacent lines of a paragraph")
            << QStringLiteral("The cat sat\non the mat\nall day.\n")
            << QStringLiteral("The dog sat\non the mat\nall day.\n")
            << QStringLiteral("The cat sat\non the rug\nall day.\n") << QStringLiteral("same paragraph");
        QTest::newRow("same table row") << QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |\n")
                                        << QStringLiteral("| a | b |\n|---|---|\n| 1 | 3 |\n")
                                        << QStringLiteral("| a | b |\n|---|---|\n| 1 | 4 |\n")
                                        << QStringLiteral("same paragraph");
        QTest::newRow("both append different paragraphs")
            << QStringLiteral("One.\n") << QStringLiteral("One.\n\nOurs.\n") << QStringLiteral("One.\n\nTheirs.\n")
            << QStringLiteral("same place");
        QTest::newRow("both insert different paragraphs mid-text")
            << QStringLiteral("A.\n\nB.\n") << QStringLiteral("A.\n\nOurs.\n\nB.\n")
            << QStringLiteral("A.\n\nTheirs.\n\nB.\n") << QStringLiteral("same place");
        QTest::newRow("both append different items to a list")
            << QStringLiteral("- one\n- two\n") << QStringLiteral("- one\n- two\n- ours\n")
            << QStringLiteral("- one\n- two\n- theirs\n") << QStringLiteral("same place");
        QTest::newRow("deleted on one side, edited on the other")
            << QStringLiteral("Keep.\n\nGone?\n\nEnd.\n") << QStringLiteral("Keep.\n\nEnd.\n")
            << QStringLiteral("Keep.\n\nGone? No, edited.\n\nEnd.\n") << QStringLiteral("removed");
        QTest::newRow("everything deleted on one side, edited on the other")
            << QStringLiteral("Only.\n") << QString() << QStringLiteral("Only, edited.\n") << QStringLiteral("removed");
        QTest::newRow("repeated paragraph next to an insertion")
            << QStringLiteral("Note.\n\nA.\n\nNote.\n\nB.\n")
            << QStringLiteral("Note.\n\nA.\n\nNote.\n\nInserted.\n\nB.\n")
            << QStringLiteral("Note.\n\nA, theirs.\n\nNote.\n\nB.\n") << QStringLiteral("repeated");
        QTest::newRow("repeated paragraph, one copy removed")
            << QStringLiteral("Note.\n\nA.\n\nNote.\n\nB.\n") << QStringLiteral("Note.\n\nA.\n\nB.\n")
            << QStringLiteral("Note.\n\nA.\n\nNote.\n\nB, theirs.\n") << QStringLiteral("repeated");
        QTest::newRow("paragraph repeated only by one side")
            << QStringLiteral("Note.\n\nA.\n\nB.\n") << QStringLiteral("Note.\n\nA.\n\nNote.\n\nB.\n")
            << QStringLiteral("Note.\n\nA, theirs.\n\nB.\n") << QStringLiteral("repeated");
        QTest::newRow("repeated line inside a paragraph")
            << QStringLiteral("x\nsame\ny\nsame\nz\n") << QStringLiteral("X\nsame\ny\nsame\nz\n")
            << QStringLiteral("x\nsame\ny\nsame\nnew\nz\n") << QStringLiteral("repeated");
        QTest::newRow("same paragraph added in two places")
            << QStringLiteral("A.\n\nB.\n\nC.\n") << QStringLiteral("Added.\n\nA.\n\nB.\n\nC.\n")
            << QStringLiteral("A.\n\nB.\n\nC.\n\nAdded.\n") << QStringLiteral("repeated");
        QTest::newRow("empty base, different texts")
            << QString() << QStringLiteral("Ours.\n") << QStringLiteral("Theirs.\n") << QStringLiteral("same place");
        QTest::newRow("code fence edited on both sides")
            << QStringLiteral("```\nx = 1\n```\n") << QStringLiteral("```\nx = 2\n```\n")
            << QStringLiteral("```\nx = 3\n```\n") << QStringLiteral("same paragraph");
        QTest::newRow("unicode, same line")
            << s("Grüße.\n") << s("Grüße 🎉.\n") << s("Grüße, schön.\n") << QStringLiteral("same paragraph");
    }
    void refuses()
    {
        QFETCH(QString, base);
        QFETCH(QString, ours);
        QFETCH(QString, theirs);
        QFETCH(QString, reason);
        for (const bool swap : { false, true }) {
            const MarkdownMerge m
                = swap ? MarkdownMerge::merge(base, theirs, ours) : MarkdownMerge::merge(base, ours, theirs);
            QVERIFY2(!m.clean, qPrintable(m.text));
            QVERIFY(m.text.isEmpty());
            QVERIFY2(m.reason.contains(reason), qPrintable(m.reason));
        }
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
        const QString o = ours.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
        const QString t = theirs.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
        const MarkdownMerge m = MarkdownMerge::merge(base, o, t);
        QVERIFY2(m.clean, qPrintable(m.reason));
        for (int i = 0; i < 40; i += 4) {
            QCOMPARE(m.text.count(QStringLiteral(" Ours %1.").arg(i)), 1);
            QCOMPARE(m.text.count(QStringLiteral(" Theirs %1.").arg(i + 2)), 1);
        }
        for (int i = 0; i < 40; ++i)
            QCOMPARE(m.text.count(QStringLiteral("Paragraph %1 of the base.").arg(i)), 1);
        const QString violation = invariantViolation(base, o, t, m.text);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
    }

    // Random documents of paragraphs, lists, fences, tables and headings,
    // edited on both sides. Edits kept apart must merge to exactly what
    // applying both gives; edits anywhere must either merge without losing
    // or duplicating a line, or be refused with an empty text.
    void randomEdits_data()
    {
        QTest::addColumn<bool>("apart");
        QTest::newRow("edits kept apart") << true;
        QTest::newRow("edits anywhere") << false;
    }
    void randomEdits()
    {
        QFETCH(bool, apart);
        QRandomGenerator rng(apart ? 4711 : 815);
        int cleanCount = 0;
        int refusedCount = 0;
        for (int round = 0; round < 400; ++round) {
            const int count = 3 + rng.bounded(9);
            QStringList base;
            for (int i = 0; i < count; ++i)
                base << chunk(rng, QStringLiteral("r%1c%2").arg(round).arg(i));
            QStringList ours = base;
            QStringList theirs = base;
            QStringList expected = base;
            int lastTouched = -2;
            // Walk backwards so that insertions and removals keep the
            // indices of the chunks still to be visited.
            for (int i = count - 1; i >= 0; --i) {
                const int who = rng.bounded(apart ? 3 : 4); // 0 none, 1 ours, 2 theirs, 3 both
                if (who == 0 || (apart && lastTouched == i + 1))
                    continue;
                lastTouched = i;
                const QString tag = QStringLiteral("r%1c%2").arg(round).arg(i);
                const int oursWhat = rng.bounded(3); // 0 edit a line, 1 remove, 2 insert after
                const int theirsWhat = rng.bounded(3);
                const int oursLine = rng.bounded(3);
                const int theirsLine = rng.bounded(3);
                const QString oursTag = tag + QStringLiteral(" ours");
                const QString theirsTag = tag + QStringLiteral(" theirs");
                if (who & 1)
                    applyEdit(ours, i, oursWhat, oursLine, oursTag);
                if (who & 2)
                    applyEdit(theirs, i, theirsWhat, theirsLine, theirsTag);
                if (apart && who == 1)
                    applyEdit(expected, i, oursWhat, oursLine, oursTag);
                if (apart && who == 2)
                    applyEdit(expected, i, theirsWhat, theirsLine, theirsTag);
            }
            const QString b = base.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
            const QString o = ours.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
            const QString t = theirs.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
            const MarkdownMerge m = MarkdownMerge::merge(b, o, t);
            const MarkdownMerge swapped = MarkdownMerge::merge(b, t, o);
            QCOMPARE(swapped.clean, m.clean);
            QCOMPARE(swapped.text, m.text);
            if (apart) {
                QVERIFY2(m.clean,
                         qPrintable(m.reason + QLatin1Char('\n') + b + QLatin1Char('\n') + o + QLatin1Char('\n') + t));
                QCOMPARE(m.text, expected.join(QStringLiteral("\n\n")) + QLatin1Char('\n'));
            }
            if (m.clean) {
                ++cleanCount;
                const QString violation = invariantViolation(b, o, t, m.text);
                QVERIFY2(violation.isEmpty(),
                         qPrintable(violation + QLatin1Char('\n') + b + QLatin1Char('\n') + o + QLatin1Char('\n') + t
                                    + QLatin1Char('\n') + m.text));
            } else {
                ++refusedCount;
                QVERIFY(m.text.isEmpty());
                QVERIFY(!m.reason.isEmpty());
            }
        }
        // Both outcomes must actually have been exercised.
        QVERIFY(cleanCount > 0);
        QVERIFY(apart || refusedCount > 0);
    }

    void largeTextsAreRefusedNotStalled()
    {
        QStringList base;
        QStringList ours;
        QStringList theirs;
        for (int i = 0; i < 2100; ++i) {
            base << QStringLiteral("Base %1.").arg(i);
            ours << QStringLiteral("Ours %1.").arg(i);
            theirs << QStringLiteral("Theirs %1.").arg(i);
        }
        const MarkdownMerge m = MarkdownMerge::merge(
            base.join(QStringLiteral("\n\n")), ours.join(QStringLiteral("\n\n")), theirs.join(QStringLiteral("\n\n")));
        QVERIFY(!m.clean);
        QVERIFY(m.text.isEmpty());
        QVERIFY2(m.reason.contains(QStringLiteral("too large")), qPrintable(m.reason));
    }

private:
    // A Markdown chunk whose every line is unique to `tag`; three lines so
    // that edits can pick one. Fences, tables and lists exercise the kinds
    // of block that are kept whole.
    static QString chunk(QRandomGenerator &rng, const QString &tag)
    {
        switch (rng.bounded(5)) {
        case 0:
            return QStringLiteral("Para %1 a\nPara %1 b\nPara %1 c").arg(tag);
        case 1:
            return QStringLiteral("- item %1 a\n- item %1 b\n  more %1 c").arg(tag);
        case 2:
            return QStringLiteral("```\ncode %1 a\n\ncode %1 b\ncode %1 c\n```").arg(tag);
        case 3:
            return QStringLiteral("| h %1 a |\n|---|\n| cell %1 b |\n| cell %1 c |").arg(tag);
        default:
            return QStringLiteral("## Heading %1 a\nText %1 b\nText %1 c").arg(tag);
        }
    }

    static void applyEdit(QStringList &chunks, int index, int what, int line, const QString &tag)
    {
        switch (what) {
        case 0: {
            QStringList lines = chunks[index].split(QLatin1Char('\n'));
            // The line ending with ` a`, ` b` or ` c`, so fences stay fences.
            const QString suffix = QStringLiteral(" ") + QLatin1Char(char('a' + line));
            for (QString &l : lines) {
                if (l.endsWith(suffix))
                    l += QStringLiteral(" edited by ") + tag;
            }
            chunks[index] = lines.join(QLatin1Char('\n'));
            break;
        }
        case 1:
            chunks.removeAt(index);
            break;
        default:
            chunks.insert(index + 1, QStringLiteral("Inserted by %1.").arg(tag));
            break;
        }
    }
};

QTEST_GUILESS_MAIN(TestMarkdownMerge)
#include "tst_markdownmerge.moc"
