// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/pagetemplate.h"

#include <QTest>

using quire::shared::PageTemplate;

// The escape-by-default page template: values are escaped unless the page
// hands in its own HTML, and mistakes are errors, not blanks.
class TestPageTemplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void renders_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("<p>{{v}}</p>") << QStringLiteral("hi") << QByteArray("<p>hi</p>");
        QTest::newRow("escaped") << QByteArray("<p>{{v}}</p>") << QStringLiteral("<script>&\"'")
                                 << QByteArray("<p>&lt;script&gt;&amp;&quot;&#39;</p>");
        QTest::newRow("attribute") << QByteArray("<a title=\"{{ v }}\">") << QStringLiteral("\" onclick=\"x")
                                   << QByteArray("<a title=\"&quot; onclick=&quot;x\">");
        QTest::newRow("raw is the page's own html") << QByteArray("{{{html}}}") << QString() << QByteArray("<b>ok</b>");
        QTest::newRow("unicode") << QByteArray("{{v}}") << QStringLiteral("Grüße")
                                 << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                               "e");
    }
    void renders()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, value);
        QFETCH(QByteArray, expected);
        auto t = PageTemplate::parse(text);
        QVERIFY(t);
        auto out = t->render({ { "v", value } }, { { "html", QByteArrayLiteral("<b>ok</b>") } });
        QVERIFY(out);
        QCOMPARE(*out, expected);
    }

    void mistakesAreErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("unclosed") << QByteArray("<p>{{v</p>");
        QTest::newRow("empty") << QByteArray("{{ }}");
        QTest::newRow("odd name") << QByteArray("{{a.b}}");
        QTest::newRow("unknown partial") << QByteArray("{{> nothing-here}}");
    }
    void mistakesAreErrors()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!PageTemplate::parse(text));
    }

    void aMissingValueIsAnError()
    {
        auto t = PageTemplate::parse("{{a}} {{{b}}}");
        QVERIFY(t);
        QVERIFY(!t->render({}, { { "b", "x" } }));
        QVERIFY(!t->render({ { "a", QStringLiteral("x") } }, {}));
    }

    void builtinPagesIncludeTheirPartials()
    {
        auto t = PageTemplate::builtin(QStringLiteral("message"));
        QVERIFY(t);
        auto out = t->render({ { "lang", QStringLiteral("en") },
                               { "site_name", QStringLiteral("Q & A") },
                               { "heading", QStringLiteral("H") },
                               { "message", QStringLiteral("M") } });
        QVERIFY(out);
        QVERIFY(out->startsWith("<!DOCTYPE html>"));
        QVERIFY(out->contains("href=\"/assets/site.css\""));
        QVERIFY(out->contains("<a class=\"brand\" href=\"/\">Q &amp; A</a>"));
    }
};

QTEST_GUILESS_MAIN(TestPageTemplate)
#include "tst_pagetemplate.moc"
