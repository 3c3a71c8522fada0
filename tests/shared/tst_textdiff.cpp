// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/textdiff.h"

#include <QTest>

using quire::shared::TextDiff;

// Line diffs for comparing revisions.
class TestTextDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lines_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected");
        QTest::newRow("same") << "a\nb"
                              << "a\nb"
                              << "  a\n  b";
        QTest::newRow("empty to text") << ""
                                       << "a"
                                       << "- \n+ a";
        QTest::newRow("changed middle") << "a\nb\nc"
                                        << "a\nB\nc"
                                        << "  a\n- b\n+ B\n  c";
        QTest::newRow("added at end") << "a\n"
                                      << "a\nb\n"
                                      << "  a\n+ b\n  ";
        QTest::newRow("removed at start") << "x\na\nb"
                                          << "a\nb"
                                          << "- x\n  a\n  b";
        QTest::newRow("moved line") << "a\nb\nc"
                                    << "b\nc\na"
                                    << "- a\n  b\n  c\n+ a";
        QTest::newRow("umlauts") << "Grüße\n"
                                 << "Grüße, Welt\n"
                                 << "- Grüße\n+ Grüße, Welt\n  ";
    }
    void lines()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        QCOMPARE(TextDiff::render(TextDiff::lines(before, after)), expected);
    }

    // Applying the diff's kept and added lines gives the new text back.
    void reconstructs()
    {
        const QString before = QStringLiteral("# T\n\none\ntwo\nthree\nfour\n");
        const QString after = QStringLiteral("# Title\n\none\nthree\n3.5\nfour\nfive\n");
        QStringList rebuilt;
        QStringList original;
        for (const TextDiff::Line &l : TextDiff::lines(before, after)) {
            if (l.kind != TextDiff::Kind::Removed)
                rebuilt << l.text;
            if (l.kind != TextDiff::Kind::Added)
                original << l.text;
        }
        QCOMPARE(rebuilt.join(QLatin1Char('\n')), after);
        QCOMPARE(original.join(QLatin1Char('\n')), before);
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
