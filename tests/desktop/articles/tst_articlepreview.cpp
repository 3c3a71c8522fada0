// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/articlepreview.h"
#include "shared/articlepage.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineScript>

using quire::gui::ArticlePreview;
using quire::shared::ArticleView;

namespace {

// What a page script says, waited for.
QVariant evaluate(ArticlePreview &preview, const QString &script)
{
    QVariant result;
    bool done = false;
    preview.page()->runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant &v) {
        result = v;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("no answer from the page for %s", qPrintable(script));
    return result;
}

QString domHtml(ArticlePreview &preview)
{
    QString html;
    bool done = false;
    preview.page()->toHtml([&](const QString &h) {
        html = h;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("the page did not give its HTML");
    return html;
}

// Markup without the whitespace between tags, which serializing a DOM
// does not keep as the renderer wrote it.
QString compact(QString html)
{
    static const QRegularExpression between(QStringLiteral(">\\s+<"));
    return html.replace(between, QStringLiteral("><")).trimmed();
}

QString bodyDiv(const QString &page)
{
    static const QRegularExpression body(QStringLiteral("<div class=\"body\">(.*)</div>\\s*</article>"),
                                         QRegularExpression::DotMatchesEverythingOption);
    return body.match(page).captured(1);
}

} // namespace

// The live preview in a real QWebEngineView under offscreen: the page is
// the server's renderer's, with the site's name and the article's
// categories, styled by the site's stylesheet, with media from the
// library, nothing from the network, no unsafe links, and the scroll
// position kept across updates.
class TestArticlePreview : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ArticleView m_article;
    quire::shared::ArticlePage::Site m_site;
    std::unique_ptr<ArticlePreview> m_preview;
    QString m_imagePath;

    bool showAndWait()
    {
        QSignalSpy shown(m_preview.get(), &ArticlePreview::pageShown);
        m_preview->updateNow();
        return shown.wait(20000) && shown.first().first().toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ArticlePreview::isSchemeRegistered());
        QImage image(7, 5, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        m_imagePath = m_dir.filePath(QStringLiteral("cat.png"));
        QVERIFY(image.save(m_imagePath));
        m_article.kind = QStringLiteral("guide");
        m_article.slug = QStringLiteral("brewing");
        m_article.title = QStringLiteral("Brewing <coffee> & tea");
        m_article.summary = QStringLiteral("Water, beans and patience.");
        m_article.authorName = QStringLiteral("Ada");
        m_article.categories = { { QStringLiteral("Brewing methods"), QStringLiteral("brewing-methods") },
                                 { QStringLiteral("Tea & herbs"), QStringLiteral("tea") } };
        m_site.name = QStringLiteral("Kaffee & Kuchen");
        m_article.body
            = QStringLiteral("## Grind\n\nSome **bold** words and [a bad link](javascript:alert(1)) here.\n\n"
                             "- one\n- two\n\n![A cat](/media/cafe) ![remote](https://example.org/r.png)\n");
        m_preview = std::make_unique<ArticlePreview>();
        m_preview->setSource([this] { return m_article; });
        m_preview->setSiteSource([this] { return m_site; });
        m_preview->setMediaResolver(
            [this](const QString &url) { return url == QLatin1String("/media/cafe") ? m_imagePath : QString(); });
        m_preview->resize(900, 700);
        m_preview->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_preview.get()));
        QVERIFY(showAndWait());
    }

    void thePageIsTheRenderersPage()
    {
        const auto expected = quire::shared::ArticlePage::render(m_article, m_site);
        QVERIFY(expected.ok());
        QCOMPARE(m_preview->renderedHtml(), *expected);
        const QString dom = domHtml(*m_preview);
        QCOMPARE(compact(bodyDiv(dom)), compact(bodyDiv(QString::fromUtf8(*expected))));
        QVERIFY(!compact(bodyDiv(dom)).isEmpty());
        QCOMPARE(evaluate(*m_preview, QStringLiteral("document.querySelector('article > h1').textContent")).toString(),
                 m_article.title);
        QCOMPARE(evaluate(*m_preview, QStringLiteral("document.querySelector('.body h2').textContent")).toString(),
                 QStringLiteral("Grind"));
        QCOMPARE(evaluate(*m_preview, QStringLiteral("document.querySelectorAll('.body li').length")).toInt(), 2);
        QCOMPARE(evaluate(*m_preview, QStringLiteral("document.title")).toString(),
                 QStringLiteral("Brewing <coffee> & tea · Kaffee & Kuchen"));
    }

    void theSiteAndTheCategoriesAreNamed()
    {
        // The site's own name, where readers see it and where sharing does.
        QVERIFY(evaluate(*m_preview, QStringLiteral("document.body.innerText")).toString().contains(m_site.name));
        QCOMPARE(
            evaluate(*m_preview, QStringLiteral("document.querySelector('meta[property=\"og:site_name\"]').content"))
                .toString(),
            m_site.name);
        // The categories by name, linked to their pages, in the article's order.
        QCOMPARE(evaluate(*m_preview,
                          QStringLiteral("Array.from(document.querySelectorAll('a[href^=\"/categories/\"]'), "
                                         "a => a.getAttribute('href') + ' ' + a.textContent).join('; ')"))
                     .toString(),
                 QStringLiteral("/categories/brewing-methods Brewing methods; /categories/tea Tea & herbs"));
    }

    void theSiteStylesheetApplies()
    {
        QFile css(QStringLiteral(":/quire/site/site.css"));
        QVERIFY(css.open(QIODevice::ReadOnly));
        static const QRegularExpression bodyFont(QStringLiteral("body \\{[^}]*font: \\S+ ([^;]+);"));
        const QString families = bodyFont.match(QString::fromUtf8(css.readAll())).captured(1);
        QVERIFY(families.contains(QStringLiteral("system-ui")));
        QCOMPARE(evaluate(*m_preview, QStringLiteral("getComputedStyle(document.body).fontFamily")).toString(),
                 families);
        // main { max-width: 46rem } with the browser's 16px root size.
        QCOMPARE(evaluate(*m_preview, QStringLiteral("getComputedStyle(document.querySelector('main')).maxWidth"))
                     .toString(),
                 QStringLiteral("736px"));
    }

    void unsafeLinksDoNotAppear()
    {
        const QString dom = domHtml(*m_preview);
        QVERIFY(dom.contains(QStringLiteral("a bad link")));
        QVERIFY(!dom.contains(QStringLiteral("javascript")));
        QCOMPARE(evaluate(*m_preview, QStringLiteral("document.querySelectorAll('.body a').length")).toInt(), 0);
    }

    void mediaLoadsAndTheNetworkDoesNot()
    {
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(*m_preview, QStringLiteral("document.querySelector('img[alt=\"A cat\"]').naturalWidth")).toInt(),
            7, 10000);
        QCOMPARE(
            evaluate(*m_preview, QStringLiteral("document.querySelector('img[alt=\"remote\"]').naturalWidth")).toInt(),
            0);
        QVERIFY(m_preview->blockedRequests() >= 1);
    }

    void updatesKeepTheScrollPosition()
    {
        QString body;
        for (int i = 0; i < 200; ++i)
            body += QStringLiteral("Paragraph %1 of a long text.\n\n").arg(i);
        m_article.body = body;
        QVERIFY(showAndWait());
        evaluate(*m_preview, QStringLiteral("window.scrollTo(0, 1500)"));
        QTRY_COMPARE(evaluate(*m_preview, QStringLiteral("window.scrollY")).toInt(), 1500);
        m_article.body = body + QStringLiteral("One more line.\n");
        QSignalSpy shown(m_preview.get(), &ArticlePreview::pageShown);
        m_preview->scheduleUpdate(); // after the pause
        QVERIFY(shown.wait(20000));
        QVERIFY(m_preview->renderedHtml().contains("One more line."));
        QCOMPARE(evaluate(*m_preview, QStringLiteral("window.scrollY")).toInt(), 1500);
    }

    void cleanupTestCase() { m_preview.reset(); }
};

int main(int argc, char *argv[])
{
    // Chromium runs as root (CI, containers) only without its sandbox, and
    // under offscreen without a GPU.
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu");
    ArticlePreview::registerScheme(); // before the application, as Qt WebEngine requires
    QApplication app(argc, argv);
    TestArticlePreview test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_articlepreview.moc"
