// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/articlekind.h"
#include "shared/articlepage.h"

#include <QSet>
#include <QTest>

using namespace quire::shared;

// The article kinds declared once: names, collections and paths read both
// ways, and a name no kind has is refused rather than taken for a guide.
class TestArticleKind : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kind_data()
    {
        QTest::addColumn<ArticleKind>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("collection");
        QTest::addColumn<QString>("apiPath");
        QTest::addColumn<QString>("sitePath");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("plural");
        QTest::newRow("guide") << ArticleKind::Guide << "guide"
                               << "guides"
                               << "/api/v1/guides"
                               << "/guides"
                               << "Guide"
                               << "Guides";
        QTest::newRow("case study") << ArticleKind::CaseStudy << "case_study"
                                    << "case-studies"
                                    << "/api/v1/case-studies"
                                    << "/case-studies"
                                    << "Case study"
                                    << "Case studies";
    }

    void kind()
    {
        QFETCH(ArticleKind, kind);
        QFETCH(QString, name);
        QFETCH(QString, collection);
        QFETCH(QString, apiPath);
        QFETCH(QString, sitePath);
        QFETCH(QString, label);
        QFETCH(QString, plural);
        QVERIFY(articleKinds().contains(kind));
        QCOMPARE(articleKindName(kind), name);
        QCOMPARE(articleKindFromName(name), kind);
        QCOMPARE(articleKindCollection(kind), collection);
        QCOMPARE(articleKindFromCollection(collection), kind);
        QVERIFY(!articleKindFromName(collection)); // a URL segment is not a stored name
        QCOMPARE(articleKindApiPath(kind), apiPath);
        QCOMPARE(articleKindSitePath(kind), sitePath);
        QCOMPARE(articleKindSiteLabel(kind), label);
        QCOMPARE(articleKindSitePluralLabel(kind), plural);
        QCOMPARE(articleKindLabel(kind), label); // no translator installed here
        QCOMPARE(articleKindPluralLabel(kind), plural);
    }

    void everyKindDeclaredOnce()
    {
        const QStringList names = articleKindNames();
        QCOMPARE(names.size(), articleKinds().size());
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
        QStringList collections;
        for (ArticleKind kind : articleKinds()) {
            collections << articleKindCollection(kind);
            QVERIFY(!articleKindNewLabel(kind).isEmpty());
        }
        QCOMPARE(QSet<QString>(collections.cbegin(), collections.cend()).size(), collections.size());
    }

    void unknownKindIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("third kind") << QStringLiteral("tutorial");
        QTest::newRow("spaced") << QStringLiteral("case study");
        QTest::newRow("case") << QStringLiteral("Guide");
    }

    void unknownKindIsRefused()
    {
        QFETCH(QString, text);
        QVERIFY(!articleKindFromName(text));
        QVERIFY(!articleKindFromCollection(text));
        // The site has no page for it: an error, not a guide's address.
        const Result<QString> path = ArticlePage::path(text, QStringLiteral("a-slug"));
        QVERIFY(!path);
        QVERIFY(path.error().is(ErrorCode::UnknownKind));
        ArticleView view;
        view.kind = text;
        view.slug = QStringLiteral("a-slug");
        view.title = QStringLiteral("Title");
        const Result<QByteArray> page = ArticlePage::render(view, {});
        QVERIFY(!page);
        QVERIFY(page.error().is(ErrorCode::UnknownKind));
    }

    void pathOfEveryKind()
    {
        ArticlePage::Site site;
        site.name = QStringLiteral("Site");
        site.baseUrl = QStringLiteral("https://example.org");
        for (ArticleKind kind : articleKinds()) {
            const QString where = articleKindSitePath(kind) + QStringLiteral("/a-slug");
            const Result<QString> path = ArticlePage::path(articleKindName(kind), QStringLiteral("a-slug"));
            QVERIFY(path);
            QCOMPARE(*path, where);
            ArticleView view;
            view.kind = articleKindName(kind);
            view.slug = QStringLiteral("a-slug");
            view.title = QStringLiteral("Title");
            const Result<QByteArray> page = ArticlePage::render(view, site);
            QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
            QVERIFY(page->contains((site.baseUrl + where).toUtf8()));
            QVERIFY(page->contains(articleKindSiteLabel(kind).toUtf8()));
        }
    }

    // The byline reads "By Ada · 6 December 2026 · 1 min read", its parts
    // apart.
    void bylineSeparatesItsParts()
    {
        ArticleView view;
        view.kind = articleKindName(ArticleKind::Guide);
        view.slug = QStringLiteral("a-slug");
        view.title = QStringLiteral("Title");
        view.authorName = QStringLiteral("Ada");
        view.publishedAt = QDateTime(QDate(2026, 12, 6), QTime(9, 30), Qt::UTC);
        const Result<QByteArray> page = ArticlePage::render(view, {});
        QVERIFY(page);
        QVERIFY2(page->contains("By Ada</span> · <time datetime=\"2026-12-06T09:30:00"), page->constData());
        QVERIFY(page->contains(">6 December 2026</time> · 1 min read"));
    }
};

QTEST_GUILESS_MAIN(TestArticleKind)
#include "tst_articlekind.moc"
