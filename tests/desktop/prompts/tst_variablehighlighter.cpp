// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/variablehighlighter.h"
#include "desktop/widgets/apptheme.h"

#include <QApplication>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>

using quire::gui::AppTheme;
using quire::gui::VariableHighlighter;
using namespace Qt::StringLiterals;

namespace {

// WCAG's contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}

} // namespace

// The prompt editor's colours for template tags: the right ranges get the
// right format, broken tags are marked, both themes stay readable.
class TestVariableHighlighter : public QObject
{
    Q_OBJECT
private:
    // "start+length:which" for every range the highlighter set on the first block.
    static QStringList rangesOf(const QTextEdit &edit, const VariableHighlighter &highlighter)
    {
        const QList<std::pair<QString, QTextCharFormat>> formats {
            { u"name"_s, highlighter.variableNameFormat() },  { u"variable"_s, highlighter.variableFormat() },
            { u"prompt"_s, highlighter.includeNameFormat() }, { u"include"_s, highlighter.includeFormat() },
            { u"escape"_s, highlighter.escapeFormat() },      { u"error"_s, highlighter.errorFormat() },
        };
        QStringList ranges;
        for (const QTextLayout::FormatRange &range : edit.document()->firstBlock().layout()->formats()) {
            QString which = u"?"_s;
            for (const auto &[name, format] : formats) {
                if (range.format == format) {
                    which = name;
                    break;
                }
            }
            ranges << u"%1+%2:%3"_s.arg(range.start).arg(range.length).arg(which);
        }
        ranges.sort();
        return ranges;
    }

private Q_SLOTS:
    void formatsAtTheirRanges_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain") << u"no tags here"_s << QStringList();
        // setFormat() over a range already formatted splits it: the tag's
        // ground, then its bold name, then the ground again.
        QTest::newRow("variable") << u"Hi {{ name }}!"_s
                                  << QStringList { u"10+3:variable"_s, u"3+3:variable"_s, u"6+4:name"_s };
        QTest::newRow("include") << u"{{> intro@production}}"_s
                                 << QStringList { u"0+4:include"_s, u"4+5:prompt"_s, u"9+13:include"_s };
        QTest::newRow("escape") << u"a \\{{b}}"_s << QStringList { u"2+3:escape"_s };
        QTest::newRow("unclosed") << u"x {{name"_s << QStringList { u"2+6:error"_s };
        QTest::newRow("broken tag") << u"{{a : colour}}"_s << QStringList { u"0+14:error"_s };
        QTest::newRow("unicode before") << u"Grüße 🎉 {{名前}}"_s
                                        << QStringList { u"11+2:name"_s, u"13+2:variable"_s, u"9+2:variable"_s };
    }
    void formatsAtTheirRanges()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QTextEdit edit;
        VariableHighlighter highlighter(edit.document());
        edit.setPlainText(text);
        QCOMPARE(rangesOf(edit, highlighter), expected);
    }

    void followsTyping()
    {
        QTextEdit edit;
        VariableHighlighter highlighter(edit.document());
        edit.setPlainText(u"Hello {{name"_s);
        QCOMPARE(rangesOf(edit, highlighter), QStringList { u"6+6:error"_s });
        QVERIFY(!VariableHighlighter::problemIn(edit.document()->firstBlock()).isEmpty());
        edit.moveCursor(QTextCursor::End);
        QTest::keyClicks(&edit, u"}}"_s);
        QCOMPARE(rangesOf(edit, highlighter), QStringList({ u"12+2:variable"_s, u"6+2:variable"_s, u"8+4:name"_s }));
        QVERIFY(VariableHighlighter::problemIn(edit.document()->firstBlock()).isEmpty());
    }

    void readableInBothThemes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void readableInBothThemes()
    {
        QFETCH(bool, dark);
        const QPalette palette = dark ? AppTheme::darkPalette() : AppTheme::lightPalette();
        QTextEdit edit;
        VariableHighlighter highlighter(edit.document());
        highlighter.setPalette(palette);
        const QColor base = palette.color(QPalette::Base);
        for (const QTextCharFormat &format : { highlighter.variableFormat(), highlighter.includeFormat() }) {
            const QColor ground = format.background().color();
            QVERIFY2(contrast(format.foreground().color(), ground) >= 4.5, qPrintable(ground.name()));
            // The tint stays near the page, so the tag reads as marked, not as a button.
            QVERIFY(contrast(ground, base) < 1.6);
        }
        QVERIFY(contrast(highlighter.errorFormat().foreground().color(), base) >= 4.5);
        QCOMPARE(highlighter.errorFormat().underlineStyle(), QTextCharFormat::WaveUnderline);
    }

    void followsTheApplicationPalette()
    {
        const QPalette before = QApplication::palette();
        QTextEdit edit;
        VariableHighlighter highlighter(edit.document());
        QApplication::setPalette(AppTheme::darkPalette());
        const QColor darkText = highlighter.variableFormat().foreground().color();
        QApplication::setPalette(AppTheme::lightPalette());
        const QColor lightText = highlighter.variableFormat().foreground().color();
        QApplication::setPalette(before);
        QVERIFY(darkText != lightText);
        QVERIFY(darkText.lightness() > lightText.lightness());
    }
};

QTEST_MAIN(TestVariableHighlighter)
#include "tst_variablehighlighter.moc"
