// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/markdownrenderer.h"

#include <QRegularExpression>
#include <QTest>

namespace Renderer = quire::shared::MarkdownRenderer;

// The shared Markdown renderer: every construct the editor offers, and a
// corpus of XSS payloads that must come out inert.
class TestMarkdownRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void constructs_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("html");
        QTest::newRow("heading") << "# Title"
                                 << "<h1>Title</h1>\n";
        QTest::newRow("h3") << "### Small"
                            << "<h3>Small</h3>\n";
        QTest::newRow("emphasis") << "*a* **b** ~~c~~ `d`"
                                  << "<p><em>a</em> <strong>b</strong> <del>c</del> <code>d</code></p>\n";
        QTest::newRow("link") << "[Quire](https://quire.example.org \"Home\")"
                              << "<p><a href=\"https://quire.example.org\" title=\"Home\">Quire</a></p>\n";
        QTest::newRow("relative link") << "[next](/guides/next#part)"
                                       << "<p><a href=\"/guides/next#part\">next</a></p>\n";
        QTest::newRow("image") << "![A cat](/media/ab.png)"
                               << "<p><img src=\"/media/ab.png\" loading=\"lazy\" alt=\"A cat\"></p>\n";
        QTest::newRow("bullets") << "- one\n- two"
                                 << "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n";
        QTest::newRow("numbered from 3") << "3. three\n4. four"
                                         << "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n";
        QTest::newRow("tasks") << "- [x] done\n- [ ] open"
                               << "<ul>\n<li class=\"task\"><input type=\"checkbox\" disabled checked "
                                  "aria-label=\"Task\"> done</li>\n"
                                  "<li class=\"task\"><input type=\"checkbox\" disabled aria-label=\"Task\"> "
                                  "open</li>\n</ul>\n";
        QTest::newRow("quote") << "> said"
                               << "<blockquote>\n<p>said</p>\n</blockquote>\n";
        QTest::newRow("code block") << "```cpp\nint a = 1 < 2;\n```"
                                    << "<pre><code class=\"language-cpp\">int a = 1 &lt; 2;\n</code></pre>\n";
        QTest::newRow("rule") << "a\n\n---\n\nb"
                              << "<p>a</p>\n<hr>\n<p>b</p>\n";
        QTest::newRow("table")
            << "| a | b |\n|:--|--:|\n| 1 | 2 |"
            << "<table>\n<thead>\n<tr><th class=\"align-left\">a</th><th class=\"align-right\">b</th></tr>\n"
               "</thead>\n<tbody>\n<tr><td class=\"align-left\">1</td><td class=\"align-right\">2</td></tr>\n"
               "</tbody>\n</table>\n";
        QTest::newRow("autolink") << "see https://example.org now"
                                  << "<p>see <a href=\"https://example.org\">https://example.org</a> now</p>\n";
        QTest::newRow("entity kept") << "&copy; &amp;"
                                     << "<p>&copy; &amp;</p>\n";
        QTest::newRow("unicode") << "Grüße 🎉"
                                 << "<p>Grüße 🎉</p>\n";
        QTest::newRow("hard break") << "a  \nb"
                                    << "<p>a<br>\nb</p>\n";
    }
    void constructs()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, html);
        QCOMPARE(Renderer::toHtml(markdown), html);
    }

    // A NUL in the source is one U+FFFD on the page (CommonMark), and no NUL
    // byte gets through: md4c reports each NUL twice (found by fuzzing).
    void nulIsOneReplacementCharacter_data()
    {
        QTest::addColumn<QByteArray>("markdown");
        QTest::addColumn<QByteArray>("html");
        const auto bytes = [](const char *text, qsizetype size) { return QByteArray(text, size); };
        QTest::newRow("paragraph") << bytes("a\0b", 3)
                                   << QByteArray("<p>a\xef\xbf\xbd"
                                                 "b</p>\n");
        QTest::newRow("at the end") << bytes("a\0", 2) << QByteArray("<p>a\xef\xbf\xbd</p>\n");
        QTest::newRow("two") << bytes("a\0\0b", 4)
                             << QByteArray("<p>a\xef\xbf\xbd\xef\xbf\xbd"
                                           "b</p>\n");
        QTest::newRow("code block") << bytes("```\na\0b\n```\n", 12)
                                    << QByteArray("<pre><code>a\xef\xbf\xbd"
                                                  "b\n</code></pre>\n");
        QTest::newRow("code span") << bytes("`a\0b`", 5)
                                   << QByteArray("<p><code>a\xef\xbf\xbd"
                                                 "b</code></p>\n");
        QTest::newRow("dropped image") << bytes("![a\0b](javascript:x)", 20)
                                       << QByteArray("<p>a\xef\xbf\xbd"
                                                     "b</p>\n");
    }
    void nulIsOneReplacementCharacter()
    {
        QFETCH(QByteArray, markdown);
        QFETCH(QByteArray, html);
        QCOMPARE(Renderer::toHtml(markdown), html);
    }

    // Under a page's own h1, a body's headings start at h2 and never skip a level.
    void headingsAsAnOutline_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("levels");
        QTest::newRow("from h2") << "## a\n### b\n## c"
                                 << "2 3 2";
        QTest::newRow("h1 moves down") << "# a\n## b\n# c"
                                       << "2 3 2";
        QTest::newRow("skips closed") << "## a\n#### b\n### c\n###### d"
                                      << "2 3 3 4";
        QTest::newRow("deep first") << "#### a\n## b\n### c"
                                    << "2 2 3";
        QTest::newRow("at most h6") << "# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6"
                                    << "2 3 4 5 6 6";
    }
    void headingsAsAnOutline()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, levels);
        const QByteArray html = Renderer::toHtml(markdown.toUtf8(), 2);
        static const QRegularExpression opening(QStringLiteral("<h([1-6])>"));
        QStringList found;
        for (auto it = opening.globalMatch(QString::fromUtf8(html)); it.hasNext();)
            found << it.next().captured(1);
        QCOMPARE(found.join(QLatin1Char(' ')), levels);
        QCOMPARE(html.count("</h"), found.size());
        // Without a level to start from, as written.
        QCOMPARE(Renderer::toHtml(QByteArray("#### x"), 0), QByteArray("<h4>x</h4>\n"));
    }

    void xssCorpus_data()
    {
        QTest::addColumn<QString>("markdown");
        const char *payloads[] = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](java\tscript:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](&#x6A;avascript:alert(1))",
            "[click](javascript&colon;alert(1))",
            "[click]( javascript:alert(1))",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](file:///etc/passwd)",
            "![x](javascript:alert(1))",
            "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
            "<javascript:alert(1)>",
            "[x](https://ok.example \"\\\" onmouseover=\\\"alert(1)\")",
            "![a\" onerror=\"alert(1)](/ok.png)",
            "```\"><script>alert(1)</script>\nx\n```",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "[x]: javascript:alert(1)\n\n[ref][x]",
            "<!-- <script>alert(1)</script> -->",
            "<style>body{background:red}</style>",
            "**<img src=x onerror=alert(1)>**",
            "| <script>alert(1)</script> |\n|---|\n| x |",
        };
        for (const char *p : payloads)
            QTest::newRow(p) << QString::fromUtf8(p);
    }
    void xssCorpus()
    {
        QFETCH(QString, markdown);
        const QString html = Renderer::toHtml(markdown).toLower();
        // No element but the renderer's own, no script, no handler attribute,
        // no dangerous URL scheme anywhere in an attribute.
        QVERIFY2(!html.contains(QLatin1String("<script")), qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("<img src=x")), qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("<svg")) && !html.contains(QLatin1String("<iframe"))
                     && !html.contains(QLatin1String("<style")) && !html.contains(QLatin1String("<div")),
                 qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("href=\"javascript")) && !html.contains(QLatin1String("src=\"javascript"))
                     && !html.contains(QLatin1String("href=\"vbscript"))
                     && !html.contains(QLatin1String("href=\"data:")) && !html.contains(QLatin1String("src=\"data:"))
                     && !html.contains(QLatin1String("href=\"file:")) && !html.contains(QLatin1String("href=\"&#"))
                     && !html.contains(QLatin1String("href=\" ")),
                 qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("\" onerror=")) && !html.contains(QLatin1String("\" onmouseover=")),
                 qPrintable(html));
        // Every '<' in the output opens one of the renderer's own tags.
        static const QStringList allowed { QStringLiteral("p"),     QStringLiteral("a"),      QStringLiteral("img"),
                                           QStringLiteral("em"),    QStringLiteral("strong"), QStringLiteral("code"),
                                           QStringLiteral("pre"),   QStringLiteral("table"),  QStringLiteral("thead"),
                                           QStringLiteral("tbody"), QStringLiteral("tr"),     QStringLiteral("th"),
                                           QStringLiteral("td"),    QStringLiteral("ul"),     QStringLiteral("ol"),
                                           QStringLiteral("li"),    QStringLiteral("br"),     QStringLiteral("del") };
        for (qsizetype i = html.indexOf(QLatin1Char('<')); i >= 0; i = html.indexOf(QLatin1Char('<'), i + 1)) {
            qsizetype end = i + 1;
            if (end < html.size() && html[end] == QLatin1Char('/'))
                ++end;
            qsizetype nameEnd = end;
            while (nameEnd < html.size() && html[nameEnd].isLetterOrNumber())
                ++nameEnd;
            QVERIFY2(allowed.contains(html.mid(end, nameEnd - end)), qPrintable(html));
        }
    }

    void safeUrls_data()
    {
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<bool>("safe");
        QTest::newRow("https") << QByteArray("https://a.example/x") << true;
        QTest::newRow("mailto") << QByteArray("mailto:a@b.example") << true;
        QTest::newRow("relative") << QByteArray("/guides/x?y=z:1") << true;
        QTest::newRow("fragment") << QByteArray("#part") << true;
        QTest::newRow("javascript") << QByteArray("javascript:x") << false;
        QTest::newRow("spaced") << QByteArray(" java script:x") << false;
        QTest::newRow("ftp") << QByteArray("ftp://x") << false;
    }
    void safeUrls()
    {
        QFETCH(QByteArray, url);
        QFETCH(bool, safe);
        QCOMPARE(Renderer::isSafeUrl(url), safe);
    }
};

QTEST_GUILESS_MAIN(TestMarkdownRenderer)
#include "tst_markdownrenderer.moc"
